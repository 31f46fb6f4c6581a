"""Every suite's findings on the guest memory map (memmap_report.py): the
address or documented region each `# FAIL:` line of the report is about,
and whether the run's baseline knows it.

A finding is placed by the first rule that applies:
  - the memmap suite's own: the region its "memmap-finding: region=NAME"
    line names; else the first address it gives (that suite's addresses are
    addresses), else a documented region it names;
  - the mmio suite's "PATH | PART | ...": where its "mmio-target: PATH |
    PART | reg N BASE+SIZE" line puts that part's registers;
  - a DT node it names, /name@unit: the node's first reg (memmap-dt), or
    its unit address when the memmap suite did not list it;
  - a range it names, 0xBASE+0xSIZE: BASE;
  - a device it opens with, "NAME at 0xBASE: ..." (the dma suite's form,
    which names no node so that one baseline line fits every config): BASE.
Anything else (a GIC finding about an SGI, a timer's frequency) belongs to
no region: the picture counts and lists it apart. A bare 0x number is
never taken for an address outside the memmap suite: in other findings it
is a value (a register's, an ESR).
"""
import re

from . import findings

NODE = re.compile(r"(?<![\w/])(/(?:[\w,.+-]+/)*[\w,.+-]+@([0-9a-fA-F]+))(?![\w@])")
RANGE = re.compile(r"(?<![\w])(0x[0-9a-fA-F]+)\+0x[0-9a-fA-F]+")
ADDR = re.compile(r"(?<![\w@])0x[0-9a-fA-F]+")
DEVICE_AT = re.compile(r"^[\w-]+ at (0x[0-9a-fA-F]+): ")
TARGET = re.compile(r"^\s*# mmio-target: (?P<path>\S+) \| (?P<part>.+?) \| reg \d+ (?P<base>0x[0-9a-fA-F]+)\+")
DT_REG = re.compile(r"^\s*# memmap-dt: node=(?P<node>\S+) reg=(?P<base>0x[0-9a-fA-F]+)\+")
MEMMAP_FINDING = re.compile(r"^\s*# memmap-finding: region=(?P<region>\S+) (?P<text>.*)$")

KNOWN, NEW, UNJUDGED = "known", "new", "unjudged"


class Placed:
    """One finding: where in the report (suite, case), its text, its
    baseline status (KNOWN, NEW or UNJUDGED without a baseline) and note,
    and where on the map: an address, or a region's name, or neither; how
    says which rule placed it."""

    def __init__(self, f, status, note):
        self.suite, self.case, self.text, self.where = f.suite, f.case, f.text, f.where
        self.status, self.note = status, note
        self.addr = self.region = None
        self.how = "names no address or region"

    def line(self):
        """The finding as one line: where, text, and the baseline's word."""
        return f"{self.where}: {self.text}" + (f" [{self.note}]" if self.note else "")


def judged(held):
    """(where, text) -> (status, note) from a baseline_run.Held, {} without."""
    if held is None:
        return {}
    j = held.judgement
    out = {(k.where, k.text): (KNOWN, f"known deviation: {k.entry.reason} ({k.at})") for k in j.known}
    out.update({(n.where, n.text): (NEW, f"new: not in {held.path}") for n in j.new if (n.where, n.text) not in out})
    return out


def _lines_facts(ktap_lines):
    targets, nodes, memmap = {}, {}, {}
    for line in ktap_lines:
        m = TARGET.match(line)
        if m:
            targets.setdefault((m.group("path"), m.group("part").strip()), int(m.group("base"), 16))
        m = DT_REG.match(line)
        if m:
            nodes.setdefault(m.group("node"), int(m.group("base"), 16))
        m = MEMMAP_FINDING.match(line)
        if m:
            memmap.setdefault(m.group("text").strip(), m.group("region"))
    return targets, nodes, memmap


def _place_memmap(p, memmap, region_names):
    region = memmap.get(p.text)
    if region and region != "-":
        p.region, p.how = region, f"memmap-finding region={region}"
        return True
    a = ADDR.search(p.text)
    if a:
        p.addr, p.how = int(a.group(), 16), f"address {a.group()}"
        return True
    named = next((n for n in region_names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", p.text)), None)
    if named:
        p.region, p.how = named, f"names region {named}"
        return True
    return False


def _place_other(p, targets, nodes):
    fields = [x.strip() for x in p.text.split("|")]
    if len(fields) >= 2 and (fields[0], fields[1]) in targets:
        p.addr, p.how = targets[(fields[0], fields[1])], f"mmio-target {fields[0]} {fields[1]}"
        return True
    m = NODE.search(p.text)
    if m:
        node = m.group(1)
        if node in nodes:
            p.addr, p.how = nodes[node], f"node {node} (its first reg)"
        else:
            p.addr, p.how = int(m.group(2), 16), f"node {node} (its unit address)"
        return True
    m = RANGE.search(p.text)
    if m:
        p.addr, p.how = int(m.group(1), 16), f"range at {m.group(1)}"
        return True
    m = DEVICE_AT.match(p.text)
    if m:
        p.addr, p.how = int(m.group(1), 16), f"device at {m.group(1)}"
        return True
    return False


def place(ktap_lines, region_names, held=None):
    """Placed findings of every suite, in report order."""
    targets, nodes, memmap = _lines_facts(ktap_lines)
    status = judged(held)
    out = []
    for f in findings.read(ktap_lines).findings():
        st, note = status.get((f.where, f.text), (UNJUDGED if held is None else NEW, ""))
        p = Placed(f, st, note)
        if f.suite == "memmap":
            _place_memmap(p, memmap, region_names)
        else:
            _place_other(p, targets, nodes)
        out.append(p)
    return out
