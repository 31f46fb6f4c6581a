# SPDX-License-Identifier: MIT
"""The results and findings of a KTAP report, line by line, for the baseline
check (baseline/check.py) and scripts/compare (compare.py).

A result is one `ok`/`not ok` line: a suite (a top-level test) or a case (a
subtest of one). A finding is a FAIL record (records.py:
`# FAIL: check=NAME SUBJECT... text=TEXT`); it belongs to the
next result line at its own indentation or less deep, as KTAP puts a result's
diagnostics before it: a case's FAIL lines precede the case's result, and a
suite's own (those of a top-level test without cases, or printed between its
cases) precede the suite's result. Each keeps its line index, so that an
annotated copy of the report can be written beside the raw one.

A finding's identity is (suite, case, check, subject), case None for a
suite's own: what baselines, compare, the matrix and the picture key on.
Its text is for people and is never matched.

Baselines (`finding CHECK key=value ...`) and test trees (`// expect-run:
SUITE/CASE CHECK key=value ...`) write an identity as Pattern reads it:
the check, then the subject's fields in the order the report writes them,
each value escaped as there (records.escape); in a baseline a value `*`
matches any value of its key.

A suite that ran only some of its cases (suites=SUITE.CASE) names the
others in `# not-selected: case=A` records: Report.not_selected holds them as
(suite, case), so that their absence reads as chosen.
"""
import re
from typing import Any

from . import records
from .protocol import REPORT_SENTINEL, VALUES

NOT_SELECTED = VALUES["RECORD_NOT_SELECTED"]

RESULT = re.compile(
    r"^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+) (?P<name>[^#]*?)"
    r"(?: # (?P<directive>[A-Z]+)\b ?(?P<reason>.*))?$"
)
SUBTEST = re.compile(r"^ *# Subtest: (?P<name>.*)$")
# The harness's report of an exception a case did not expect (lib/runtime/unexpected.c):
# a failure no FAIL line states.
UNEXPECTED = records.SPECS[records.protocol.VALUES["RECORD_UNEXPECTED"]].tag


CHECK_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
CHECK_NAME_MAX = 40  # lib/runtime/check.h
WHERE = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?$")
ANY = "*"  # a pattern's value that matches any value of its key


class PatternError(ValueError):
    """An identity written wrong; the message says how, the caller where."""


class Pattern:
    """CHECK [key=value ...]: a finding's check and exactly its subject, in
    order; with wildcard, a value `*` matches any value of its key."""

    def __init__(self, text, wildcard=False):
        words = text.split()
        if not words:
            raise PatternError("no check name: an identity is CHECK [key=value ...]")
        self.check = words[0]
        subject: list[tuple[str, str | None]] = []
        if not CHECK_NAME.match(self.check) or len(self.check) > CHECK_NAME_MAX:
            raise PatternError(
                f"{self.check!r} is no check name (snake_case, at most {CHECK_NAME_MAX} "
                "characters): an identity is CHECK [key=value ...]"
            )
        for w in words[1:]:
            key, eq, value = w.partition("=")
            if not eq or not value:
                raise PatternError(f"{w!r} is not key=value")
            if key not in records.SUBJECT_KEYS:
                raise PatternError(
                    f"{key!r} is no subject key (SUBJECT_KEYS: {' '.join(records.SUBJECT_KEYS)})"
                )
            if any(k == key for k, _ in subject):
                raise PatternError(f"key {key!r} given twice")
            if value == ANY and not wildcard:
                raise PatternError(f"{w!r}: a value '*' stands for any value only in a baseline")
            subject.append((key, None if value == ANY else records.unescape(value)))
        self.subject = tuple(subject)

    def matches(self, check, subject):
        """Whether a finding's check and subject are the ones this names."""
        return (
            check == self.check
            and len(subject) == len(self.subject)
            and all(
                k == pk and (pv is None or v == pv)
                for (k, v), (pk, pv) in zip(subject, self.subject)
            )
        )

    @property
    def key(self):
        """What two patterns share when they are the same: (check, subject)."""
        return (self.check, self.subject)

    def __str__(self):
        return identity_text(self.check, self.subject)


def identity_text(check, subject):
    """CHECK key=value ... as people read it and baselines write it (a value
    None is a pattern's `*`; a value that is `*` itself is written \\x2a)."""
    words = [check] + [
        f"{k}={ANY}" if v is None else f"{k}=" + (r"\x2a" if v == ANY else records.escape(v))
        for k, v in subject
    ]
    return " ".join(words)


def is_finding(diag):
    """Whether a diagnostic's text (after "# ") is a finding record."""
    return records.tag_of(diag) == records.FINDING


def shown(diag):
    """A finding record's diagnostic as people read it: CHECK key=value ...: TEXT
    (the record itself when it breaks its declaration)."""
    try:
        r = records.parse(diag)
    except records.RecordError:
        return diag
    assert r is not None  # a finding's diagnostic (is_finding)
    return f"{identity_text(r.fields['check'], r.subject())}: {r.text or ''}"


