# SPDX-License-Identifier: MIT
"""Parse the harness's KTAP v1 stream into suites, cases and diagnostics.

KTAP carries no times. Given the lines' arrival times (capture.py), a case's
time is the gap between its result line's arrival and the previous result's
in its suite (the suite's "# Subtest:" line for the first case), and a
suite's is the gap between its result line and the previous top-level
result's (the report's first line for the first suite): what the console
shows, so it includes the console's own delay, and lines that arrived in one
read share one time."""
import re

from .protocol import REPORT_SENTINEL

RESULT = re.compile(
    r"^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+) (?P<name>[^#]*?)"
    r"(?: # (?P<directive>SKIP|TIMEOUT|XFAIL|ERROR|TODO)\b ?(?P<reason>.*))?$"
)
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")
PLAN = re.compile(r"^(?P<indent> *)1\.\.(?P<n>\d+)$")


class Case:
    def __init__(self, name, status, reason, diags, directive=None, time=None):
        self.name, self.status, self.reason, self.diags = name, status, reason, diags
        self.directive = directive  # SKIP, TIMEOUT, ERROR, ... or None
        self.time = time  # seconds, or None without arrival times


class Suite:
    def __init__(self, name):
        self.name, self.cases, self.status, self.reason, self.diags = name, [], None, "", []
        self.plan, self.directive = None, None
        self.start = self.time = None  # its first line's arrival, and its time (seconds)


class Report:
    def __init__(self):
        self.suites, self.summary, self.complete, self.preamble = [], None, False, []
        self.plan = None

    def inconsistencies(self):
        """Why a report that ends with the sentinel still cannot be trusted:
        plans that disagree with the results, or a summary that disagrees
        with them (a line lost on the way, a suite cut short)."""
        why = []
        if self.plan is None:
            why.append("no top-level plan")
        elif self.plan != len(self.suites):
            why.append(f"plan 1..{self.plan} but {len(self.suites)} top-level results")
        for s in self.suites:
            if s.plan is not None and s.plan != len(s.cases):
                why.append(f"{s.name}: plan 1..{s.plan} but {len(s.cases)} results")
        c = self.counts()
        if self.summary is None:
            why.append("no 'N passed, N failed, N skipped' line")
        elif self.summary != (c["pass"], c["fail"], c["skip"]):
            why.append(
                "summary says %d passed, %d failed, %d skipped; the results say %d, %d, %d"
                % (self.summary + (c["pass"], c["fail"], c["skip"]))
            )
        return why

    def counts(self):
        c = {"pass": 0, "fail": 0, "skip": 0}
        for s in self.suites:
            if not s.cases:
                c[s.status] += 1
            for k in s.cases:
                c[k.status] += 1
        return c


def _status(ok, directive):
    if directive == "SKIP":
        return "skip"
    return "pass" if ok == "ok" else "fail"


def span(lines):
    """(start, stop): the KTAP lines of a console capture are lines[start:stop],
    from the top-level version line to the sentinel."""
    start = None
    for i, line in enumerate(lines):
        line = line.rstrip("\r\n")
        if start is None and line.strip() == "KTAP version 1" and not line.startswith(" "):
            start = i
        if start is not None and line == REPORT_SENTINEL:
            return start, i + 1
    return (start, len(lines)) if start is not None else (0, 0)


def extract(lines):
    """The KTAP lines of a console capture: from the version line to the sentinel."""
    start, stop = span(lines)
    return [line.rstrip("\r\n") for line in lines[start:stop]]


def _gap(t, since):
    return None if t is None or since is None else max(0.0, t - since)


def parse(lines, times=None):
    """The report of KTAP lines; times, if given, are their arrival times."""
    pending: list[str] = []
    rep, current = Report(), None
    times = list(times) if times is not None else [None] * len(lines)
    mark = times[0] if times else None  # where the next suite's time starts
    last = None  # the arrival of the last case result in the current suite
    for line, t in zip(lines, times):
        if line == REPORT_SENTINEL:
            rep.complete = True
            continue
        m = SUMMARY.match(line)
        if m:
            rep.summary = tuple(int(x) for x in m.groups())
            continue
        m = PLAN.match(line)
        if m:
            if not m.group("indent"):
                rep.plan = int(m.group("n"))
            elif current is not None:
                current.plan = int(m.group("n"))
            continue
        m = RESULT.match(line)
        if m:
            depth = len(m.group("indent")) // 2
            st = _status(m.group("ok"), m.group("directive"))
            name, reason = m.group("name").strip(), (m.group("reason") or "").strip()
            if m.group("directive") == "TIMEOUT":
                reason = reason or "timeout"
            if depth >= 1:
                if current is None:
                    current, last = Suite("?"), None
                    current.start = mark
                current.cases.append(
                    Case(
                        name,
                        st,
                        reason,
                        pending,
                        m.group("directive"),
                        _gap(t, last if last is not None else current.start),
                    )
                )
                last = t
            else:
                suite = current if current is not None else Suite(name)
                if current is None:
                    suite.start, suite.diags = (
                        mark,
                        pending,
                    )  # a suite without cases: its diagnostics
                suite.name, suite.status, suite.reason = name, st, reason
                suite.directive, suite.time = m.group("directive"), _gap(t, suite.start)
                rep.suites.append(suite)
                current, mark = None, t
            pending = []
            continue
        s = line.strip()
        if s.startswith("# Subtest:"):
            current, last = Suite(s.split(":", 1)[1].strip()), t  # its first case starts here
            current.start = mark  # the suite's time includes what came before its header
            pending = []
        elif s.startswith("#"):
            pending.append(s[1:].strip())
        if current is None and not rep.suites and s.startswith("#"):
            rep.preamble.append(s)
    return rep
