# SPDX-License-Identifier: MIT
"""Figures, not gates: image size, boot-to-verdict time and the wall time
of the whole scripts/run (median of runs) of the default configurations,
a single Xen run's wall time, and the default matrix's wall time
(scripts/run --matrix tests/matrix/default.txt, once: --matrix-runs).
Targets are printed beside each figure.

usage: scripts/bench [--runs N] [--matrix-runs N]
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Dict, List

from .. import paths, protocol, records
from ..options import facts

# Issue 19: each image at most 160 KiB on disk and 1 MiB of memory in use.
DISK_TARGET = 160 * 1024
MEMORY_TARGET = 1 << 20
# The images scripts/bench measures, those that are built: (name, path).
IMAGES = (
    ("aarch64", paths.IMAGE),
    ("arm", os.path.join(paths.BUILD, "arm", "harness.bin")),
)


def elf_extent(path):
    """Bytes from the lowest PT_LOAD address to the highest end (BSS and stack
    included) of an ELF file, 32- or 64-bit little-endian; None if unreadable."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[5] != 1:
        return None
    wide = data[4] == 2
    phoff = int.from_bytes(data[0x20:0x28] if wide else data[0x1C:0x20], "little")
    esize, count = (0x36, 0x38) if wide else (0x2A, 0x2C)
    phentsize = int.from_bytes(data[esize : esize + 2], "little")
    phnum = int.from_bytes(data[count : count + 2], "little")
    spans = []
    for i in range(phnum):
        h = data[phoff + i * phentsize : phoff + (i + 1) * phentsize]
        if int.from_bytes(h[0:4], "little") != 1:  # PT_LOAD
            continue
        if wide:
            vaddr, memsz = int.from_bytes(h[16:24], "little"), int.from_bytes(h[40:48], "little")
        else:
            vaddr, memsz = int.from_bytes(h[8:12], "little"), int.from_bytes(h[20:24], "little")
        spans.append((vaddr, vaddr + memsz))
    if not spans:
        return None
    return max(end for _, end in spans) - min(start for start, _ in spans)


def memory_in_use(path, data):
    """(bytes, where from): the arm64 Image header's image_size (what loaders
    reserve), else the extent of the ELF file beside the image."""
    if data[facts.ARM64_MAGIC_OFFSET : facts.ARM64_MAGIC_OFFSET + 4] == facts.ARM64_MAGIC:
        return facts.image_size(data), "image_size"
    extent = elf_extent(os.path.splitext(path)[0] + ".elf")
    return extent, "ELF extent"


def image_sizes(images=IMAGES):
    """One line per built image: its size on disk and the memory it takes."""
    for name, path in images:
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        used, source = memory_in_use(path, data)
        mem = f"{used} bytes ({used / 1024:.1f} KiB)" if used is not None else "unknown"
        # What the image would take gzipped, as QEMU's arm64 -kernel and Xen's
        # kernel modules accept it: a figure, not the image scripts/run boots.
        packed = len(gzip.compress(data, compresslevel=9, mtime=0))
        print(
            f"image {name}: {len(data)} bytes ({len(data) / 1024:.1f} KiB) on disk  "
            f"target <= {DISK_TARGET // 1024} KiB; {source} {mem}  "
            f"target <= {MEMORY_TARGET >> 20} MiB; gzip -9 {packed} bytes "
            f"({packed / 1024:.1f} KiB)"
        )


def sweep_seconds(out):
    """The memmap suite's own guest-time figure for its address-space sweep:
    the time_us field of its memmap-sweep record."""
    with open(os.path.join(out, "ktap.txt")) as f:
        for r in records.of_lines(f, protocol.VALUES["RECORD_MEMMAP_SWEEP"]):
            if "time_us" in r.fields:
                return int(r.fields["time_us"]) / 1e6
    return None


def suite_seconds(out):
    """The guest time of each suite and of them all, from the report's time
    records (runtime/suite.c): {suite: s, "(all)": s}."""
    times = {}
    with open(os.path.join(out, "ktap.txt")) as f:
        for r in records.of_lines(f, protocol.VALUES["RECORD_TIME"]):
            if "case" in r.fields:
                continue
            times[r.fields.get("suite", "(all)")] = int(r.fields["us"]) / 1e6
    return times


