"""The options of scripts/run: their syntax, the range each accepts and the
combinations they allow, checked here, in one place, before anything starts.

Every refusal is one line and status 2 (a missing tool is status 8):

    scripts/run: --OPT VALUE: why; accepted: range

`scripts/run --help` shows each option's accepted range from the same table
(OPTIONS). Where each bound comes from is said beside it; the figures were
measured with QEMU 7.2 and Xen 4.17 (docs in README.md, "The runner").
"""
import argparse
import math
import os
import re
import shutil
import subprocess
import textwrap

from . import paths, qemu, xen
from .errors import OptionError, SetupError, UsageError, first_line

PROG = "scripts/run"

KiB, MiB, GiB = 1 << 10, 1 << 20, 1 << 30
UNITS = {"": MiB, "K": KiB, "M": MiB, "G": GiB, "T": 1 << 40}  # no unit: MiB, as QEMU's -m
SIZE = re.compile(r"^(\d+)([KMGT]?)(?:I?B)?$", re.I)
SIZE_SYNTAX = "an integer with K, M, G or T (no unit: MiB)"

# QEMU 7.2 virt (hw/arm/virt.c): GICv2 has 8 CPU interfaces, so the machine's
# max_cpus is 8 with gic-version=2 ("exceeds max CPUs supported by machine
# 'mach-virt' (8)"); with gic-version=3 it is virt-7.2's max_cpus, 512
# ("Invalid SMP CPUs 513. The max CPUs supported by machine 'virt-7.2' is 512").
# But from 459 CPUs QEMU warns that its ACPI tables exceed 64 KiB and ends the
# warning ("Try removing CPUs, ...") without a newline, on the console the
# report shares: the report's first line is lost and the run reads as silence.
# Measured: 458 boots and reports, 459 does not. So 458.
QEMU_MAX_CPUS = {2: 8, 3: 458}
# RAM starts at 1 GiB and may reach 256 GiB: LEGACY_RAMLIMIT_GB, 255 GiB
# (also lib/spec/profiles/qemu-virt-7.2.c, the ram region).
QEMU_MAX_RAM = 255 * GiB
# QEMU rounds -m up to 8 KiB (-m 1K gives "RAM size 8192"); the harness would
# then see more RAM than the runner's vm_mem= says (65540K: a dt_memory finding).
QEMU_RAM_GRAIN = 8 * KiB
# QEMU's loader puts an arm64 Image at RAM + 2 MiB and its own device tree at
# the next 2 MiB boundary after the Image's image_size ("Not enough space for
# DTB after kernel/initrd" below that): 1 MiB is left for the tree, which grows
# with -smp. Measured with the 1.45 MiB image: 4 MiB fails, 4 MiB + 8 KiB boots.
QEMU_KERNEL_OFFSET = 2 * MiB
QEMU_DTB_ROOM = 1 * MiB
# --dtb and --load-addr: the user's (or QEMU's dumped) tree goes at RAM + 48 MiB.
QEMU_DTB_MEM = 64 * MiB

# Xen 4.17 (Debian's arm64 build): CONFIG_NR_CPUS bounds the host's CPUs; the
# vGIC bounds the domU's: GICv2 8 vCPUs (9: "Error creating domain domU1");
# with GICv3 the domU's device tree buffer is what runs out (Xen 4.17
# DOMU_DTB_SIZE, 4 KiB): measured, 29 vCPUs boot and 30 give "Device tree
# generation failed (-3)" (FDT_ERR_NOSPACE), "Could not set up domain domU1".
XEN_MAX_VCPUS = {2: 8, 3: 29}
XEN_NR_CPUS_DEFAULT = 128
# A domU's memory is in KiB in the host tree and allocated in 4 KiB pages.
XEN_DOMU_GRAIN = 4 * KiB
# Xen 4.17 place_modules (xen/arch/arm/kernel.c): the kernel's 2 MiB-rounded
# image_size plus the domU tree rounded to 2 MiB must fit in bank 0, with the
# tree strictly above the kernel; else "Not enough memory in the first bank for
# the kernel+dtb+initrd" or "Unable to find suitable location for dtb+initrd".
# Measured with the 1.45 MiB image: 3M and 4M panic, 4M + 4K and 5M boot.
XEN_DOMU_DTB = 2 * MiB
# What Xen keeps of the host's RAM for itself (its image and heap, the frame
# table, which grows with RAM, the boot modules until the domU is built).
# Measured ("Failed to allocate requested domain memory" when short): a 1G
# host gives a domU 1000M but not 1010M, a 6G host 6000M but not 6032M, a
# 300M host 280M. 16 MiB + 1/32 of RAM stays below each: 976M of 1G, 274M of
# 300M, 1968M of 2G, 5936M of 6G.
XEN_OWN_FIXED = 16 * MiB
XEN_OWN_SHARE = 32

