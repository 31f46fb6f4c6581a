"""Figures, not gates: image size and boot-to-verdict wall time (median of
runs) of the default configurations. Targets are printed beside each figure.

usage: scripts/bench [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys

from . import paths



def sweep_seconds(out):
    """The memmap suite's own guest-time figure for its address-space sweep."""
    for line in open(os.path.join(out, "ktap.txt")):
        if line.strip().startswith("# sweep_time_us:"):
            return int(line.split(":")[1]) / 1e6
    return None


def timed_run(args, out):
    """Seconds from QEMU's start to the report's sentinel, read from timing.txt,
    and the sweep's guest time."""
    r = subprocess.run([sys.executable, paths.script("run"), "--quiet", "--out", out] + args,
                       capture_output=True, text=True)
    timing = os.path.join(out, "timing.txt")
    if r.returncode not in (0, 1) or not os.path.exists(timing):
        raise SystemExit(f"bench: run {' '.join(args)} failed (status {r.returncode}):\n{r.stdout}")
    fields = dict(line.split() for line in open(timing))
    os.remove(timing)
    return float(fields["verdict_s"]), float(fields["first_line_s"]), sweep_seconds(out)


def median_run(label, args, runs, target):
    verdicts, firsts, sweeps = [], [], []
    for i in range(runs):
        v, f, sw = timed_run(args, os.path.join(paths.BUILD, "bench", label))
        verdicts.append(v)
        firsts.append(f)
        if sw is not None:
            sweeps.append(sw)
    print(f"{label}: boot to verdict median {statistics.median(verdicts):.3f} s over {runs} runs "
          f"(min {min(verdicts):.3f}, max {max(verdicts):.3f}; first line {statistics.median(firsts):.3f} s)"
          f"  target <= {target} s")
    if sweeps:
        print(f"{label}: memmap sweep guest time median {statistics.median(sweeps):.3f} s "
              f"(min {min(sweeps):.3f}, max {max(sweeps):.3f})  target <= 0.3 s")
    else:
        print(f"{label}: memmap sweep guest time not reported (the memmap suite did not run its sweep)")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args(argv)
    subprocess.run(["make", "-s", "--no-print-directory", "all"], cwd=paths.ROOT, check=True, stdout=subprocess.DEVNULL)
    image = paths.IMAGE
    size = os.path.getsize(image)
    print(f"image: {size} bytes ({size / 1024:.1f} KiB) with all suites  target <= 128 KiB")
    median_run("qemu-default", [], a.runs, 0.5)
    if os.path.exists(paths.XEN):
        median_run("xen-default", ["--platform", "xen"], a.runs, 1.5)
    else:
        print("xen-default: not measured, Xen is not unpacked (run scripts/setup)")
    return 0
