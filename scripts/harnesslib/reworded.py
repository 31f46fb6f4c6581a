# SPDX-License-Identifier: MIT
"""The rewording proof (`make test`'s stage reworded; scripts/integration
--reworded): the host keys on a finding's identity (findings.py: suite,
case, check, subject) and never on its text, so an image whose every
finding and evidence text is reworded must give the same results.

`make O=DIR/reworded REWORD=1` builds that image (lib/runtime/ktap.c
ktap_reword: every text a person reads, of a record, a note or a skip
reason, becomes "(REWORDED) " and a hash of it: no word, number or length
of the wording is left). A few runs are made
with the normal image (DIR/harness.bin) and with the reworded one:

  qemu-default   scripts/run with its defaults
  xen-gicv2      --platform xen --gic 2 --bootargs suites=gic,mmio: known
                 deviations of the Xen baseline (skipped without Xen)
  lie-NAME       a lying tree of dts/lies (LIE_TREE), with its own // run: lines
  matrix         --matrix MATRIX, two configs with new findings

and for each pair: every finding's identity is the same (as a multiset) and
every text differs; scripts/run's exit status and verdict line are the
same; baseline.txt's known, new, vanished and not-checked identities are
the same; scripts/compare against the run qemu-default gives the same new,
vanished and changed identities with both images, and compare between the
two images gives no new or vanished finding, every one changed; the memory
map places each finding on the same row (memmap/place.py, memmap/picture.py);
the matrix's merged findings are the same groups (matrix.md). One line per
run, then "N passed, N failed, N skipped".

Exit status: 0 every run agreed, 1 some did not, 2 the image did not build.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import shlex
import shutil
import subprocess
import sys

from . import compare, findings, paths, records, status, testspec

MAKE = os.environ.get("MAKE", "make")
LIE_TREE = os.path.join("dts", "lies", "uart-wrong-irq.dts")
MATRIX = os.path.join("tests", "harness", "integration", "matrices", "reworded.txt")
REWORD_MARK = "(REWORDED) "  # lib/runtime/ktap.h KTAP_REWORD_MARK
# The first line scripts/run ends with: the status and why, without the time and the folder.
VERDICT = re.compile(r"^verdict: (?P<line>.*?)(?:; [0-9.]+ s; files in .*)?$")
MERGED = re.compile(
    r"^- \*\*(?P<kind>new|known)\*\* `(?P<name>[^`]*)`: seen on (?P<n>\d+) of (?P<total>\d+) "
    r"configs: (?P<on>[^;:]*)"
)


class Run:
    def __init__(self, name, args, needs=None):
        self.name, self.args, self.needs = name, list(args), needs


def tree_run(path):
    """The test name and scripts/run arguments of a test tree (its `// run:` lines)."""
    args = ["--dtb", path]
    with open(os.path.join(paths.ROOT, path)) as f:
        for line in f:
            m = testspec.TREE_LINE.match(line.strip())
            if m and m.group("key") == "run":
                args += shlex.split(m.group("value") or "")
    return "lie-" + os.path.splitext(os.path.basename(path))[0], args


def runs():
    return [
        Run("qemu-default", []),
        Run(
            "xen-gicv2",
            ["--platform", "xen", "--gic", "2", "--bootargs", "suites=gic,mmio"],
            needs=paths.XEN,
        ),
        Run(*tree_run(LIE_TREE)),
        Run("matrix", ["--matrix", MATRIX, "-j", "2"]),
    ]


# ---- what one run left, read for the comparison ---------------------------------
def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return None


class Outcome:
    """A run's folder and what scripts/run said: its exit status, its output."""

    def __init__(self, folder, returncode, output):
        self.folder, self.returncode, self.output = folder, returncode, output

    def ktap_lines(self):
        text = read(os.path.join(self.folder, "ktap.txt"))
        return text.splitlines() if text is not None else None

    def file(self, name):
        return read(os.path.join(self.folder, name))


# ---- the comparisons: each gives a list of problems ([] when they agree) ----------
def finding_problems(lines_a, lines_b, reworded=True):
    """The same identities, as a multiset; with reworded, every text differs
    (paired in report order within one identity) and carries the mark."""
    a, b = findings.read(lines_a).findings(), findings.read(lines_b).findings()
    ca, cb = collections.Counter(f.identity for f in a), collections.Counter(f.identity for f in b)
    problems = [f"only with the normal image: {_names(ca - cb)}"] if ca - cb else []
    problems += [f"only with the reworded image: {_names(cb - ca)}"] if cb - ca else []
    if reworded:
        by_b = collections.defaultdict(list)
        for f in b:
            by_b[f.identity].append(f)
        for f in a:
            twin = by_b[f.identity].pop(0) if by_b[f.identity] else None
            if twin is not None and (twin.text == f.text or not twin.text.startswith(REWORD_MARK)):
                problems.append(f"not reworded: {twin.name()}: {twin.text}")
    return problems


