"""What scripts/run shows on the terminal while a run goes: each suite's
verdict as it arrives with the reasons of failed cases, the whole report
(--verbose), or nothing (--quiet)."""
import sys

from . import ktap
from .protocol import REPORT_SENTINEL


class Progress:
    """Called with each console line the platform's transform keeps."""

    def __init__(self, quiet, verbose):
        self.quiet, self.verbose, self.fails, self.inside = quiet, verbose, [], False

    def __call__(self, line):
        if self.verbose:
            self.inside = self.inside or line == "KTAP version 1"
            if self.inside:
                print(line, flush=True)
            self.inside = self.inside and line != REPORT_SENTINEL
            return
        if self.quiet:
            return
        s = line.strip()
        if s.startswith("#"):
            self.fails.append(s[2:])
        m = ktap.RESULT.match(line)
        if m and len(m.group("indent")) == 2 and m.group("ok") == "not ok":
            print(f"    not ok {m.group('name').strip()}" + "".join(f"\n      {f}" for f in self.fails[-6:]))
        if m and len(m.group("indent")) >= 2:
            self.fails = []
        if m and not m.group("indent"):
            verdict = m.group("directive") or m.group("ok")
            print(f"  {m.group('name').strip():<12} {verdict} {m.group('reason') or ''}".rstrip())
            sys.stdout.flush()
