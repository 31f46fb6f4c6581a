# SPDX-License-Identifier: MIT
"""scripts/run --matrix FILE: many configurations, run in parallel, one report.

    scripts/run --matrix FILE [-j N] [--timeout S] [--out DIR] [--image FILE] [--dry-run] [--quiet]

FILE holds one config a line, a name and scripts/run options (matrix/file.py;
the committed default is tests/matrix/default.txt, its format in
tests/matrix/README.md). Every line is checked by the checks of a single run
before any config starts; a bad line is status 2 and names file:line. Each
config runs as its own scripts/run, N at a time (default: this machine's
cores), with --out DIR/NAME (a normal run folder, held against its baseline
as a single run is) and its output in DIR/NAME.log; --timeout S is each
config's hang bound unless its line gives its own, and the matrix stops a
scripts/run that outlives it by GRACE seconds. A line per config as it ends
(its verdict and time); a hang or crash of one config does not stop the
others. Then, in DIR: matrix.md and matrix.html (the conformance table
config x suite, the findings merged across configs, each config's verdict;
the HTML page with each memory-map picture inlined), matrix-junit.xml (one
testsuite per config) and matrix.json (what ran, and each verdict).

Exit status: 0 every config passed (known deviations of its baseline only),
1 some config did not (a new finding, a vanished deviation, a crash, a hang),
2 usage (a bad line, a bad option), 8 a missing tool.
"""
import concurrent.futures
import json
import os
import shlex
import signal
import subprocess
import sys
import threading
import time

from .. import outdir, paths, status
from ..matrix import file as matrix_file
from ..matrix import about as matrix_about
from ..matrix import html as matrix_html
from ..matrix import junit as matrix_junit
from ..matrix import report as matrix_report
from ..errors import OptionError, UsageError
from ..options.checks import check_image, check_timeout
from ..options.table import Parser

PROG = "scripts/run --matrix"
DEFAULT_TIMEOUT = 30  # seconds per config: the slowest default config takes under 5
GRACE = 20  # seconds past a config's --timeout before the matrix stops its scripts/run
RECORD = "matrix.json"
FILES = (RECORD, "matrix.md", "matrix.html", "matrix-junit.xml")
ACCEPTED = {
    "--matrix": "a matrix file (tests/matrix/README.md)",
    "-j": f"1..64 (default: the machine's cores, {os.cpu_count() or 1} here)",
    "--timeout": "a number of seconds, 0 < S <= 3600 (default 30; a line's own --timeout wins)",
    "--out": "a directory that is new, empty or an earlier matrix's (has matrix.json)",
    "--image": "an arm64 Image (default build/harness.bin)",
}


def wanted(argv):
    return any(a == "--matrix" or a.startswith("--matrix=") for a in argv)


def parse(argv):
    if not wanted(argv):
        flag = next(x.split("=")[0] for x in argv if x.split("=")[0] in ("-j", "--jobs"))
        raise OptionError(flag, None, "is for --matrix", "with --matrix FILE")
    p = Parser(prog=PROG, add_help=False, allow_abbrev=False)
    p.add_argument("--matrix", required=True)
    p.add_argument("-j", "--jobs")
    p.add_argument("--timeout")
    p.add_argument("--out")
    p.add_argument("--image")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--quiet", action="store_true")
    a, rest = p.parse_known_args(argv)
    if rest:
        flag = rest[0].split("=", 1)[0]
        raise OptionError(
            flag,
            None,
            "not an option of --matrix: each line of the matrix file gives its config's options",
            "--matrix FILE, -j N, --timeout S, --out DIR, --image FILE, --dry-run, --quiet",
        )
    jobs = a.jobs if a.jobs is not None else str(os.cpu_count() or 1)
    if not jobs.isdigit() or not 1 <= int(jobs) <= 64:
        raise OptionError("-j", jobs, "not a number of jobs", ACCEPTED["-j"])
    a.jobs = int(jobs)
    if a.matrix == "" or not os.path.isfile(a.matrix):
        raise OptionError(
            "--matrix",
            a.matrix,
            "no such file" if not os.path.exists(a.matrix) else "not a regular file",
            ACCEPTED["--matrix"],
        )
    if a.out == "":
        raise OptionError("--out", "", "empty", ACCEPTED["--out"])
    stem = os.path.splitext(os.path.basename(a.matrix))[0]
    a.out = a.out or os.path.join(paths.BUILD, "matrix", stem)
    a.timeout = a.timeout if a.timeout is not None else str(DEFAULT_TIMEOUT)
    check_timeout(a.timeout)  # here, not as each line's: the refusal names the command line
    if a.image is not None:
        check_image(a.image)
    return a


