# SPDX-License-Identifier: MIT
"""The checks of scripts/run's options, one value or path at a time: each
refusal an OptionError naming the option, the value, why and what is accepted."""
import math
import os
import re
import shutil
import subprocess

from .. import outdir, paths, protocol
from ..errors import OptionError, SetupError, first_line
from ..options.facts import (
    ARCH_CPU,
    ARM64_MAGIC,
    ARM64_MAGIC_OFFSET,
    ARM_CPUS,
    ZIMAGE_MAGIC,
    ZIMAGE_MAGIC_OFFSET,
    BOOTARGS_MAX,
    CPUS,
    MACHINE_PROPS,
    MiB,
    TIMEOUT_MAX,
    image_size,
    parse_size,
    size_text,
)
from ..options.table import ACCEPTED


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


def check_image(path, arch="aarch64"):
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
    if arch == "arm":
        if len(data) < 64 or data[ZIMAGE_MAGIC_OFFSET : ZIMAGE_MAGIC_OFFSET + 4] != ZIMAGE_MAGIC:
            bad(flag, path, "not a 32-bit zImage (no magic 0x016f2818 at 0x24) for --arch arm")
    elif len(data) < 64 or data[ARM64_MAGIC_OFFSET : ARM64_MAGIC_OFFSET + 4] != ARM64_MAGIC:
        bad(flag, path, 'not an arm64 Image (no "ARM\\x64" magic at 0x38)')
    return image_size(data), os.path.getsize(path)


def image_or_usage(ap, path, arch="aarch64"):
    """check_image for a tool with its own argparse parser: a bad image is
    that parser's usage error (status 2) before anything runs."""
    try:
        check_image(path, arch)
    except OptionError as e:
        ap.error(str(e))


def check_dtb(path, ram_left, flag="--dtb"):
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
        r = subprocess.run(
            ["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", os.devnull, path],
            capture_output=True,
            text=True,
        )
        if r.returncode:
            bad(
                flag,
                path,
                "dtc cannot compile it: " + first_line(r.stderr, f"dtc exited {r.returncode}"),
            )
    elif os.path.getsize(path) > ram_left:
        bad(
            flag,
            path,
            (
                f"{os.path.getsize(path)} bytes do not fit in RAM above RAM + 48 MiB "
                f"({size_text(ram_left)} with this --mem)"
            ),
        )


def need_tool(name, why):
    if shutil.which(name) is None:
        raise SetupError(f"{name} is not installed ({why}); run scripts/setup")


# What sets each of the runner's own bootargs.
RUNNER_KEY_OPTION = {
    "expect_el": "--el",
    "vm_mem": "--mem (Xen: --domu-mem)",
    "vm_virtio": "--virtio",
    "vm_pci": "--pci",
    "vm_initrd": "--no-initrd",
    "vm_topology": "--smp",
    "vm_numa": "--numa",
}


