# SPDX-License-Identifier: MIT
"""Compare two runs: what changed from RUN_A to RUN_B.

Each RUN is a scripts/run output folder (its ktap.txt is read) or a ktap.txt
itself; each must be a complete report (it ends with the harness's last
line), since a report cut short would show its missing findings as vanished.

A finding is a FAIL record of a case (or of a suite's own), and is the same
in both runs when its identity is (findings.py: suite, case, check and
subject; never its text). A finding of one identity in both runs whose text
differs is changed (both texts are shown: a value of the text, such as a
register's, differs); one only in B is new, one only in A vanished. (Should
a run give one identity more than once, they pair up in report order.)
A case changed when its result differs: ok, not ok, skip, a
directive such as TIMEOUT, absent from one run, or not selected (the
suite ran only some of its cases, suites=SUITE.CASE). A suite's own result
counts as a case unless it has cases in both runs.

Claims (claim coverage, claims.py): a claim of the tree (NODE PROP) unchecked
in B but not in A became unchecked (in A it was held, or A's tree did not
make it); one unchecked in A but not in B is no longer (held now, or not in
B's tree). A run without a claims record has no coverage to compare: that
is said, and its claims count as no change; one that ran only some suites
(suites=) or left unchecked claims unnamed is compared as far as it goes,
and said so.

The first line answers "did anything change?":
    "no change", or
    "N new, N vanished, N changed findings; N cases changed"
    (and, when claims changed, "; claims: N became unchecked, N no longer unchecked")
then, unless --quiet, one line per finding, case and claim.

Exit status: 0 no change, 1 something changed, 2 bad input.
"""
import argparse
import os
import sys

from . import claims, findings, records
from .errors import InputError
from .protocol import REPORT_SENTINEL


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise InputError(message)


def load(path):
    """The Report of a run folder or a ktap.txt, its claim coverage (or None) in .coverage."""
    f = os.path.join(path, "ktap.txt") if os.path.isdir(path) else path
    try:
        with open(f) as fh:
            lines = fh.read().splitlines()
    except OSError as e:
        raise InputError(
            f"{f}: {e.strerror}"
            + (" (a scripts/run output folder holds ktap.txt)" if os.path.isdir(path) else "")
        ) from None
    except UnicodeDecodeError:
        raise InputError(f"{f}: not a text file") from None
    try:
        rep = findings.read(lines)
    except records.RecordError as e:
        raise InputError(f"{f}: {e} (the report and the runner's protocol.h disagree)") from None
    if not rep.results and not rep.complete:
        raise InputError(f"{f}: not a KTAP report of the harness (no result line)")
    if not rep.complete:
        raise InputError(
            f"{f}: the report is not complete (no {REPORT_SENTINEL!r} line): "
            "compare runs whose report ended"
        )
    try:
        rep.coverage = claims.read(lines)
    except records.RecordError as e:
        raise InputError(f"{f}: {e} (the report and the runner's protocol.h disagree)") from None
    return rep


def result_text(r, not_selected=False):
    if r is None:
        return "not selected" if not_selected else "absent"
    return r.status + (f" # {r.directive}" if r.directive and r.directive != "SKIP" else "")


def cases_changed(a, b):
    """[(where, A's result, B's result)] for every case whose result differs."""

    def with_cases(rep):
        return {r.suite for r in rep.results if r.case is not None}

    both = with_cases(a) & with_cases(b)  # a suite's own result is its cases' sum there

    def results(rep):
        return {
            (r.suite, r.case): r for r in rep.results if r.case is not None or r.suite not in both
        }

    ra, rb = results(a), results(b)
    keys = list(ra) + [k for k in rb if k not in ra]
    out = []
    for k in keys:
        ta, tb = result_text(ra.get(k), k in a.not_selected), result_text(
            rb.get(k), k in b.not_selected
        )
        if ta != tb:
            out.append((findings.where(*k), ta, tb))
    return out


def findings_changed(a, b):
    """(new, vanished, changed) by identity: new and vanished as [Finding],
    changed as [(Finding of A, Finding of B)], the same identity with other
    texts."""

    def by_identity(rep):
        out: dict[tuple, list[findings.Finding]] = {}
        for f in rep.findings():
            out.setdefault(f.identity, []).append(f)
        return out

    fa, fb = by_identity(a), by_identity(b)
    new, vanished, changed = [], [], []
    for k in list(fa) + [k for k in fb if k not in fa]:
        only_a, only_b = list(fa.get(k, [])), list(fb.get(k, []))
        for f in list(only_a):  # the same text in both: unchanged, one for one
            twin = next((g for g in only_b if g.text == f.text), None)
            if twin:
                only_a.remove(f)
                only_b.remove(twin)
        pairs = min(len(only_a), len(only_b))
        changed += list(zip(only_a[:pairs], only_b[:pairs]))
        vanished += only_a[pairs:]
        new += only_b[pairs:]
    return new, vanished, changed


