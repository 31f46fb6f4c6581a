# SPDX-License-Identifier: MIT
"""The options of scripts/run: their syntax, the range each accepts and the
combinations they allow, checked here, in one place, before anything starts.

Every refusal is one line and status 2 (a missing tool is status 8):

    scripts/run: --OPT VALUE: why; accepted: range

`scripts/run --help` shows each option's accepted range from the same table
(OPTIONS). Where each bound comes from is said beside it; the figures were
measured with QEMU 7.2 and Xen 4.17 (docs/running.md).
"""
import argparse
import os

from .. import outdir, paths, qemu, xen
from ..errors import SetupError
from ..options.facts import (
    KiB,
    MiB,
    QEMU_DTB_MEM,
    QEMU_MAX_CPUS,
    QEMU_LOW_RAM_MAX,
    QEMU_MAX_RAM,
    QEMU_RAM_GRAIN,
    XEN_DOMU_GRAIN,
    XEN_MAX_VCPUS,
    align_up,
    host_memory,
    qemu_min_mem,
    size_text,
    xen_min_domu,
    xen_zimage_layout,
    xen_zimage_min_domu,
    xen_min_host,
    xen_nr_cpus,
    xen_own,
)
from ..options.table import ACCEPTED, parser
from ..options.checks import (
    bad,
    check_bootargs,
    check_dtb,
    check_image,
    check_junit,
    check_list,
    check_machine,
    check_only,
    check_out,
    check_numa,
    check_virtio,
    check_pci,
    check_timeout,
    choice,
    integer,
    need_tool,
    size,
)


