# SPDX-License-Identifier: MIT
"""What scripts/run shows on the terminal while a run goes and of its suites.

While the run goes: on a terminal, one line rewritten in place (the suite
that runs, how many ended); elsewhere nothing (a log keeps what is printed
once, at the end); --verbose prints the whole report as it comes, --quiet
nothing. Once the report is over, table() prints one line per suite (its
verdict and its cases passed/failed/skipped), the verdict held against the
baseline: a suite whose every failure is a known deviation reads `known`,
never red. The findings follow (findings_view.py), then the verdict,
coloured, last (runner.py).

Colour only on a terminal, and never with NO_COLOR set or TERM=dumb."""
import os
import shutil
import sys

from . import ktap, records
from .findings import UNEXPECTED, is_finding, shown
from .protocol import REPORT_SENTINEL

FAIL = records.FINDING  # the word a finding is shown with
COLOURS = {"red": "31", "green": "32", "yellow": "33", "bold": "1"}
VERDICT_COLOUR = {
    "ok": "green",
    "not ok": "red",
    "known": "yellow",
    "SKIP": "yellow",
    "TIMEOUT": "red",
    "ERROR": "red",
    "XFAIL": "yellow",
    "TODO": "yellow",
}
DEFAULT_WIDTH = 120  # a terminal that will not say its width


def use_colour(stream, environ=None):
    """Colour on a terminal only, and not when NO_COLOR is set (whatever its
    value: https://no-color.org) or the terminal says it is dumb."""
    env = os.environ if environ is None else environ
    if "NO_COLOR" in env or env.get("TERM") == "dumb":
        return False
    return is_tty(stream)


def is_tty(stream):
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def width(stream):
    """The terminal's columns; None when the output is no terminal (a log
    keeps every line whole)."""
    if not is_tty(stream):
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
    except (OSError, ValueError, AttributeError):
        return shutil.get_terminal_size((DEFAULT_WIDTH, 50)).columns


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


class Suite:
    """One suite's result: its verdict (ok, not ok, or its directive), the
    directive's reason, its cases [(name, status, reasons)] and its own
    reasons (those of a suite that failed by itself)."""

    def __init__(self, name, verdict, reason, cases, own):
        self.name, self.verdict, self.reason, self.cases, self.own = (
            name,
            verdict,
            reason,
            cases,
            own,
        )

    def count(self, status):
        return sum(1 for c in self.cases if c[1] == status)


class Progress:
    """Called with each console line the platform's transform keeps; end()
    once the platform stopped, then table() prints the suites."""

    def __init__(self, quiet, verbose, out=None, colour=None):
        self.quiet, self.verbose, self.inside = quiet, verbose, False
        self.out = out or sys.stdout
        self.colour = use_colour(self.out) if colour is None else colour
        # The line in place: a terminal's, and like colour not with NO_COLOR or TERM=dumb.
        self.live = not quiet and not verbose and use_colour(self.out)
        self.diags = []  # the diagnostics since the last result
        self.cases = []  # (name, status, lines) of the suite that runs
        self.suites: list[Suite] = []
        self.running = None  # the suite that began and has no result yet
        self.shown_live = False

    def print(self, text):
        print(text, file=self.out, flush=True)

    def __call__(self, line):
        if self.verbose:
            self.inside = self.inside or line == "KTAP version 1"
            if self.inside:
                self.print(line)
            self.inside = self.inside and line != REPORT_SENTINEL
        self.take(line)

    def status_line(self):
        """The one line a terminal shows while the run goes, rewritten in place."""
        if not self.live:
            return
        done = len(self.suites)
        text = f"{done} suite{'s' if done != 1 else ''} ended; running: {self.running or '-'}"
        self.out.write("\r\033[K" + text)
        self.out.flush()
        self.shown_live = True

    def end(self):
        """The run is over: the line in place goes, so that nothing stays twice."""
        if self.shown_live:
            self.out.write("\r\033[K")
            self.out.flush()
            self.shown_live = False

    def take(self, line):
        s = line.strip()
        if line == "KTAP version 1":
            self.diags, self.cases = [], []
            return
        if line.startswith("  # Subtest:"):  # a suite begins (a case's subtest is deeper)
            self.running = s[len("# Subtest:") :].strip()
            self.status_line()
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
        self.suites.append(Suite(name, directive or m.group("ok"), reason, self.cases, own))
        self.running = None
        self.status_line()
        self.diags, self.cases = [], []

    def failed(self):
        """[(suite, case or None, reasons)] of each failed case, and of each
        suite that failed by itself."""
        out = []
        for s in self.suites:
            out += [(s.name, c, lines) for c, st, lines in s.cases if st == "fail"]
            if s.verdict not in ("ok", "SKIP") and not any(c[1] == "fail" for c in s.cases):
                out.append((s.name, None, s.own))
        return out

    def table(self, known=frozenset()):
        """One line per suite. known: the SUITE and SUITE/CASE names the
        baseline knows wholly (baseline_check.Judgement.known_wheres)."""
        if self.quiet:
            return
        w = max([12] + [len(s.name) for s in self.suites])
        for s in self.suites:
            verdict = s.verdict
            if verdict == "not ok" and s.name in known:
                verdict = "known"
            shown_v = paint(f"{verdict:<7}", VERDICT_COLOUR.get(verdict), self.colour)
            text = f"  {s.name:<{w}} {shown_v}"
            if s.cases:
                nknown = sum(1 for c in s.cases if c[1] == "fail" and f"{s.name}/{c[0]}" in known)
                failed = f"{s.count('fail')} failed" + (
                    f" ({'all' if nknown == s.count('fail') else nknown} known)" if nknown else ""
                )
                text += f" {s.count('pass')} passed, {failed}, {s.count('skip')} skipped"
            if s.verdict == "SKIP" and s.reason:
                text += f" ({s.reason})" if s.cases else f" {s.reason}"
            self.print(text.rstrip())
        if self.running:  # the report stopped inside it
            self.print(f"  {self.running:<{w}} {paint('cut    ', 'red', self.colour)} no result")
