# SPDX-License-Identifier: MIT
"""QEMU `virt` platform: the command line that boots the harness directly, and
the platform interface scripts/run uses (Platform; harnesslib/xen.py has Xen's).
The options arrive checked (options/parse.py): what is refused here is only what
QEMU itself says when it will not start."""
import os
import shutil
import struct
import subprocess

from . import protocol
from .errors import PlatformError, UsageError, first_line

QEMU = "qemu-system-aarch64"
CPU = "cortex-a57"
# The 32-bit image (--arch arm): QEMU's 32-bit system emulator, whose "max" is
# an ARMv8 CPU in AArch32 (qemu-system-aarch64 enters every AArch64 CPU in AArch64).
QEMU_ARM = "qemu-system-arm"
# --boot uboot: Debian's u-boot-qemu builds for QEMU virt, started as -bios.
UBOOT = {
    "arm": "/usr/lib/u-boot/qemu_arm/u-boot.bin",
    "aarch64": "/usr/lib/u-boot/qemu_arm64/u-boot.bin",
}
# Where a user's --dtb is placed, RAM base + 48 MiB: clear of QEMU's own DTB
# (start of RAM or RAM + 128 MiB) and of the image (RAM + 2 MiB).
RAM_BASE = 0x40000000
USER_DTB_ADDR = RAM_BASE + 0x03000000
# Image header field the harness reads as a DTB address: res2, at offset 0x20
# (booting.rst: code0 0, code1 4, text_offset 8, image_size 0x10, flags 0x18,
# res2 0x20, res3 0x28, res4 0x30, magic 0x38; boot/head.S image_dtb_override).
DTB_OVERRIDE_OFFSET = 0x20
# The 32-bit image's: a word of its zImage header past the fields loaders read
# (0x24 magic, 0x28 start, 0x2c end, 0x30 endianness; boot/arm/head.S).
ZIMAGE_MAGIC = b"\x18\x28\x6f\x01"
ZIMAGE_DTB_OVERRIDE_OFFSET = 0x3C


def opt_value(text):
    """A value inside a QEMU option list (-device loader,file=...): a comma
    is written twice (QEMU's QemuOpts), so a path with commas stays one path."""
    return text.replace(",", ",,")


def machine_type(props):
    """The machine type a --machine list names (type=virt-X.Y), or None: QEMU's default."""
    kinds = [p[len("type=") :] for p in (props or "").split(",") if p.startswith("type=")]
    return kinds[0] if kinds else None


def machine_args(gic, smp, mem, virtualization=False, props="", cpu=CPU, arch="aarch64"):
    rest = ",".join(p for p in props.split(",") if not p.startswith("type=")) if props else ""
    machine = (machine_type(props) or "virt") + f",gic-version={gic}"
    machine += ",virtualization=on" if virtualization else ""
    machine += f",{rest}" if rest else ""
    return [
        QEMU_ARM if arch == "arm" else QEMU,
        "-M",
        machine,
        "-cpu",
        cpu,
        "-smp",
        str(smp),
        "-m",
        mem,
        "-nographic",
        "-nodefaults",
        "-serial",
        "stdio",
        "-no-reboot",
    ]