def timed_run(args, out):
    """Seconds from QEMU's start to the report's sentinel and to its first
    line, read from timing.txt; the sweep's guest time; the wall time of
    the whole scripts/run (its checks, the platform's start, what it waits
    for after the report, its files); and each suite's guest time."""
    start = time.monotonic()
    r = subprocess.run(
        [sys.executable, paths.script("run"), "--quiet", "--out", out] + args,
        capture_output=True,
        text=True,
    )
    wall = time.monotonic() - start
    timing = os.path.join(out, "timing.txt")
    if r.returncode not in (0, 1) or not os.path.exists(timing):
        raise SystemExit(
            f"bench: run {' '.join(args)} failed (status {r.returncode}):\n{r.stdout}{r.stderr}"
        )
    fields = dict(line.split() for line in open(timing))
    os.remove(timing)
    return (
        float(fields["verdict_s"]),
        float(fields["first_line_s"]),
        sweep_seconds(out),
        wall,
        suite_seconds(out),
    )


def spread(values):
    return (
        f"median {statistics.median(values):.3f} s (min {min(values):.3f}, max {max(values):.3f})"
    )


def median_run(label, args, runs, target, wall_target=None, sweep=True):
    verdicts, firsts, sweeps, walls = [], [], [], []
    suites: Dict[str, List[float]] = {}
    for i in range(runs):
        v, f, sw, wall, by_suite = timed_run(args, os.path.join(paths.BUILD, "bench", label))
        for name, sec in by_suite.items():
            suites.setdefault(name, []).append(sec)
        verdicts.append(v)
        firsts.append(f)
        walls.append(wall)
        if sw is not None:
            sweeps.append(sw)
    if callable(target):  # a target relative to another run's median
        target = target()
    print(
        f"{label}: boot to verdict {spread(verdicts)} over {runs} runs "
        f"(first line median {statistics.median(firsts):.3f} s)  target <= {target} s"
    )
    print(
        f"{label}: scripts/run wall {spread(walls)}"
        + (f"  target <= {wall_target} s" if wall_target else "")
    )
    if suites:
        print(
            f"{label}: guest time by suite, median ms: "
            + ", ".join(
                f"{name} {statistics.median(secs) * 1000:.0f}"
                for name, secs in sorted(suites.items(), key=lambda kv: -statistics.median(kv[1]))
            )
        )
    if sweeps:
        print(
            f"{label}: memmap sweep guest time median {statistics.median(sweeps):.3f} s "
            f"(min {min(sweeps):.3f}, max {max(sweeps):.3f})  target <= 0.3 s"
        )
    elif sweep:
        print(
            f"{label}: memmap sweep guest time not reported (the memmap suite did not run its"
            " sweep)"
        )
    return statistics.median(verdicts)


def report_cost(label, runs):
    """How much of a boot to verdict the report's bytes over the PL011 take:
    the last run's own QEMU command again with the serial port discarded
    (-serial null), timed to QEMU's exit (the harness powers off after its
    report), beside the report's size. QEMU writes each PL011 byte to its
    chardev with one system call, so this share is the host's, not the guest's."""
    out = os.path.join(paths.BUILD, "bench", label)
    try:
        with open(os.path.join(out, "run.json")) as f:
            command = json.load(f)["command"]
        size = os.path.getsize(os.path.join(out, "console.log"))
        at = command.index("-serial")
    except (OSError, ValueError, KeyError) as e:
        print(f"{label}: report cost not measured ({e})")
        return
    quiet = command[: at + 1] + ["null"] + command[at + 2 :]
    walls = []
    for _ in range(runs):
        start = time.monotonic()
        try:
            r = subprocess.run(
                quiet,
                cwd=paths.ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
            )
        except subprocess.TimeoutExpired:
            print(f"{label}: report cost not measured (QEMU did not exit within 60 s)")
            return
        walls.append(time.monotonic() - start)
        if r.returncode not in (0, 1):  # the harness's own status, by semihosting
            print(f"{label}: report cost not measured (QEMU ended with status {r.returncode})")
            return
    print(
        f"{label}: the same QEMU with its serial port discarded (-serial null): start to exit "
        f"{spread(walls)}; the report is {size} bytes ({size / 1024:.1f} KiB)"
    )


def big_tree(nodes, out_dir):
    """QEMU's base tree plus `nodes` more (buses of 100 small nodes each): a DTB."""
    os.makedirs(out_dir, exist_ok=True)
    lines = [f'/include/ "{os.path.join(paths.DTS, "qemu-virt-7.2-gicv3.dtsi")}"', "/ {"]
    for b in range(nodes // 100):
        lines.append(f"\tbus{b} {{")
        lines += [f"\t\tn{i} {{ x = <{b * 100 + i}>; }};" for i in range(100)]
        lines.append("\t};")
    lines.append("};")
    src, dtb = os.path.join(out_dir, f"big{nodes}.dts"), os.path.join(out_dir, f"big{nodes}.dtb")
    with open(src, "w") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb, src], check=True)
    return dtb


