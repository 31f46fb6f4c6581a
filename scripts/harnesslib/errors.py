# SPDX-License-Identifier: MIT
"""The ways the runner's programs stop before or while starting a platform,
one type per kind, each with its exit status (status.py): a bad option or
input file (usage, 2), a missing tool (8), a platform that would not start
(6). Each is one line for the user; nothing that reaches the user is a
traceback. Elsewhere: protocol.ProtocolError (harness and runner disagree:
protocol.h itself, or a record that breaks it, records.RecordError), and the
parse errors of the runner's own files (baseline, matrix, test specs)."""
from . import status


class RunError(Exception):
    status = status.CRASH


class UsageError(RunError):
    """A bad option, a missing input file, a combination the runner refuses."""

    status = status.USAGE


class OptionError(UsageError):
    """One option's value outside what the runner accepts, said as
    `--OPT VALUE: why; accepted: range` (options/parse.py builds every one)."""

    def __init__(self, opt, value, why, accepted):
        self.opt, self.value, self.why, self.accepted = opt, value, why, accepted
        shown = opt if value is None else f"{opt} {value if value else repr(value)}"
        super().__init__(f"{shown}: {why}; accepted: {accepted}")


class InputError(UsageError):
    """A file the user named (a run's folder, a bench.json) that the tool
    cannot read as what it should be."""


class SetupError(RunError):
    """A tool the run needs is not installed."""

    status = status.SETUP


class PlatformError(RunError):
    """The platform (QEMU, or the QEMU that boots Xen) failed to start; the
    message quotes its own error line."""

    status = status.CRASH


def first_line(text, default=""):
    """The first non-empty line of a tool's message (its error, usually)."""
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return default
