# SPDX-License-Identifier: MIT
"""Xen 4.17 platform: the harness booted as a dom0less domU (no dom0) under QEMU.

QEMU `virt` (EL2) boots Debian's Xen with a host DTB that is QEMU's own
(`dumpdtb`) plus /chosen: Xen's bootargs and one `xen,domain` node whose
kernel module is the harness image, loaded by QEMU's `loader` device.
Documents: Xen docs/misc/arm/device-tree/booting.txt (dom0less, `xen,enhanced`,
`vpl011`, multiboot modules) and docs/misc/xen-command-line.pandoc.
"""
import os
import re
import subprocess

from . import initrd_file, paths, qemu, status
from .clip import clip
from .errors import PlatformError, first_line
from .protocol import CONSOLE_CONTINUES, CONSOLE_LINE_MAX, REPORT_SENTINEL

XEN = paths.XEN
# Where QEMU's loader puts the harness in host RAM: clear of Xen (loaded by
# QEMU at RAM + 2 MiB, then relocated by Xen to the top of RAM) and of the
# host DTB (start of RAM).
IMAGE_ADDR = 0x50000000


def initrd_addr(image_file_size):
    """The ramdisk module (initrd_file.py): at the first 2 MiB boundary past the
    image module. Xen copies it into the domU after the domU's tree
    (place_modules) and fixes /chosen linux,initrd-start/-end up to it."""
    return IMAGE_ADDR + (image_file_size + (2 << 20) - 1) // (2 << 20) * (2 << 20)


# A partial device tree (--domu-dtb) for the domU: the module 2 MiB past the
# ramdisk's boundary. Xen 4.17 builds a domU's tree in DOMU_DTB_SIZE (4 KiB,
# prepare_dtb_domU) with the passthrough nodes inside it: a partial tree
# larger than a few hundred bytes makes "Device tree generation failed".
DOMU_DTB_MAX = 2048


def domu_dtb_addr(image_file_size):
    return initrd_addr(image_file_size) + (2 << 20)


# Xen 4.17 prints a domU's vpl011 output as "(XEN) DOM1: text" and its
# console_io output as "(d1) text" (no "(XEN) "); the latter appears only with
# guest_loglvl=all (a domU's console_io is "guest" output, filtered by default).
GUEST_LINE = re.compile(r"^(?:\(XEN\) (?P<vpl011>DOM1: )|\(d1\) )(?P<text>.*)$")
# vpl011 (xen/arch/arm/vpl011.c, 4.17) flushes its 128-byte buffer after 126
# characters with a newline of its own: such a segment continues on the next
# "DOM1: " line (an empty one when the line was exactly 126 long). console_io
# breaks a line past 255 characters without a sign, so the harness breaks
# long lines itself, each piece but the last ending in CONSOLE_CONTINUES.
VPL011_SEGMENT = 126
# Xen's panic() frames its message with "Panic on CPU n:" ... "Reboot in five
# seconds"; a crashed domU is announced by domain_crash() as
# "Domain 1 (vcpu#N) crashed on cpu#M:" followed by its registers.
XEN_PANIC = re.compile(r"Panic on CPU \d+:|Xen BUG at |Assertion '.*' failed")
XEN_PANIC_END = re.compile(r"Reboot in |Manual reset required")
DOMAIN_CRASH = re.compile(r"Domain 1 \(vcpu#\d+\) crashed|Domain 1 reported crashed")
# Nothing ends QEMU under Xen (SYSTEM_OFF only pauses the domain), so a run
# ends LINGER seconds after the report's last line, a domain crash or a panic:
# long enough for Xen to say that the domain crashed after its report. Xen's
# word on a guest's action reaches the console within 5 ms of the guest's
# previous line (the mmio suite's undecodable loads, "Unable to decode
# instruction"), within 25 ms with three Xen runs on two cores: 0.3 s is
# ten times that, and what a Xen run waits for nothing.
LINGER = 0.3


def _run(cmd, step):
    """A step before the boot (QEMU's dumpdtb, dtc): its failure is the
    platform's, said with the tool's own first line."""
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        raise PlatformError(f"{step}: cannot execute {cmd[0]}: {e.strerror or e}")
    if r.returncode:
        raise PlatformError(
            f"{step} failed: " + first_line(r.stderr + r.stdout, f"exit status {r.returncode}")
        )
    return r.stdout


