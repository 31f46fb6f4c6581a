"""Parse the harness's KTAP v1 stream into suites, cases and diagnostics."""
import re

from .protocol import REPORT_SENTINEL

RESULT = re.compile(r"^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+) (?P<name>[^#]*?)"
                    r"(?: # (?P<directive>SKIP|TIMEOUT|XFAIL|ERROR|TODO)\b ?(?P<reason>.*))?$")
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")
PLAN = re.compile(r"^(?P<indent> *)1\.\.(?P<n>\d+)$")


class Case:
    def __init__(self, name, status, reason, diags):
        self.name, self.status, self.reason, self.diags = name, status, reason, diags


class Suite:
    def __init__(self, name):
        self.name, self.cases, self.status, self.reason, self.diags = name, [], None, "", []
        self.plan = None


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
            why.append("summary says %d passed, %d failed, %d skipped; the results say %d, %d, %d"
                       % (self.summary + (c["pass"], c["fail"], c["skip"])))
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


def extract(lines):
    """The KTAP lines of a console capture: from the version line to the sentinel."""
    out, inside = [], False
    for line in lines:
        line = line.rstrip("\r\n")
        if not inside and line.strip() == "KTAP version 1" and not line.startswith(" "):
            inside = True
        if inside:
            out.append(line)
            if line == REPORT_SENTINEL:
                break
    return out


def parse(lines):
    rep, pending, current = Report(), [], None
    for line in lines:
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
                    current = Suite("?")
                current.cases.append(Case(name, st, reason, pending))
            else:
                suite = current if current is not None else Suite(name)
                suite.name, suite.status, suite.reason = name, st, reason
                rep.suites.append(suite)
                current = None
            pending = []
            continue
        s = line.strip()
        if s.startswith("# Subtest:"):
            current = Suite(s.split(":", 1)[1].strip())
            pending = []
        elif s.startswith("#"):
            pending.append(s[1:].strip())
        if current is None and not rep.suites and s.startswith("#"):
            rep.preamble.append(s)
    return rep
