# SPDX-License-Identifier: MIT
"""The records of a report: every machine-read line, one grammar
(lib/runtime/protocol.h, docs/report-protocol.md):

    # TAG: key=value key=value ... text=free text to the end of the line

The tags and each tag's keys are read from protocol.h's RECORD_<NAME> and
RECORD_<NAME>_KEYS definitions (a KEY is required, KEY? optional,
"subject*" any of SUBJECT_KEYS), so the host has no list of its own. A line
that opens with a declared tag and breaks its declaration raises
RecordError: the harness and the runner disagree, which is the runner's
error to report, never a finding of the platform.
"""
import re
from typing import Dict, List, NamedTuple, Optional, Tuple

from . import protocol

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


class RecordError(protocol.ProtocolError):
    """A line of a declared tag that breaks its declaration: the harness and
    the runner disagree on protocol.h."""


class Spec(NamedTuple):
    tag: str
    required: Tuple[str, ...]
    optional: Tuple[str, ...]
    subject: bool  # any SUBJECT_KEYS may appear


class Record(NamedTuple):
    tag: str
    fields: Dict[str, str]  # values unescaped, in the order written
    text: Optional[str]

    def subject(self) -> Tuple[Tuple[str, str], ...]:
        """The subject fields, in the order written."""
        return tuple((k, v) for k, v in self.fields.items() if k in SUBJECT_KEYS)

    def get(self, key, default=None):
        return self.fields.get(key, default)


def _declarations(values) -> Dict[str, Spec]:
    specs = {}
    for name, value in values.items():
        if not name.startswith("RECORD_") or name.endswith("_KEYS") or name == "RECORD_CUT":
            continue
        keys = values.get(name + "_KEYS")
        if not isinstance(value, str) or not isinstance(keys, str):
            raise protocol.ProtocolError(f"protocol.h: {name} has no string {name}_KEYS beside it")
        required, optional, subject = [], [], False
        for k in keys.split():
            if k == "subject*":
                subject = True
            elif k.endswith("?"):
                optional.append(k[:-1])
            else:
                required.append(k)
        specs[value] = Spec(value, tuple(required), tuple(optional), subject)
    return specs


SUBJECT_KEYS: Tuple[str, ...] = tuple(protocol.VALUES["SUBJECT_KEYS"].split())
SPECS: Dict[str, Spec] = _declarations(protocol.VALUES)
FINDING: str = protocol.VALUES["RECORD_FINDING"]
EVIDENCE: str = protocol.VALUES["RECORD_EVIDENCE"]
CUT: str = protocol.VALUES["RECORD_CUT"]


def unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def escape(value: str) -> str:
    """A value as the harness writes it (record_escape_value): a space, a
    backslash, a control or a non-ASCII character as \\xNN; unescape's inverse."""
    return "".join(
        c if " " < c < "\x7f" and c != "\\" else f"\\x{ord(c) & 0xff:02x}" for c in value
    )


def tag_of(diag: str) -> Optional[str]:
    """The declared tag a diagnostic's text (after "# ") opens with, or None."""
    head, sep, _ = diag.partition(":")
    return head if sep and head in SPECS else None


def parse(diag: str) -> Optional[Record]:
    """The Record of a diagnostic's text (what follows "# "), None when it
    opens with no declared tag; RecordError when it breaks the declaration."""
    tag = tag_of(diag)
    if tag is None:
        return None
    spec = SPECS[tag]
    rest = diag[len(tag) + 1 :]
    text = None
    at = rest.find(" text=")
    if at >= 0:
        rest, text = rest[:at], rest[at + len(" text=") :]
    fields: Dict[str, str] = {}
    for token in rest.split():
        key, eq, value = token.partition("=")
        if not eq or not _KEY.match(key) or not value:
            raise RecordError(f"{tag} record: {token!r} is not key=value")
        allowed = (
            key in spec.required or key in spec.optional or (spec.subject and key in SUBJECT_KEYS)
        )
        if not allowed:
            raise RecordError(f"{tag} record: key {key!r} is not declared for it in protocol.h")
        if key in fields:
            raise RecordError(f"{tag} record: key {key!r} given twice")
        fields[key] = unescape(value)
    wanted = [k for k in spec.required if k != "text"]
    missing = [k for k in wanted if k not in fields]
    if "text" in spec.required and text is None:
        missing.append("text")
    if missing:
        raise RecordError(f"{tag} record: no {', '.join(missing)}")
    if text is not None and "text" not in spec.required and "text" not in spec.optional:
        raise RecordError(f"{tag} record: text= is not declared for it in protocol.h")
    return Record(tag, fields, text)


def of_lines(lines, tag: str) -> List[Record]:
    """Every record of a tag in a report's lines (KTAP diagnostics at any depth)."""
    out = []
    for line in lines:
        s = line.strip()
        if s.startswith("# ") and s[2:].startswith(tag + ":"):
            r = parse(s[2:])
            if r is not None:
                out.append(r)
    return out


def subject_text(subject) -> str:
    """A subject as people read it and as baselines and expect lines write
    it: key=value ..., each value escaped as in the report; "-" for none."""
    return " ".join(f"{k}={escape(v)}" for k, v in subject) or "-"