def big_tree_parse(runs):
    """The model's cost on a 20,000-node tree: a boot to the dt suite's verdict."""
    out = os.path.join(paths.BUILD, "bench", "big20000")
    dtb = big_tree(
        20000, out + "-tree"
    )  # not in the run's folder, which holds one run's files only
    times = [timed_run(["--dtb", dtb, "--bootargs", "suites=dt"], out)[0] for _ in range(runs)]
    print(
        f"dt-20000-nodes ({os.path.getsize(dtb)} bytes): boot to dt verdict median "
        f"{statistics.median(times):.3f} s over {runs} runs (min {min(times):.3f}, "
        f"max {max(times):.3f})  target <= 1 s"
    )


DEFAULT_MATRIX = os.path.join(paths.ROOT, "tests", "matrix", "default.txt")


def matrix_wall(runs, target=25.0):
    """The default matrix's wall time, as a user sees it (every config, their reports)."""
    walls, last = [], None
    for _ in range(runs):
        start = time.monotonic()
        last = subprocess.run(
            [
                sys.executable,
                paths.script("run"),
                "--matrix",
                DEFAULT_MATRIX,
                "--quiet",
                "--out",
                os.path.join(paths.BUILD, "bench", "matrix"),
            ],
            capture_output=True,
            text=True,
        )
        walls.append(time.monotonic() - start)
    assert last is not None  # runs >= 1 (main calls it for --matrix-runs > 0)
    tail = last.stdout.strip().splitlines()[-1:] or last.stderr.strip().splitlines()[-1:]
    print(
        f"matrix-default ({paths.rel(DEFAULT_MATRIX)}, -j {os.cpu_count()}): wall"
        f" {spread(walls)} over {runs} run{'s' if runs != 1 else ''}  target <= {target:g} s"
        + (
            ""
            if last.returncode == 0
            else f"  (status {last.returncode}: {tail[0] if tail else ''})"
        )
    )


def main(argv):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--runs", type=int, default=5, help="runs per figure; the median is shown (default 5)"
    )
    ap.add_argument(
        "--matrix-runs",
        type=int,
        default=1,
        help="runs of the default matrix, each 15-25 s (default 1; 0 leaves it out)",
    )
    a = ap.parse_args(argv)
    if a.runs < 1:
        ap.error(f"--runs {a.runs}: a median needs at least 1 run")
    if a.matrix_runs < 0:
        ap.error(f"--matrix-runs {a.matrix_runs}: 0 (leave the matrix out) or more")
    subprocess.run(
        ["make", "-s", "--no-print-directory", "all"],
        cwd=paths.ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # The 32-bit image too, so that its figures are this tree's (not a stale build's).
    arm_built = (
        subprocess.run(
            ["make", "-s", "--no-print-directory", "ARCH=arm", "all"],
            cwd=paths.ROOT,
            stdout=subprocess.DEVNULL,
            check=False,
        ).returncode
        == 0
    )
    image_sizes(IMAGES if arm_built else IMAGES[:1])
    default = median_run("qemu-default", [], a.runs, 0.5)
    report_cost("qemu-default", a.runs)
    # Issue 19: the 32-bit image on the same QEMU machine, within 1.2x of the 64-bit run.
    if arm_built:
        median_run("qemu-arm-default", ["--arch", "arm"], a.runs, lambda: round(1.2 * default, 3))
    else:
        print("qemu-arm-default: not measured, make ARCH=arm failed (scripts/setup installs it)")
    # Issue 10: every default suite (gic, timer, psci, smp included) on GICv3, 2 and 8 CPUs.
    median_run("qemu-gicv3-smp2", ["--gic", "3", "--smp", "2"], a.runs, 0.5)
    median_run("qemu-gicv3-smp8", ["--gic", "3", "--smp", "8"], a.runs, 1.0)
    # Issue 12: the bench suite alone (on request), boot included.
    median_run("qemu-bench-suite", ["--bootargs", "suites=bench"], a.runs, 5.0, sweep=False)
    big_tree_parse(a.runs)
    if os.path.exists(paths.XEN):
        median_run("xen-default", ["--platform", "xen"], a.runs, 1.5, wall_target=1.5)
    else:
        print("xen-default: not measured, Xen is not unpacked (run scripts/setup)")
    if a.matrix_runs > 0:
        matrix_wall(a.matrix_runs)
    return 0
