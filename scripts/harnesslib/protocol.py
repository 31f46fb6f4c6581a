# SPDX-License-Identifier: MIT
"""What the harness and the runner agree on, read from the guest's own
definition: lib/runtime/protocol.h. Every `#define NAME value` line there
whose value is an integer or a string literal becomes an attribute of this
module (GUEST_EXIT_PASS, GUEST_EXIT_FAIL, GUEST_EXIT_NO_CONSOLE,
GUEST_EXIT_FATAL, REPORT_SENTINEL, RECORD_FINDING, SUBJECT_KEYS, ...), so
that no value is written twice.

A missing or malformed header stops the program with a message naming the
file and the line (exit status 2), not with a traceback; load() raises
ProtocolError for callers that want to handle it.
"""
import re
import sys
from typing import Any

from . import paths, status

# The names the runner relies on; the header must define each.
REQUIRED = {
    "GUEST_EXIT_PASS": int,
    "GUEST_EXIT_FAIL": int,
    "GUEST_EXIT_NO_CONSOLE": int,
    "GUEST_EXIT_FATAL": int,
    "REPORT_SENTINEL": str,
    "RECORD_FINDING": str,
    "RECORD_EVIDENCE": str,
    "SUBJECT_KEYS": str,
    "RECORD_CUT": str,
    "CONSOLE_CONTINUES": str,
    "CONSOLE_LINE_MAX": int,
    "CHECKS_NEVER_KNOWN": str,
    "RECORD_NOT_SELECTED": str,
    "RECORD_LIST_SUITE": str,
    "RECORD_LIST_CASE": str,
    "LIST_DEFAULT": str,
    "LIST_ON_REQUEST": str,
}
# Comments go, string literals stay (a literal may hold "/*").
_LEXEME = re.compile(r'"(?:[^"\\\n]|\\.)*"|/\*.*?\*/|//[^\n]*', re.S)
_DEFINE = re.compile(r"^\s*#\s*define\s+(?P<name>[A-Za-z_]\w*)(?P<rest>.*)$")
_STRING = re.compile(r'^"(?P<body>(?:[^"\\]|\\.)*)"$')
_INT = re.compile(r"^(?P<num>0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*$")
_ESCAPES = {"\\": "\\", '"': '"', "'": "'", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}


class ProtocolError(Exception):
    pass


def _blank_comments(text):
    def keep(m):
        s = m.group(0)
        return s if s.startswith('"') else re.sub(r"[^\n]", " ", s)  # line numbers stay right

    return _LEXEME.sub(keep, text)


def _string(body, where):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            esc = body[i + 1 : i + 2]
            if esc not in _ESCAPES:
                raise ProtocolError(f"{where}: unsupported escape \\{esc} in a string value")
            out.append(_ESCAPES[esc])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse(text, name="protocol.h"):
    """NAME -> int or str for every valued #define of the header text."""
    values = {}
    for n, line in enumerate(_blank_comments(text).splitlines(), 1):
        m = _DEFINE.match(line)
        if not m:
            continue
        where = f"{name}:{n}"
        if m.group("rest")[:1] == "(":
            raise ProtocolError(
                f"{where}: {m.group('name')} is a function-like macro; "
                "keep each definition a plain `#define NAME value` line"
            )
        value = m.group("rest").strip()
        if not value:
            continue  # the include guard
        s, i = _STRING.match(value), _INT.match(value)
        if s:
            values[m.group("name")] = _string(s.group("body"), where)
        elif i:
            values[m.group("name")] = int(
                i.group("num"), 8 if re.match(r"^0[0-7]+$", i.group("num")) else 0
            )
        else:
            raise ProtocolError(
                f"{where}: the value of {m.group('name')} ({value}) is neither an "
                "integer nor a string literal"
            )
    for key, kind in REQUIRED.items():
        if key not in values:
            raise ProtocolError(f"{name}: no `#define {key}` line")
        if not isinstance(values[key], kind):
            raise ProtocolError(
                f"{name}: {key} must be {'an integer' if kind is int else 'a string literal'}"
            )
    return values


def load(path=paths.PROTOCOL_H):
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        raise ProtocolError(f"cannot read {path}: {e.strerror}") from None
    return parse(text, paths.rel(path))


try:
    VALUES = load()
except ProtocolError as e:
    print(
        f"harnesslib.protocol: {e} (the guest/runner protocol header, lib/runtime/protocol.h)",
        file=sys.stderr,
    )
    raise SystemExit(status.USAGE)
globals().update(VALUES)


def __getattr__(name: str) -> Any:
    """Only a name protocol.h does not define gets here (the others were set
    above); it tells a type checker that the header's names are attributes."""
    raise AttributeError(f"lib/runtime/protocol.h defines no {name}")