def check_bootargs(value, prefix, only=None):
    """The harness's bootargs: the user's (value), with --only's LIST (only)
    already in it as suites=LIST, behind the runner's own (prefix)."""
    flag = "--bootargs"
    bad_chars = [c for c in value if not " " <= c <= "~"]
    if bad_chars:
        c = bad_chars[0]
        what = (
            "a newline"
            if any(c in "\r\n" for c in bad_chars)
            else (
                # A byte the locale could not decode (os.fsdecode keeps it as U+DCxx).
                f"the byte {ord(c) - 0xDC00:#04x}, not ASCII"
                if 0xDC80 <= ord(c) <= 0xDCFF
                else (
                    f"the control character {ord(c):#04x}"
                    if ord(c) < 0x20 or ord(c) == 0x7F
                    else f"the character {c!r} (U+{ord(c):04X}), not ASCII"
                )
            )
        )
        raw = value.encode("utf-8", "surrogateescape")
        shown = "".join(chr(b) if 0x20 <= b <= 0x7E else f"\\x{b:02x}" for b in raw)
        bad(flag, f"'{shown}'", f"has {what}")
    # The runner's own keys say what it booted: the harness would keep the first (the runner's).
    own = {w.split("=", 1)[0]: w for w in prefix.split()}
    for word in value.split():
        key = word.split("=", 1)[0]
        if key in own:
            bad(
                flag,
                repr(value),
                f"{key}= is the runner's own (it gives {own[key]})",
                f"{RUNNER_KEY_OPTION.get(key, 'the runner')} to change it",
            )
    total = len(f"{prefix} {value}".strip())
    if total > BOOTARGS_MAX:
        room = BOOTARGS_MAX - len(prefix) - 1
        if only is not None:
            room -= len(value) - len(only)  # what --bootargs and suites= take besides LIST
            bad(
                "--only",
                f"({len(only)} bytes)",
                (
                    f"as suites= it makes the bootargs {total} bytes, and "
                    f"the harness keeps {BOOTARGS_MAX}"
                ),
                f"at most {max(room, 0)} bytes here (lib/dt/platform.h DT_BOOTARGS_LEN)",
            )
        bad(
            flag,
            f"({len(value)} bytes)",
            (
                f"the harness keeps {BOOTARGS_MAX} bytes of bootargs and "
                f"the runner's own ({prefix!r}) take {len(prefix) + 1}"
            ),
            f"at most {room} bytes here (lib/dt/platform.h DT_BOOTARGS_LEN)",
        )


# A suite's or case's name: the C identifier SUITE() and CASE() make it from.
SELECTION_ITEM = re.compile(r"^(?P<suite>[A-Za-z0-9_]+)(?:\.(?P<case>[A-Za-z0-9_]+))?$")


def bootargs_words(value):
    return (value or "").split()


def check_only(raw):
    """--only: its syntax (whether each name exists only the image knows: the
    harness fails its suite_selection check on one it lacks); returns the
    bootargs word suites=LIST, or None."""
    flag = "--only"
    if raw.only is None:
        return None
    if raw.list:
        bad(
            flag,
            raw.only,
            "contradicts --list (a listing runs no case)",
            "one of --only and --list",
        )
    given = [w for w in bootargs_words(raw.bootargs) if w.split("=", 1)[0] == "suites"]
    if given:
        bad(
            flag,
            raw.only,
            f"--bootargs {given[0]} chooses the suites too",
            "one of --only and --bootargs suites=",
        )
    items = raw.only.split(",")
    for item in items:
        m = SELECTION_ITEM.match(item)
        if not item:
            bad(flag, raw.only, "has an empty item")
        if not m:
            bad(flag, raw.only, f"item {item!r} is not SUITE or SUITE.CASE")
        if items.count(item) > 1:
            bad(flag, raw.only, f"{item} is given twice")
        # A suite and a case of it: the case may be one on request, which the suite's name
        # does not choose (only the image knows which are).
    return "suites=" + raw.only


def check_list(raw):
    """--list: what a listing cannot be combined with (it runs no case)."""
    if not raw.list:
        return
    if raw.strict_claims:
        bad(
            "--strict-claims",
            None,
            "contradicts --list: a listing runs no case, so nothing holds a claim",
            "without --list",
        )
    for flag, given in (
        ("--only", raw.only is not None),
        ("--bootargs", raw.bootargs is not None),
        ("--junit", raw.junit is not None),
        ("--baseline", raw.baseline is not None),
        ("--no-baseline", raw.no_baseline),
        ("--accept-vanished", raw.accept_vanished),
    ):
        if given:
            bad(
                "--list",
                None,
                (
                    f"contradicts {flag}: a listing runs no case (the runner passes the "
                    "bootarg list alone)"
                ),
                f"--list without {flag}",
            )


VIRTIO_ITEMS = ("rng", "blk", "modern")
# The default transport is the one virtio 1.2 defines (Version 2): a device
# that stops says so (DEVICE_NEEDS_RESET), where a legacy one goes silent and
# costs the dma suite its whole wait; legacy is --virtio rng,blk.
VIRTIO_DEFAULT = ("rng", "blk", "modern")


