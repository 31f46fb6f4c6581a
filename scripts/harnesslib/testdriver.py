# SPDX-License-Identifier: MIT
"""`make test`: every stage in order, each stage's own output shown, then one
total line. Every "N passed, N failed, N skipped" line a stage prints adds to
the total (a stage may run several test programs); a stage that prints none
counts as one test (its exit status).

usage: scripts/test [-k STAGE] [--build-dir DIR]
(--build-dir: what `make test O=DIR` passes, so that every make stage builds
in DIR and the integration runs boot DIR's image.)
"""
import argparse
import os
import re
import subprocess
import sys
import time

from . import paths

MAKE = os.environ.get("MAKE", "make")

# The stages, in order: (name, command run in the repository root). Adding a
# stage is adding a line.
STAGES = [
    ("build", [MAKE, "--no-print-directory", "all"]),
    # The 32-bit image (make ARCH=arm), in its own folder.
    ("build-arm", [MAKE, "--no-print-directory", "ARCH=arm", "all"]),
    ("check-layers", [MAKE, "--no-print-directory", "check-layers"]),
    ("format-check", [MAKE, "--no-print-directory", "format-check"]),
    ("cppcheck", [MAKE, "--no-print-directory", "cppcheck"]),
    ("python-lint", [MAKE, "--no-print-directory", "python-lint"]),
    ("check-spdx", [MAKE, "--no-print-directory", "check-spdx"]),
    ("check-profiles", [MAKE, "--no-print-directory", "check-profiles"]),
    ("host-test", [MAKE, "--no-print-directory", "host-test"]),
    ("fuzz-short", [MAKE, "--no-print-directory", "fuzz-short"]),
    ("clang-build", [MAKE, "--no-print-directory", "clang-build"]),
    ("check-xen-abi", [MAKE, "--no-print-directory", "check-xen-abi"]),
    ("integration", [sys.executable, "scripts/integration"]),
    # The 32-bit image's truthful modes and the lies that apply (testspec.ARCH_SETS).
    ("integration-arm", [sys.executable, "scripts/integration", "--arch", "arm"]),
    ("kunit-parser", [sys.executable, "scripts/check-kunit"]),
    ("reworded", [sys.executable, "scripts/integration", "--reworded"]),
    ("views", [sys.executable, "scripts/check-views"]),
    ("lava", [MAKE, "--no-print-directory", "lava-test"]),
]


def stages(build_dir=None):
    """STAGES, each make stage given O=build_dir and the integration runs its
    image, when build_dir is given."""
    if build_dir is None:
        return STAGES
    out = []
    for name, cmd in STAGES:
        if name == "build-arm":
            cmd = cmd[:2] + [f"O={os.path.join(build_dir, 'arm')}"] + cmd[2:]
        elif cmd[0] == MAKE:
            cmd = cmd[:2] + [f"O={build_dir}"] + cmd[2:]
        elif name == "integration":
            cmd = cmd + ["--image", os.path.join(build_dir, "harness.bin")]
        elif name == "integration-arm":
            cmd = cmd + ["--image", os.path.join(build_dir, "arm", "harness.bin")]
        elif name == "reworded":
            cmd = cmd + ["--build-dir", build_dir]
        elif name == "views":
            cmd = cmd + ["--image", os.path.join(build_dir, "harness.bin")]
        out.append((name, cmd))
    return out


SUMMARY = re.compile(r"^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$")


def run_stage(name, cmd):
    """Run one stage, showing its output; its counts and exit status."""
    print(f"=== {name}: {' '.join(cmd)}", flush=True)
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=paths.ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None  # stdout=PIPE
    last = None
    for line in proc.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        m = SUMMARY.match(line.strip())
        if m:
            last = [a + int(x or 0) for a, x in zip(last or [0, 0, 0], m.groups())]
    rc = proc.wait()
    counts = last if last else ([1, 0, 0] if rc == 0 else [0, 1, 0])
    if rc and counts[1] == 0:
        counts[1] = 1  # failed without saying what: count the stage
    print(
        (
            f"=== {name}: {'ok' if rc == 0 else 'FAILED (exit %d)' % rc} in"
            f" {time.monotonic() - start:.1f} s"
        ),
        flush=True,
    )
    return counts, rc


def main(argv):
    names = [name for name, _ in STAGES]
    ap = argparse.ArgumentParser(
        prog="scripts/test",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "-k", metavar="STAGE", choices=names, help="run only this stage: " + ", ".join(names)
    )
    ap.add_argument(
        "--build-dir",
        metavar="DIR",
        help="build in DIR (make O=DIR) and boot DIR/harness.bin (default: build, make's own)",
    )
    a = ap.parse_args(argv)
    if a.build_dir is not None and not a.build_dir.strip():
        ap.error("--build-dir: empty; expected a directory (make's O=)")
    totals, bad = [0, 0, 0], []
    for name, cmd in stages(a.build_dir):
        if a.k and a.k != name:
            continue
        counts, rc = run_stage(name, cmd)
        totals = [x + y for x, y in zip(totals, counts)]
        if rc:
            bad.append(name)
    if bad:
        print(f"failed stages: {', '.join(bad)}")
    print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 1 if bad else 0