class Finding:
    def __init__(self, suite, case, check, subject, text, line, cut=False):
        self.suite, self.case, self.check, self.subject = suite, case, check, tuple(subject)
        self.text, self.line = text, line
        # The record was cut short (RECORD_CUT follows it): its subject may name
        # another thing, so no baseline may know it.
        self.cut = cut

    @property
    def where(self):
        return where(self.suite, self.case)

    @property
    def identity(self):
        """What the finding is, whatever its wording: (suite, case, check, subject)."""
        return (self.suite, self.case, self.check, self.subject)

    def name(self):
        """The identity as people read it: SUITE/CASE CHECK key=value ..."""
        return f"{self.where} {identity_text(self.check, self.subject)}"

    def field(self, key):
        return dict(self.subject).get(key)

    def __repr__(self):
        return f"Finding({self.name()}: {self.text!r})"


class Result:
    """One result line. status: ok, not ok or skip; directive: SKIP, TODO,
    TIMEOUT, ... or None; findings and other_failures (the unexpected
    exceptions it reported) from the diagnostics that precede it."""

    def __init__(self, suite, case, status, directive, reason, line, indent):
        self.suite, self.case, self.status, self.directive = suite, case, status, directive
        self.reason, self.line, self.indent = reason, line, indent
        self.findings, self.other_failures = [], []

    @property
    def where(self):
        return where(self.suite, self.case)


class Report:
    def __init__(self, results, complete, not_selected=frozenset()):
        self.results, self.complete = results, complete
        self.not_selected = set(not_selected)  # (suite, case) left out by suites=
        self.coverage: Any = None  # its claims.Coverage, where a reader set it (compare.py)

    def suites(self):
        """Suite name -> its result."""
        return {r.suite: r for r in self.results if r.case is None}

    def cases(self):
        """(suite, case) -> the case's result."""
        return {(r.suite, r.case): r for r in self.results if r.case is not None}

    def findings(self):
        return [f for r in self.results for f in r.findings]


def where(suite, case):
    """How a suite or case is named: SUITE or SUITE/CASE."""
    return suite if case is None else f"{suite}/{case}"


def _status(ok, directive):
    if directive == "SKIP":
        return "skip"
    return ok


# The result that findings after the last result line are given (none should be).
STRAY = "(after the last result)"


def _attach(r, diags, lines):
    """The findings and unexpected exceptions among a result's diagnostics."""
    for _, n, text in diags:
        tag = records.tag_of(text)
        if tag == records.FINDING:
            rec = records.parse(text)
            assert rec is not None  # a declared tag
            cut = n + 1 < len(lines) and lines[n + 1].strip() == "# " + records.CUT
            r.findings.append(
                Finding(r.suite, r.case, rec.fields["check"], rec.subject(), rec.text or "", n, cut)
            )
        elif tag == UNEXPECTED:
            rec = records.parse(text)
            assert rec is not None  # a declared tag
            # Its fields, not its words: what the host keys an exception on.
            r.other_failures.append(
                f"unexpected {rec.fields['kind']} exception from {rec.fields['from']}"
                f" (ESR {rec.fields['esr']})"
            )


def read(lines):
    """The Report of a report's lines (ktap.txt, sentinel included)."""
    results: list[Result] = []
    pending: list[tuple[int, int, str]] = []
    cases: list[Result] = []
    complete = False
    subtest = None  # the name the current suite's "# Subtest:" line gave
    left_out: list[str] = []  # the current suite's not-selected cases
    not_selected: set[tuple[str, str]] = set()  # every suite's
    for i, line in enumerate(lines):
        if line == REPORT_SENTINEL:
            complete = True
            continue
        m = SUBTEST.match(line)
        if m:
            subtest, cases, left_out = m.group("name").strip(), [], []
            continue
        m = RESULT.match(line)
        if m:
            indent = len(m.group("indent"))
            name = m.group("name").strip()
            r = Result(
                None,
                None,
                _status(m.group("ok"), m.group("directive")),
                m.group("directive"),
                (m.group("reason") or "").strip(),
                i,
                indent,
            )
            mine = [p for p in pending if p[0] >= indent]
            pending = [p for p in pending if p[0] < indent]
            if indent:
                r.suite, r.case = subtest or "?", name
                cases.append(r)
            else:
                r.suite = name
                for c in cases:  # the suite's result line names it for good
                    c.suite = name
                not_selected.update((name, c) for c in left_out)
                cases, subtest, left_out = [], None, []
            _attach(r, mine, lines)
            results.append(r)
            continue
        s = line.strip()
        if s.startswith("# " + NOT_SELECTED + ":") and subtest is not None:
            rec = records.parse(s[2:])
            assert rec is not None  # a declared tag
            left_out.append(rec.fields["case"])
        elif s.startswith("#"):
            text = s[1:].strip()
            if records.tag_of(text) == records.EVIDENCE:
                records.parse(text)  # evidence is read by others: it must keep to protocol.h too
            pending.append((len(line) - len(line.lstrip(" ")), i, text))
    # A finding after the last result belongs to no test: it still fails the run.
    stray = Result(STRAY, None, "not ok", None, "", len(lines), 0)
    _attach(stray, pending, lines)
    if stray.findings or stray.other_failures:
        results.append(stray)
    for r in results:  # a case's findings carry its suite's final name
        for f in r.findings:
            f.suite = r.suite
    return Report(results, complete, not_selected)
