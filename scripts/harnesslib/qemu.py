"""QEMU `virt` platform: the command line that boots the harness directly, and
the platform interface scripts/run uses (Platform; harnesslib/xen.py has Xen's)."""
import os
import shutil
import struct
import subprocess

QEMU = "qemu-system-aarch64"
CPU = "cortex-a57"
# Where a user's --dtb is placed, RAM base + 48 MiB: clear of QEMU's own DTB
# (start of RAM or RAM + 128 MiB) and of the image (RAM + 2 MiB).
RAM_BASE = 0x40000000
USER_DTB_ADDR = RAM_BASE + 0x03000000
# Image header field the harness reads as a DTB address: res2, at offset 0x20
# (booting.rst: code0 0, code1 4, text_offset 8, image_size 0x10, flags 0x18,
# res2 0x20, res3 0x28, res4 0x30, magic 0x38; boot/head.S image_dtb_override).
DTB_OVERRIDE_OFFSET = 0x20


class UsageError(Exception):
    pass


def size_bytes(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    t = text.strip().upper().rstrip("B")
    try:
        if t and t[-1] in units:
            return int(t[:-1]) * units[t[-1]]
        return int(t) << 20  # QEMU's -m default unit is MiB
    except ValueError:
        raise UsageError(f"bad size {text!r} (use e.g. 512M or 2G)")


def machine_args(gic, smp, mem, virtualization=False):
    if gic not in (2, 3):
        raise UsageError("--gic must be 2 or 3")
    if gic == 2 and smp > 8:
        raise UsageError("GICv2 allows at most 8 CPUs")
    machine = f"virt,gic-version={gic}" + (",virtualization=on" if virtualization else "")
    return [QEMU, "-M", machine, "-cpu", CPU, "-smp", str(smp), "-m", mem,
            "-nographic", "-nodefaults", "-serial", "stdio", "-no-reboot"]


def compile_dtb(path, outdir):
    """A .dts is compiled with dtc; a .dtb is taken byte for byte."""
    if not os.path.exists(path):
        raise UsageError(f"--dtb {path}: no such file")
    if path.endswith(".dts"):
        out = os.path.join(outdir, "user.dtb")
        r = subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out, path],
                           capture_output=True, text=True)
        if r.returncode:
            raise UsageError(f"dtc could not compile {path}:\n{r.stderr}")
        return out
    out = os.path.join(outdir, "user.dtb")
    shutil.copyfile(path, out)
    return out


def set_bootargs(dtb, bootargs):
    """Best effort, and only on a well-formed blob (header totalsize = file
    size): editing would rewrite a byte-level defect away. Otherwise the
    harness runs with its default bootargs."""
    data = open(dtb, "rb").read()
    if len(data) < 8 or data[:4] != b"\xd0\x0d\xfe\xed" or struct.unpack(">I", data[4:8])[0] != len(data):
        return False
    r = subprocess.run(["fdtput", "-t", "s", "-c", dtb, "/chosen"], capture_output=True)
    r = subprocess.run(["fdtput", "-t", "s", dtb, "/chosen", "bootargs", bootargs],
                       capture_output=True, text=True)
    return r.returncode == 0


def patched_image(image, outdir, dtb_addr):
    out = os.path.join(outdir, "harness-dtb.bin")
    data = bytearray(open(image, "rb").read())
    if data[0x38:0x3c] != b"ARM\x64":
        raise UsageError(f"{image} is not an arm64 Image")
    data[DTB_OVERRIDE_OFFSET:DTB_OVERRIDE_OFFSET + 8] = struct.pack("<Q", dtb_addr)
    open(out, "wb").write(bytes(data))
    return out


def dump_dtb(cmd, outdir):
    """QEMU's own device tree for this machine configuration."""
    out = os.path.join(outdir, "qemu.dtb")
    machine = cmd[cmd.index("-M") + 1]
    r = subprocess.run(cmd[:cmd.index("-M")] + ["-M", f"{machine},dumpdtb={out}"] + cmd[cmd.index("-M") + 2:],
                       capture_output=True, text=True)
    if r.returncode or not os.path.exists(out):
        raise UsageError(f"QEMU could not dump its device tree:\n{r.stdout}{r.stderr}")
    return out


def command_line(args, outdir, bootargs, notes):
    cmd = machine_args(args.gic, args.smp, args.mem, virtualization=args.el == 2)
    cmd += ["-semihosting"]
    if args.no_dtb:
        # The generic loader starts the CPU with x0 = 0: no device tree at all.
        addr = RAM_BASE + (2 << 20) if args.load_addr is None else args.load_addr
        return cmd + ["-device", f"loader,file={args.image},addr={addr:#x},cpu-num=0,force-raw=on"]
    if not args.dtb and args.load_addr is None:
        return cmd + ["-kernel", args.image, "-append", bootargs]
    if size_bytes(args.mem) < 64 << 20:
        raise UsageError("--dtb and --load-addr need --mem of at least 64M")
    dtb = compile_dtb(args.dtb, outdir) if args.dtb else dump_dtb(cmd, outdir)
    if not set_bootargs(dtb, bootargs):
        notes.append(f"could not set /chosen/bootargs in {args.dtb} (a broken tree?); "
                     "the harness runs with its defaults")
    image = patched_image(args.image, outdir, USER_DTB_ADDR)
    cmd += ["-device", f"loader,file={dtb},addr={USER_DTB_ADDR:#x},force-raw=on"]
    if args.load_addr is None:
        return cmd + ["-kernel", image]
    # No -kernel: the generic loader places the image and starts the CPU there,
    # which exercises self-relocation at an address of the user's choice.
    if args.load_addr % 4096 or not RAM_BASE <= args.load_addr < USER_DTB_ADDR - (4 << 20):
        raise UsageError(f"--load-addr must be 4 KiB aligned, in RAM below {USER_DTB_ADDR - (4 << 20):#x}")
    return cmd + ["-device", f"loader,file={image},addr={args.load_addr:#x},cpu-num=0,force-raw=on"]


class Platform:
    """QEMU runs the harness directly: the console is the guest's, and QEMU's
    exit status is the harness's semihosting exit code."""

    def __init__(self, a, out, notes):
        self.a, self.out, self.notes = a, out, notes

    def bootargs(self):
        mem = size_bytes(self.a.mem)
        return f"expect_el={self.a.el} vm_mem={mem} {self.a.bootargs}".strip()

    def command(self):
        return command_line(self.a, self.out, self.bootargs(), self.notes)

    transform = staticmethod(lambda line: line)
    stop_pattern = None

    def harness_exit(self, cap):
        return cap.returncode  # QEMU's status is the harness's semihosting exit code

    def refine(self, cap, code, why):
        return code, why

    def after(self, cap, rep):
        pass
