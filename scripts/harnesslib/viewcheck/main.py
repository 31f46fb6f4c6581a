# SPDX-License-Identifier: MIT
"""scripts/check-views: each view checked as a person sees it.

The terminal: scripts/run on a lie (dts/lies/gic-moved.dts) in a pseudo
terminal of 120x50 (terminal.py): the whole output fits the screen, the
verdict is the last row and coloured, the CI line `N passed, N failed, N
skipped` is there, no finding row is printed twice; with NO_COLOR, and
into a pipe, no escape sequence at all.

The pages: a small matrix (tests/harness/views/matrix.txt: a pass, a pass
with a known deviation, the lie, a Xen run) rendered by Debian's chromium
headless (browser.py): matrix.html and each memory-map.svg have no text
overflowing its box, no in-page link without its target, no link to a
file that is not there. The bench charts too: the committed ones
(docs/bench/*.svg) and one scripts/bench-compare draws of two fresh runs of
the bench suite on one config (every row, the noisy ones marked), held to
the same: no text past the picture's edge. Without chromium those checks
are skipped with the reason (counted skipped, never passed); scripts/setup
installs it.

--shots DIR also writes the screenshots docs/views/ holds.
Ends with "N passed, N failed, N skipped"; exit 1 when any check failed."""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

from .. import paths
from ..options.checks import image_or_usage
from . import browser, terminal

LIE = os.path.join("dts", "lies", "gic-moved.dts")
MATRIX = os.path.join("tests", "harness", "views", "matrix.txt")
COLS, ROWS = 120, 50


class Tally:
    def __init__(self):
        self.n = {"pass": 0, "fail": 0, "skip": 0}

    def check(self, name, problems):
        self.n["fail" if problems else "pass"] += 1
        print(f"{'ok  ' if not problems else 'FAIL'} {name}")
        for p in problems[:12]:
            print(f"       {p}")

    def skip(self, name, why):
        self.n["skip"] += 1
        print(f"SKIP {name}: {why}")


def run_cmd(image, out, *extra):
    cmd = [sys.executable, "scripts/run", "--dtb", LIE, "--out", out] + list(extra)
    return cmd + (["--image", image] if image else [])


def terminal_checks(t, image, tmp):
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    cmd = run_cmd(image, os.path.join(tmp, "lie"))
    code, raw = terminal.run(cmd, COLS, ROWS, env, cwd=paths.ROOT)
    s = terminal.Screen(raw, COLS)
    rows = [r for r in s.rows]
    problems = [] if code == 1 else [f"scripts/run exited {code}, not 1 (a lie fails)"]
    problems += [f"escape sequence the screen model does not know: {p}" for p in s.problems]
    if len(rows) > ROWS:
        problems.append(f"{len(rows)} rows: the run does not fit one {COLS}x{ROWS} screen")
    t.check(f"terminal: a failing run fits {COLS}x{ROWS} ({len(rows)} rows)", problems)
    last = rows[-1] if rows else ""
    t.check(
        "terminal: the verdict is the last row, coloured",
        ([] if last.startswith("verdict: ") else [f"last row: {last!r}"])
        + ([] if rows and s.colours[-1] - {"0"} else ["the verdict row has no colour"]),
    )
    t.check(
        "terminal: the CI line is there",
        [] if any(re.match(r"^\d+ passed, \d+ failed, \d+ skipped$", r) for r in rows)
        else ["no 'N passed, N failed, N skipped' row"],
    )
    shown = [r.strip() for r in rows if r.strip().startswith(("new ", "known ", "FAIL "))]
    twice = sorted({r for r in shown if shown.count(r) > 1})
    t.check("terminal: each finding once", [f"twice: {r}" for r in twice])
    code, raw = terminal.run(
        run_cmd(image, os.path.join(tmp, "lie-nc")), COLS, ROWS, dict(env, NO_COLOR="1"),
        cwd=paths.ROOT,
    )
    t.check("terminal: NO_COLOR gives plain text", ["escape sequences"] if "\x1b" in raw else [])
    r = subprocess.run(
        run_cmd(image, os.path.join(tmp, "lie-pipe")), cwd=paths.ROOT, env=env,
        capture_output=True, text=True, check=False,
    )
    t.check(
        "terminal: a pipe gets plain text",
        ["escape sequences"] if "\x1b" in r.stdout + r.stderr else [],
    )
    return raw


