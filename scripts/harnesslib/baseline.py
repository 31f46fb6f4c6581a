"""A platform's baseline: its known deviations, read from a line-oriented
file (the format is in tests/baselines/README.md):

    case SUITE/CASE          an entry: the case its findings belong to
                             (SUITE alone: the suite's own findings)
      when KEY=VALUE         only on runs where this holds (WHEN_KEYS)
      finding TEXT           one finding, the text after "# FAIL: "; {hex}
                             and {num} stand for a value (findings.py)
      reason TEXT            why the platform does this
      reference TEXT         the spec section, the platform's source or change

An entry has one or more finding lines, one reason and one or more reference
lines; `#` lines and blank lines are comments. Every mistake is a
BaselineError that names the file and line.
"""
import os
import re

from . import paths
from .findings import PLACEHOLDERS

# What a `when` may test: the run's facts (baseline_check.facts) and their values.
WHEN_KEYS = {
    "gic": ("2", "3"),        # the GIC version the platform was booted with (--gic)
    "vpl011": ("yes", "no"),  # Xen: the domU has its emulated UART (not --no-vpl011)
}
KEYWORDS = ("case", "when", "finding", "reason", "reference")
CASE = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?$")
_TEMPLATE_PART = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]|[^{}]+")


class BaselineError(Exception):
    pass


class Template:
    """A finding line: matches a finding's whole text, each placeholder
    exactly one value of its kind, everything else literally."""

    def __init__(self, text, where):
        parts = []
        for m in _TEMPLATE_PART.finditer(text):
            tok = m.group(0)
            if tok in ("{{", "}}"):
                parts.append(re.escape(tok[0]))
            elif m.group(1) is not None:
                if m.group(1) not in PLACEHOLDERS:
                    raise BaselineError(f"{where}: unknown placeholder {tok} (known: "
                                        + ", ".join("{%s}" % k for k in PLACEHOLDERS)
                                        + "; a literal brace is written {{ or }})")
                parts.append(f"(?:{PLACEHOLDERS[m.group(1)]})")
            elif tok in ("{", "}"):
                raise BaselineError(f"{where}: a lone {tok!r}: a placeholder is {{hex}} or {{num}}, "
                                    "a literal brace is written {{ or }}")
            else:
                parts.append(re.escape(tok))
        self.text, self.regex = text, re.compile("".join(parts))

    def matches(self, finding_text):
        return self.regex.fullmatch(finding_text) is not None


class Entry:
    def __init__(self, suite, case, where):
        self.suite, self.case, self.where = suite, case, where
        self.when = {}        # KEY -> VALUE
        self.findings = []    # (Template, "file:line")
        self.reason = None
        self.references = []

    def applies(self, facts):
        return all(facts.get(k) == v for k, v in self.when.items())


class Baseline:
    def __init__(self, path, entries):
        self.path, self.entries = path, entries


def parse(text, name):
    """The Baseline in a file's text; name is how errors name the file."""
    entries = []
    seen = {}  # (suite, case, finding text) -> where it was first given

    def close(e):
        if e is None:
            return
        for what, ok in (("finding", e.findings), ("reason", e.reason), ("reference", e.references)):
            if not ok:
                raise BaselineError(f"{e.where}: the entry for {e.suite}{'/' + e.case if e.case else ''} "
                                    f"has no {what} line")
        entries.append(e)

    e = None
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{name}:{n}"
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(" ")
        value = value.strip()
        if key not in KEYWORDS:
            raise BaselineError(f"{where}: unknown keyword {key!r} (known: {', '.join(KEYWORDS)})")
        if not value:
            raise BaselineError(f"{where}: {key} needs a value")
        if key == "case":
            close(e)
            if not CASE.match(value):
                raise BaselineError(f"{where}: case takes SUITE or SUITE/CASE, not {value!r}")
            suite, _, case = value.partition("/")
            e = Entry(suite, case or None, where)
            continue
        if e is None:
            raise BaselineError(f"{where}: {key} before any 'case' line")
        if key == "when":
            k, eq, v = value.partition("=")
            if not eq or k not in WHEN_KEYS or v not in WHEN_KEYS[k]:
                raise BaselineError(f"{where}: when takes KEY=VALUE, one of "
                                    + ", ".join(f"{k}={'|'.join(vs)}" for k, vs in WHEN_KEYS.items()))
            if k in e.when:
                raise BaselineError(f"{where}: a second 'when {k}=' in one entry")
            e.when[k] = v
        elif key == "finding":
            dup = seen.get((e.suite, e.case, value))
            if dup:
                raise BaselineError(f"{where}: the same finding as {dup}")
            seen[(e.suite, e.case, value)] = where
            e.findings.append((Template(value, where), where))
        elif key == "reason":
            if e.reason is not None:
                raise BaselineError(f"{where}: a second reason in one entry")
            e.reason = value
        else:
            e.references.append(value)
    close(e)
    return Baseline(name, entries)


def shown(path):
    """A path as the user reads it: relative to the repository when inside it."""
    rel = os.path.relpath(os.path.abspath(path), paths.ROOT)
    return path if rel.startswith("..") else rel


def load(path):
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        raise BaselineError(f"{shown(path)}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{shown(path)}: not a text file") from None
    return parse(text, shown(path))