def check_virtio(raw):
    """--virtio (QEMU only): the devices, as a tuple; "none" is the empty one."""
    if raw.virtio is None:
        return VIRTIO_DEFAULT if (raw.platform or "qemu") == "qemu" else ()
    if (raw.platform or "qemu") != "qemu":
        bad("--virtio", raw.virtio, "is for --platform qemu", "with --platform qemu")
    if raw.virtio == "none":
        return ()
    items = raw.virtio.split(",")
    for item in items:
        if item == "none":
            bad(
                "--virtio",
                raw.virtio,
                "none stands alone (no device)",
                "none, or a comma list of " + ", ".join(VIRTIO_ITEMS),
            )
        if item not in VIRTIO_ITEMS:
            bad(
                "--virtio",
                raw.virtio,
                f"unknown item {item!r}",
                "none, or a comma list of " + ", ".join(VIRTIO_ITEMS),
            )
        if items.count(item) > 1:
            bad("--virtio", raw.virtio, f"{item} is given twice", "each item once")
    return tuple(items)


NUMA_GRAIN = 2 * MiB  # each node's RAM: QEMU's RAM blocks are placed in 2 MiB pages


def check_numa(raw, a):
    """--numa (QEMU only): the NUMA nodes, 0 for none; each takes a share of the CPUs and an
    equal share of the RAM."""
    if raw.numa is None:
        return 0
    if a.platform != "qemu":
        bad("--numa", raw.numa, "is for --platform qemu", "with --platform qemu")
    if raw.no_dtb:
        bad("--numa", raw.numa, "says nothing with --no-dtb: no tree describes the nodes",
            "not with --no-dtb")
    most = min(a.smp, protocol.VM_NUMA_NODES_MAX)
    accepted = (
        f"0..{most} with --smp {a.smp} (each node one CPU at least; the harness keeps "
        f"{protocol.VM_NUMA_NODES_MAX} memory banks, one per node)"
    )
    n = integer("--numa", raw.numa, "0", 0, most, accepted)
    if n and a.mem_bytes % (n * NUMA_GRAIN):
        bad(
            "--numa",
            raw.numa,
            f"does not split --mem {a.mem} into equal shares of whole 2M",
            f"with --mem a multiple of {size_text(n * NUMA_GRAIN)}",
        )
    return n


PCI_ITEMS = ("testdev", "edu", "virtio", "blk", "bridge")
PCI_DEFAULT = PCI_ITEMS


def no_msi(raw, machine):
    """QEMU 7.2 refuses edu (its MSI capability) on a GICv3 with no ITS: nothing takes MSIs.
    Under TCG a GICv3 has an ITS only with its=on (the default) on virt-6.2 and later machine
    types (hw/arm/virt.c: virt_machine_6_1_options sets no_tcg_its)."""
    if str(raw.gic or "3") != "3":
        return False
    props = (machine or "").split(",")
    for p in props:
        if p.startswith("type=virt-"):
            major, _, minor = p[len("type=virt-") :].partition(".")
            if major.isdigit() and minor.isdigit() and (int(major), int(minor)) < (6, 2):
                return True
    return "its=off" in props


def check_pci(raw, machine=""):
    """--pci (QEMU only): the PCI devices the runner attaches, as a tuple; "none" is the
    empty one. Each has its own slot on the root bus (protocol.h PCI_SLOT_*); bridge puts
    an e1000 behind it, and an edu too with edu. The default leaves edu out where QEMU
    cannot give it MSIs (no_msi)."""
    if raw.pci is None:
        if (raw.platform or "qemu") != "qemu":
            return ()
        return tuple(
            i for i in PCI_DEFAULT if not (i == "edu" and no_msi(raw, machine))
        )
    if (raw.platform or "qemu") != "qemu":
        bad("--pci", raw.pci, "is for --platform qemu", "with --platform qemu")
    if raw.pci == "none":
        return ()
    items = raw.pci.split(",")
    accepted = "none, or a comma list of " + ", ".join(PCI_ITEMS)
    for item in items:
        if item not in PCI_ITEMS:
            bad("--pci", raw.pci, f"unknown item {item!r}", accepted)
        if items.count(item) > 1:
            bad("--pci", raw.pci, f"{item} is given twice", "each item once")
    if "edu" in items and no_msi(raw, machine):
        bad(
            "--pci",
            raw.pci,
            "edu needs an MSI controller, and a GICv3 with its=off, or of a machine type"
            " before virt-6.2 under TCG, has none (QEMU refuses it)",
            "no edu with --machine its=off or type=virt-2.6..virt-6.1",
        )
    return tuple(i for i in PCI_ITEMS if i in items)


