# SPDX-License-Identifier: MIT
"""What a matrix run found: each config's outcome read back from its run
folder (run.json, ktap.txt), the conformance table config x suite, and the
findings merged across configs; matrix.md from them (matrix/html.py and
matrix/junit.py write the other two views).

A cell is the suite's result in that config's report: pass, skip, FAIL (a
failure its baseline does not know), known (every failure of the suite a
known deviation of the config's baseline, as scripts/run judges it:
baseline_run.choose, baseline_check.judge), TIMEOUT (the watchdog ended the
suite or one of its cases), cut (the run ended inside the suite: its
report stops there, the verdict says why) or "-" (the report has no result
for the suite: not asked for, or the run ended before it).

A merged finding is every finding of one identity (findings.py: suite,
case, check and subject) on any config, with its real texts: each distinct
wording and the configs it was reported on (a value in the text, such as a
register's, may differ between configs). A failure without a FAIL line (an
exception, a TIMEOUT) is one too, as the baseline check lists it, merged by
what it was. Each says on how many of the matrix's configs it was seen,
which, and on which it is known. Vanished known deviations are merged by
the identity their entry gives.

The claims column is each config's claim coverage (claims.py): the claims
its report held (against a probe, the documentation, or through their use)
of all its tree's claims, HELD/TOTAL; "(some suites)" when only some ran,
"-" when the report has no claims record.
"""
import json
import os
import re

from .. import claims, findings, records, status
from ..baseline import entries as baseline
from ..baseline import check as baseline_check
from ..baseline import run as baseline_run

CELL_WORDS = ("pass", "FAIL", "known", "TIMEOUT", "skip", "cut", "-")
SUITE_START = re.compile(r"^  # Subtest: (?P<name>\S+)$")  # a top-level suite's first line


class Outcome:
    """One config's run, as its folder and scripts/run's exit tell it."""

    def __init__(self, config, folder):
        self.config, self.folder = config, folder
        self.name, self.where, self.argv = config.name, config.where, config.argv
        self.status, self.verdict, self.why, self.elapsed = None, None, None, None
        self.record = {}
        self.ktap_lines, self.report, self.judgement, self.baseline = [], None, None, None
        self.coverage = None  # claims.Coverage of the report, when it has one

    @property
    def passed(self):
        return self.status == status.PASS

    @property
    def complete(self):
        return self.report is not None and self.report.complete

    def known_results(self):
        """(suite, case) of each failing result wholly known to the baseline."""
        j = self.judgement
        return (
            {(r.suite, r.case) for r in self.report.results if j and r.line in j.known_results}
            if self.report
            else set()
        )

    def cut_suite(self):
        """The suite an incomplete report stops in (it began, no result followed), or None."""
        if not self.report or self.report.complete:
            return None
        begun = [m.group("name") for m in map(SUITE_START.match, self.ktap_lines) if m]
        return begun[-1] if begun and begun[-1] not in self.report.suites() else None

    def cell(self, suite):
        r = self.report.suites().get(suite) if self.report else None
        if r is None:
            return "cut" if suite == self.cut_suite() else "-"
        assert self.report is not None  # r is one of its suites
        cases = [c for c in self.report.results if c.suite == suite and c.case is not None]
        if r.directive == "TIMEOUT" or any(c.directive == "TIMEOUT" for c in cases):
            return "TIMEOUT"
        if r.status == "ok":
            return "pass"
        if r.status == "skip":
            return "skip"
        return "known" if (suite, None) in self.known_results() else "FAIL"


