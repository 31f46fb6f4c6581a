# SPDX-License-Identifier: MIT
"""The options of scripts/run as one table (flag, value name, default, what it does,
what it accepts), and the parser and --help made from it."""
import argparse
import re
import textwrap

from .. import qemu
from ..errors import OptionError, UsageError
from ..options.facts import (
    ARM_CPUS,
    BOOTARGS_MAX,
    CPUS,
    MACHINE_PROPS,
    PROG,
    SIZE_SYNTAX,
    TIMEOUT_MAX,
)

# ---- the table: option, value name, default, what it does, accepted ------------
# `accepted` is what --help shows; a refusal names the part that applies.
OPTIONS = [
    ("--platform", "P", "qemu", "what boots the harness", "qemu or xen"),
    (
        "--arch",
        "A",
        "aarch64",
        "the image's architecture: arm boots the 32-bit image (make ARCH=arm, build/arm/"
        "harness.bin) with qemu-system-arm",
        "aarch64 or arm",
    ),
    (
        "--boot",
        "HOW",
        "kernel",
        (
            "QEMU: what loads the image: kernel is QEMU's -kernel; uboot is Debian's U-Boot "
            "(u-boot-qemu: qemu_arm with --arch arm, qemu_arm64) as -bios, which takes the image, "
            "the ramdisk and the bootargs from fw_cfg (its distro boot's qfw target) and starts "
            "it with bootz (booti for arm64) and QEMU's tree as U-Boot edited it"
        ),
        "kernel or uboot; uboot with --platform qemu only, not with --load-addr, "
        "--no-dtb, --no-initrd, --numa 2 or more, or --machine secure=on (with --dtb: QEMU's "
        "-dtb, the tree U-Boot starts with, whose /memory and /psci QEMU rewrites)",
    ),
    ("--gic", "N", "3", "GIC version of the (host) machine", "2 or 3"),
    (
        "--smp",
        "N",
        "2",
        "CPUs of the (host) machine",
        (
            "1..8 with --gic 2 (QEMU 7.2 virt's max_cpus), 1..458 with --gic 3 (QEMU allows 512, "
            "but from 459 its ACPI warning swallows the report's first line); "
            "with --platform xen at most Xen's CONFIG_NR_CPUS (128)"
        ),
    ),
    (
        "--mem",
        "SIZE",
        "512M; Xen host 2G",
        "RAM of the (host) machine",
        (
            f"{SIZE_SYNTAX}, a multiple of 8K (QEMU rounds -m up to 8 KiB); "
            "qemu: from 2M + the Image's image_size rounded up to 2M, + 1M for QEMU's tree "
            "(5M for the harness: its image_size is under 1 MiB), 64M with --dtb or --load-addr; "
            "xen: past the modules "
            "at 0x50000000 (256M + the image, the ramdisk at the next 2M) and --domu-mem + what "
            "Xen keeps (16M + 1/32); "
            "at most 255G (QEMU virt; 3G with --machine highmem=off) and the host's RAM + swap"
        ),
    ),
    (
        "--el",
        "N",
        "1",
        "QEMU entry exception level: 2 boots with virtualization=on",
        "1 or 2; with --platform xen only 1 (the domU starts at EL1)",
    ),
    (
        "--load-addr",
        "ADDR",
        None,
        "QEMU: place the image at this address with the generic loader (tests relocation)",
        (
            f"a 4 KiB-aligned address (0x.. or decimal) from {qemu.RAM_BASE:#x}: below "
            f"{qemu.USER_DTB_ADDR - (4 << 20):#x} (the tree at RAM + 48 MiB), or with --no-dtb "
            "with the image inside RAM; --platform qemu only"
        ),
    ),
    (
        "--no-dtb",
        None,
        None,
        "QEMU: start the harness with no device tree (x0 = 0)",
        "--platform qemu only, not with --dtb",
    ),
    (
        "--dtb",
        "FILE",
        None,
        "hand the harness this device tree instead of QEMU's",
        (
            "an existing regular file: .dts (dtc must compile it) or a blob used byte for byte, "
            "that fits in RAM above RAM + 48 MiB; --platform qemu only"
        ),
    ),
    (
        "--machine",
        "PROPS",
        None,
        (
            "QEMU: more virt machine properties, KEY=VALUE[,KEY=VALUE], "
            "passed to QEMU's -machine (one QEMU does not know is its error, status 6)"
        ),
        "a comma list of KEY=VALUE, each key once, not gic-version or virtualization (--gic, --el);"
        " those the harness knows with their values: "
        + ", ".join(f"{k}={'|'.join(v)}" for k, v in MACHINE_PROPS.items())
        + "; mte=on needs --cpu max; secure=on not with --load-addr or --no-dtb (the generic "
        "loader would start the image at EL3); --platform qemu only",
    ),
    (
        "--cpu",
        "NAME",
        "cortex-a57; cortex-a15 with --arch arm",
        "QEMU: the CPU model",
        ", ".join(CPUS) + "; with --arch arm " + ", ".join(ARM_CPUS) + "; --platform qemu only",
    ),
    (
        "--virtio",
        "LIST",
        "rng,blk,modern",
        (
            "QEMU: virtio-mmio devices to attach (the dma suite's): rng, blk (a scratch disk,"
            " disk.img in --out, checked after the run), and modern to make every transport Version"
            " 2 (virtio-mmio.force-legacy=false); a list without modern keeps QEMU's legacy"
            " Version 1 transports"
        ),
        "none, or a comma list of rng, blk and modern, each once; --platform qemu only",
    ),
    (
        "--numa",
        "N",
        "0",
        (
            "QEMU: NUMA nodes (-numa): the RAM split evenly among them, the CPUs in order (node i"
            " the i-th share of --smp), each node at distance 20 from the others; 0 gives no"
            " -numa. The harness is told (vm_numa=) and holds the tree's numa-node-id and"
            " /distance-map to it"
        ),
        "0..--smp and at most 16 (each node one CPU at least and one memory bank; the harness"
        " keeps 16), with --mem a multiple of N x 2M; --platform qemu only, not with --no-dtb",
    ),
    (
        "--pci",
        "LIST",
        "testdev,edu,virtio,blk,bridge",
        (
            "QEMU: PCI devices to attach on the root bus (the pci suite's), each in its own slot:"
            " testdev (pci-testdev, slot 1, with a 64-bit prefetchable BAR), edu (QEMU's edu"
            " device, slot 2: INTx, MSI, DMA), virtio (virtio-rng-pci, slot 3: I/O BAR, MSI-X),"
            " blk (modern virtio-blk-pci, slot 4, on a read-only pci-disk.img in --out: a read"
            " by DMA, its MSI-X or INTx), bridge (pcie-pci-bridge, slot 5: an e1000 in its slot 2,"
            " with edu a second edu in its slot 1, and a pci-bridge in its slot 6 with an e1000"
            " in slot 1 behind that)"
        ),
        "none, or a comma list of testdev, edu, virtio, blk and bridge, each once; --platform qemu"
        " only",
    ),
    (
        "--vcpus",
        "N",
        "1",
        "Xen: domU vCPUs",
        (
            "1..8 with --gic 2 (Xen's vGICv2), 1..29 with --gic 3 (Xen 4.17's domU tree); "
            "--platform xen only"
        ),
    ),
    (
        "--domu-mem",
        "SIZE",
        "256M",
        "Xen: domU memory",
        (
            f"{SIZE_SYNTAX}, a multiple of 4K; from the Image's image_size rounded up to 2M "
            "+ 2M + 4K, + 2M for the ramdisk (6M + 4K for the harness, whose image_size is under "
            "1 MiB; 4M + 4K with "
            "--no-initrd: Xen's place_modules) to --mem minus "
            "what Xen keeps (16M + 1/32 of --mem); --platform xen only"
        ),
    ),
    (
        "--domu-dtb",
        "FILE",
        None,
        (
            "Xen: a partial device tree for the domU (a multiboot,device-tree module): Xen"
            " copies its /passthrough node, children and all, into the tree it builds"
            " (docs/misc/arm/passthrough.txt); how a lie reaches a domU"
        ),
        "an existing regular file: .dts (dtc must compile it) or a blob; --platform xen only",
    ),
    (
        "--no-vpl011",
        None,
        None,
        "Xen: no emulated UART for the domU (console_io instead)",
        "--platform xen only; with --no-enhanced too",
    ),
    (
        "--no-enhanced",
        None,
        None,
        "Xen: no /hypervisor node (xen,enhanced)",
        "--platform xen only; with --no-vpl011 too",
    ),
    (
        "--no-initrd",
        None,
        None,
        (
            "give the harness no initial ramdisk (by default the runner gives it initrd.bin, in"
            " --out: QEMU's -initrd, Xen a multiboot,ramdisk module, with --dtb or --load-addr"
            " loaded after the tree and named in its /chosen); the boot suite's initrd case"
            " holds what /chosen names against it"
        ),
        "not with --no-dtb (no tree names a ramdisk, and none is given)",
    ),
    (
        "--bootargs",
        "STR",
        "",
        (
            "harness bootargs, space-separated KEY=VALUE: suites=LIST (a comma list of SUITE and"
            " SUITE.CASE, as --only; default every suite but the on-request ones), list (as"
            " --list), watchdog=S (per-case watchdog, 1..3599 s, default 20), depth=quick|full"
            " (full: also the checks too slow for every run), profile=NAME"
            " (xen-4.17 or qemu-virt-7.2); the runner adds vm_mem=BYTES, expect_el=1|2 and"
            " vm_initrd=yes|no (and for QEMU vm_virtio=LIST, its --virtio, vm_pci=LIST, its --pci,"
            " vm_topology=S.C.K.T, -smp's topology, and vm_numa=N, its --numa). Any other key, a"
            " bad value or a repeat fails the run's bootargs check"
        ),
        (
            "printable ASCII, no newline; with the runner's own (expect_el=, vm_mem=, vm_initrd=,"
            f" vm_virtio=, vm_pci=, vm_topology=, vm_numa=) at most {BOOTARGS_MAX} bytes"
            " (lib/runtime/options.h)"
        ),
    ),
    (
        "--only",
        "LIST",
        None,
        (
            "run only these suites and cases: a comma list of SUITE (every case of it) and"
            " SUITE.CASE items, e.g. gic.sgi_self,dma; the runner passes it as the bootarg"
            " suites=LIST (--list shows the names)"
        ),
        (
            "names of letters, digits and _, each item once; not with "
            "--bootargs suites= or --list; the harness judges whether each name exists"
        ),
    ),
    (
        "--list",
        None,
        None,
        (
            "list the image's suites and their cases, which run by default and which only on"
            " request, and run none (boots it with the bootarg list; list.txt in --out)"
        ),
        (
            "not with --only, --bootargs, --junit, --baseline, --no-baseline, --accept-vanished"
            " or --strict-claims"
        ),
    ),
    (
        "--timeout",
        "S",
        "60",
        "seconds before a run counts as hung",
        f"a number of seconds, 0 < S <= {TIMEOUT_MAX:g}",
    ),
    (
        "--out",
        "DIR",
        "build/run/<config>",
        (
            "output directory: one run's files (an earlier run's "
            "there are removed first; <config> ends in -list with --list)"
        ),
        (
            "a directory that can be created or written, and is empty or an earlier run's (has"
            " run.json)"
        ),
    ),
    (
        "--junit",
        "FILE",
        None,
        "also write JUnit XML here",
        "a file that can be written, in an existing directory (not a directory)",
    ),
    (
        "--image",
        "FILE",
        "build/harness.bin; build/arm/harness.bin with --arch arm",
        "the harness image",
        (
            'an existing arm64 Image ("ARM\\x64" at 0x38); with --arch arm a zImage '
            "(0x016f2818 at 0x24)"
        ),
    ),
    (
        "--baseline",
        "FILE",
        "tests/baselines/PROFILE.txt",
        (
            "the known deviations the run is held against; PROFILE is the one the report names, "
            "else the platform's (xen-4.17, qemu-virt-7.2)"
        ),
        "a baseline file, not with --no-baseline; its format: tests/baselines/README.md",
    ),
    (
        "--no-baseline",
        None,
        None,
        "hold the run against no baseline: every failure fails it",
        "not with --baseline or --accept-vanished",
    ),
    (
        "--accept-vanished",
        None,
        None,
        "let known deviations that no longer occur pass",
        "not with --no-baseline",
    ),
    (
        "--strict-claims",
        None,
        None,
        (
            "fail the run (status 1) on an unchecked claim of the tree (a property no check"
            " held) that the baseline's unchecked entries do not list, or on a report without"
            " claim coverage; a run of some suites only (suites=) is not judged (coverage is"
            " partial). Default: the claims line shows them and the verdict does not change"
        ),
        "not with --list",
    ),
    (
        "--dry-run",
        None,
        None,
        "check the options, print the run's configuration and start nothing",
        "any other options",
    ),
    ("--quiet", None, None, "print only the verdict", "-"),
    ("-v", None, None, "print the whole report as it arrives, not just each suite's verdict", "-"),
]
ACCEPTED = {flag: acc for flag, _, _, _, acc in OPTIONS}


