# SPDX-License-Identifier: MIT
"""What the ranges of scripts/run's options rest on: sizes, and the facts
measured of QEMU 7.2, Xen 4.17, this host and the image (options/parse.py uses them)."""
import re

from .. import protocol, qemu, xen

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
# With highmem=off virt addresses 32 bits: RAM from 1 GiB up to 4 GiB (QEMU
# refuses more: "Addressing limited to 32 bits, but memory exceeds it").
QEMU_LOW_RAM_MAX = 3 * GiB
# QEMU rounds -m up to 8 KiB (-m 1K gives "RAM size 8192"); the harness would
# then see more RAM than the runner's vm_mem= says (65540K: a dt_memory finding).
QEMU_RAM_GRAIN = 8 * KiB
# QEMU's loader puts an arm64 Image at RAM + 2 MiB and its own device tree at
# the next 2 MiB boundary after the Image's image_size ("Not enough space for
# DTB after kernel/initrd" below that): 1 MiB is left for the tree, which grows
# with -smp. Measured with the 1.45 MiB image: 4 MiB fails, 4 MiB + 8 KiB boots;
# with the 0.95 MiB one (issue 19: large buffers in run-time memory) the same.
QEMU_KERNEL_OFFSET = 2 * MiB
QEMU_DTB_ROOM = 1 * MiB
# --dtb and --load-addr: the user's (or QEMU's dumped) tree goes at RAM + 48 MiB,
# and the ramdisk at the first 2 MiB boundary past it (qemu.user_initrd_addr).
QEMU_DTB_MEM = 64 * MiB
# QEMU 7.2 -initrd (hw/arm/boot.c): the ramdisk at RAM + min(RAM / 2, 128 MiB), or
# past the Image's image_size when that is higher, and its tree at the next 2 MiB
# boundary after the ramdisk: a ramdisk of INITRD_FILE_SIZE ends before the 2 MiB
# boundary the tree would take without it, so the minimum --mem is unchanged.

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
# Measured with the 1.45 MiB image: 3M and 4M panic, 4M + 4K and 5M boot
# (--no-initrd); the 0.95 MiB image rounds to the same 2 MiB.
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
# lib/dt/platform.h DT_BOOTARGS_LEN 512 (snprintf keeps 511 bytes).
BOOTARGS_MAX = 511

ARM64_MAGIC_OFFSET, ARM64_MAGIC = 0x38, b"ARM\x64"  # Linux booting.rst, the Image header
# The 32-bit image (make ARCH=arm, boot/arm/head.S): a zImage header, magic
# 0x016f2818 at 0x24 (Linux arch/arm booting.rst); the harness keeps its
# whole size (BSS and stack too) at 0x38, where a zImage has nothing.
ZIMAGE_MAGIC_OFFSET, ZIMAGE_MAGIC = 0x24, b"\x18\x28\x6f\x01"
ZIMAGE_SIZE_OFFSET = 0x38


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
    included), or its file size when the field is 0 (booting.rst); the
    32-bit image's own field at 0x38 (ZIMAGE_SIZE_OFFSET)."""
    if data[ZIMAGE_MAGIC_OFFSET : ZIMAGE_MAGIC_OFFSET + 4] == ZIMAGE_MAGIC:
        size = int.from_bytes(data[ZIMAGE_SIZE_OFFSET : ZIMAGE_SIZE_OFFSET + 4], "little")
    else:
        size = int.from_bytes(data[0x10:0x18], "little")
    return size or len(data)


def qemu_min_mem(img_size):
    return align_up(QEMU_KERNEL_OFFSET + img_size, 2 * MiB) + QEMU_DTB_ROOM


def xen_min_domu(img_size, initrd=True):
    """place_modules rounds the tree and the ramdisk each up to 2 MiB."""
    ramdisk = align_up(protocol.INITRD_FILE_SIZE, 2 * MiB) if initrd else 0
    return align_up(img_size, 2 * MiB) + XEN_DOMU_DTB + ramdisk + XEN_DOMU_GRAIN