TIMEOUT_MAX = 3600.0
# lib/runtime/options.h: char bootargs[256] (snprintf keeps 255 bytes).
BOOTARGS_MAX = 255

ARM64_MAGIC_OFFSET, ARM64_MAGIC = 0x38, b"ARM\x64"  # Linux booting.rst, the Image header


# ---- sizes ---------------------------------------------------------------
def parse_size(text):
    """Bytes of a size as QEMU's -m writes it (512M, 2G, 4104K; bare = MiB), or None."""
    m = SIZE.match(text.strip())
    return int(m.group(1)) * UNITS[m.group(2).upper()] if m else None


def size_text(n):
    """A size in the largest unit that divides it: 512M, 2G, 4104K."""
    for unit, mult in (("T", 1 << 40), ("G", GiB), ("M", MiB), ("K", KiB)):
        if n and n % mult == 0:
            return f"{n // mult}{unit}"
    return f"{n}B"


def align_up(n, a):
    return (n + a - 1) // a * a


# ---- facts of this host and this image -------------------------------------
def host_memory():
    """The most RAM one QEMU can allocate here: with the kernel's default
    overcommit heuristic, no single allocation beyond RAM + swap (measured on
    a 23.5 GiB host without swap: -m 23G starts, 30G gives "cannot set up
    guest memory 'mach-virt.ram': Cannot allocate memory"). None: unknown."""
    try:
        info = {}
        for line in open("/proc/meminfo"):
            k, v = line.split(":", 1)
            info[k] = int(v.split()[0]) * KiB
        mode = open("/proc/sys/vm/overcommit_memory").read().strip()
    except (OSError, ValueError, IndexError):
        return None
    if mode == "1":
        return None  # always overcommit: only QEMU's own limit
    if mode == "2":
        return info.get("CommitLimit")
    return info.get("MemTotal", 0) + info.get("SwapTotal", 0)


def xen_nr_cpus():
    """CONFIG_NR_CPUS of the Xen the runner boots (its .config beside it)."""
    try:
        m = re.search(r"^CONFIG_NR_CPUS=(\d+)", open(xen.XEN + ".config").read(), re.M)
        return int(m.group(1)) if m else XEN_NR_CPUS_DEFAULT
    except OSError:
        return XEN_NR_CPUS_DEFAULT


def image_size(data):
    """The Image's image_size (offset 0x10: what it needs loaded, .bss
    included), or its file size when the field is 0 (booting.rst)."""
    size = int.from_bytes(data[0x10:0x18], "little")
    return size or len(data)


def qemu_min_mem(img_size):
    return align_up(QEMU_KERNEL_OFFSET + img_size, 2 * MiB) + QEMU_DTB_ROOM


def xen_min_domu(img_size):
    return align_up(img_size, 2 * MiB) + XEN_DOMU_DTB + XEN_DOMU_GRAIN


