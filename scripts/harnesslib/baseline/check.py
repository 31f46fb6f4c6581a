# SPDX-License-Identifier: MIT
"""A run's report against its platform's baseline (baseline/entries.py): which
findings are known deviations, which are new, and which known ones vanished.

judge() sorts them, by identity only (findings.py: the suite, the case, the
check and the subject; never the text). A finding is known when an
applicable entry (its `when` holds) of its case has a finding line that
matches its identity. A failing case (or suite) is known only when it has a
finding, every finding of it is known, it reported no unexpected exception
and carries no directive (a TIMEOUT is never a known deviation); a suite is
known when each of its failing cases is. An applicable entry's finding line
that no finding of its case matched, though the case ran, has vanished, as
has one whose suite ran without the case at all; one whose suite or case
did not run (suites=, a SKIP) is not checked, nor one whose case its suite
said it left out (its not-selected records, suites=SUITE.CASE).
"""
import collections

from .. import claims, findings, protocol, status
from ..ktap import SUMMARY


class Item:
    """One line of the judgement: a finding (known or new), a failure with no
    finding, or an entry's finding line (vanished or not checked).

    identity: (suite, case, check, subject) as findings.Finding has it, a
    `*` of an entry's line a value None; None for a failure with no
    finding. id_text: the identity's CHECK key=value ... as people read it.
    key: what it is, for grouping (the matrix): its identity, or (where,
    text) for a failure with no finding. text: its wording (a finding's, an
    entry's `text` line, or what the failure without a finding was)."""

    def __init__(self, where, text, entry=None, at=None, why="", identity=None, id_text=None):
        self.where, self.text, self.entry, self.at, self.why = where, text, entry, at, why
        self.identity, self.id_text = identity, id_text

    @property
    def key(self):
        return self.identity if self.identity is not None else (self.where, self.text)

    @property
    def name(self):
        """SUITE/CASE CHECK key=value ..., or SUITE/CASE for a failure with no finding."""
        return self.where + (f" {self.id_text}" if self.id_text else "")

    def line(self, kind):
        s = f"{kind} {self.name}" + (f": {self.text}" if self.text else "")
        if self.at:
            s += f" ({self.at})"
        return s + (f": {self.why}" if self.why else "")


class Judgement:
    def __init__(self):
        self.known, self.new, self.vanished, self.unchecked = [], [], [], []
        self.known_results = set()  # line indices of failing results wholly known
        self.known_wheres = set()  # and their names, SUITE or SUITE/CASE (junit.py)
        self.notes = {}  # line index of a FAIL line -> "known ..." or "new ..."


def _match(entries, f):
    """The (entry, baseline.Known) that knows finding f, or None."""
    for e in entries:
        if (e.suite, e.case) == (f.suite, f.case):
            for k in e.findings:
                if k.matches(f):
                    return e, k
    return None


def finding_item(f, entry=None, at=None):
    """The Item of a finding of the report."""
    return Item(
        f.where,
        f.text,
        entry,
        at,
        identity=f.identity,
        id_text=findings.identity_text(f.check, f.subject),
    )


def _failure_without_finding(r):
    if r.directive:
        return f"not ok # {r.directive}{' ' + r.reason if r.reason else ''}"
    if r.other_failures:
        return r.other_failures[0]
    return "not ok without a FAIL line"


# protocol.h's checks that no baseline may know (each stands for what it could not tell apart).
NEVER_KNOWN = frozenset(protocol.VALUES["CHECKS_NEVER_KNOWN"].split())


def _unknowable(f, count):
    """Why no baseline entry may know this finding, or None."""
    if f.cut:
        return "its record was cut short, so its subject may name another thing"
    if count > 1:
        return f"{count} findings of this run share its identity: a known one would hide another"
    if f.check in NEVER_KNOWN:
        return f"check {f.check} stands for what the harness could not tell apart"
    return None