def _dts_string(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


class Platform:
    def __init__(self, a, out, notes):
        self.a, self.out, self.notes = a, out, notes
        self.xen_lines, self.panic, self.crash, self.done = [], [], [], False
        self.partial = ""  # a vpl011 line Xen split

    # ---- the host device tree -------------------------------------------
    def bootargs_of(self, extra):
        """The harness's bootargs: the runner's own, then the user's."""
        mem = self.a.domu_mem_bytes
        # Without xen,enhanced the domU's DT has no /hypervisor node to name
        # the documentation; the runner knows it booted Xen 4.17, so it says so.
        profile = " profile=xen-4.17" if self.a.no_enhanced else ""
        initrd = "yes" if self.a.initrd else "no"
        return f"expect_el=1 vm_mem={mem} vm_initrd={initrd}{profile} {extra}".strip()

    def bootargs(self):
        return self.bootargs_of(self.a.bootargs)

    def host_dtb(self, machine):
        """QEMU's own DTB for exactly this machine, plus Xen's /chosen."""
        base = os.path.join(self.out, "qemu.dtb")
        dtb = os.path.join(self.out, "host.dtb")
        _run(
            [machine[0], "-M", f"{machine[2]},dumpdtb={qemu.opt_value(base)}"] + machine[3:],
            "QEMU's dumpdtb (the host tree)",
        )
        dts = _run(["dtc", "-q", "-I", "dtb", "-O", "dts", base], "dtc (QEMU's tree to source)")
        image_size = os.path.getsize(self.a.image)
        domu_kib = self.a.domu_mem_bytes >> 10
        domu = [
            "\t\tdomU1 {",
            '\t\t\tcompatible = "xen,domain";',
            "\t\t\t#address-cells = <0x02>;",
            "\t\t\t#size-cells = <0x02>;",
            f"\t\t\tmemory = <0x00 {domu_kib:#x}>;",
            f"\t\t\tcpus = <{self.a.vcpus:#x}>;",
        ]
        if not self.a.no_vpl011:
            domu.append("\t\t\tvpl011;")
        if not self.a.no_enhanced:
            # "enabled" would need xenstore, hence a dom0: Xen panics without it.
            domu.append('\t\t\txen,enhanced = "no-xenstore";')
        domu += [
            f"\t\t\tmodule@{IMAGE_ADDR:x} {{",
            '\t\t\t\tcompatible = "multiboot,kernel", "multiboot,module";',
            f"\t\t\t\treg = <0x00 {IMAGE_ADDR:#x} 0x00 {image_size:#x}>;",
            f'\t\t\t\tbootargs = "{_dts_string(self.bootargs())}";',
            "\t\t\t};",
        ]
        if self.a.initrd:
            # booting.txt: a domain's ramdisk is its "multiboot,ramdisk" module.
            addr = initrd_addr(image_size)
            domu += [
                f"\t\t\tmodule@{addr:x} {{",
                '\t\t\t\tcompatible = "multiboot,ramdisk", "multiboot,module";',
                f"\t\t\t\treg = <0x00 {addr:#x} 0x00 {initrd_file.SIZE:#x}>;",
                "\t\t\t};",
            ]
        if self.a.domu_dtb is not None:
            # booting.txt: a domain's partial device tree is its "multiboot,device-tree"
            # module; Xen copies the tree's /passthrough node into the domU's.
            addr = domu_dtb_addr(image_size)
            domu += [
                f"\t\t\tmodule@{addr:x} {{",
                '\t\t\t\tcompatible = "multiboot,device-tree", "multiboot,module";',
                f"\t\t\t\treg = <0x00 {addr:#x} 0x00 {os.path.getsize(self.domu_dtb()):#x}>;",
                "\t\t\t};",
            ]
        domu.append("\t\t};")
        # Xen's console is the UART QEMU's tree names as its stdout-path.
        uart = re.search(r'^\t\tstdout-path = "([^":]+)', dts, re.M)
        if not uart:
            raise PlatformError("QEMU's DTB has no /chosen/stdout-path for Xen's console")
        props = [
            f'\t\txen,xen-bootargs = "{self.xen_bootargs(uart.group(1))}";',
            "\t\t#address-cells = <0x02>;",
            "\t\t#size-cells = <0x02>;",
        ]
        m = re.search(r"^\tchosen \{\n", dts, re.M)
        if not m:
            raise PlatformError("QEMU's DTB has no /chosen node")
        end = dts.index("\n\t};\n", m.end()) + 1  # properties first, then the domU node
        dts = (
            dts[: m.end()]
            + "\n".join(props)
            + "\n"
            + dts[m.end() : end]
            + "\n".join(domu)
            + "\n"
            + dts[end:]
        )
        host_dts = os.path.join(self.out, "host.dts")
        with open(host_dts, "w") as f:
            f.write(dts)
        _run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb, host_dts], "dtc (Xen's host tree)")
        return dtb

    def domu_dtb(self):
        """The --domu-dtb blob (a .dts compiled into --out once)."""
        path = self.a.domu_dtb
        if not path.endswith(".dts"):
            return path
        out = os.path.join(self.out, "domu-partial.dtb")
        if not os.path.exists(out):
            _run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out, path], "dtc (--domu-dtb)")
        return out

    @staticmethod
    def xen_bootargs(uart):
        # guest_loglvl=all: without it Xen drops a domU's console_io output.
        # bootscrub=0: QEMU's RAM starts zeroed, and Xen's scrub of the free
        # RAM in its idle loop (TCG-emulated stores over most of --mem)
        # competes with the domU for the host's cores. Measured on two cores
        # (xen-default, --mem 2G, scrub and no scrub alternated): the verdict
        # came 0.2 s later on a quiet host, 1 to 2 s later on a busy one (the
        # first guest line 2 s later). The domU's RAM reads zero either way.
        return f"console=dtuart dtuart={uart} guest_loglvl=all bootscrub=0"

    # ---- the platform interface scripts/run uses ---------------------------
    def command(self):
        # The options arrive checked (options/parse.py: vCPUs, the domU's memory
        # against the host's and Xen's share, the module at IMAGE_ADDR in RAM).
        a = self.a
        machine = qemu.machine_args(a.gic, a.smp, a.mem, virtualization=True)
        dtb = self.host_dtb(machine)
        cmd = machine + [
            "-kernel",
            XEN,
            "-dtb",
            dtb,
            "-device",
            f"loader,file={qemu.opt_value(a.image)},addr={IMAGE_ADDR:#x},force-raw=on",
        ]
        if a.initrd:
            path = initrd_file.make(self.out)
            addr = initrd_addr(os.path.getsize(a.image))
            cmd += ["-device", f"loader,file={qemu.opt_value(path)},addr={addr:#x},force-raw=on"]
        if a.domu_dtb is not None:
            addr = domu_dtb_addr(os.path.getsize(a.image))
            path = qemu.opt_value(self.domu_dtb())
            cmd += ["-device", f"loader,file={path},addr={addr:#x},force-raw=on"]
        return cmd

    def transform(self, line):
        """Guest lines lose Xen's prefix; Xen's own lines stay in console.log only."""
        m = GUEST_LINE.match(line)
        if m:
            text = m.group("text")
            if m.group("vpl011"):
                text, self.partial = self.partial + text, ""
                if len(m.group("text")) == VPL011_SEGMENT:
                    self.partial = text
                    return None
            else:
                piece = text
                text, self.partial = self.partial + text, ""
                # A piece the harness broke is exactly CONSOLE_LINE_MAX and the mark: a
                # line of its own that happens to end in a backslash is no piece.
                if len(piece) == CONSOLE_LINE_MAX + len(CONSOLE_CONTINUES) and piece.endswith(
                    CONSOLE_CONTINUES
                ):
                    self.partial = text[: -len(CONSOLE_CONTINUES)]
                    return None
            if text == REPORT_SENTINEL:
                self.done = True  # SYSTEM_OFF only pauses the domain: stop here
            return text
        if line.startswith("(XEN)"):
            self.xen_lines.append(line)
            text = line[5:].strip()
            if XEN_PANIC.search(text) or (self.panic and not self.done):
                self.panic.append(text)
                self.done = self.done or bool(XEN_PANIC_END.search(text))
            elif DOMAIN_CRASH.search(text):
                # with the lines just before it, which say why (e.g. "domain_crash called from")
                self.crash = [ln[5:].strip() for ln in self.xen_lines[-3:]]
                self.done = True
            return None
        return line

    exits, linger = False, LINGER

    def stop_pattern(self, text):
        # Nothing more will come after the sentinel (the domain is paused), after
        # a Xen panic (Xen reboots) or once a crashed domain has been reported.
        return self.done

    def harness_exit(self, cap):
        # SYSTEM_OFF only pauses the domain: no exit code comes back through Xen.
        return None

    def refine(self, cap, code, why):
        if self.panic:
            msg = [t for t in self.panic if t.strip("* ") and not XEN_PANIC_END.search(t)]
            return status.CRASH, "Xen panicked: " + clip(" | ".join(msg), 500)
        if self.crash:  # even after a whole report: the guest did not end cleanly
            return status.DOMAIN_CRASH, "Xen crashed the domain: " + " | ".join(self.crash)
        if code == status.SILENT and self.xen_lines:
            why += f" (Xen printed {len(self.xen_lines)} lines of its own: see console.log)"
        return code, why

    def after(self, cap, rep):
        pass