def read_text(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return None


def collect(config, folder, returncode, elapsed, killed_after=None):
    """The Outcome of a config whose scripts/run ended with returncode
    (killed_after: the seconds after which the matrix ended it)."""
    o = Outcome(config, folder)
    text = read_text(os.path.join(folder, "run.json"))
    try:
        o.record = json.loads(text) if text else {}
    except ValueError:
        o.record = {}
    if killed_after is not None:
        o.status, o.why = (
            status.HANG,
            (
                f"scripts/run did not end within {killed_after:g} s and was "
                "stopped (the matrix's time bound: --timeout plus a grace)"
            ),
        )
    elif "status" in o.record:
        o.status, o.why = o.record["status"], o.record.get("why", "")
    else:
        o.status = returncode if returncode in status.NAMES else status.CRASH
        o.why = (
            f"scripts/run exited {returncode} without a verdict in run.json (see {config.name}.log)"
        )
    o.verdict = (
        o.record.get("verdict")
        if killed_after is None and "status" in o.record
        else status.NAMES[o.status]
    )
    o.elapsed = elapsed  # scripts/run's whole wall time (run.json's elapsed_s is the platform's)
    ktap = read_text(os.path.join(folder, "ktap.txt"))
    o.ktap_lines = ktap.splitlines() if ktap else []
    if o.ktap_lines:
        o.report = findings.read(o.ktap_lines)
        o.baseline, o.judgement = judge(config, o.ktap_lines, o.report)
        try:
            o.coverage = claims.read(o.ktap_lines)
        except records.RecordError:
            o.coverage = None  # findings.read would have refused the report first
    return o


def coverage_cell(o):
    """The claims column: HELD/TOTAL, "(some suites)" when partial; "-" for none."""
    c = o.coverage
    if c is None:
        return "-"
    return f"{c.held}/{c.total}" + (" (some suites)" if c.partial else "")


def judge(config, ktap_lines, report):
    """(baseline path or None, Judgement): the run's report against the
    baseline scripts/run chose for it; with none, against an empty one, so
    that every failure is listed as new."""
    path, _ = baseline_run.choose(config.args, ktap_lines)
    try:
        base = (
            ((config.known or {}).get(path) or baseline.load(path))
            if path
            else baseline.Baseline(None, [])
        )
    except baseline.BaselineError:
        base = baseline.Baseline(None, [])
    return path, baseline_check.judge(report, base, baseline_run.facts(config.args))


def suites_of(outcomes):
    """Every suite any report has a result for, in the order they first appear."""
    out = []
    for o in outcomes:
        for name in [r.suite for r in (o.report.results if o.report else []) if r.case is None] + [
            o.cut_suite()
        ]:
            if name and name not in out:
                out.append(name)
    return out


class Merged:
    """One finding, merged across configs: name is SUITE/CASE CHECK
    key=value ... (SUITE/CASE for a failure without a finding); wordings
    maps each text, in order of first appearance, to the configs that
    reported it so."""

    def __init__(self, key, where, name):
        self.key, self.where, self.name = key, where, name
        self.wordings = {}
        self.known_on, self.new_on, self.baselines = [], [], set()

    @property
    def texts(self):
        return list(self.wordings)

    @property
    def seen_on(self):
        return self.known_on + [n for n in self.new_on if n not in self.known_on]

    @property
    def kind(self):
        return "new" if self.new_on else "known"


def merge(outcomes):
    """The merged findings (new first, then by how many configs saw them),
    and the known deviations that vanished, as [(name, text, [configs])]."""
    merged: dict[tuple, Merged] = {}
    vanished: dict[tuple, tuple[str, str, list[str]]] = {}
    for o in outcomes:
        j = o.judgement
        if j is None:
            continue
        for kind, items in (("known", j.known), ("new", j.new)):
            for item in items:
                m = merged.setdefault(item.key, Merged(item.key, item.where, item.name))
                on = m.wordings.setdefault(item.text, [])
                if o.name not in on:
                    on.append(o.name)
                on = m.known_on if kind == "known" else m.new_on
                if o.name not in on:
                    on.append(o.name)
                if kind == "known" and o.baseline:
                    m.baselines.add(baseline.shown(o.baseline))
        if o.status in (status.PASS, status.TEST_FAILED):
            for v in j.vanished:
                names = vanished.setdefault(v.key, (v.name, v.text, []))[2]
                names.append(o.name)
    ordered = sorted(merged.values(), key=lambda m: (m.kind != "new", -len(m.seen_on), m.name))
    return ordered, list(vanished.values())


def merged_lines(m, total):
    """A merged finding as text: its identity, where it was seen and known,
    then its one wording, or each wording with the configs that gave it."""
    known = f"; known on {len(m.known_on)} ({', '.join(sorted(m.baselines))})" if m.known_on else ""
    new_on = f"; new on {len(m.new_on)}: {', '.join(m.new_on)}" if m.new_on and m.known_on else ""
    head = f"{seen_text(m.seen_on, total)}{known}{new_on}"
    if len(m.wordings) == 1:
        return head + f": {m.texts[0]}", []
    return head + f"; {len(m.wordings)} wordings:", [
        f"on {', '.join(names)}: {text}" for text, names in m.wordings.items()
    ]


def seen_text(names, total):
    return f"seen on {len(names)} of {total} configs: {', '.join(names)}"


def tally(outcomes):
    """The matrix's summary line: configs, how many passed (with known
    deviations only), failed and why."""
    total = len(outcomes)
    passed = [o for o in outcomes if o.passed]
    with_known = [o for o in passed if o.judgement and o.judgement.known]
    parts = [
        f"{total} config{'s' if total != 1 else ''}",
        f"{len(passed)} passed"
        + (f" ({len(with_known)} with known deviations only)" if with_known else ""),
    ]
    others: dict[str, list[str]] = {}
    for o in outcomes:
        if not o.passed:
            others.setdefault(status.NAMES.get(o.status, str(o.status)), []).append(o.name)
    parts += [f"{len(names)} {label}" for label, names in others.items()]
    return ", ".join(parts)


def unreported(outcomes):
    return [o.name for o in outcomes if not o.complete]


def markdown(outcomes, head):
    """matrix.md. head: (matrix file as shown, summary of how it ran)."""
    shown, how = head
    total = len(outcomes)
    suites = suites_of(outcomes)
    lines = [
        f"# Conformance matrix: {shown}",
        "",
        f"{tally(outcomes)}; {how}.",
        "",
        "| config | verdict | time | claims | " + " | ".join(suites) + " |",
        "|---" * (4 + len(suites)) + "|",
    ]
    for o in outcomes:
        t = f"{o.elapsed:.1f} s" if o.elapsed is not None else "-"
        lines.append(
            f"| {o.name} | {o.verdict} (status {o.status}) | {t} | {coverage_cell(o)} | "
            + " | ".join(o.cell(s) for s in suites)
            + " |"
        )
    lines += [
        "",
        (
            "A cell is the suite's result: pass, skip, FAIL (a failure the config's baseline "
            "does not know), known (every failure a known deviation of the baseline), TIMEOUT "
            "(the watchdog ended the suite or a case of it), cut (the run ended inside the suite), "
            "- (no result in the report). claims: the tree's claims the run held (against a "
            "probe, the documentation, or through their use) of all it made; - when the report "
            "has no claims record."
        ),
        "",
    ]
    merged, vanished = merge(outcomes)
    lines += ["## Findings across configs", ""]
    missing = unreported(outcomes)
    if missing:
        lines += [
            (
                f"{len(missing)} of {total} configs gave no complete report, so their findings may "
                f"be missing here: {', '.join(missing)}."
            ),
            "",
        ]
    new = sum(1 for m in merged if m.kind == "new")
    lines.append(
        f"{len(merged)} findings merged by identity (suite, case, check, subject): {new} new, "
        f"{len(merged) - new} known."
        if merged
        else "None: no config reported a failure."
    )
    lines.append("")
    for m in merged:
        head, wordings = merged_lines(m, total)
        lines.append(f"- **{m.kind}** `{m.name}`: {head}")
        lines += [f"  - {w}" for w in wordings]
    if vanished:
        lines += ["", "## Known deviations that vanished", ""]
        lines += [
            f"- `{name}`: {seen_text(names, total).replace('seen', 'vanished')}"
            + (f": {t}" if t else "")
            for name, t, names in vanished
        ]
    lines += ["", "## Configs", ""]
    for o in outcomes:
        lines += [
            f"### {o.name}",
            "",
            f"- options: `{' '.join(o.argv) or '(defaults)'}` ({o.where})",
            f"- verdict: {o.verdict} (status {o.status}): {o.why}",
            f"- files: `{o.name}/` (the run's folder), `{o.name}.log` (scripts/run's output)",
        ]
        if o.baseline:
            j = o.judgement
            lines.append(f"- baseline: {baseline.shown(o.baseline)}: {baseline_check.tally(j)}")
        lines.append(f"- {coverage_line(o)}")
        if os.path.exists(os.path.join(o.folder, "memory-map.md")):
            lines.append(
                f"- memory map: `{o.name}/memory-map.md`"
                + (
                    f", `{o.name}/memory-map.svg`"
                    if os.path.exists(os.path.join(o.folder, "memory-map.svg"))
                    else ""
                )
            )
        items, more = failures_of(o)
        lines += [f"- {line}" for line in items] + (
            [f"- ... {more} more (`{o.name}/baseline.txt`)"] if more else []
        )
        tail = log_tail(o)
        if tail:
            lines += ["", f"The last lines of `{o.name}.log`:", "", "```"] + tail + ["```"]
        lines.append("")
    return "\n".join(lines)


SHOWN_FAILURES, SHOWN_LOG_LINES = 10, 12


def coverage_line(o):
    """claims: COUNTS, or that the report has none."""
    c = o.coverage
    if c is None:
        return "claims: none reported" + (" (no report)" if o.report is None else "")
    return f"claims: {claims.counts_text(c)}, of {c.total} in all" + (
        "; coverage is partial (suites=)" if c.partial else ""
    )


def failures_of(o):
    """What failed o's baseline, a line each (new, vanished), the first
    SHOWN_FAILURES; and how many more there are."""
    j = o.judgement
    if j is None:
        return [], 0
    lines = [n.line("new") for n in j.new] + [v.line("vanished") for v in j.vanished]
    return lines[:SHOWN_FAILURES], max(0, len(lines) - SHOWN_FAILURES)


def log_tail(o):
    """The end of what scripts/run printed, for a config that did not end with a trusted report."""
    if o.status in (status.PASS, status.TEST_FAILED):
        return []
    text = read_text(os.path.join(os.path.dirname(o.folder), f"{o.name}.log")) or ""
    return text.splitlines()[-SHOWN_LOG_LINES:]
