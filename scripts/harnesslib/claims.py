# SPDX-License-Identifier: MIT
"""Claim coverage, as a report states it (lib/dt/claims.h, lib/runtime/coverage.c):
after the last suite, at top level, one claims record and one unchecked
record per claim nothing held (protocol.h RECORD_CLAIMS, RECORD_UNCHECKED):

    # claims: probe=N doc=N use=N form=N unchecked=N total=N dropped=N unlisted=N suites=all|some
    # unchecked: node=PATH prop=NAME [index=N] text=WHY

Every property of every node of the tree (and the header's boot CPU and
reservation entries, node=(header)) is a claim; a claim is held against a
probe, against the documentation, through its use in holding another, in
form only (the DT model validates it), or not at all. read() gives the
Coverage of a report's lines, or None when the report has no claims record
(an image older than claim coverage, a report that ended before it): then
there is no coverage, and nothing here makes one up.

The record's `unlisted` counts unchecked claims past the report's limit,
which it does not name (Coverage.unnamed here, not to be confused with an
unchecked claim no baseline entry lists); `dropped` counts claims past the
harness's table, never classed. Either leaves the list incomplete, and a
Coverage whose records do not add up says why in problems.
"""
from typing import Dict, List, NamedTuple, Optional

from . import records
from .protocol import VALUES

CLAIMS = VALUES["RECORD_CLAIMS"]
UNCHECKED = VALUES["RECORD_UNCHECKED"]
HEADER_NODE = VALUES["CLAIM_HEADER_NODE"]
KINDS = ("probe", "doc", "use", "form", "unchecked")
HELD = ("probe", "doc", "use")
NONE_WHY = (
    "the report has no claims record (an image older than claim coverage, or a report "
    "that ended before it): no coverage"
)


class Claim(NamedTuple):
    """An unchecked claim: the node's path ("(header)" for the header's),
    the property, the reservation entry (header only: index=) and why
    nothing held it (the harness's words)."""

    node: str
    prop: str
    entry: Optional[str]
    why: str

    @property
    def name(self) -> str:
        """NODE PROP[#INDEX], as people read it."""
        return f"{self.node} {self.prop}" + (f"#{self.entry}" if self.entry else "")

    @property
    def key(self):
        return (self.node, self.prop, self.entry)


class Coverage:
    """The counts of a claims record (counts[kind]), its total, dropped,
    unnamed (unchecked claims past the report's limit) and suites (all or
    some), the unchecked claims it names, and problems: why the records do
    not add up (empty when they do)."""

    def __init__(self, counts, total, dropped, unnamed, suites, claims, problems):
        self.counts: Dict[str, int] = counts
        self.total, self.dropped, self.unnamed, self.suites = total, dropped, unnamed, suites
        self.claims: List[Claim] = claims
        self.problems: List[str] = problems

    @property
    def held(self) -> int:
        return sum(self.counts[k] for k in HELD)

    @property
    def partial(self) -> bool:
        """Only some suites ran (suites=): the claims of the others were not asked."""
        return self.suites != "all"

    def complete_list(self) -> bool:
        """Every unchecked claim is named, and every claim was classed."""
        return not (self.unnamed or self.dropped or self.problems)


def _count(r, key, problems):
    v = r.get(key)
    if v is None or not v.isdigit():
        problems.append(f"claims record: {key}={v} is no count")
        return 0
    return int(v)


def read(lines) -> Optional[Coverage]:
    """The Coverage of a report's lines, None without a claims record. Only
    top-level records count (a suite's diagnostics are indented); a second
    claims record, or unchecked records that disagree with the counts, are
    problems. records.RecordError when a record breaks protocol.h."""
    found, claims = [], []
    for line in lines:
        if not line.startswith("# "):
            continue  # indented: inside a suite, not the coverage's
        tag = records.tag_of(line[2:])
        if tag not in (CLAIMS, UNCHECKED):
            continue
        r = records.parse(line[2:])
        assert r is not None
        if tag == CLAIMS:
            found.append(r)
        elif found:
            claims.append(Claim(r.fields["node"], r.fields["prop"], r.get("index"), r.text or ""))
    if not found:
        return None
    problems: List[str] = []
    r = found[0]
    if len(found) > 1:
        problems.append(f"the report has {len(found)} claims records")
    counts = {k: _count(r, k, problems) for k in KINDS}
    total, dropped, unnamed = (_count(r, k, problems) for k in ("total", "dropped", "unlisted"))
    if sum(counts.values()) != total:
        problems.append(f"the claims record's counts add up to {sum(counts.values())}, not {total}")
    if len(claims) + unnamed != counts["unchecked"]:
        problems.append(
            f"{len(claims)} unchecked records and {unnamed} past the limit, not the "
            f"{counts['unchecked']} unchecked the claims record counts"
        )
    return Coverage(counts, total, dropped, unnamed, r.get("suites"), claims, problems)


def counts_text(c: Coverage) -> str:
    """N held (P probe, D doc, U use), F form only, X unchecked"""
    n = c.counts
    return (
        f"{c.held} held ({n['probe']} probe, {n['doc']} doc, {n['use']} use), "
        f"{n['form']} form only, {n['unchecked']} unchecked"
    )


def by_property(claims: List[Claim]) -> Dict[str, List[Claim]]:
    """The claims grouped by property, the most frequent first (then by name)."""
    groups: Dict[str, List[Claim]] = {}
    for c in claims:
        groups.setdefault(c.prop, []).append(c)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def group_lines(claims: List[Claim], groups_max=None, nodes_max=None) -> List[str]:
    """`PROP on N nodes: /a, /b, ...`, a line per property (at most
    groups_max of them, each naming at most nodes_max nodes), then how many
    more properties there are."""
    out = []
    groups = by_property(claims)
    for prop, cs in list(groups.items())[:groups_max]:
        nodes = [c.node + (f" (entry {c.entry})" if c.entry else "") for c in cs]
        shown = nodes[:nodes_max]
        more = len(nodes) - len(shown)
        out.append(
            f"{prop} on {len(cs)} node{'' if len(cs) == 1 else 's'}: {', '.join(shown)}"
            + (f" and {more} more" if more else "")
        )
    if groups_max is not None and len(groups) > groups_max:
        rest = list(groups.values())[groups_max:]
        n = sum(len(cs) for cs in rest)
        out.append(f"... and {len(rest)} more properties ({n} claims; baseline.txt lists each)")
    return out