def compile_dtb(path, outdir):
    """A .dts is compiled with dtc; a .dtb is taken byte for byte."""
    if path.endswith(".dts"):
        out = os.path.join(outdir, "user.dtb")
        r = subprocess.run(
            ["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out, path], capture_output=True, text=True
        )
        if r.returncode:
            raise UsageError(f"--dtb {path}: dtc cannot compile it: {first_line(r.stderr)}")
        return out
    out = os.path.join(outdir, "user.dtb")
    shutil.copyfile(path, out)
    return out


def set_bootargs(dtb, bootargs):
    """Best effort, and only on a well-formed blob (header totalsize = file
    size): editing would rewrite a byte-level defect away. Otherwise the
    harness runs with its default bootargs."""
    if not _well_formed(dtb):
        return False
    # fdtput trusts the blob: on a hostile one it may loop (a property of length
    # -12) or fail. It works on a copy, within a time bound; the tree stays as
    # it was unless both edits succeed.
    work = dtb + ".edit"
    shutil.copyfile(dtb, work)
    try:
        subprocess.run(
            ["fdtput", "-t", "s", "-c", work, "/chosen"], capture_output=True, timeout=10
        )
        r = subprocess.run(
            ["fdtput", "-t", "s", work, "/chosen", "bootargs", bootargs],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except subprocess.TimeoutExpired:
        os.remove(work)
        return False
    if r.returncode:
        os.remove(work)
        return False
    os.replace(work, dtb)
    return True


def _fdt(args, timeout=10):
    """fdtput/fdtget on a copy's behalf: True when it succeeded."""
    try:
        return subprocess.run(args, capture_output=True, timeout=timeout).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _well_formed(dtb):
    """A blob the runner may edit: whole, and one dtc reads back. fdtput rewrites a blob
    through libfdt, which would repair (and so hide) a defect a broken tree is there to show."""
    with open(dtb, "rb") as f:
        data = f.read()
    if not (
        len(data) >= 8
        and data[:4] == b"\xd0\x0d\xfe\xed"
        and struct.unpack(">I", data[4:8])[0] == len(data)
    ):
        return False
    r = subprocess.run(
        ["dtc", "-q", "-I", "dtb", "-O", "dtb", "-o", os.devnull, dtb], capture_output=True
    )
    return r.returncode == 0


def user_initrd_addr(dtb):
    """The ramdisk beside a --dtb or --load-addr tree: the first 2 MiB boundary past it."""
    end = USER_DTB_ADDR + os.path.getsize(dtb)
    return (end + (2 << 20) - 1) // (2 << 20) * (2 << 20)


def _put_initrd(dtb, start, end):
    return all(
        _fdt(["fdtput", "-t", "x", dtb, "/chosen", prop, f"{v >> 32:x}", f"{v & 0xFFFFFFFF:x}"])
        for prop, v in (("linux,initrd-start", start), ("linux,initrd-end", end))
    )


def name_initrd(dtb):
    """/chosen linux,initrd-start/-end, as a bootloader writes them: "own" when
    the tree already names a ramdisk (a lying tree's, kept), "placeholders"
    when the runner wrote them (two cells each, as QEMU does: 0 until
    initrd_beside_tree knows the address), None when the tree cannot be edited
    (only a well-formed blob is, as with set_bootargs)."""
    if not _well_formed(dtb):
        return None
    for prop in ("linux,initrd-start", "linux,initrd-end"):
        if _fdt(["fdtget", "-t", "x", dtb, "/chosen", prop]):
            return "own"
    work = dtb + ".edit"
    shutil.copyfile(dtb, work)
    _fdt(["fdtput", "-t", "s", "-c", work, "/chosen"])
    if not _put_initrd(work, 0, 0):
        os.remove(work)
        return None
    os.replace(work, dtb)
    return "placeholders"


def patched_image(image, outdir, dtb_addr):
    out = os.path.join(outdir, "harness-dtb.bin")
    data = bytearray(open(image, "rb").read())
    if data[0x24:0x28] == ZIMAGE_MAGIC:
        off = ZIMAGE_DTB_OVERRIDE_OFFSET
        data[off : off + 4] = struct.pack("<I", dtb_addr)
    elif data[0x38:0x3C] != b"ARM\x64":
        raise UsageError(f"{image} is not an arm64 Image")
    else:
        data[DTB_OVERRIDE_OFFSET : DTB_OVERRIDE_OFFSET + 8] = struct.pack("<Q", dtb_addr)
    open(out, "wb").write(bytes(data))
    return out


def dump_dtb(cmd, outdir):
    """QEMU's own device tree for this machine configuration."""
    out = os.path.join(outdir, "qemu.dtb")
    machine = cmd[cmd.index("-M") + 1]
    try:
        r = subprocess.run(
            cmd[: cmd.index("-M")]
            + ["-M", f"{machine},dumpdtb={opt_value(out)}"]
            + cmd[cmd.index("-M") + 2 :],
            capture_output=True,
            text=True,
        )
    except OSError as e:
        raise PlatformError(f"QEMU's dumpdtb: cannot execute {cmd[0]}: {e.strerror or e}")
    if r.returncode or not os.path.exists(out):
        raise PlatformError(
            "QEMU's dumpdtb failed: "
            + first_line(r.stderr + r.stdout, f"exit status {r.returncode}")
        )
    return out


def virtio_args(items, outdir):
    """The dma suite's devices; QEMU plugs them into the virt board's last transports."""
    from . import scratch_disk

    out = ["-global", "virtio-mmio.force-legacy=false"] if "modern" in items else []
    if "rng" in items:
        out += ["-device", "virtio-rng-device"]
    if "blk" in items:
        disk = scratch_disk.make(outdir)
        # cache=unsafe: the device still completes FLUSH, without a host fsync that a
        # busy host disk can hold for longer than the guest waits.
        out += [
            "-drive",
            f"file={opt_value(disk)},if=none,format=raw,id=scratch,cache=unsafe",
            "-device",
            "virtio-blk-device,drive=scratch",
        ]
    return out


def pci_args(items, outdir):
    """The pci suite's devices, each in the root-bus slot protocol.h gives it: the
    guest finds them there (vm_pci=). edu's DMA mask is widened from its default
    28 bits, which reach no RAM of the virt board. blk is modern only (no I/O BAR,
    device ID 0x1042) with one queue, on its own read-only copy of the scratch
    disk's pattern: the dma suite's disk.img is written during the run."""
    from . import scratch_disk

    out = []
    if "testdev" in items:
        out += [
            "-device",
            f"pci-testdev,addr={protocol.PCI_SLOT_TESTDEV:#x},membar={protocol.PCI_TESTDEV_MEMBAR}",
        ]
    if "edu" in items:
        out += ["-device", f"edu,addr={protocol.PCI_SLOT_EDU:#x},dma_mask={(1 << 64) - 1:#x}"]
    if "virtio" in items:
        out += ["-device", f"virtio-rng-pci,addr={protocol.PCI_SLOT_VIRTIO:#x}"]
    if "blk" in items:
        disk = scratch_disk.make(outdir, scratch_disk.PCI_NAME)
        out += [
            "-drive",
            f"file={opt_value(disk)},if=none,format=raw,id=pcidisk,readonly=on",
            "-device",
            f"virtio-blk-pci,addr={protocol.PCI_SLOT_BLK:#x},drive=pcidisk,"
            # page-per-vq off: older machine types turn it on (hw_compat_2_7), which
            # makes BAR4 8 MiB instead of the 16 KiB the pci suite holds it to
            "disable-legacy=on,disable-modern=off,num-queues=1,page-per-vq=off",
        ]
    if "bridge" in items:
        # A PCIe-to-PCI bridge, not a PCIe port: a port has only device 0 below it, where
        # the swizzle leaves the pin as it is, and a conventional pci-bridge gives what is
        # behind it its own requester ID (bus 0's), so an MSI would never hold msi-map
        # past bus 0. The e1000 raises INTx with no MSI controller (its=off); mitigation
        # off so it does at once; no option ROM; a netdev that reaches nothing (a NIC
        # with none makes QEMU warn).
        out += [
            "-device",
            f"pcie-pci-bridge,id=harness_br,bus=pcie.0,addr={protocol.PCI_SLOT_BRIDGE:#x}",
            "-netdev",
            "user,id=harness_net,restrict=on",
            "-device",
            f"e1000,bus=harness_br,addr={protocol.PCI_BRIDGE_NIC_SLOT:#x},netdev=harness_net,"
            "romfile=,mitigation=off",
            # A bridge behind the bridge: nested bus numbers, windows and a double swizzle.
            "-device",
            f"pci-bridge,id=harness_br2,bus=harness_br,addr={protocol.PCI_BRIDGE_NESTED_SLOT:#x},"
            "chassis_nr=2",
            "-netdev",
            "user,id=harness_net2,restrict=on",
            "-device",
            f"e1000,bus=harness_br2,addr={protocol.PCI_NESTED_NIC_SLOT:#x},netdev=harness_net2,"
            "romfile=,mitigation=off",
        ]
        if "edu" in items:
            out += [
                "-device",
                f"edu,bus=harness_br,addr={protocol.PCI_BRIDGE_EDU_SLOT:#x},"
                f"dma_mask={(1 << 64) - 1:#x}",
            ]
    return out


def fw_cfg_args(outdir):
    """The dma suite's fw_cfg file (fwcfg_file.py); QEMU's virt board always has fw_cfg."""
    from . import fwcfg_file

    path = fwcfg_file.make(outdir)
    return ["-fw_cfg", f"name={opt_value(protocol.FWCFG_FILE_NAME)},file={opt_value(path)}"]


def initrd_beside_tree(args, outdir, dtb, bootargs, notes):
    """--dtb and --load-addr: the ramdisk loaded past the tree, which names it.
    The tree's size settles where: the props go in first (their final size),
    then the bootargs (bootargs() says vm_initrd=), then the address."""
    from . import initrd_file

    named = name_initrd(dtb) if args.initrd else None
    args.initrd = named is not None  # a tree the runner cannot edit is told nothing
    if not set_bootargs(dtb, bootargs()):
        notes.append(
            f"could not set /chosen/bootargs in {args.dtb} (a broken tree?); "
            "the harness runs with its defaults"
        )
    if not args.initrd:
        return []
    addr = user_initrd_addr(dtb)
    if addr + initrd_file.SIZE > RAM_BASE + args.mem_bytes:
        args.initrd = False
        if named == "placeholders":
            for prop in ("linux,initrd-start", "linux,initrd-end"):
                _fdt(["fdtput", "-d", dtb, "/chosen", prop])
        set_bootargs(dtb, bootargs())
        notes.append(
            f"no room in RAM for the ramdisk after the tree (at {addr:#x}): "
            "the harness runs without one (vm_initrd=no)"
        )
        return []
    if named == "placeholders" and not _put_initrd(dtb, addr, addr + initrd_file.SIZE):
        raise PlatformError("fdtput could not write /chosen linux,initrd-start/-end")
    path = initrd_file.make(outdir)
    return ["-device", f"loader,file={opt_value(path)},addr={addr:#x},force-raw=on"]


def numa_args(nodes, smp, mem_bytes):
    """-numa in the layout protocol.h gives vm_numa=: node i an equal share of the RAM (its own
    memory backend) and the i-th share of the CPUs in order; every two nodes at
    VM_NUMA_DISTANCE, so that QEMU writes /distance-map."""
    out = []
    for i in range(nodes):
        first, last = i * smp // nodes, (i + 1) * smp // nodes - 1
        out += [
            "-object",
            f"memory-backend-ram,id=harness_numa{i},size={mem_bytes // nodes}",
            "-numa",
            f"node,nodeid={i},cpus={first}-{last},memdev=harness_numa{i}",
        ]
    for i in range(nodes):
        for j in range(i + 1, nodes):
            out += ["-numa", f"dist,src={i},dst={j},val={protocol.VM_NUMA_DISTANCE}"]
    return out


def command_line(args, outdir, bootargs, notes):
    cmd = machine_args(
        args.gic,
        args.smp,
        args.mem,
        virtualization=args.el == 2,
        props=getattr(args, "machine", ""),
        cpu=getattr(args, "cpu", CPU),
        arch=getattr(args, "arch", "aarch64"),
    )
    from . import initrd_file

    cmd += ["-semihosting"] + virtio_args(getattr(args, "virtio", ()), outdir) + fw_cfg_args(outdir)
    cmd += pci_args(getattr(args, "pci", ()), outdir)
    cmd += numa_args(getattr(args, "numa", 0), args.smp, getattr(args, "mem_bytes", 0))
    if args.no_dtb:
        # The generic loader starts the CPU with x0 = 0: no device tree at all.
        addr = RAM_BASE + (2 << 20) if args.load_addr is None else args.load_addr
        return cmd + [
            "-device",
            f"loader,file={opt_value(args.image)},addr={addr:#x},cpu-num=0,force-raw=on",
        ]
    if getattr(args, "boot", "kernel") == "uboot":
        # QEMU puts -kernel, -initrd and -append in fw_cfg for the firmware; U-Boot's
        # default bootcmd (distro boot, target qfw first, after its 2 s bootdelay)
        # loads them (qfw load) and runs booti, then bootz, with its control tree:
        # QEMU's, which U-Boot edits (/chosen: ramdisk, u-boot,version, seeds).
        # With firmware, an AArch64 virt with ACPI has an ACPI GED in place of the
        # PL061 and its gpio-keys (QEMU 7.2 virt.c machvirt_init): U-Boot reads no
        # ACPI, so acpi=off keeps the board the one QEMU's tree and profile describe.
        m = cmd.index("-M") + 1
        if getattr(args, "arch", "aarch64") == "aarch64" and "acpi=" not in cmd[m]:
            cmd[m] += ",acpi=off"
        if args.dtb:
            # QEMU's -dtb: the tree QEMU hands the firmware (at the start of RAM, with
            # its fixups: /memory's reg, /chosen/bootargs), which U-Boot runs with, edits
            # and passes on: how a lie reaches the harness through U-Boot.
            cmd += ["-dtb", compile_dtb(args.dtb, outdir)]
        return cmd + [
            "-bios",
            UBOOT[getattr(args, "arch", "aarch64")],
            "-kernel",
            args.image,
            "-append",
            bootargs(),
            "-initrd",
            initrd_file.make(outdir),
        ]
    if not args.dtb and args.load_addr is None:
        # QEMU loads the ramdisk and names it in its tree's /chosen (hw/arm/boot.c).
        initrd = ["-initrd", initrd_file.make(outdir)] if args.initrd else []
        return cmd + ["-kernel", args.image, "-append", bootargs()] + initrd
    dtb = compile_dtb(args.dtb, outdir) if args.dtb else dump_dtb(cmd, outdir)
    cmd += initrd_beside_tree(args, outdir, dtb, bootargs, notes)
    image = patched_image(args.image, outdir, USER_DTB_ADDR)
    cmd += ["-device", f"loader,file={opt_value(dtb)},addr={USER_DTB_ADDR:#x},force-raw=on"]
    if args.load_addr is None:
        return cmd + ["-kernel", image]
    # No -kernel: the generic loader places the image and starts the CPU there,
    # which exercises self-relocation at an address of the user's choice.
    return cmd + [
        "-device",
        f"loader,file={opt_value(image)},addr={args.load_addr:#x},cpu-num=0,force-raw=on",
    ]


def topology(a):
    """The CPU topology QEMU writes as /cpus/cpu-map for -smp N, as
    sockets.clusters.cores.threads (the memmap suite holds the cpu-map to
    it): virt-6.2 on puts the N CPUs in cores of one socket and cluster
    (hw/core/machine-smp.c, prefer_sockets false); virt-6.1 and older write
    no cpu-map (virt.c no_cpu_topology)."""
    kind = machine_type(getattr(a, "machine", ""))
    version = kind[len("virt-") :] if kind and kind.startswith("virt-") else None
    if version and tuple(int(x) for x in version.split(".")) < (6, 2):
        return "none"
    return f"1.1.{a.smp}.1"


class Platform:
    """QEMU runs the harness directly: the console is the guest's, and QEMU's
    exit status is the harness's semihosting exit code."""

    def __init__(self, a, out, notes):
        self.a, self.out, self.notes = a, out, notes

    def bootargs_of(self, extra):
        """The harness's bootargs: the runner's own, then the user's."""
        # vm_virtio=: what the dma suite must find behind the DT's transports.
        virtio = ",".join(getattr(self.a, "virtio", ())) or "none"
        initrd = "yes" if getattr(self.a, "initrd", False) else "no"
        # vm_pci=: what the pci suite must find on the root bus, and in which slots.
        pci = ",".join(getattr(self.a, "pci", ())) or "none"
        # vm_numa=: the NUMA nodes -numa gave (0: none, and QEMU's tree has no NUMA).
        numa = getattr(self.a, "numa", 0)
        return (
            f"expect_el={self.a.el} vm_mem={self.a.mem_bytes} vm_virtio={virtio} vm_pci={pci}"
            f" vm_initrd={initrd} vm_topology={topology(self.a)} vm_numa={numa} {extra}"
        ).strip()

    def bootargs(self):
        return self.bootargs_of(self.a.bootargs)

    def command(self):
        return command_line(self.a, self.out, self.bootargs, self.notes)

    transform = staticmethod(lambda line: line)
    stop_pattern = None
    # The harness ends QEMU right after its report (semihosting SYS_EXIT) and
    # QEMU's exit status is its verdict: wait for it, up to 3 s.
    exits, linger = True, 3.0

    def harness_exit(self, cap):
        return cap.returncode  # QEMU's status is the harness's semihosting exit code

    def refine(self, cap, code, why):
        return code, why

    def after(self, cap, rep):
        pass