class Parser(argparse.ArgumentParser):
    """argparse for the syntax only (every value is a string); its errors
    become one line of ours."""

    def error(self, message):
        m = re.match(r"argument ([^:]+): expected one argument", message)
        if m:
            flag = m.group(1).split("/")[-1]
            raise OptionError(flag, None, "needs a value", ACCEPTED.get(flag, "see --help"))
        m = re.match(r"unrecognized arguments: (.*)", message)
        if m:
            raise OptionError(
                m.group(1).split()[0],
                None,
                "not an option of scripts/run",
                "the options of scripts/run --help",
            )
        m = re.match(r"ambiguous option: (\S+) could match (.*)", message)
        if m:
            raise OptionError(
                m.group(1), None, f"ambiguous (could be {m.group(2)})", "an option's whole name"
            )
        raise UsageError(message)


def help_text():
    lines = []
    for flag, metavar, default, what, acc in OPTIONS:
        name = "-v, --verbose" if flag == "-v" else flag
        lines.append(f"  {name}{' ' + metavar if metavar else ''}")
        text = what + (f" (default {default})" if default not in (None, "") else "")
        lines += textwrap.wrap(text, 88, initial_indent="      ", subsequent_indent="      ")
        if acc != "-":
            lines += textwrap.wrap(
                "accepted: " + acc, 88, initial_indent="      ", subsequent_indent="        "
            )
    return "\n".join(lines)


def parser(description):
    p = Parser(
        prog=PROG,
        description=description,
        add_help=False,
        allow_abbrev=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage=f"{PROG} [OPTION...] (scripts/run --help shows each option's range)",
        epilog="options:\n  -h, --help  this text\n" + help_text(),
    )
    p.add_argument("-h", "--help", action="help", help=argparse.SUPPRESS)
    for flag, metavar, *_ in OPTIONS:
        names = [flag] + (["--verbose"] if flag == "-v" else [])
        if metavar:
            p.add_argument(*names, metavar=metavar, default=None, help=argparse.SUPPRESS)
        else:
            p.add_argument(*names, action="store_true", help=argparse.SUPPRESS)
    return p