def _names(counter):
    return "; ".join(
        findings.where(s, c) + " " + findings.identity_text(k, subj) + (f" (x{n})" if n > 1 else "")
        for (s, c, k, subj), n in sorted(counter.items(), key=str)
    )


def verdict_line(output):
    """scripts/run's verdict line without its time and folder, or None."""
    for line in reversed(output.splitlines()):
        m = VERDICT.match(line.strip())
        if m:
            return m.group("line")
    return None


def verdict_problems(a, b):
    problems = []
    if a.returncode != b.returncode:
        problems.append(
            f"scripts/run exited {a.returncode} with the normal image, {b.returncode} reworded"
        )
    va, vb = verdict_line(a.output), verdict_line(b.output)
    if va != vb:
        problems.append(f"verdicts differ: {va!r} and {vb!r}")
    return problems


def baseline_identities(text):
    """baseline.txt as identities: its tally line, and (kind, SUITE/CASE
    CHECK key=value ...) of each known, new, vanished and unchecked line (a
    line's identity ends at its first ": ", which no escaped value holds)."""
    if text is None:
        return None
    lines = text.splitlines()
    out = []
    for line in lines[1:]:
        if line.startswith("  "):
            kind, _, rest = line.strip().partition(" ")
            out.append((kind, rest.split(": ", 1)[0].split(" (")[0]))
    return [lines[0] if lines else ""] + sorted(map(" ".join, out))


def baseline_problems(a, b):
    ia, ib = baseline_identities(a.file("baseline.txt")), baseline_identities(
        b.file("baseline.txt")
    )
    if ia == ib:
        return []
    return [f"baseline.txt differs: {sorted(set(ia or []) ^ set(ib or []))}"]


def compare_identities(rep_a, rep_b):
    """scripts/compare of two reports by identity: (new, vanished, changed, cases)."""
    new, vanished, changed = compare.findings_changed(rep_a, rep_b)
    return (
        sorted(f.name() for f in new),
        sorted(f.name() for f in vanished),
        sorted(fa.name() for fa, _ in changed),
        compare.cases_changed(rep_a, rep_b),
    )


def compare_problems(base_a, base_b, lines_a, lines_b):
    """compare against a base run (base_a normal, base_b reworded) gives the
    same identities with both images; between the images, all are changed."""
    ra, rb = findings.read(lines_a), findings.read(lines_b)
    problems = []
    if base_a is not None and base_b is not None:
        ca = compare_identities(findings.read(base_a), ra)
        cb = compare_identities(findings.read(base_b), rb)
        if ca != cb:
            problems.append(
                f"scripts/compare against qemu-default differs: normal {ca}, reworded {cb}"
            )
    new, vanished, changed = compare.findings_changed(ra, rb)
    if new or vanished or len(changed) != len(ra.findings()):
        problems.append(
            f"scripts/compare normal->reworded: {len(new)} new, {len(vanished)} vanished, "
            f"{len(changed)} of {len(ra.findings())} changed (expected 0, 0, all)"
        )
    return problems


def placement(lines):
    """(identity, the picture's row or None) of each finding, sorted; None without a map."""
    from .memmap import picture as memmap_picture
    from .memmap import place as memmap_place
    from .memmap import report as memmap_report

    d = memmap_report.parse(lines)
    if d is None or not d.get("profile"):
        return None
    rows = memmap_report.picture_rows(d)
    placed = memmap_place.place(lines, [r["name"] for r in d["regions"]])
    on, loose = memmap_picture.assign(rows, placed)
    row = {id(p): r["name"] for r, ps in zip(rows, on) for p in ps}
    return sorted(
        (f"{p.where} {findings.identity_text(p.check, p.subject)}", row.get(id(p), "-"))
        for p in placed
    )


def placement_problems(lines_a, lines_b):
    pa, pb = placement(lines_a), placement(lines_b)
    if pa == pb:
        return []
    return [f"the memory map places findings otherwise: {sorted(set(pa or []) ^ set(pb or []))}"]


def matrix_groups(md):
    """The merged findings of a matrix.md: (kind, identity, seen on) each, sorted."""
    return sorted(
        (m.group("kind"), m.group("name"), m.group("n"), m.group("on").strip())
        for m in map(MERGED.match, (md or "").splitlines())
        if m
    )


def matrix_problems(a, b):
    ga, gb = matrix_groups(a.file("matrix.md")), matrix_groups(b.file("matrix.md"))
    problems = (
        [] if ga == gb else [f"the matrix's merged findings differ: {sorted(set(ga) ^ set(gb))}"]
    )
    return problems + (
        [] if ga else ["matrix.md has no merged finding (the matrix should make some)"]
    )


