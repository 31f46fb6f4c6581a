"""Boot the harness on a platform, capture its KTAP report and judge the run.

Writes console.log (raw), ktap.txt (clean KTAP) and junit.xml into --out, and
memory-map.md and memory-map.svg when the memmap suite printed its map.
Exit status: 0 pass, 1 test failures, 2 usage, 3 silence, 4 truncated report,
5 hang, 6 platform crash (QEMU error, Xen panic), 7 harness found no console,
8 missing tool, 9 the hypervisor crashed the guest's domain.
"""
import argparse
import os
import shutil
import sys

from . import capture, junit, ktap, memmap_report, mmio_report, paths, qemu, status, verdict, xen
from .progress import Progress

PLATFORMS = {"qemu": qemu.Platform, "xen": xen.Platform}


def parse_args(argv):
    p = argparse.ArgumentParser(prog="scripts/run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--platform", choices=["qemu", "xen"], default="qemu")
    p.add_argument("--gic", type=int, default=3, help="GIC version of the (host) machine: 2 or 3")
    p.add_argument("--smp", type=int, default=2, help="QEMU CPUs (default 2)")
    p.add_argument("--mem", default=None, help="QEMU RAM, e.g. 512M, 2G (default 512M; Xen host 2G)")
    p.add_argument("--el", type=int, choices=[1, 2], default=1,
                   help="QEMU entry exception level: 2 boots with virtualization=on")
    p.add_argument("--load-addr", type=lambda v: int(v, 0), default=None,
                   help="QEMU: place the image at this address with the generic loader (tests relocation)")
    p.add_argument("--no-dtb", action="store_true",
                   help="QEMU: start the harness with no device tree (x0 = 0)")
    p.add_argument("--dtb", help="hand the harness this device tree (.dts or .dtb) instead of QEMU's")
    p.add_argument("--vcpus", type=int, default=1, help="Xen: domU vCPUs")
    p.add_argument("--domu-mem", default="256M", help="Xen: domU memory")
    p.add_argument("--no-vpl011", action="store_true", help="Xen: no emulated UART for the domU")
    p.add_argument("--no-enhanced", action="store_true", help="Xen: no /hypervisor node (xen,enhanced)")
    p.add_argument("--bootargs", default="", help="extra harness bootargs, e.g. suites=dt,boot")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as hung")
    p.add_argument("--out", help="output directory (default build/run/<config>)")
    p.add_argument("--junit", help="also write JUnit XML here")
    p.add_argument("--image", default=paths.IMAGE)
    p.add_argument("--quiet", action="store_true", help="print only the verdict")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print the whole report as it arrives, not just each suite's verdict")
    return p.parse_args(argv)


def config_name(a):
    if a.platform == "xen":
        name = f"xen-gicv{a.gic}-vcpus{a.vcpus}-{a.domu_mem}"
        name += "-novpl011" if a.no_vpl011 else ""
        name += "-noenhanced" if a.no_enhanced else ""
    else:
        name = f"qemu-gicv{a.gic}-smp{a.smp}-{a.mem}" + ("-el2" if a.el == 2 else "")
    if a.load_addr is not None:
        name += f"-at{a.load_addr:#x}"
    if a.no_dtb:
        name += "-nodtb"
    if a.dtb:
        name += "-" + os.path.splitext(os.path.basename(a.dtb))[0]
    return name


def main(argv):
    a = parse_args(argv)
    if a.mem is None:
        a.mem = "2G" if a.platform == "xen" else "512M"
    if not os.path.exists(a.image):
        print(f"scripts/run: {a.image} not found; run `make` first", file=sys.stderr)
        return status.USAGE
    name = config_name(a)
    out = a.out or os.path.join(paths.BUILD, "run", name)
    os.makedirs(out, exist_ok=True)
    notes = []
    try:
        plat = PLATFORMS[a.platform](a, out, notes)
        cmd = plat.command()
    except qemu.UsageError as e:
        print(f"scripts/run: {e}", file=sys.stderr)
        return status.USAGE
    missing = shutil.which(cmd[0]) is None
    if missing:
        print(f"scripts/run: {cmd[0]} is not installed; run scripts/setup", file=sys.stderr)
        return status.SETUP
    for n in notes:
        print(f"note: {n}")
    if not a.quiet:
        print(f"run {name}: {' '.join(cmd)}")
    progress = Progress(a.quiet, a.verbose)
    cap = capture.run(cmd, os.path.join(out, "console.log"), a.timeout,
                      transform=plat.transform, on_line=progress, stop_pattern=plat.stop_pattern)
    ktap_lines = ktap.extract(cap.lines)
    with open(os.path.join(out, "ktap.txt"), "w") as f:
        f.write("\n".join(ktap_lines) + ("\n" if ktap_lines else ""))
    memmap_report.write(ktap_lines, out)  # memory-map.md/.svg when the memmap suite ran
    mmio_report.write(out, name)  # mmio-findings.md when the mmio suite ran
    rep = ktap.parse(ktap_lines)
    for path in filter(None, [os.path.join(out, "junit.xml"), a.junit]):
        junit.write(rep, path, name)
    code, why = verdict.judge(cap, rep, ktap_lines, plat.harness_exit(cap))
    code, why = plat.refine(cap, code, why)
    plat.after(cap, rep)
    c = rep.counts()
    if code not in (status.PASS, status.TEST_FAILED):
        print(f"--- last console lines ({os.path.join(out, 'console.log')}):")
        for line in open(os.path.join(out, "console.log"), errors="replace").read().splitlines()[-15:]:
            print(f"  | {line}")
    if cap.sentinel_at is not None:
        with open(os.path.join(out, "timing.txt"), "w") as f:
            f.write(f"first_line_s {cap.first_line_at:.3f}\nverdict_s {cap.sentinel_at:.3f}\n")
    print(f"verdict: {status.NAMES[code]} (status {code}): {why}; {cap.elapsed:.2f} s; files in {out}")
    print(f"{c['pass']} passed, {c['fail']} failed, {c['skip']} skipped")
    return code
