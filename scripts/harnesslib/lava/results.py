# SPDX-License-Identifier: MIT
"""What LAVA recorded, held against the KTAP report in the serial output LAVA
itself captured.

lava-run's log is one entry a line, `{"dt": ..., "lvl": ..., "msg": ...}`:
`lvl: target` lines are the console, `lvl: results` lines the recorded cases
(per-case results are written nowhere else). Most lines are JSON; a few carry
YAML tags (`"size": ! "213904"`), so a line JSON refuses is read as YAML.

The expected cases are the report's result lines in order, read the way the
runner reads them (the platform's console transform, then ktap.py), each
named the way LAVA names a case (lowercased, every run of \\W made one `_`).
"""
import json
import re

from .. import ktap
from ..lava.job import MONITOR


class LogError(Exception):
    pass


def read_log(path):
    """[(line number, lvl, msg)] of a lava-run log."""
    entries = []
    try:
        f = open(path, errors="replace")
    except OSError as e:
        raise LogError(f"cannot read {path}: {e.strerror}")
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                entry = _yaml_line(line, path, n)
            if not isinstance(entry, dict) or "lvl" not in entry:
                raise LogError(f"{path}:{n}: not a log entry: {line.strip()[:120]}")
            entries.append((n, entry["lvl"], entry.get("msg")))
    return entries


def _yaml_line(line, path, n):
    try:
        import yaml
    except ImportError:
        raise LogError(
            f"{path}:{n}: a line that is not JSON, and no python3-yaml to read it "
            "(scripts/setup installs it)"
        )
    try:
        return yaml.safe_load(line)
    except yaml.YAMLError as e:
        raise LogError(f"{path}:{n}: neither JSON nor YAML: {str(e).splitlines()[0]}")


def console(entries):
    """The console lines LAVA captured."""
    return [msg if isinstance(msg, str) else str(msg) for _, lvl, msg in entries if lvl == "target"]


def recorded(entries, definition=MONITOR):
    """([(case, result)] LAVA recorded under the monitor's suite, in order;
    {case: result} of LAVA's own suite: lava-test-monitor, job, ...)."""
    cases, own = [], {}
    for _, lvl, msg in entries:
        if lvl != "results" or not isinstance(msg, dict):
            continue
        if msg.get("definition") == definition:
            cases.append((str(msg.get("case")), str(msg.get("result"))))
        elif msg.get("definition") == "lava":
            own[str(msg.get("case"))] = (
                str(msg.get("result")),
                msg.get("error_type") or (msg.get("extra") or {}).get("error_type"),
            )
    return cases, own


def lava_case_id(name):
    """LAVA's name for a case (lava_dispatcher's monitor: strip, lower, \\W+ -> _)."""
    return re.sub(r"\W+", "_", name.strip().lower())


def report(lines, transform):
    """The KTAP report in console lines, through the platform's transform
    (Xen's prefixes and split lines), as the runner reads it."""
    guest = []
    for line in lines:
        text = transform(line.rstrip("\r\n"))
        if text is not None:
            guest.append(text.rstrip("\r"))
    return ktap.parse(ktap.extract(guest))


def expected(rep):
    """[(LAVA case id, result)] of a report's result lines, in their order:
    each suite's cases, then the suite's own line."""
    out = []
    for s in rep.suites:
        out += [(lava_case_id(c.name), c.status) for c in s.cases]
        out.append((lava_case_id(s.name), s.status))
    return out


def compare(want, got):
    """The differences between the report's cases (want) and LAVA's (got),
    each a line; none when LAVA recorded exactly the same cases, in the same
    order, with the same results."""
    import difflib

    problems = []
    sm = difflib.SequenceMatcher(a=[c for c, _ in want], b=[c for c, _ in got], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            for (case, r1), (_, r2) in zip(want[i1:i2], got[j1:j2]):
                if r1 != r2:
                    problems.append(f"case {case}: the report says {r1}, LAVA recorded {r2}")
            continue
        for case, r in want[i1:i2]:
            problems.append(f"case {case} ({r}): in the report, not recorded by LAVA")
        for case, r in got[j1:j2]:
            problems.append(f"case {case} ({r}): recorded by LAVA, not in the report")
    if len(want) != len(got):
        problems.append(f"LAVA recorded {len(got)} cases, the report has {len(want)}")
    return problems