class ClaimsChange:
    """became: [claims.Claim] unchecked in B, not in A; no_longer: unchecked
    in A, not in B; notes: what limits the comparison (no coverage in one
    run, a partial one, unnamed claims)."""

    def __init__(self, became=(), no_longer=(), notes=()):
        self.became, self.no_longer, self.notes = list(became), list(no_longer), list(notes)

    def __bool__(self):
        return bool(self.became or self.no_longer)


def claims_changed(a, b):
    """The ClaimsChange from report a to report b (their .coverage)."""
    ca, cb = a.coverage, b.coverage
    missing = [n for n, c in (("RUN_A", ca), ("RUN_B", cb)) if c is None]
    if missing:
        return ClaimsChange(
            notes=[
                f"claims not compared: {' and '.join(missing)} "
                f"{'has' if len(missing) == 1 else 'have'} no claims record (an image older "
                "than claim coverage)"
            ]
            if ca is not cb
            else []
        )
    notes = []
    for name, c in (("RUN_A", ca), ("RUN_B", cb)):
        if c.partial:
            notes.append(f"{name}'s coverage is partial (suites=): its other suites held nothing")
        if c.unnamed:
            notes.append(f"{name} left {c.unnamed} unchecked claims unnamed (past its limit)")
    ka, kb = {c.key for c in ca.claims}, {c.key for c in cb.claims}
    return ClaimsChange(
        [c for c in cb.claims if c.key not in ka],
        [c for c in ca.claims if c.key not in kb],
        notes,
    )


def summary(new, vanished, changed, cases, claimed=None):
    if not (new or vanished or changed or cases or claimed):
        return "no change"
    return (
        f"{len(new)} new, {len(vanished)} vanished, {len(changed)} changed findings; "
        f"{len(cases)} case{'' if len(cases) == 1 else 's'} changed"
        + (
            f"; claims: {len(claimed.became)} became unchecked, "
            f"{len(claimed.no_longer)} no longer unchecked"
            if claimed
            else ""
        )
    )


def report_lines(new, vanished, changed, cases, claimed=None):
    """One line per finding, SUITE/CASE CHECK key=value ...: TEXT; a changed
    one its identity, then A's text and B's; one per claim, NODE PROP."""
    out = [f"new {f.name()}: {f.text}" for f in new]
    out += [f"vanished {f.name()}: {f.text}" for f in vanished]
    for fa, fb in changed:
        out += [f"changed {fa.name()}", f"   from: {fa.text}", f"     to: {fb.text}"]
    out += [f"case {w}: {ta} -> {tb}" for w, ta, tb in cases]
    if claimed is not None:
        out += [f"claim became unchecked {c.name}: {c.why}" for c in claimed.became]
        out += [
            f"claim no longer unchecked {c.name} (held now, or not in RUN_B's tree)"
            for c in claimed.no_longer
        ]
        out += [f"note: {n}" for n in claimed.notes]
    return out


def main(argv):
    ap = Parser(
        prog="scripts/compare",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "run_a", metavar="RUN_A", help="the run before: a scripts/run output folder or its ktap.txt"
    )
    ap.add_argument(
        "run_b", metavar="RUN_B", help="the run after: a scripts/run output folder or its ktap.txt"
    )
    ap.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the first line (default: every change, one line each)",
    )
    try:
        a = ap.parse_args(argv)
        rep_a, rep_b = load(a.run_a), load(a.run_b)
    except InputError as e:
        print(f"scripts/compare: {e}", file=sys.stderr)
        return 2
    new, vanished, changed = findings_changed(rep_a, rep_b)
    cases = cases_changed(rep_a, rep_b)
    claimed = claims_changed(rep_a, rep_b)
    print(summary(new, vanished, changed, cases, claimed))
    if not a.quiet:
        for line in report_lines(new, vanished, changed, cases, claimed):
            print("  " + line)
    return 1 if (new or vanished or changed or cases or claimed) else 0