def run_problems(run, a, b, base=(None, None)):
    """Everything the two outcomes of one run must agree on."""
    problems = verdict_problems(a, b)
    try:
        if run.name == "matrix":
            problems += matrix_problems(a, b)
            configs = [
                n for n in sorted(os.listdir(a.folder)) if os.path.isdir(os.path.join(a.folder, n))
            ]
            for c in configs:
                ca = Outcome(os.path.join(a.folder, c), None, "")
                cb = Outcome(os.path.join(b.folder, c), None, "")
                la, lb = ca.ktap_lines(), cb.ktap_lines()
                if la is None or lb is None:
                    problems.append(f"{c}: no ktap.txt")
                    continue
                problems += [
                    f"{c}: {p}"
                    for p in finding_problems(la, lb)
                    + baseline_problems(ca, cb)
                    + placement_problems(la, lb)
                ]
            return problems
        la, lb = a.ktap_lines(), b.ktap_lines()
        if la is None or lb is None:
            return problems + ["no ktap.txt"]
        problems += finding_problems(la, lb) + baseline_problems(a, b)
        problems += compare_problems(base[0], base[1], la, lb) + placement_problems(la, lb)
        if not findings.read(la).findings() and run.name != "qemu-default":
            problems.append("no finding at all: the run proves nothing")
    except records.RecordError as e:
        problems.append(f"a report the runner cannot read: {e}")
    return problems


# ---- running ----------------------------------------------------------------------
def build(build_dir):
    """Builds the reworded image (and the normal one, when missing); its path, or None."""
    out = os.path.join(build_dir, "reworded")
    for cmd in (
        [MAKE, "--no-print-directory", f"O={build_dir}", "all"],
        [MAKE, "--no-print-directory", f"O={out}", "REWORD=1", "all"],
    ):
        print(f"reworded: {' '.join(cmd)}", flush=True)
        r = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True)
        if r.returncode:
            print((r.stdout + r.stderr)[-3000:])
            return None
    return os.path.join(out, "harness.bin")


def execute(run, image, folder):
    shutil.rmtree(folder, ignore_errors=True)
    cmd = [sys.executable, paths.script("run"), "--out", folder, "--image", image] + run.args
    r = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True)
    return Outcome(folder, r.returncode, r.stdout + r.stderr)


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/integration --reworded",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--build-dir",
        metavar="DIR",
        default="build",
        help=(
            "make's O= (default build): the normal image is DIR/harness.bin, the reworded "
            "one DIR/reworded/harness.bin, the runs' folders DIR/test/reworded/"
        ),
    )
    ap.add_argument("-j", "--jobs", type=int, default=2, help="runs at a time (default 2)")
    a = ap.parse_args(argv)
    build_dir = os.path.abspath(os.path.join(paths.ROOT, a.build_dir))
    reworded = build(build_dir)
    if reworded is None:
        print("reworded: the images did not build")
        print("0 passed, 1 failed, 0 skipped")
        return status.USAGE
    images = {"normal": os.path.join(build_dir, "harness.bin"), "reworded": reworded}
    todo = runs()
    counts = {"pass": 0, "fail": 0, "skip": 0}
    out = {}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        futures = {}
        for run in todo:
            if run.needs and not os.path.exists(run.needs):
                continue
            for kind, image in images.items():
                folder = os.path.join(build_dir, "test", "reworded", run.name, kind)
                futures[pool.submit(execute, run, image, folder)] = (run.name, kind)
        for f in concurrent.futures.as_completed(futures):
            out[futures[f]] = f.result()
    base = tuple(
        out[("qemu-default", k)].ktap_lines() if ("qemu-default", k) in out else None
        for k in ("normal", "reworded")
    )
    for run in todo:
        if (run.name, "normal") not in out:
            counts["skip"] += 1
            print(f"SKIP reworded {run.name}: needs {paths.rel(run.needs)}")
            continue
        a, b = out[(run.name, "normal")], out[(run.name, "reworded")]
        problems = run_problems(run, a, b, base if run.name != "qemu-default" else (None, None))
        counts["fail" if problems else "pass"] += 1
        n = (
            len(findings.read(a.ktap_lines()).findings())
            if run.name != "matrix" and a.ktap_lines()
            else None
        )
        what = (
            f" ({n} findings, status {a.returncode})"
            if n is not None
            else f" (status {a.returncode})"
        )
        print(
            f"{'ok  ' if not problems else 'FAIL'} reworded {run.name}{what}"
            + "".join(f"\n    {p}" for p in problems),
            flush=True,
        )
    print(f"{counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    return 1 if counts["fail"] else 0