def xen_own(mem):
    return XEN_OWN_FIXED + align_up(mem // XEN_OWN_SHARE, MiB)


def xen_min_host(file_size):
    """Xen's host RAM must reach past the harness module at IMAGE_ADDR."""
    return align_up(xen.IMAGE_ADDR - qemu.RAM_BASE + file_size, MiB)


# Machine properties of QEMU 7.2's virt that leave it a guest platform (`-M virt,help`).
MACHINE_PROPS = {
    "its": ("on", "off"),
    "iommu": ("none", "smmuv3"),
    "highmem": ("on", "off"),
    "mte": ("on", "off"),
    "secure": ("on", "off"),
    "acpi": ("on", "off", "auto"),
    "dtb-randomness": ("on", "off"),
    # Not a property: the machine type itself (`-M help`), for the older compat modes.
    "type": tuple(f"virt-{v}" for v in ("2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12",
                                          "3.0", "3.1", "4.0", "4.1", "4.2", "5.0", "5.1",
                                          "5.2", "6.0", "6.1", "6.2", "7.0", "7.1", "7.2")),
}
# CPUs QEMU 7.2 models that the harness boots on (AArch64, `-cpu help`).
CPUS = ("cortex-a35", "cortex-a53", "cortex-a55", "cortex-a57", "cortex-a72", "cortex-a76",
        "neoverse-n1", "a64fx", "max")


# ---- the table: option, value name, default, what it does, accepted ------------
# `accepted` is what --help shows; a refusal names the part that applies.
OPTIONS = [
    ("--platform", "P", "qemu", "what boots the harness", "qemu or xen"),
    ("--gic", "N", "3", "GIC version of the (host) machine", "2 or 3"),
    ("--smp", "N", "2", "CPUs of the (host) machine",
     "1..8 with --gic 2 (QEMU 7.2 virt's max_cpus), 1..458 with --gic 3 (QEMU allows 512, "
     "but from 459 its ACPI warning swallows the report's first line); "
     "with --platform xen at most Xen's CONFIG_NR_CPUS (128)"),
    ("--mem", "SIZE", "512M; Xen host 2G", "RAM of the (host) machine",
     f"{SIZE_SYNTAX}, a multiple of 8K (QEMU rounds -m up to 8 KiB); "
     "qemu: from 2M + the Image's image_size rounded up to 2M, + 1M for QEMU's tree "
     "(5M for a 1.45 MiB image), 64M with --dtb or --load-addr; xen: past the module "
     "at 0x50000000 (256M + the image) and --domu-mem + what Xen keeps (16M + 1/32); "
     "at most 255G (QEMU virt) and the host's RAM + swap"),
    ("--el", "N", "1", "QEMU entry exception level: 2 boots with virtualization=on",
     "1 or 2; with --platform xen only 1 (the domU starts at EL1)"),
    ("--load-addr", "ADDR", None,
     "QEMU: place the image at this address with the generic loader (tests relocation)",
     f"a 4 KiB-aligned address (0x.. or decimal) from {qemu.RAM_BASE:#x}: below "
     f"{qemu.USER_DTB_ADDR - (4 << 20):#x} (the tree at RAM + 48 MiB), or with --no-dtb "
     "with the image inside RAM; --platform qemu only"),
    ("--no-dtb", None, None, "QEMU: start the harness with no device tree (x0 = 0)",
     "--platform qemu only, not with --dtb"),
    ("--dtb", "FILE", None, "hand the harness this device tree instead of QEMU's",
     "an existing regular file: .dts (dtc must compile it) or a blob used byte for byte, "
     "that fits in RAM above RAM + 48 MiB; --platform qemu only"),
    ("--machine", "PROPS", None, "QEMU: more virt machine properties, KEY=VALUE[,KEY=VALUE]",
     "a comma list of " + ", ".join(f"{k}={'|'.join(v)}" for k, v in MACHINE_PROPS.items()) +
     "; mte=on needs --cpu max; secure=on not with --load-addr or --no-dtb (the generic "
     "loader would start the image at EL3); --platform qemu only"),
    ("--cpu", "NAME", "cortex-a57", "QEMU: the CPU model", ", ".join(CPUS) + "; --platform qemu only"),
    ("--vcpus", "N", "1", "Xen: domU vCPUs",
     "1..8 with --gic 2 (Xen's vGICv2), 1..29 with --gic 3 (Xen 4.17's domU tree); "
     "--platform xen only"),
    ("--domu-mem", "SIZE", "256M", "Xen: domU memory",
     f"{SIZE_SYNTAX}, a multiple of 4K; from the Image's image_size rounded up to 2M "
     "+ 2M + 4K (4M + 4K for a 1.45 MiB image: Xen's place_modules) to --mem minus "
     "what Xen keeps (16M + 1/32 of --mem); --platform xen only"),
    ("--no-vpl011", None, None, "Xen: no emulated UART for the domU (console_io instead)",
     "--platform xen only; with --no-enhanced too"),
    ("--no-enhanced", None, None, "Xen: no /hypervisor node (xen,enhanced)",
     "--platform xen only; with --no-vpl011 too"),
    ("--bootargs", "STR", "", "harness bootargs, space-separated KEY=VALUE: suites=LIST (a comma "
     "list of suite names; default all but the on-request ones), watchdog=S (per-case "
     "watchdog, 1..3599 s, default 20), profile=NAME (xen-4.17 or qemu-virt-7.2); the runner "
     "adds vm_mem=BYTES and expect_el=1|2. Any other key, a bad value or a repeat fails the "
     "run's bootargs check",
     f"printable ASCII, no newline; with the runner's own (expect_el=, vm_mem=) at most "
     f"{BOOTARGS_MAX} bytes (lib/runtime/options.h)"),
    ("--timeout", "S", "60", "seconds before a run counts as hung",
     f"a number of seconds, 0 < S <= {TIMEOUT_MAX:g}"),
    ("--out", "DIR", "build/run/<config>", "output directory",
     "a directory that exists or can be created, and can be written"),
    ("--junit", "FILE", None, "also write JUnit XML here",
     "a file that can be written, in an existing directory (not a directory)"),
    ("--image", "FILE", "build/harness.bin", "the harness image",
     "an existing arm64 Image (\"ARM\\x64\" at 0x38)"),
    ("--dry-run", None, None, "check the options, print the run's configuration and "
     "start nothing", "any other options"),
    ("--quiet", None, None, "print only the verdict", "-"),
    ("-v", None, None, "print the whole report as it arrives, not just each "
     "suite's verdict", "-"),
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
            raise OptionError(m.group(1).split()[0], None, "not an option of scripts/run",
                              "the options of scripts/run --help")
        m = re.match(r"ambiguous option: (\S+) could match (.*)", message)
        if m:
            raise OptionError(m.group(1), None, f"ambiguous (could be {m.group(2)})",
                              "an option's whole name")
        raise UsageError(message)


def help_text():
    lines = []
    for flag, metavar, default, what, acc in OPTIONS:
        name = "-v, --verbose" if flag == "-v" else flag
        lines.append(f"  {name}{' ' + metavar if metavar else ''}")
        text = what + (f" (default {default})" if default not in (None, "") else "")
        lines += textwrap.wrap(text, 88, initial_indent="      ", subsequent_indent="      ")
        if acc != "-":
            lines += textwrap.wrap("accepted: " + acc, 88, initial_indent="      ",
                                   subsequent_indent="        ")
    return "\n".join(lines)


def parser(description):
    p = Parser(prog=PROG, description=description, add_help=False, allow_abbrev=False,
               formatter_class=argparse.RawDescriptionHelpFormatter,
               usage=f"{PROG} [OPTION...] (scripts/run --help shows each option's range)",
               epilog="options:\n  -h, --help  this text\n" + help_text())
    p.add_argument("-h", "--help", action="help", help=argparse.SUPPRESS)
    for flag, metavar, *_ in OPTIONS:
        names = [flag] + (["--verbose"] if flag == "-v" else [])
        if metavar:
            p.add_argument(*names, metavar=metavar, default=None, help=argparse.SUPPRESS)
        else:
            p.add_argument(*names, action="store_true", help=argparse.SUPPRESS)
    return p


# ---- the checks ------------------------------------------------------------
def bad(flag, value, why, accepted=None):
    raise OptionError(flag, value, why, accepted or ACCEPTED[flag])


def choice(flag, value, default, allowed):
    v = default if value is None else value
    if v not in allowed:
        bad(flag, v, "not " + " or ".join(allowed))
    return v


def integer(flag, value, default, lo, hi, accepted=None):
    v = default if value is None else value
    try:
        n = int(v, 0)
    except (TypeError, ValueError):
        bad(flag, v, "not an integer", accepted)
    if not lo <= n <= hi:
        bad(flag, v, f"out of range ({lo}..{hi})", accepted)
    return n


def size(flag, value, grain, lo, hi, accepted=None, why_lo=""):
    n = parse_size(value)
    if n is None:
        bad(flag, value, "not a size", accepted)
    if n % grain:
        bad(flag, value, f"not a multiple of {size_text(grain)}", accepted)
    if n < lo:
        bad(flag, value, f"below {size_text(lo)}" + (f" ({why_lo})" if why_lo else ""), accepted)
    if hi is not None and n > hi:
        bad(flag, value, f"above {size_text(hi)}", accepted)
    return n


def check_image(path):
    flag = "--image"
    if not os.path.exists(path):
        hint = "; run `make` first" if os.path.abspath(path) == paths.IMAGE else ""
        bad(flag, path, "no such file" + hint)
    if not os.path.isfile(path):
        bad(flag, path, "not a regular file")
    try:
        with open(path, "rb") as f:
            data = f.read(64)
    except OSError as e:
        bad(flag, path, f"cannot be read ({e.strerror})")
    if len(data) < 64 or data[ARM64_MAGIC_OFFSET:ARM64_MAGIC_OFFSET + 4] != ARM64_MAGIC:
        bad(flag, path, "not an arm64 Image (no \"ARM\\x64\" magic at 0x38)")
    return image_size(data), os.path.getsize(path)


def check_dtb(path, ram_left):
    flag = "--dtb"
    if not os.path.exists(path):
        bad(flag, path, "no such file")
    if not os.path.isfile(path):
        bad(flag, path, "not a regular file" + (" (a directory)" if os.path.isdir(path) else ""))
    try:
        open(path, "rb").close()
    except OSError as e:
        bad(flag, path, f"cannot be read ({e.strerror})")
    if path.endswith(".dts"):
        need_tool("dtc", "to compile a .dts")
        r = subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", os.devnull, path],
                           capture_output=True, text=True)
        if r.returncode:
            bad(flag, path, "dtc cannot compile it: " + first_line(r.stderr, f"dtc exited {r.returncode}"))
    elif os.path.getsize(path) > ram_left:
        bad(flag, path, f"{os.path.getsize(path)} bytes do not fit in RAM above RAM + 48 MiB "
            f"({size_text(ram_left)} with this --mem)")


def need_tool(name, why):
    if shutil.which(name) is None:
        raise SetupError(f"{name} is not installed ({why}); run scripts/setup")


def check_bootargs(value, prefix):
    flag = "--bootargs"
    bad_chars = [c for c in value if not " " <= c <= "~"]
    if bad_chars:
        what = "a newline" if any(c in "\r\n" for c in bad_chars) else f"the character {bad_chars[0]!r}"
        bad(flag, repr(value), f"has {what}")
    total = len(f"{prefix} {value}".strip())
    if total > BOOTARGS_MAX:
        room = BOOTARGS_MAX - len(prefix) - 1
        bad(flag, f"({len(value)} bytes)", f"the harness keeps {BOOTARGS_MAX} bytes of bootargs and "
            f"the runner's own ({prefix!r}) take {len(prefix) + 1}",
            f"at most {room} bytes here (lib/runtime/options.h bootargs[256])")


def check_machine(raw):
    """--machine and --cpu (QEMU only): known properties and values, in combinations that boot."""
    given = {}
    if raw.machine is not None or raw.cpu is not None:
        if (raw.platform or "qemu") != "qemu":
            bad("--machine" if raw.machine is not None else "--cpu", None, "is for --platform qemu",
                "with --platform qemu")
    for item in (raw.machine or "").split(",") if raw.machine else []:
        key, _, value = item.partition("=")
        if key not in MACHINE_PROPS:
            bad("--machine", raw.machine, f"unknown property {key!r}",
                ", ".join(MACHINE_PROPS))
        if value not in MACHINE_PROPS[key]:
            bad("--machine", raw.machine, f"{key}={value} is not a value of {key}",
                "|".join(MACHINE_PROPS[key]))
        if key in given:
            bad("--machine", raw.machine, f"{key} is given twice", "each property once")
        given[key] = value
    cpu = raw.cpu or "cortex-a57"
    if cpu not in CPUS:
        bad("--cpu", cpu, "not a CPU the harness boots on", ", ".join(CPUS))
    if given.get("mte") == "on" and cpu != "max":
        bad("--machine", raw.machine, "mte=on needs a CPU with MTE", "mte=on with --cpu max")
    if given.get("secure") == "on" and (raw.load_addr is not None or raw.no_dtb):
        bad("--machine", raw.machine, "secure=on with the generic loader starts the image at EL3",
            "secure=on only with QEMU's -kernel (no --load-addr, no --no-dtb)")
    return ",".join(f"{k}={v}" for k, v in given.items()), cpu


def check_timeout(value):
    flag = "--timeout"
    try:
        t = float(value)
    except ValueError:
        bad(flag, value, "not a number")
    if not math.isfinite(t) or not 0 < t <= TIMEOUT_MAX:
        bad(flag, value, "out of range")
    return t


def missing_dirs(path):
    """The directories os.makedirs(path) would create, outermost first."""
    created, p = [], os.path.abspath(path)
    while not os.path.lexists(p):
        created.insert(0, p)
        parent = os.path.dirname(p)
        if parent == p:
            break
        p = parent
    return created


def check_out(path):
    """Creates the directory (a run needs it anyway) and proves it writable;
    returns the directories it made, for --dry-run to take back."""
    flag = "--out"
    if os.path.exists(path) and not os.path.isdir(path):
        bad(flag, path, "is a file, not a directory")
    made = missing_dirs(path)
    try:
        os.makedirs(path, exist_ok=True)
        probe = os.path.join(path, ".scripts-run-probe")
        with open(probe, "w"):
            pass
        os.remove(probe)
    except OSError as e:
        for d in reversed(made):
            try:
                os.rmdir(d)
            except OSError:
                pass
        bad(flag, path, f"cannot be created or written ({e.strerror or e})")
    return made


def check_junit(path):
    flag = "--junit"
    if os.path.isdir(path):
        bad(flag, path, "is a directory")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        bad(flag, path, f"{parent} is not a directory" if os.path.exists(parent)
            else f"its directory {parent} does not exist")
    existed = os.path.exists(path)
    try:
        with open(path, "a"):
            pass
        if not existed:
            os.remove(path)
    except OSError as e:
        bad(flag, path, f"cannot be written ({e.strerror or e})")


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
    a.gic = int(choice("--gic", raw.gic, "3", ("2", "3")))
    if is_xen:
        a.el = int(choice("--el", raw.el, "1", ("1",)))
    else:
        a.el = int(choice("--el", raw.el, "1", ("1", "2")))
    cpus = QEMU_MAX_CPUS[a.gic]
    accepted = f"1..{cpus} with --gic {a.gic}" + (" (QEMU 7.2 virt's max_cpus)" if a.gic == 2 else
                                                   " (from 459 QEMU's ACPI warning swallows the report)")
    if is_xen and xen_nr_cpus() < cpus:
        cpus = xen_nr_cpus()
        accepted = f"1..{cpus} with --platform xen (Xen's CONFIG_NR_CPUS)"
    a.smp = integer("--smp", raw.smp, "2", 1, cpus, accepted)

    # Flags for the other platform.
    for flag, dest, given, owner in (("--load-addr", "load_addr", raw.load_addr is not None, "qemu"),
                                     ("--no-dtb", "no_dtb", raw.no_dtb, "qemu"),
                                     ("--dtb", "dtb", raw.dtb is not None, "qemu"),
                                     ("--vcpus", "vcpus", raw.vcpus is not None, "xen"),
                                     ("--domu-mem", "domu_mem", raw.domu_mem is not None, "xen"),
                                     ("--no-vpl011", "no_vpl011", raw.no_vpl011, "xen"),
                                     ("--no-enhanced", "no_enhanced", raw.no_enhanced, "xen")):
        if given and owner != a.platform:
            why = ("is for --platform qemu: Xen builds the domU's device tree and loads the image"
                   if owner == "qemu" else "is for --platform xen")
            value = getattr(raw, dest)
            bad(flag, None if value is True else value, why, f"with --platform {owner}")
    if raw.no_dtb and raw.dtb is not None:
        bad("--no-dtb", None, "contradicts --dtb", "one of --no-dtb and --dtb")
    a.machine, a.cpu = check_machine(raw)

    a.image = raw.image or paths.IMAGE
    img_size, img_file = check_image(a.image)
    a.image_size = img_size
    host = host_memory()
    top = min(QEMU_MAX_RAM, host) if host else QEMU_MAX_RAM
    top -= top % MiB
    mem_text = raw.mem if raw.mem is not None else ("2G" if is_xen else "512M")
    if is_xen:
        a.vcpus = integer("--vcpus", raw.vcpus, "1", 1, XEN_MAX_VCPUS[a.gic],
                          f"1..{XEN_MAX_VCPUS[a.gic]} with --gic {a.gic}"
                          + (" (Xen's vGICv2)" if a.gic == 2 else " (Xen 4.17's domU device tree)"))
        host_lo = xen_min_host(img_file)
        a.mem_bytes = size("--mem", mem_text, QEMU_RAM_GRAIN, host_lo, top,
                           f"{size_text(host_lo)}..{size_text(top)} with --platform xen, a multiple of 8K",
                           f"the harness module is loaded at {xen.IMAGE_ADDR:#x}")
        domu_lo, domu_hi = xen_min_domu(img_size), a.mem_bytes - xen_own(a.mem_bytes)
        domu_text = raw.domu_mem if raw.domu_mem is not None else "256M"
        a.domu_mem_bytes = size("--domu-mem", domu_text, XEN_DOMU_GRAIN, domu_lo, None,
                                f"{size_text(domu_lo)}..{size_text(max(domu_lo, domu_hi))} with --mem "
                                f"{mem_text}, a multiple of 4K", "Xen cannot place the image and its tree")
        if a.domu_mem_bytes > domu_hi:
            bad("--domu-mem", domu_text, f"does not fit in --mem {mem_text} with what Xen keeps "
                f"({size_text(xen_own(a.mem_bytes))})",
                f"{size_text(domu_lo)}..{size_text(max(domu_lo, domu_hi))} with --mem {mem_text} "
                "(or a larger --mem)")
        a.domu_mem = size_text(a.domu_mem_bytes)
    else:
        a.vcpus, a.domu_mem, a.domu_mem_bytes = 1, None, None
        needs_dtb_room = (raw.dtb is not None or raw.load_addr is not None) and not raw.no_dtb
        lo = QEMU_DTB_MEM if needs_dtb_room else qemu_min_mem(img_size)
        why = ("--dtb and --load-addr place the tree at RAM + 48 MiB" if needs_dtb_room
               else f"the Image at RAM + 2M needs {size_text(align_up(img_size, KiB))} and QEMU's tree room")
        a.mem_bytes = size("--mem", mem_text, QEMU_RAM_GRAIN, lo, top,
                           f"{size_text(lo)}..{size_text(top)}, a multiple of 8K"
                           + (" (--dtb or --load-addr)" if needs_dtb_room else "")
                           + (f"; {size_text(top)} is this host's RAM" if host and host < QEMU_MAX_RAM else ""),
                           why)
    a.mem = size_text(a.mem_bytes)

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
            bad(flag, raw.load_addr, "outside RAM" if not qemu.RAM_BASE <= addr < ram_end
                else "leaves no room for the image below the tree at RAM + 48 MiB"
                if not raw.no_dtb else "leaves no room for the image in RAM",
                f"{qemu.RAM_BASE:#x}..{hi - hi % 4096:#x}, 4 KiB aligned, with --mem {a.mem}")
        a.load_addr = addr
    if raw.dtb is not None:
        check_dtb(raw.dtb, a.mem_bytes - (qemu.USER_DTB_ADDR - qemu.RAM_BASE))

    a.bootargs = raw.bootargs or ""
    a.timeout = check_timeout(raw.timeout if raw.timeout is not None else "60")
    plat = (xen.Platform if is_xen else qemu.Platform)(a, None, [])
    check_bootargs(a.bootargs, plat.bootargs_of(""))

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
    if a.junit is not None:
        check_junit(a.junit)
    return made


def parse(argv, description):
    """Parse and validate; raises OptionError/UsageError/SetupError."""
    return validate(parser(description).parse_args(argv))