def validate(raw):
    """The run's configuration from argparse's strings, or an OptionError,
    before any process of the platform starts. The checks go in an order in
    which each range can rest on the options already checked."""
    a = argparse.Namespace(**vars(raw))
    for flag in ("--out", "--junit", "--image", "--dtb"):
        if getattr(raw, flag[2:]) == "":
            bad(flag, "", "empty")
    a.platform = choice("--platform", raw.platform, "qemu", ("qemu", "xen"))
    is_xen = a.platform == "xen"
    a.arch = choice("--arch", raw.arch, "aarch64", ("aarch64", "arm"))
    a.gic = int(choice("--gic", raw.gic, "3", ("2", "3")))
    a.boot = choice("--boot", raw.boot, "kernel", ("kernel", "uboot"))
    if a.boot == "uboot":
        try:
            numa_nodes = int(raw.numa or "0", 0)
        except ValueError:
            numa_nodes = 0  # check_numa names the bad value
        for flag, given in (
            ("--platform xen", is_xen),
            ("--load-addr", raw.load_addr is not None),
            ("--no-dtb", raw.no_dtb),
            ("--no-initrd", raw.no_initrd),
            ("--numa", numa_nodes >= 2),
            ("--machine secure=on", "secure=on" in (raw.machine or "").split(",")),
        ):
            if given:
                why = {
                    "--no-initrd": "U-Boot's qfw boot passes the kernel's size as the ramdisk's "
                    "when there is no ramdisk (bootcmd_qfw: $ramdisk_addr_r:$filesize)",
                    "--numa": "U-Boot sizes its RAM by the first memory node (NUMA node 0) "
                    "and loads the tree and ramdisk over its own relocated copy, and its "
                    "fixup rewrites /memory; the run is silent",
                    "--machine secure=on": "Debian's U-Boot started at EL3 aborts in its "
                    "initcalls (### ERROR ### Please RESET the board ###)",
                }.get(flag, "U-Boot loads the image itself, with QEMU's tree")
                bad("--boot", "uboot", f"not with {flag}: {why}", ACCEPTED["--boot"])
        if not os.path.isfile(qemu.UBOOT[a.arch]):
            raise SetupError(
                f"{qemu.UBOOT[a.arch]} is not installed (u-boot-qemu, for --boot uboot); "
                "run scripts/setup"
            )
    if is_xen:
        a.el = int(choice("--el", raw.el, "1", ("1",)))
    else:
        a.el = int(choice("--el", raw.el, "1", ("1", "2")))
    cpus = QEMU_MAX_CPUS[a.gic]
    accepted = f"1..{cpus} with --gic {a.gic}" + (
        " (QEMU 7.2 virt's max_cpus)"
        if a.gic == 2
        else " (from 459 QEMU's ACPI warning swallows the report)"
    )
    if is_xen and xen_nr_cpus() < cpus:
        cpus = xen_nr_cpus()
        accepted = f"1..{cpus} with --platform xen (Xen's CONFIG_NR_CPUS)"
    a.smp = integer("--smp", raw.smp, "2", 1, cpus, accepted)

    # Flags for the other platform.
    for flag, dest, given, owner in (
        ("--load-addr", "load_addr", raw.load_addr is not None, "qemu"),
        ("--no-dtb", "no_dtb", raw.no_dtb, "qemu"),
        ("--dtb", "dtb", raw.dtb is not None, "qemu"),
        ("--vcpus", "vcpus", raw.vcpus is not None, "xen"),
        ("--domu-mem", "domu_mem", raw.domu_mem is not None, "xen"),
        ("--domu-dtb", "domu_dtb", raw.domu_dtb is not None, "xen"),
        ("--no-vpl011", "no_vpl011", raw.no_vpl011, "xen"),
        ("--no-enhanced", "no_enhanced", raw.no_enhanced, "xen"),
    ):
        if given and owner != a.platform:
            why = (
                "is for --platform qemu: Xen builds the domU's device tree and loads the image"
                if owner == "qemu"
                else "is for --platform xen"
            )
            value = getattr(raw, dest)
            bad(flag, None if value is True else value, why, f"with --platform {owner}")
    if raw.no_dtb and raw.dtb is not None:
        bad("--no-dtb", None, "contradicts --dtb", "one of --no-dtb and --dtb")
    if raw.no_dtb and raw.no_initrd:
        bad(
            "--no-initrd",
            None,
            "says nothing with --no-dtb: no tree names a ramdisk, and none is given",
            "not with --no-dtb",
        )
    a.machine, a.cpu = check_machine(raw)
    a.virtio = check_virtio(raw)
    a.pci = check_pci(raw, raw.machine)

    # The ramdisk, unless refused or there is no tree to name it (qemu.py may still
    # drop it when a --dtb tree leaves no room after it, and says so).
    a.initrd = not raw.no_initrd and not raw.no_dtb
    a.image = raw.image or (paths.ARM_IMAGE if a.arch == "arm" else paths.IMAGE)
    img_size, img_file = check_image(a.image, a.arch)
    a.image_size = img_size
    host = host_memory()
    top = min(QEMU_MAX_RAM, host) if host else QEMU_MAX_RAM
    top -= top % MiB
    mem_text = raw.mem if raw.mem is not None else ("2G" if is_xen else "512M")
    if is_xen:
        a.vcpus = integer(
            "--vcpus",
            raw.vcpus,
            "1",
            1,
            XEN_MAX_VCPUS[a.gic],
            f"1..{XEN_MAX_VCPUS[a.gic]} with --gic {a.gic}"
            + (" (Xen's vGICv2)" if a.gic == 2 else " (Xen 4.17's domU device tree)"),
        )
        host_lo = xen_min_host(img_file, a.initrd)
        a.mem_bytes = size(
            "--mem",
            mem_text,
            QEMU_RAM_GRAIN,
            host_lo,
            top,
            f"{size_text(host_lo)}..{size_text(top)} with --platform xen, a multiple of 8K",
            f"the harness module is loaded at {xen.IMAGE_ADDR:#x}"
            + (", the ramdisk after it" if a.initrd else ""),
        )
        domu_lo, domu_hi = xen_min_domu(img_size, a.initrd), a.mem_bytes - xen_own(a.mem_bytes)
        if a.arch == "arm":  # a zImage is placed otherwise (facts.xen_zimage_layout)
            domu_lo = xen_zimage_min_domu(img_file, img_size, a.initrd)
        domu_text = raw.domu_mem if raw.domu_mem is not None else "256M"
        a.domu_mem_bytes = size(
            "--domu-mem",
            domu_text,
            XEN_DOMU_GRAIN,
            domu_lo,
            None,
            (
                f"{size_text(domu_lo)}..{size_text(max(domu_lo, domu_hi))} with --mem "
                f"{mem_text}, a multiple of 4K"
            ),
            "Xen cannot place the image and its tree" + (" and ramdisk" if a.initrd else ""),
        )
        if a.domu_mem_bytes > domu_hi:
            bad(
                "--domu-mem",
                domu_text,
                (
                    f"does not fit in --mem {mem_text} with what Xen keeps "
                    f"({size_text(xen_own(a.mem_bytes))})"
                ),
                (
                    f"{size_text(domu_lo)}..{size_text(max(domu_lo, domu_hi))} with --mem"
                    f" {mem_text} (or a larger --mem)"
                ),
            )
        why = a.arch == "arm" and xen_zimage_layout(a.domu_mem_bytes, img_file, img_size, a.initrd)
        if why:
            bad("--domu-mem", domu_text, why, "a size where Xen places the zImage whole in RAM")
        a.domu_mem = size_text(a.domu_mem_bytes)
    else:
        a.vcpus, a.domu_mem, a.domu_mem_bytes = 1, None, None
        low_only = "highmem=off" in (a.machine or "").split(",")
        if low_only:
            top = min(top, QEMU_LOW_RAM_MAX)
        needs_dtb_room = (raw.dtb is not None or raw.load_addr is not None) and not raw.no_dtb
        lo = QEMU_DTB_MEM if needs_dtb_room else qemu_min_mem(img_size)
        why = (
            "--dtb and --load-addr place the tree at RAM + 48 MiB"
            if needs_dtb_room
            else (
                f"the Image at RAM + 2M needs {size_text(align_up(img_size, KiB))} and QEMU's tree"
                " room"
            )
        )
        a.mem_bytes = size(
            "--mem",
            mem_text,
            QEMU_RAM_GRAIN,
            lo,
            top,
            f"{size_text(lo)}..{size_text(top)}, a multiple of 8K"
            + (" (--dtb or --load-addr)" if needs_dtb_room else "")
            + (
                " (highmem=off: RAM ends at 4 GiB)"
                if low_only and top == QEMU_LOW_RAM_MAX
                else (
                    f"; {size_text(top)} is this host's RAM" if host and host < QEMU_MAX_RAM else ""
                )
            ),
            why,
        )
    a.mem = size_text(a.mem_bytes)
    a.numa = check_numa(raw, a)

    if raw.load_addr is not None:
        flag = "--load-addr"
        ram_end = qemu.RAM_BASE + a.mem_bytes
        hi = ram_end - img_size if raw.no_dtb else qemu.USER_DTB_ADDR - (4 << 20) - 1
        try:
            addr = int(raw.load_addr, 0)
        except ValueError:
            bad(flag, raw.load_addr, "not an integer")
        if addr % 4096:
            bad(flag, raw.load_addr, "not 4 KiB aligned")
        if not qemu.RAM_BASE <= addr <= hi:
            bad(
                flag,
                raw.load_addr,
                (
                    "outside RAM"
                    if not qemu.RAM_BASE <= addr < ram_end
                    else (
                        "leaves no room for the image below the tree at RAM + 48 MiB"
                        if not raw.no_dtb
                        else "leaves no room for the image in RAM"
                    )
                ),
                f"{qemu.RAM_BASE:#x}..{hi - hi % 4096:#x}, 4 KiB aligned, with --mem {a.mem}",
            )
        a.load_addr = addr
    if raw.dtb is not None:
        check_dtb(raw.dtb, a.mem_bytes - (qemu.USER_DTB_ADDR - qemu.RAM_BASE))
    if raw.domu_dtb is not None:
        check_dtb(raw.domu_dtb, xen.DOMU_DTB_MAX, "--domu-dtb")

    check_list(raw)
    only = check_only(raw)
    a.bootargs = "list" if raw.list else " ".join(filter(None, [raw.bootargs, only]))
    a.timeout = check_timeout(raw.timeout if raw.timeout is not None else "60")
    platform: type[qemu.Platform] | type[xen.Platform] = xen.Platform if is_xen else qemu.Platform
    plat = platform(a, None, [])
    check_bootargs(a.bootargs, plat.bootargs_of(""), raw.only if only else None)

    need_tool(qemu.QEMU, "it boots the harness")
    if is_xen:
        need_tool("dtc", "it writes Xen's host device tree")
        if not os.path.exists(xen.XEN):
            raise SetupError(f"{paths.rel(xen.XEN)} not found; run scripts/setup")
    if raw.dtb is not None or (raw.load_addr is not None and not raw.no_dtb):
        need_tool("fdtput", "it sets /chosen/bootargs in the tree")
    return a


def check_files(a, default_out):
    """--out and --junit, last: the only checks that touch the file system.
    Returns the directories made for --out."""
    a.out = a.out or default_out
    made = check_out(a.out)
    outdir.check(a.out)
    if a.junit is not None:
        check_junit(a.junit)
    return made


def parse(argv, description):
    """Parse and validate; raises OptionError/UsageError/SetupError."""
    return validate(parser(description).parse_args(argv))