def judge(report, base, facts):
    j = Judgement()
    entries = [e for e in base.entries if e.applies(facts)]
    matched = set()  # the finding lines (file:line) that matched a finding
    unknown_in = set()  # line indices of results with an unknown finding
    seen = collections.Counter(f.identity for f in report.findings())
    for r in report.results:
        for f in r.findings:
            unknowable = _unknowable(f, seen[f.identity])
            hit = None if unknowable else _match(entries, f)
            if unknowable:
                unknown_in.add(r.line)
                j.new.append(finding_item(f))
                j.notes[f.line] = f"new: {unknowable}"
            elif hit:
                e, k = hit
                matched.add(k.at)
                j.known.append(finding_item(f, e, k.at))
                j.notes[f.line] = f"known: {e.reason} ({k.at})"
            else:
                unknown_in.add(r.line)
                j.new.append(finding_item(f))
                j.notes[f.line] = f"new: not in {base.path}"
    # Which failing results are wholly known; the others that no new finding explains.
    cases_of: dict[str, list[findings.Result]] = {}
    for r in report.results:
        if r.case is not None:
            cases_of.setdefault(r.suite, []).append(r)
    for r in report.results:  # a suite's cases come before it
        if r.status != "not ok":
            continue
        failing = (
            [c for c in cases_of.get(r.suite, []) if c.status == "not ok"] if r.case is None else []
        )
        own_ok = r.line not in unknown_in and not r.other_failures and not r.directive
        if own_ok and (r.findings or failing) and all(c.line in j.known_results for c in failing):
            j.known_results.add(r.line)
            j.known_wheres.add(r.where)
        elif r.line not in unknown_in and all(c.line in j.known_results for c in failing):
            # Not known, and no new finding of its own or a failing case's says why.
            j.new.append(Item(r.where, _failure_without_finding(r)))
    # Entries: vanished, or not checked when their case did not run.
    suites, cases = report.suites(), report.cases()
    for e in entries:
        s = suites.get(e.suite)
        c = cases.get((e.suite, e.case)) if e.case else s
        where = findings.where(e.suite, e.case)
        for k in e.findings:
            if k.at in matched:
                continue
            item = Item(
                where,
                k.text or "",
                e,
                k.at,
                identity=(e.suite, e.case) + k.pattern.key,
                id_text=k.id_text,
            )
            if s is None or s.status == "skip":
                item.why = (
                    f"suite {e.suite} did not run" if s is None else f"suite {e.suite} skipped"
                )
                j.unchecked.append(item)
            elif c is None and (e.suite, e.case) in report.not_selected:
                item.why = f"{where} not selected (suites=)"
                j.unchecked.append(item)
            elif c is None:
                item.why = f"suite {e.suite} ran without case {e.case}"
                j.vanished.append(item)
            elif c.status == "skip":
                item.why = f"{where} skipped"
                j.unchecked.append(item)
            else:
                item.why = f"{where} ran ({c.status}) without this finding"
                j.vanished.append(item)
    return j


def annotate(lines, j, base):
    """A copy of the report's lines: each wholly known failing result gets the
    TODO directive, each FAIL line a `# known:` or `# new:` line after it,
    and the baseline's tally and vanished entries close the report before
    its summary line.

    Why TODO: it is TAP's known failure (`prove` passes it), and Linux 6.12's
    ktap.rst lists it (from TAP, discouraged). XFAIL, also listed there, is
    no TAP directive: prove would fail it. kunit_parser.py (6.12) knows only
    SKIP and keeps `not ok` for any other directive."""
    out = []
    for i, line in enumerate(lines):
        if i in j.known_results:
            line += f" # TODO known deviation ({base.path})"
        out.append(line)
        if i in j.notes:
            indent = len(line) - len(line.lstrip(" "))
            out.append(" " * indent + "# " + j.notes[i])
    tail = [f"# baseline: {base.path}: {tally(j)}"]
    tail += ["# baseline " + v.line("vanished") for v in j.vanished]
    at = next((k for k in range(len(out) - 1, -1, -1) if SUMMARY.match(out[k])), len(out))
    return out[:at] + tail + out[at:]


def tally(j):
    return (
        f"{len(j.known)} known, {len(j.new)} new, {len(j.vanished)} vanished, "
        f"{len(j.unchecked)} not checked"
    )


UNCHECKED_TITLE = "not checked, their case did not run"


def lines_of(j):
    """The judgement as text: what is known, then apart what is new or
    vanished, then what was not checked; one line each, an empty list
    left out (the tally says it)."""
    out = []
    for title, items in (
        (f"known deviations ({len(j.known)}):", [k.line("known") for k in j.known]),
        (
            f"new or vanished ({len(j.new) + len(j.vanished)}):",
            [n.line("new") for n in j.new] + [v.line("vanished") for v in j.vanished],
        ),
        (f"{UNCHECKED_TITLE} ({len(j.unchecked)}):", [u.line("unchecked") for u in j.unchecked]),
    ):
        out += [title] + ["  " + i for i in items] if items else []
    return out


# ---- claim coverage ----------------------------------------------------------------
class ClaimsJudgement:
    """A report's claim coverage (claims.Coverage, None when it has none)
    held against a baseline's unchecked entries (None: no baseline): listed,
    [(claims.Claim, entries.Unlisted)] each unchecked claim an applicable
    entry lists (the first that matches); unlisted, [claims.Claim] the
    others; unused, [entries.Unlisted] applicable entries no unchecked claim
    matched (a claim held now, or not in this tree: shown, never failing)."""

    def __init__(self, coverage, path):
        self.coverage, self.path = coverage, path
        self.listed, self.unlisted, self.unused = [], [], []