# virt's properties the runner sets itself, and what to give instead.
RUNNER_MACHINE_PROPS = {
    "gic-version": "--gic instead",
    "virtualization": "--el 2 instead",
    "dumpdtb": "no dumpdtb: the runner dumps QEMU's tree when it needs it",
}
MACHINE_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")


def check_machine(raw):
    """--machine and --cpu (QEMU only). Any property goes through to QEMU's
    -machine (QEMU refuses one it does not know, in its own words: status 6);
    the ones the harness knows (MACHINE_PROPS) must have one of their values
    and boot in combination, and the runner's own (RUNNER_MACHINE_PROPS) are
    set by its options."""
    given = {}
    if raw.machine is not None or raw.cpu is not None:
        if (raw.platform or "qemu") != "qemu":
            bad(
                "--machine" if raw.machine is not None else "--cpu",
                None,
                "is for --platform qemu",
                "with --platform qemu",
            )
    for item in (raw.machine or "").split(",") if raw.machine is not None else []:
        key, eq, value = item.partition("=")
        if not MACHINE_KEY.match(key) or not eq:
            bad(
                "--machine",
                raw.machine,
                f"{item!r} is not KEY=VALUE" if item else "an empty property",
                "a comma list of KEY=VALUE (QEMU's -machine properties)",
            )
        if key in RUNNER_MACHINE_PROPS:
            bad("--machine", raw.machine, f"{key} is the runner's", RUNNER_MACHINE_PROPS[key])
        if key in MACHINE_PROPS and value not in MACHINE_PROPS[key]:
            bad(
                "--machine",
                raw.machine,
                f"{key}={value} is not a value of {key}",
                "|".join(MACHINE_PROPS[key]),
            )
        if key in given:
            bad("--machine", raw.machine, f"{key} is given twice", "each property once")
        given[key] = value
    arch = getattr(raw, "arch", None) or "aarch64"
    cpus = ARM_CPUS if arch == "arm" else CPUS
    cpu = raw.cpu or ARCH_CPU[arch]
    if cpu not in cpus:
        why = f"not a CPU the harness boots on with --arch {arch}"
        bad("--cpu", cpu, why, ", ".join(cpus))
    if given.get("mte") == "on" and cpu != "max":
        bad("--machine", raw.machine, "mte=on needs a CPU with MTE", "mte=on with --cpu max")
    if given.get("secure") == "on" and (raw.load_addr is not None or raw.no_dtb):
        bad(
            "--machine",
            raw.machine,
            "secure=on with the generic loader starts the image at EL3",
            "secure=on only with QEMU's -kernel (no --load-addr, no --no-dtb)",
        )
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
    created: list[str] = []
    p = os.path.abspath(path)
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
        # A concurrent --dry-run may take back the folder between makedirs and the
        # probe (its cleanup removes what it made): make it again, a few times.
        for attempt in range(3):
            try:
                os.makedirs(path, exist_ok=True)
                probe = os.path.join(path, f"{outdir.PROBE_PREFIX}{os.getpid()}")
                with open(probe, "w"):
                    pass
                os.remove(probe)
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
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
        bad(
            flag,
            path,
            (
                f"{parent} is not a directory"
                if os.path.exists(parent)
                else f"its directory {parent} does not exist"
            ),
        )
    existed = os.path.exists(path)
    try:
        with open(path, "a"):
            pass
        if not existed:
            os.remove(path)
    except OSError as e:
        bad(flag, path, f"cannot be written ({e.strerror or e})")