def xen_zimage_layout(domu, file_size, footprint, initrd=True):
    """Where Xen 4.17 puts a 32-bit domU's zImage and modules, or why it cannot
    (xen/arch/arm/kernel.c kernel_zimage_place, place_modules): a zImage with
    start 0 (the harness's) is loaded at the 2 MiB boundary at or below
    min(RAM end, RAM + 128M) - its file size; the tree and ramdisk (2 MiB each)
    at RAM + 128M, else at the end of RAM, else below the image. The image's
    BSS and stack (footprint, from the file's start) must end in RAM, clear
    of the modules. Returns None when it boots, else the reason."""
    rambase, ramend = 0, domu  # offsets in bank 0
    mod = XEN_DOMU_DTB + (align_up(protocol.INITRD_FILE_SIZE, 2 * MiB) if initrd else 0)
    load_end = min(ramend, 128 * MiB)
    if load_end < file_size:
        return "no room for the image below the end of RAM"
    load = (load_end - file_size) // (2 * MiB) * (2 * MiB)
    kernend = load + file_size
    if mod + align_up(kernend, 2 * MiB) - load > ramend:
        return 'Xen panics: "Not enough memory in the first bank for the kernel+dtb+initrd"'
    if ramend >= 128 * MiB + mod and kernend < 128 * MiB:
        modbase = 128 * MiB
    elif ramend - mod > align_up(kernend, 2 * MiB):
        modbase = ramend - mod
    elif load - rambase > mod:
        modbase = load - mod
    else:
        return 'Xen panics: "Unable to find suitable location for dtb+initrd"'
    end = load + footprint
    if end > ramend:
        return (
            f"the image's BSS and stack would run {end - ramend:#x} bytes past the end of RAM"
            f" (Xen loads it at RAM + {load:#x}: the 2 MiB boundary below the end less its"
            " file size)"
        )
    if modbase < end and load < modbase + mod:
        return "Xen's tree and ramdisk would lie in the image's BSS"
    return None


def xen_zimage_min_domu(file_size, footprint, initrd=True):
    """The smallest 4K multiple xen_zimage_layout accepts."""
    n = XEN_DOMU_GRAIN
    while xen_zimage_layout(n, file_size, footprint, initrd):
        n += XEN_DOMU_GRAIN
    return n


def xen_own(mem):
    return XEN_OWN_FIXED + align_up(mem // XEN_OWN_SHARE, MiB)


def xen_min_host(file_size, initrd=True):
    """Xen's host RAM must reach past the harness module at IMAGE_ADDR and the
    ramdisk module after it (xen.initrd_addr)."""
    if initrd:
        end = xen.initrd_addr(file_size) + protocol.INITRD_FILE_SIZE
    else:
        end = xen.IMAGE_ADDR + file_size
    return align_up(end - qemu.RAM_BASE, MiB)


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
    "type": tuple(
        f"virt-{v}"
        for v in (
            "2.6",
            "2.7",
            "2.8",
            "2.9",
            "2.10",
            "2.11",
            "2.12",
            "3.0",
            "3.1",
            "4.0",
            "4.1",
            "4.2",
            "5.0",
            "5.1",
            "5.2",
            "6.0",
            "6.1",
            "6.2",
            "7.0",
            "7.1",
            "7.2",
        )
    ),
}
# CPUs QEMU 7.2 models that the harness boots on (AArch64, `-cpu help`).
CPUS = (
    "cortex-a35",
    "cortex-a53",
    "cortex-a57",
    "cortex-a72",
    "cortex-a76",
    "neoverse-n1",
    "a64fx",
    "max",
)
# The same for the 32-bit image (--arch arm, qemu-system-arm): ARMv7-A with
# LPAE and the virtualization extensions, and max (an ARMv8 CPU in AArch32).
ARM_CPUS = ("cortex-a15", "cortex-a7", "max")
ARCH_CPU = {"aarch64": "cortex-a57", "arm": "cortex-a15"}
