# SPDX-License-Identifier: MIT
"""`make test`'s kunit-parser stage: Linux's own KTAP parser,
tools/testing/kunit/kunit_parser.py (Debian's linux-source-6.12, unpacked by
scripts/setup into build/deps/kunit), reads every report the integration runs
left in build/test and must find no parse error and the same counts as the
report's own closing line. Records (docs/report-protocol.md) are KTAP
diagnostics, so the parser must pass them through untouched.

usage: scripts/check-kunit [DIR]   (DIR: build/test)
"""
import io
import argparse
import os
import re
import sys

from . import paths
from .protocol import REPORT_SENTINEL

KUNIT_DIR = os.path.join(paths.ROOT, "build", "deps", "kunit")
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")


def load_parser():
    """kunit_parser, or None when scripts/setup has not unpacked it."""
    if not os.path.isfile(os.path.join(KUNIT_DIR, "kunit_parser.py")):
        return None
    sys.path.insert(0, KUNIT_DIR)
    import kunit_parser  # type: ignore[import]  # build/deps/kunit, found only at run time

    return kunit_parser


def own_counts(lines):
    """The report's closing line: (passed, failed, skipped), or None."""
    for line in reversed(lines):
        m = SUMMARY.match(line.strip())
        if m:
            return tuple(int(x) for x in m.groups())
    return None


def check_report(parser, path):
    """A problem with one report, or None."""
    with open(path, errors="replace") as f:
        lines = f.read().splitlines()
    if REPORT_SENTINEL not in lines:
        return "skip"  # incomplete: the runner failed it already, and KTAP ends early
    if "1..0" in lines[:3]:
        # a listing (the bootarg list): it runs no test, which kunit_parser calls an error
        return "skip"
    printer = sys.modules["kunit_printer"].stdout
    shown, printer._output = printer._output, io.StringIO()  # its summary is not ours to print
    try:
        test = parser.parse_run_tests(lines)
    finally:
        printer._output = shown
    c = test.counts
    if c.errors:
        return f"{c.errors} parse error(s)"
    own = own_counts(lines)
    # The parser counts leaf tests; the report counts cases and case-less suites the same way.
    theirs = (c.passed, c.failed + c.crashed, c.skipped)
    if theirs != own:
        return f"kunit_parser counts {theirs}, the report says {own}"
    return None


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/check-kunit",
        description="Linux's kunit_parser.py reads every complete KTAP report"
        " (ktap.txt, ktap-baselined.txt) under DIR.",
    )
    ap.add_argument(
        "dir",
        nargs="?",
        metavar="DIR",
        default=os.path.join(paths.ROOT, "build", "test"),
        help="where the reports are (default build/test, what make test wrote)",
    )
    root = ap.parse_args(argv).dir
    if not os.path.isdir(root):
        ap.error(f"{root}: not a directory (scripts/run --out folders, or make test's build/test)")
    parser = load_parser()
    if parser is None:
        print(f"kunit-parser: {KUNIT_DIR}/kunit_parser.py missing; run scripts/setup")
        print("0 passed, 1 failed, 0 skipped")
        return 1
    reports = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(root)
        for f in fs
        if f in ("ktap.txt", "ktap-baselined.txt")
    )
    passed = failed = skipped = 0
    for path in reports:
        problem = check_report(parser, path)
        if problem == "skip":
            skipped += 1
        elif problem:
            failed += 1
            print(f"FAILED {os.path.relpath(path, paths.ROOT)}: {problem}")
        else:
            passed += 1
    print(
        f"kunit-parser: {passed + failed} complete reports read by Linux 6.12's kunit_parser.py"
        f" ({skipped} incomplete ones or listings left to the runner's verdict)"
    )
    print(f"{passed} passed, {failed} failed, 0 skipped")
    return 1 if failed or not reports else 0
