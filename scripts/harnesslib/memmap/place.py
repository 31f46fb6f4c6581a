# SPDX-License-Identifier: MIT
"""Every suite's findings on the guest memory map (memmap/report.py): the
address or documented region each FAIL record of the report is about, and
whether the run's baseline knows it.

A finding is placed by its subject fields (records.py; never by its text),
by the first rule that applies:
  - the memmap suite's own: its region= (the documented region it lies in);
    else its addr=, else the base of its range=, else its node= as below;
  - another suite's: the mmio suite's node= and part=, where the
    mmio-target record of that part puts its registers; else its addr=;
    else the base of its range=; else its node=: the node's first reg (a
    memmap-dt record), or its unit address when the memmap suite did not
    list it.
Anything else (a GIC finding about an SGI, a timer's frequency) belongs to
no region: the picture counts and lists it apart. A number in a finding's
text is never taken for an address: there it may be a value (a
register's, an ESR).
"""
import re

from .. import findings, records

UNIT = re.compile(r"@([0-9a-fA-F]+)$")
TARGET = records.protocol.VALUES["RECORD_MMIO_TARGET"]
DT = records.protocol.VALUES["RECORD_MEMMAP_DT"]

KNOWN, NEW, UNJUDGED = "known", "new", "unjudged"


class Placed:
    """One finding: where in the report (suite, case), its check, subject
    and text, its baseline status (KNOWN, NEW or UNJUDGED without a
    baseline) and note, and where on the map: an address, or a region's
    name, or neither; how says which rule placed it."""

    def __init__(self, f, status, note):
        self.suite, self.case, self.text, self.where = f.suite, f.case, f.text, f.where
        self.check, self.subject = f.check, f.subject
        self.status, self.note = status, note
        self.addr = self.region = None
        self.how = "names no address or region"

    def field(self, key):
        return dict(self.subject).get(key)

    def line(self):
        """The finding as one line: where, text, and the baseline's word."""
        return f"{self.where}: {self.text}" + (f" [{self.note}]" if self.note else "")


def _key(item):
    """What a judgement's item and a finding share: the identity when the
    item has one, else where and text."""
    identity = getattr(item, "identity", None)
    return identity if identity is not None else (item.where, item.text)


def judged(held):
    """key (_key) -> (status, note) from a baseline_run.Held, {} without."""
    if held is None:
        return {}
    j = held.judgement
    out = {_key(k): (KNOWN, f"known deviation: {k.entry.reason} ({k.at})") for k in j.known}
    out.update({_key(n): (NEW, f"new: not in {held.path}") for n in j.new if _key(n) not in out})
    return out


def _base(rng):
    """The base of a range= value (0xBASE+0xSIZE), or None."""
    base, plus, _ = (rng or "").partition("+")
    try:
        return int(base, 16) if plus else None
    except ValueError:
        return None


def _number(value):
    try:
        return int(value, 16)
    except (TypeError, ValueError):
        return None


def _lines_facts(ktap_lines):
    """(node, part) -> base of the part's reg (mmio-target); node -> its first reg (memmap-dt)."""
    targets: dict[tuple[str | None, str | None], int] = {}
    nodes: dict[str | None, int] = {}
    for r in records.of_lines(ktap_lines, TARGET):
        base = _base(r.get("range"))
        if base is not None:
            targets.setdefault((r.get("node"), r.get("part")), base)
    for r in records.of_lines(ktap_lines, DT):
        base = _base(r.get("reg"))
        if base is not None:
            nodes.setdefault(r.get("node"), base)
    return targets, nodes


def _place_node(p, nodes):
    node = p.field("node")
    if not node:
        return False
    if node in nodes:
        p.addr, p.how = nodes[node], f"node {node} (its first reg)"
        return True
    m = UNIT.search(node)
    if m:
        p.addr, p.how = int(m.group(1), 16), f"node {node} (its unit address)"
        return True
    return False


def _place_addr(p):
    a = _number(p.field("addr"))
    if a is not None:
        p.addr, p.how = a, f"addr={p.field('addr')}"
        return True
    b = _base(p.field("range"))
    if b is not None:
        p.addr, p.how = b, f"range={p.field('range')}"
        return True
    return False


def _place_memmap(p, nodes, region_names):
    region = p.field("region")
    if region and region != "-" and (not region_names or region in region_names):
        p.region, p.how = region, f"region={region}"
        return True
    return _place_addr(p) or _place_node(p, nodes)


def _place_other(p, targets, nodes):
    node, part = p.field("node"), p.field("part")
    if node and part and (node, part) in targets:
        p.addr, p.how = targets[(node, part)], f"mmio-target {node} {part}"
        return True
    return _place_addr(p) or _place_node(p, nodes)


def place(ktap_lines, region_names, held=None):
    """Placed findings of every suite, in report order."""
    targets, nodes = _lines_facts(ktap_lines)
    status = judged(held)
    out = []
    for f in findings.read(ktap_lines).findings():
        st, note = status.get(
            f.identity, status.get((f.where, f.text), (UNJUDGED if held is None else NEW, ""))
        )
        p = Placed(f, st, note)
        if f.suite == "memmap":
            _place_memmap(p, nodes, region_names)
        else:
            _place_other(p, targets, nodes)
        out.append(p)
    return out
