# SPDX-License-Identifier: MIT
"""What scripts/run shows on the terminal: while a run goes, one line per
suite as it ends (its verdict and its cases passed/failed/skipped), or the
whole report (--verbose), or nothing (--quiet); after the report, every
failure grouped by suite with its findings (FAIL records, records.py),
each shown as "FAIL: CHECK key=value ...: TEXT" (the exception or timeout
lines of a case that failed without one), never the case's other
diagnostics. Colour only on a terminal, and never with NO_COLOR set."""
import os
import sys

from . import ktap, records
from .findings import UNEXPECTED, is_finding, shown
from .protocol import REPORT_SENTINEL

FAIL = records.FINDING  # the word a finding is shown with
MAX_LINES = 10  # a failed case's lines shown; the rest are counted
COLOURS = {"red": "31", "green": "32", "yellow": "33"}
VERDICT_COLOUR = {
    "ok": "green",
    "not ok": "red",
    "SKIP": "yellow",
    "TIMEOUT": "red",
    "ERROR": "red",
    "XFAIL": "yellow",
    "TODO": "yellow",
}


def use_colour(stream, environ=None):
    """Colour on a terminal only, and not when NO_COLOR is set (whatever its
    value: https://no-color.org) or the terminal says it is dumb."""
    env = os.environ if environ is None else environ
    if "NO_COLOR" in env or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text, colour, on):
    return f"\033[{COLOURS[colour]}m{text}\033[0m" if on and colour else text


def reasons(diags, directive=None, reason=None):
    """What a failed case's diagnostics say of its failure: its findings;
    without any, its unexpected exception (the record's text and the two
    lines unexpected.c prints after it), watchdog, fatal and TIMEOUT lines."""
    fails = [f"{FAIL}: {shown(d)}" for d in diags if is_finding(d)]
    if fails:
        return fails
    out = []
    for i, d in enumerate(diags):
        if records.tag_of(d) == UNEXPECTED:
            try:
                r = records.parse(d)
                assert r is not None  # a declared tag
                head = r.text or d
            except records.RecordError:
                head = d
            out += [x for x in [head] + diags[i + 1 : i + 3] if x not in out]
        elif d.startswith(("watchdog:", "fatal:")) and d not in out:
            out.append(d)
    if directive in ("TIMEOUT", "ERROR"):
        out.append(f"{directive}: {reason}".rstrip(": ") if reason else directive)
    return out


class Progress:
    """Called with each console line the platform's transform keeps; then
    summary() prints the failures once the report is over."""

    def __init__(self, quiet, verbose, out=None, colour=None):
        self.quiet, self.verbose, self.inside = quiet, verbose, False
        self.out = out or sys.stdout
        self.colour = use_colour(self.out) if colour is None else colour
        self.diags = []  # the diagnostics since the last result
        self.cases = []  # (name, status, lines) of the suite that runs
        self.failed = (
            []
        )  # (suite, verdict, its own lines, [(case, lines)]) of each suite with a failure

    def print(self, text):
        print(text, file=self.out, flush=True)

    def __call__(self, line):
        if self.verbose:
            self.inside = self.inside or line == "KTAP version 1"
            if self.inside:
                self.print(line)
            self.inside = self.inside and line != REPORT_SENTINEL
        self.take(line)

    def take(self, line):
        s = line.strip()
        if line == "KTAP version 1":
            self.diags, self.cases = [], []
            return
        if s.startswith("#"):
            if not s.startswith("# Subtest:") and s != REPORT_SENTINEL:
                self.diags.append(s[1:].strip())
            return
        m = ktap.RESULT.match(line.rstrip())
        if not m:
            return
        name, directive, reason = m.group("name").strip(), m.group("directive"), m.group("reason")
        st = ktap._status(m.group("ok"), directive)
        if m.group("indent"):
            lines = reasons(self.diags, directive, reason) if st == "fail" else []
            self.cases.append((name, st, lines))
            self.diags = []
            return
        own = reasons(self.diags, directive, reason) if st == "fail" else []
        failed = [(n, lines) for n, s2, lines in self.cases if s2 == "fail"]
        if st == "fail" or failed:
            self.failed.append((name, directive or m.group("ok"), own, failed))
        if not self.quiet and not self.verbose:
            self.suite_line(name, directive or m.group("ok"), reason)
        self.diags, self.cases = [], []

    def suite_line(self, name, verdict, reason):
        shown = paint(f"{verdict:<7}", VERDICT_COLOUR.get(verdict), self.colour)
        text = f"  {name:<12} {shown}"
        if self.cases:
            n = {k: sum(1 for c in self.cases if c[1] == k) for k in ("pass", "fail", "skip")}
            text += f" {n['pass']} passed, {n['fail']} failed, {n['skip']} skipped"
        if verdict == "SKIP" and reason:
            text += f" ({reason})" if self.cases else f" {reason}"
        self.print(text.rstrip())

    def summary(self, known=frozenset()):
        """Every failure, grouped by suite: each failed case with its reasons
        (at most MAX_LINES of them, whole lines, then how many more). known:
        the SUITE and SUITE/CASE names the baseline knows, marked known."""
        if self.quiet or not self.failed:
            return
        red = lambda t: paint(t, "red", self.colour)
        total = sum(len(cases) or 1 for _, _, _, cases in self.failed)
        nknown = sum(
            sum(f"{s}/{c}" in known for c, _ in cases) or (not cases and s in known)
            for s, _, _, cases in self.failed
        )
        self.print(
            f"failures ({total} in {len(self.failed)} suite{'s' if len(self.failed) > 1 else ''}"
            + (f"; {nknown} known to the baseline" if nknown else "")
            + "):"
        )
        for suite, verdict, own, cases in self.failed:
            self.print(
                f"  {suite}: {red(verdict)}"
                + (f", {len(cases)} failed case{'s' if len(cases) > 1 else ''}" if cases else "")
                + (" (known)" if suite in known else "")
            )
            self.lines(own, "    ", "yellow" if suite in known else "red")
            for case, lines in cases:
                is_known = f"{suite}/{case}" in known
                mark = paint("known", "yellow", self.colour) if is_known else red("not ok")
                self.print(f"    {mark} {case}")
                if lines:
                    self.lines(lines, "      ", "yellow" if is_known else "red")
                else:
                    self.print("      (no FAIL line; see ktap.txt)")

    def lines(self, lines, indent, colour="red"):
        for text in lines[:MAX_LINES]:
            if text.startswith(FAIL + ": "):
                text = red_head(text, self.colour, colour)
            self.print(indent + text)
        if len(lines) > MAX_LINES:
            self.print(f"{indent}... {len(lines) - MAX_LINES} more")


def red_head(text, on, colour="red"):
    head, sep, rest = text.partition(":")
    return paint(head, colour, on) + sep + rest
