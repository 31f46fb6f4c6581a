"""Timing of Xen runs, for scripts/bench: how long the default Xen config
takes from QEMU's start to the domU's first line and to the report's sentinel.

    python3 -c 'import sys; sys.path.insert(0, "scripts");
        from harnesslib import xen_timing; print(xen_timing.measure(5))'
"""
import argparse
import os
import statistics
import tempfile
import time

from . import capture, ktap, xen

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_args(**over):
    """The options scripts/run uses for `--platform xen` with no others."""
    a = argparse.Namespace(platform="xen", gic=3, smp=2, mem="2G", el=1, dtb=None, vcpus=1,
                           domu_mem="256M", no_vpl011=False, no_enhanced=False, bootargs="",
                           timeout=60.0, image=os.path.join(ROOT, "build", "harness.bin"))
    for k, v in over.items():
        setattr(a, k, v)
    return a


def one_run(args, outdir):
    """(seconds to the domU's first line, seconds to the sentinel, complete?)"""
    plat = xen.Platform(args, outdir, [])
    cmd = plat.command()  # builds the host DTB before the clock starts, as scripts/run does
    start = time.monotonic()
    seen = {}

    def on_line(line):
        if line == ktap.SENTINEL and "sentinel" not in seen:
            seen["sentinel"] = time.monotonic() - start

    cap = capture.run(cmd, os.path.join(outdir, "console.log"), args.timeout,
                      transform=plat.transform, on_line=on_line, stop_pattern=plat.stop_pattern)
    return cap.first_line_at, seen.get("sentinel"), "sentinel" in seen


def measure(runs=5, **over):
    """Median, min and max over `runs` boots of the given config (default Xen config)."""
    firsts, verdicts = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            first, sentinel, ok = one_run(default_args(**over), out)
            if not ok:
                raise RuntimeError(f"a Xen run did not complete; see {out}/console.log")
            firsts.append(first)
            verdicts.append(sentinel)
    return {
        "runs": runs,
        "first_line_s": {"median": statistics.median(firsts), "min": min(firsts), "max": max(firsts)},
        "verdict_s": {"median": statistics.median(verdicts), "min": min(verdicts), "max": max(verdicts)},
    }
