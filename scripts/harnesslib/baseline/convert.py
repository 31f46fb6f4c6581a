# SPDX-License-Identifier: MIT
"""scripts/convert-baseline OLD RUN... : a baseline of the old text form (a
finding was its whole text, `{hex}` and `{num}` standing for values) turned
into identities (entries.py), by the runs that show its findings.

usage: scripts/convert-baseline [--out FILE] OLD_BASELINE RUN_DIR...

Each old `finding TEXT` line is matched, as the runner of that form matched
it, against the findings of its case in every RUN_DIR's ktap.txt; the
identities of the findings it matched become `finding CHECK KEY=VALUE ...`
lines, each followed by its old wording as a `text` line. A subject value
that differs between the findings one line matched (a transport's node in
two configs, say) becomes `*`. `case`, `when`, `reason` and `reference`
lines and comments are kept as they are. A line no run matches is kept as
a comment, said on stderr, and the exit status is 1: run the configs that
show it and convert again. The result is checked by entries.py before it is
written (to FILE, or standard output).

Exit status: 0 every finding line converted; 1 some not; 2 bad input.
"""
import argparse
import os
import re
import sys

from .. import findings
from ..errors import InputError
from . import entries

_TEMPLATE = re.compile(r"\{\{|\}\}|\{(hex|num)\}|[^{}]+|[{}]")
_VALUES = {"hex": r"0x[0-9a-fA-F]+", "num": r"[0-9]+"}


def old_pattern(text, where):
    """The regex of an old finding text ({hex}, {num}; {{ and }} literal braces)."""
    parts = []
    for m in _TEMPLATE.finditer(text):
        tok = m.group(0)
        if tok in ("{{", "}}"):
            parts.append(re.escape(tok[0]))
        elif m.group(1):
            parts.append(f"(?:{_VALUES[m.group(1)]})")
        elif tok in ("{", "}"):
            raise InputError(f"{where}: a lone {tok!r} in an old finding text")
        else:
            parts.append(re.escape(tok))
    return re.compile("^" + "".join(parts) + "$")


def run_findings(run_dirs):
    """Every finding of every run, from each RUN_DIR's ktap.txt."""
    out = []
    for d in run_dirs:
        path = os.path.join(d, "ktap.txt") if os.path.isdir(d) else d
        try:
            with open(path, errors="replace") as f:
                out += findings.read(f.read().splitlines()).findings()
        except OSError as e:
            raise InputError(f"{path}: {e.strerror} (a scripts/run output folder holds ktap.txt)")
    return out


def identity_line(matched):
    """`CHECK key=value ...` covering the findings one old line matched, or
    None when they are of several checks or subject shapes."""
    shapes = {(f.check, tuple(k for k, _ in f.subject)) for f in matched}
    if len(shapes) != 1:
        return None
    (check, keys) = shapes.pop()
    fields = []
    for i, k in enumerate(keys):
        values = {f.subject[i][1] for f in matched}
        fields.append(f"{k}={values.pop() if len(values) == 1 else '*'}")
    return " ".join([check] + fields)


def convert(text, name, found):
    """The converted baseline's text, and the old lines no run showed."""
    out, missed, case = [], [], None
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{name}:{n}"
        word, _, value = raw.strip().partition(" ")
        if word == "case":
            suite, _, c = value.strip().partition("/")
            case = (suite, c or None)
        if word != "finding":
            out.append(raw)
            continue
        indent = raw[: len(raw) - len(raw.lstrip())]
        pattern = old_pattern(value.strip(), where)
        matched = [f for f in found if (f.suite, f.case) == case and pattern.match(f.text)]
        ids = []
        for f in matched:  # one identity line per check and subject shape, in report order
            same = [
                g
                for g in matched
                if (g.check, [k for k, _ in g.subject]) == (f.check, [k for k, _ in f.subject])
            ]
            line = identity_line(same)
            if line and line not in ids:
                ids.append(line)
        if not ids:
            missed.append(f"{where}: no run shows {value.strip()!r}")
            out.append(f"{indent}# not converted (no run showed it): finding {value.strip()}")
            continue
        for line in ids:
            out += [f"{indent}finding {line}", f"{indent}  text {value.strip()}"]
    return "\n".join(out) + "\n", missed


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/convert-baseline",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--out", metavar="FILE", help="write the result here (default: standard output)"
    )
    ap.add_argument("old", metavar="OLD_BASELINE")
    ap.add_argument(
        "runs",
        metavar="RUN_DIR",
        nargs="+",
        help="scripts/run output folders (or ktap.txt files) that show the findings",
    )
    a = ap.parse_args(argv)
    try:
        with open(a.old) as f:
            text = f.read()
        new, missed = convert(text, a.old, run_findings(a.runs))
        entries.parse(new, a.out or "<converted>")
    except (OSError, UnicodeDecodeError) as e:
        print(
            f"scripts/convert-baseline: {a.old}: {getattr(e, 'strerror', None) or e}",
            file=sys.stderr,
        )
        return 2
    except (InputError, entries.BaselineError) as e:
        print(f"scripts/convert-baseline: {e}", file=sys.stderr)
        return 2
    if a.out:
        with open(a.out, "w") as f:
            f.write(new)
    else:
        sys.stdout.write(new)
    for m in missed:
        print(f"scripts/convert-baseline: {m}: kept as a comment", file=sys.stderr)
    return 1 if missed else 0
