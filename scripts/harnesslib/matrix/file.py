# SPDX-License-Identifier: MIT
"""A matrix file: the configurations `scripts/run --matrix FILE` runs, one a
line (the format is in tests/matrix/README.md):

    # a comment; blank lines too
    NAME  OPTION...      a config: its name, then scripts/run options (shell-quoted)

A NAME is letters, digits, `-` and `_` (it names the config's folder) and is
given once. The options are scripts/run's, checked by the same checks as a
single run (options/parse.py, baseline_run.prepare) before any config starts;
those the matrix sets itself (--out, --junit) or that make no sense in it
(--dry-run, --quiet, -v, --matrix, -j, --list) are refused. Every mistake names the
file and line; load() reports them all, one a line.
"""
import re
import shlex

from ..baseline import run as baseline_run
from ..options import parse as options
from ..errors import UsageError

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")
# Options a line may not give, and why.
REFUSED = {
    "--out": "the matrix gives each config its folder (--out of the matrix/NAME)",
    "--junit": "the matrix writes matrix-junit.xml, and each config its own junit.xml",
    "--dry-run": "scripts/run --matrix FILE --dry-run checks every line",
    "--quiet": "the matrix keeps each config's output in NAME.log",
    "-v": "the matrix keeps each config's output in NAME.log",
    "--verbose": "the matrix keeps each config's output in NAME.log",
    "--matrix": "a matrix does not nest",
    "--list": "a listing runs no case: scripts/run --list alone",
    "-j": "-j is the matrix's own option",
    "--jobs": "--jobs is the matrix's own option",
    "-h": "not in a matrix file",
    "--help": "not in a matrix file",
}


class MatrixError(UsageError):
    """One or more bad lines of a matrix file, each `file:line: why`."""


class Config:
    def __init__(self, name, argv, where):
        self.name, self.argv, self.where = name, argv, where
        self.args = None  # the checked options (options.parse), once checked
        self.known = None  # the baseline read before the run (baseline_run.prepare)

    def __repr__(self):
        return f"Config({self.name!r}, {self.argv!r}, {self.where!r})"


def parse(text, shown):
    """[Config] from the file's text (the options not yet checked), and the
    problems found, each `shown:line: why`."""
    configs: list[Config] = []
    problems: list[str] = []
    seen: dict[str, str] = {}  # config name -> where it was first given
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{shown}:{n}"
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError as e:
            problems.append(f"{where}: {str(e).lower()} (a line is shell-quoted)")
            continue
        name, argv = words[0], words[1:]
        if not NAME.match(name):
            shown_name = (
                repr(name) if len(name) <= 80 else f"{name[:40]!r}... ({len(name)} characters)"
            )
            problems.append(
                f"{where}: config name {shown_name}: letters, digits, - and _ only, "
                "starting with a letter or digit, at most 80 (it names a folder)"
            )
            continue
        if name in seen:
            problems.append(f"{where}: config name {name!r} is given twice (first at {seen[name]})")
            continue
        seen[name] = where
        refused = next((w for w in argv if w.split("=", 1)[0] in REFUSED), None)
        if refused:
            flag = refused.split("=", 1)[0]
            problems.append(f"{where}: {name}: {flag}: not in a matrix line: {REFUSED[flag]}")
            continue
        configs.append(Config(name, argv, where))
    if not configs and not problems:
        problems.append(f"{shown}: no config (a line is NAME OPTION...; # starts a comment)")
    return configs, problems


def check(configs, common):
    """Check each config's options as scripts/run would (common: the
    matrix's own options every line gets first, a line's own win); sets
    config.args and config.known. Returns the problems, each `file:line: ...`."""
    problems = []
    for c in configs:
        try:
            c.args = options.parse(common + c.argv, "")
            c.known = baseline_run.prepare(c.args)
        except UsageError as e:  # OptionError, a bad baseline file
            problems.append(f"{c.where}: {c.name}: {e}")
    return problems


def load(path, shown, common):
    """The checked configs of a matrix file, or MatrixError with every problem."""
    try:
        with open(path, encoding="utf-8-sig") as f:  # an editor's byte order mark is no name's
            text = f.read()
    except OSError as e:
        raise MatrixError(f"--matrix {shown}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise MatrixError(f"--matrix {shown}: not a text file") from None
    if "\0" in text:
        raise MatrixError(f"--matrix {shown}: not a text file (it holds a NUL byte)")
    configs, problems = parse(text, shown)
    problems += check(configs, common)
    if problems:
        raise MatrixError("\n".join(problems))
    return configs
