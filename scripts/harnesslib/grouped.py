# SPDX-License-Identifier: MIT
"""Findings that differ only in their subject's values, as one group: the
registers of one device, the CPUs, the pages of one region. Two findings
share a group when their suite, case, check and subject keys (in order)
are the same; the group keeps each member's subject and text, so that a
view lists the real values (never a placeholder) and names each one.

A failure without a finding (an exception, a TIMEOUT) has no subject: such
failures group by their suite and text, and list their cases.

Used by the terminal (progress.py), and the matrix page (matrix/html.py),
which adds the configs each member was seen on."""


class Group:
    """kind: what the view calls its members (new, known, vanished, ...);
    suite, case, check, keys: what they share; members: [(subject, text,
    extra)] in report order (extra: whatever the caller attached: a
    baseline line, the configs). A failure without a finding has check
    None and its cases in cases."""

    def __init__(self, kind, suite, case, check, keys):
        self.kind, self.suite, self.case, self.check, self.keys = kind, suite, case, check, keys
        self.members: list[tuple] = []
        self.cases: list[str | None] = []

    @property
    def where(self):
        cases = self.cases or [self.case]
        names = [self.suite + (f"/{c}" if c else "") for c in cases]
        return ", ".join(names)

    def common(self):
        """[(key, value)] of the subject keys every member gives one value."""
        if not self.members:
            return []
        first = self.members[0][0]
        return [
            (k, v)
            for i, (k, v) in enumerate(first)
            if all(m[0][i][1] == v for m in self.members[1:])
        ]

    def varying(self):
        """The keys whose values differ between members, in subject order."""
        same = {k for k, _ in self.common()}
        return [k for k in self.keys if k not in same]

    def values(self):
        """Each member's values of the varying keys, in order, without repeats."""
        idx = [self.keys.index(k) for k in self.varying()]
        out: list[tuple[str, ...]] = []
        for subject, _, _ in self.members:
            v = tuple(subject[i][1] for i in idx)
            if v not in out:
                out.append(v)
        return out

    def texts(self):
        """The distinct texts, in order."""
        out: list[str] = []
        for _, text, _ in self.members:
            if text not in out:
                out.append(text)
        return out

    def identity_text(self):
        """CHECK key=value ... of what the members share (the varying keys
        named key=*... nowhere: they are listed apart)."""
        from .findings import identity_text

        return identity_text(self.check, self.common()) if self.check else ""


def group(items, kind_of=lambda item: "", extra_of=lambda item: None):
    """Groups of baseline_check.Item-like items (where, text, identity), in
    the order of their first member."""
    groups: dict[tuple, Group] = {}
    for it in items:
        kind = kind_of(it)
        if it.identity is not None:
            suite, case, check, subject = it.identity
            subject = tuple((k, "*" if v is None else v) for k, v in subject)
            key = (kind, suite, case, check, tuple(k for k, _ in subject))
            g = groups.setdefault(key, Group(kind, suite, case, check, key[-1]))
            g.members.append((subject, it.text, extra_of(it)))
        else:
            suite, _, case = it.where.partition("/")
            key = (kind, suite, None, None, it.text)
            g = groups.setdefault(key, Group(kind, suite, None, None, ()))
            g.cases.append(case or None)
            g.members.append(((), it.text, extra_of(it)))
    return list(groups.values())
