# SPDX-License-Identifier: MIT
"""The findings of a run as the terminal shows them, after the suite table
(progress.py): each finding once, marked new, vanished or known (the
baseline's judgement, baseline/check.py), findings that differ only in
their subject's values on one line with the values listed below it
(grouped.py), what is new or vanished first. A failure without a finding
(an exception, a TIMEOUT) shows the lines the harness printed of it.

On a terminal each line fits its width, cut at a space and ending " …"
(baseline.txt and ktap.txt keep every text whole); elsewhere lines are
whole."""
from . import grouped
from .progress import paint

MAX_GROUPS = 16  # the groups shown; the rest are counted (baseline.txt lists them)
KIND_COLOUR = {"new": "red", "vanished": "red", "FAIL": "red", "known": "yellow"}


def fit(text, width):
    """text cut to width columns at a space, ending " …" (so that no value
    reads whole when it is not); whole when width is None."""
    if not width or len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    return (text[:cut] if cut > 0 else text[: width - 2]).rstrip() + " …"


def _values(g):
    keys = g.varying()
    vals = ", ".join(" ".join(v) for v in g.values())
    return f"{' '.join(keys)}: {vals}"


def lines(j, head, held=True, extra=None, colour=False, width=None, limit=MAX_GROUPS):
    """The section's lines. j: the Judgement; held: whether a baseline
    judged it (else it was judged against an empty one: every finding is
    shown FAIL); head: its first line; extra: {(suite, case or None):
    [lines]} the harness printed of a failure (progress.Progress.failed)."""
    new_kind = "new" if held else "FAIL"
    items = (
        [(new_kind, i) for i in j.new]
        + [("vanished", i) for i in j.vanished]
        + [("known", i) for i in j.known]
    )
    groups = grouped.group(
        [i for _, i in items],
        kind_of=lambda it: next(k for k, x in items if x is it),
        extra_of=lambda it: it.at,
    )
    out: list[str] = []
    for g in groups[:limit]:
        n = len(g.members)
        word = paint(f"{g.kind:<5}", KIND_COLOUR.get(g.kind), colour)
        ident = g.identity_text()
        at = g.members[0][2] if g.kind in ("known", "vanished") else None
        first = (
            f"{g.where}"
            + (f" {ident}" if ident else "")
            + (f" ({n} subjects)" if n > 1 and g.check else "")
            + (f" ({at})" if at and n == 1 else "")
        )
        text = g.texts()[0]
        out.append("  " + word + " " + fit(f"{first}: {text}" if text else first, _w(width, 8)))
        if n > 1 and g.check and g.varying():
            out.append("        " + fit(_values(g), _w(width, 8)))
        if g.check is None and extra:
            key = (g.suite, g.cases[0] if g.cases else None)
            said = [
                x
                for x in extra.get(key) or []
                if x not in text and not x.startswith(("TIMEOUT", "ERROR")) and x[:30] != text[:30]
            ]
            out += ["        " + fit(x, _w(width, 8)) for x in said[:2]]
    if len(groups) > limit:
        more = sum(len(g.members) for g in groups[limit:])
        out.append(
            f"  ... {len(groups) - limit} more groups ({more} findings):"
            f" {'baseline.txt' if held else 'ktap.txt'}"
        )
    whole = "baseline.txt" if held else "ktap.txt"
    if any(line.endswith(" …") for line in out):
        note = f"(a line ending … is cut at the terminal's width: {whole} has it whole)"
        out.append(fit(note, width))
    out = ([fit(head, width)] if head else []) + out
    if j.unchecked:
        n = len(j.unchecked)
        out.append(
            f"not checked: {n} baseline entr{'y' if n == 1 else 'ies'} whose case did not run"
            " (baseline.txt)"
        )
    return out


def _w(width, indent):
    return width - indent if width else None


def show(progress, ktap_lines, held, why_none, facts):
    """Print the suite table and the findings section of a run (runner.py).
    held: the baseline_run.Held it was judged by, or None (why_none says
    why: then the findings are judged against an empty baseline)."""
    from . import findings, records
    from .baseline import check as baseline_check
    from .baseline import entries as baseline
    from .progress import width

    known = held.judgement.known_wheres if held else frozenset()
    progress.table(known)
    if held is not None:
        j = held.judgement
        head = f"findings against {held.path}: {baseline_check.tally(j)}"
    else:
        try:
            j = baseline_check.judge(findings.read(ktap_lines), baseline.Baseline(None, []), facts)
        except records.RecordError as e:
            progress.print(f"findings: the report cannot be read: {e}")
            return
        if not j.new:
            if why_none:
                progress.print(f"baseline: none ({why_none})")
            return
        head = f"findings ({len(j.new)}; no baseline: {why_none})"
    extra = {(s, c): r for s, c, r in progress.failed()}
    for line in lines(
        j, head, held is not None, extra, progress.colour, width(progress.out)
    ):
        progress.print(line)