def common_args(a):
    """What every line gets before its own options (its own win: argparse keeps the last)."""
    return ["--timeout", a.timeout] + (["--image", a.image] if a.image is not None else [])


def shown(path):
    rel = os.path.relpath(os.path.abspath(path), paths.ROOT)
    return path if rel.startswith("..") else rel


def check_out(out):
    """The matrix folder: new, empty, or an earlier matrix's (matrix.json marks it)."""
    if os.path.exists(out) and not os.path.isdir(out):
        raise OptionError("--out", out, "is a file, not a directory", ACCEPTED["--out"])
    entries = os.listdir(out) if os.path.isdir(out) else []
    if entries and RECORD not in entries:
        raise OptionError(
            "--out",
            out,
            (
                f"holds {', '.join(sorted(entries)[:3])}"
                f"{' and more' if len(entries) > 3 else ''} and no {RECORD}: not an earlier "
                "matrix's folder, whose files a matrix may replace"
            ),
            ACCEPTED["--out"],
        )


def earlier_configs(out):
    """{name: seconds or None} of the configs an earlier matrix in out ran."""
    try:
        with open(os.path.join(out, RECORD)) as f:
            return {str(c["name"]): c.get("elapsed_s") for c in json.load(f).get("configs", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def start_order(configs, earlier):
    """The configs in the order to start them: the longest an earlier matrix
    saw first (so that no long one starts last), new ones before those."""

    def cost(c):
        t = earlier.get(c.name)
        return -t if isinstance(t, (int, float)) else float("-inf")

    return sorted(configs, key=cost)


def clear_out(out, earlier):
    """Remove what an earlier matrix wrote: its files, logs and run folders
    (only the files a run writes, outdir.py; a folder left with others stays)."""
    for name in earlier:
        if matrix_file.NAME.match(str(name)):
            folder = os.path.join(out, name)
            if os.path.isdir(folder):
                outdir.clear(folder)
                try:
                    os.rmdir(folder)
                except OSError:
                    pass
            if os.path.isfile(folder + ".log"):
                os.remove(folder + ".log")
    for name in FILES:
        if os.path.isfile(os.path.join(out, name)):
            os.remove(os.path.join(out, name))


def write_record(a, configs, outcomes=None, wall=None):
    done = {o.name: o for o in outcomes or []}
    data = {
        "matrix": shown(a.matrix),
        "jobs": a.jobs,
        "timeout": a.timeout,
        "image": a.image,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "wall_s": wall,
        "configs": [
            dict(
                {"name": c.name, "line": c.where, "options": c.argv},
                **(
                    {
                        "status": done[c.name].status,
                        "verdict": done[c.name].verdict,
                        "why": done[c.name].why,
                        "elapsed_s": done[c.name].elapsed,
                    }
                    if c.name in done
                    else {}
                ),
            )
            for c in configs
        ],
    }
    if outcomes is not None:
        data["status"] = status.PASS if all(o.passed for o in outcomes) else status.TEST_FAILED
    with open(os.path.join(a.out, RECORD), "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


class Runner:
    """Runs one config's scripts/run at a time per worker; stop() ends every one still running."""

    def __init__(self, a):
        self.a, self.procs, self.lock, self.stopping = a, set(), threading.Lock(), False
        self.command = [sys.executable, paths.script("run")]
        self.grace: float = GRACE  # seconds

    def run(self, c):
        folder = os.path.abspath(os.path.join(self.a.out, c.name))
        cmd = self.command + ["--out", folder] + common_args(self.a) + c.argv
        bound = c.args.timeout + self.grace
        start = time.monotonic()
        with open(folder + ".log", "w") as log:
            log.write(f"$ {shlex.join(cmd)}\n")
            log.flush()
            with self.lock:  # stop() sees every process started, and none starts after it
                if self.stopping:
                    return None
                # In this directory, where the line's paths were checked; its own group:
                # QEMU ends with it.
                proc = subprocess.Popen(
                    cmd,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
                self.procs.add(proc)
            killed = None
            try:
                proc.wait(timeout=bound)
            except subprocess.TimeoutExpired:
                killed = bound
                self.kill(proc)
            with self.lock:
                self.procs.discard(proc)
        elapsed = time.monotonic() - start
        try:
            return matrix_report.collect(c, folder, proc.returncode, elapsed, killed)
        except (
            Exception
        ) as e:  # a folder the report cannot read: this config's failure, not the matrix's
            o = matrix_report.Outcome(c, folder)
            o.status, o.verdict, o.elapsed = status.CRASH, status.NAMES[status.CRASH], elapsed
            o.why = f"the matrix could not read {c.name}/: {type(e).__name__}: {e}"
            return o

    @staticmethod
    def kill(proc):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                proc.wait(timeout=5)
                return
            except subprocess.TimeoutExpired:
                continue

    def stop(self):
        with self.lock:
            self.stopping = True
            procs = list(self.procs)
        for p in procs:
            self.kill(p)


def progress_line(i, total, o):
    label = "ok" if o.passed else "FAIL"
    known = (
        f", {len(o.judgement.known)} known"
        if o.passed and o.judgement and o.judgement.known
        else ""
    )
    why = "" if o.passed else f": {o.why}"
    t = f"{o.elapsed:.1f} s" if o.elapsed is not None else "-"
    return f"[{i}/{total}] {label:4} {o.name}: {o.verdict} (status {o.status}{known}, {t}){why}"


def main(argv):
    a = parse(argv)
    configs = load(a)
    check_out(a.out)
    if a.dry_run:
        print(
            f"{PROG}: {shown(a.matrix)}:"
            f" {len(configs)} config{'' if len(configs) == 1 else 's'} valid"
        )
        for c in configs:
            print(f"  {c.name}: {' '.join(c.argv) or '(defaults)'} ({c.where})")
        return status.PASS
    os.makedirs(a.out, exist_ok=True)
    earlier = earlier_configs(a.out)
    clear_out(a.out, earlier)
    write_record(a, configs)
    print(
        f"matrix {shown(a.matrix)}: {len(configs)} configs, {a.jobs} at a time; files in"
        f" {shown(a.out)}"
    )
    sys.stdout.flush()
    runner, outcomes, start = Runner(a), {}, time.monotonic()
    pool = concurrent.futures.ThreadPoolExecutor(a.jobs)
    # ^C, or SIGTERM (runner.main makes it one), stops every config: each runs
    # in a session of its own, which no signal to the matrix reaches.
    try:
        futures = {pool.submit(runner.run, c): c for c in start_order(configs, earlier)}
        for i, f in enumerate(concurrent.futures.as_completed(futures), 1):
            o = f.result()
            outcomes[o.name] = o
            if not a.quiet or not o.passed:
                print(progress_line(i, len(configs), o))
                sys.stdout.flush()
    except KeyboardInterrupt:
        runner.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        done = [outcomes[c.name] for c in configs if c.name in outcomes]
        write_reports(
            a,
            configs,
            done,
            time.monotonic() - start,
            f"interrupted after {len(done)} of {len(configs)} configs; ",
        )
        print(
            (
                f"{PROG}: interrupted after {len(done)} of {len(configs)} configs; the report holds"
                " those"
            ),
            file=sys.stderr,
        )
        return 130
    pool.shutdown()
    wall = time.monotonic() - start
    ordered = [outcomes[c.name] for c in configs]
    write_reports(a, configs, ordered, wall)
    passed = all(o.passed for o in ordered)
    print(
        f"matrix: {matrix_report.tally(ordered)}; {wall:.1f} s wall; report in "
        f"{shown(os.path.join(a.out, 'matrix.md'))} and matrix.html, matrix-junit.xml"
    )
    return status.PASS if passed else status.TEST_FAILED


def load(a):
    try:
        return matrix_file.load(a.matrix, shown(a.matrix), common_args(a))
    except matrix_file.MatrixError as e:
        lines = str(e).splitlines()
        raise UsageError(
            "\n".join(lines[:1] + [f"scripts/run: {line}" for line in lines[1:]])
        ) from None


def write_reports(a, configs, outcomes, wall, note=""):
    how = (
        f"{note}{wall:.1f} s wall, {a.jobs} at a time, each config's timeout {a.timeout} s unless"
        " its line gives one"
    )
    head = (shown(a.matrix), how)
    with open(os.path.join(a.out, "matrix.md"), "w") as f:
        f.write(matrix_report.markdown(outcomes, head))
    with open(os.path.join(a.out, "matrix.html"), "w") as f:
        f.write(matrix_html.page(outcomes, head, matrix_about.facts(outcomes)))
    matrix_junit.write(
        outcomes, os.path.join(a.out, "matrix-junit.xml"), f"matrix {shown(a.matrix)}"
    )
    write_record(a, configs, outcomes, round(wall, 3))