def judge_claims(coverage, base, facts):
    cj = ClaimsJudgement(coverage, base.path if base else None)
    if coverage is None:
        return cj
    entries = [e for e in (base.unchecked if base else []) if e.applies(facts)]
    used = set()
    for c in coverage.claims:
        e = next((e for e in entries if e.matches(c)), None)
        if e is None:
            cj.unlisted.append(c)
        else:
            cj.listed.append((c, e))
            used.add(e.where)
    cj.unused = [e for e in entries if e.where not in used]
    return cj


def claims_line(cj):
    """The terminal's line: `claims: N held (P probe, D doc, U use), F form
    only, X unchecked (K listed in the baseline, M not)`, with what makes
    the coverage partial or its list incomplete; or that there is none."""
    c = cj.coverage
    if c is None:
        return f"claims: none reported: {claims.NONE_WHY}"
    parts = (
        [f"{len(cj.listed)} listed in the baseline", f"{len(cj.unlisted)} not"]
        if cj.path
        else [f"no baseline: {len(cj.unlisted)} not listed"]
    )
    if c.unnamed:
        parts.append(f"{c.unnamed} past the report's limit, unnamed")
    line = f"claims: {claims.counts_text(c)} ({', '.join(parts)})"
    if c.partial:
        line += "; coverage is partial (suites=): only the suites that ran raised theirs"
    if c.dropped:
        line += f"; {c.dropped} claims past the harness's table, never classed"
    if c.problems:
        line += "; the claims records do not add up: " + "; ".join(c.problems)
    return line


CLAIM_GROUPS_SHOWN, CLAIM_NODES_SHOWN = 5, 3


def claims_terminal_lines(cj):
    """The line, then the unlisted claims grouped by property, a few lines."""
    return [claims_line(cj)] + [
        ("  " if g.startswith("...") else "  unlisted ") + g
        for g in claims.group_lines(cj.unlisted, CLAIM_GROUPS_SHOWN, CLAIM_NODES_SHOWN)
    ]


def claims_lines_of(cj):
    """baseline.txt's part: the line, then each unchecked claim, unlisted
    first, as `unlisted NODE PROP: WHY` or `listed NODE PROP (FILE:LINE)`,
    and the entries no claim matched."""
    out = [claims_line(cj)]
    if cj.unlisted:
        out.append(f"unchecked claims no entry lists ({len(cj.unlisted)}):")
        out += [f"  unlisted {c.name}: {c.why}" for c in cj.unlisted]
    if cj.listed:
        out.append(f"unchecked claims the baseline lists ({len(cj.listed)}):")
        out += [f"  listed {c.name}: {e.reason} ({e.where})" for c, e in cj.listed]
    if cj.unused and cj.coverage is not None and cj.coverage.complete_list():
        out.append(f"unchecked entries no claim of this run matched ({len(cj.unused)}):")
        out += [f"  unused unchecked {e.name} ({e.where})" for e in cj.unused]
    return out


def claims_failure(cj):
    """Why --strict-claims fails the claims (None when they pass it or
    are not judged): an unchecked claim no entry lists, or a coverage that
    cannot show every unchecked claim (none reported, a list cut short); a
    partial one (suites=) is not judged."""
    c = cj.coverage
    if c is None:
        return f"--strict-claims: {claims.NONE_WHY}"
    if c.partial:
        return None
    if not c.complete_list():
        gaps = (
            ([f"{c.unnamed} unchecked claims past the report's limit"] if c.unnamed else [])
            + ([f"{c.dropped} claims never classed"] if c.dropped else [])
            + c.problems
        )
        return "--strict-claims: the unchecked claims cannot all be shown listed: " + "; ".join(
            gaps
        )
    if cj.unlisted:
        n = len(cj.unlisted)
        where = f"not in {cj.path}" if cj.path else "and no baseline lists them"
        groups = "; ".join(claims.group_lines(cj.unlisted, 3, 2))
        return f"{n} unchecked claim{'' if n == 1 else 's'} {where} (--strict-claims): {groups}"
    return None


def claims_verdict(cj, strict, code, why):
    """(status, why) once the claims are judged: with strict
    (--strict-claims) claims_failure fails a run that passed (1) and adds
    to a failing run's why; a partial coverage is said not judged. Without
    strict the claims never change the verdict."""
    if not strict or code not in (status.PASS, status.TEST_FAILED):
        return code, why
    failure = claims_failure(cj)
    if failure:
        return status.TEST_FAILED, (
            f"{why}; {failure}" if code == status.TEST_FAILED else f"{failure}; otherwise {why}"
        )
    c = cj.coverage
    if c.partial:
        return code, f"{why}; coverage is partial (suites=): --strict-claims does not judge it"
    if not c.claims:
        return code, f"{why}; no claim is unchecked (--strict-claims)"
    return code, f"{why}; every unchecked claim is listed in {cj.path} (--strict-claims)"