def page_checks(t, program, folder, shots):
    pages = [os.path.join(folder, "matrix.html")] + sorted(
        glob.glob(os.path.join(folder, "*", "memory-map.svg"))
    )
    for path in pages:
        name = os.path.relpath(path, folder)
        m = browser.measure(program, path)
        problems = [f"overflows its box: {x}" for x in m["overflow"]]
        problems += [f"in-page link to nothing: {x}" for x in m["missing"]]
        base = os.path.dirname(path)
        problems += [
            f"link to a file that is not there: {x}"
            for x in m["files"]
            if not os.path.exists(os.path.join(base, x.split("#")[0]))
        ]
        t.check(f"chromium: {name}: no overflow, every link goes somewhere", problems)
    if shots:
        os.makedirs(shots, exist_ok=True)
        browser.screenshot(program, pages[0], os.path.join(shots, "matrix.png"), 1280, 900)
        lie = os.path.join(folder, "lie-gic-moved", "memory-map.svg")
        if os.path.exists(lie):
            browser.screenshot(program, lie, os.path.join(shots, "memory-map.png"), 1200, 520)


def bench_charts(tmp, image):
    """The bench charts to measure: the committed ones and one of two fresh
    runs of one config (labels, the longest row names, noisy marks)."""
    charts = sorted(glob.glob(os.path.join(paths.ROOT, "docs", "bench", "*.svg")))
    runs = [os.path.join(tmp, "bench", name) for name in ("first", "second")]
    for out in runs:
        subprocess.run(
            [sys.executable, "scripts/run", "--bootargs", "suites=bench", "--out", out]
            + (["--image", image] if image else []),
            cwd=paths.ROOT, capture_output=True, check=False,
        )
    svg = os.path.join(tmp, "bench", "two-runs.svg")
    subprocess.run(
        [sys.executable, "scripts/bench-compare"] + runs + ["--svg", svg],
        cwd=paths.ROOT, capture_output=True, check=False,
    )
    return charts + [svg]


def chart_checks(t, program, charts, shots):
    for path in charts:
        name = os.path.relpath(path, paths.ROOT) if path.startswith(paths.ROOT) else (
            "bench-compare of two runs: " + os.path.basename(path))
        if not os.path.exists(path):
            t.check(f"chromium: {name}", ["no chart drawn (scripts/run or bench-compare failed)"])
            continue
        m = browser.measure(program, path)
        t.check(f"chromium: {name}: no text past its edge",
                [f"overflows its box: {x}" for x in m["overflow"]])
    if shots and charts:
        browser.screenshot(program, charts[0], os.path.join(shots, "bench.png"), 1090, 700)


def main(argv):
    ap = argparse.ArgumentParser(prog="scripts/check-views", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--image", help="the harness image (default: build/harness.bin)")
    ap.add_argument("--shots", metavar="DIR", help="write the screenshots into DIR")
    a = ap.parse_args(argv)
    if a.image:
        image_or_usage(ap, a.image)
    t = Tally()
    with tempfile.TemporaryDirectory(prefix="check-views-") as tmp:
        raw = terminal_checks(t, a.image, tmp)
        if a.shots:
            os.makedirs(a.shots, exist_ok=True)
            with open(os.path.join(a.shots, "terminal.txt"), "w") as f:
                f.write("\n".join(terminal.Screen(raw, COLS).rows) + "\n")
        program = browser.find()
        if program is None:
            t.skip(
                "chromium: matrix.html, memory-map.svg and the bench charts",
                "no chromium (scripts/setup installs it)",
            )
        else:
            folder = os.path.join(tmp, "matrix")
            cmd = [sys.executable, "scripts/run", "--matrix", MATRIX, "-j", "1", "--out", folder]
            subprocess.run(cmd + (["--image", a.image] if a.image else []), cwd=paths.ROOT,
                           capture_output=True, check=False)
            page_checks(t, program, folder, a.shots)
            chart_checks(t, program, bench_charts(tmp, a.image), a.shots)
    n = t.n
    print(f"{n['pass']} passed, {n['fail']} failed, {n['skip']} skipped")
    return 1 if n["fail"] else 0
