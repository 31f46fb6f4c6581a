"""Parse the harness's KTAP v1 stream into suites, cases and diagnostics."""
import re

SENTINEL = "# harness: report complete"
RESULT = re.compile(r"^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+) (?P<name>[^#]*?)"
                    r"(?: # (?P<directive>SKIP|TIMEOUT|XFAIL|ERROR|TODO)\b ?(?P<reason>.*))?$")
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed, (\d+) skipped$")


class Case:
    def __init__(self, name, status, reason, diags):
        self.name, self.status, self.reason, self.diags = name, status, reason, diags


class Suite:
    def __init__(self, name):
        self.name, self.cases, self.status, self.reason, self.diags = name, [], None, "", []


class Report:
    def __init__(self):
        self.suites, self.summary, self.complete, self.preamble = [], None, False, []

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
            if line == SENTINEL:
                break
    return out


def parse(lines):
    rep, pending, current = Report(), [], None
    for line in lines:
        if line == SENTINEL:
            rep.complete = True
            continue
        m = SUMMARY.match(line)
        if m:
            rep.summary = tuple(int(x) for x in m.groups())
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
