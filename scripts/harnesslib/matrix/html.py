# SPDX-License-Identifier: MIT
"""matrix.html: the matrix report as one self-contained page (its style
inline, no script, no link to any other file or address): the conformance
table, the merged findings, and each config's verdict with its memory-map
picture (the run's memory-map.svg, as memmap/report.py drew it) inlined.

An inlined picture's ids are prefixed with its config's name, so that two
pictures on one page cannot take each other's; its namespace declarations
are dropped (HTML places an <svg> element in the SVG namespace itself)."""
import os
import re
from html import escape

from ..baseline import entries as baseline
from ..baseline import check as baseline_check
from ..matrix.report import (
    coverage_cell,
    coverage_line,
    failures_of,
    log_tail,
    merge,
    merged_lines,
    seen_text,
    suites_of,
    tally,
    unreported,
)

STYLE = """
body { font-family: DejaVu Sans, sans-serif; font-size: 14px; margin: 1.5em; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: 2px 6px; }
th { background: #eee; } td.pass { background: #c7e9c0; } \
td.FAIL, td.TIMEOUT, td.cut { background: #fcbba1; }
td.known { background: #fee391; } td.skip { background: #f0f0f0; } td.none { color: #999; }
.new { color: #b30000; font-weight: bold; } .known { color: #8c6d00; }
details { margin: 0.5em 0 1em 0; } code { background: #f4f4f4; }
"""
SVG_HEAD = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.S)
XMLNS = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')


def inline_svg(text, prefix):
    """An SVG document's text as an element to place in the page."""
    text = XMLNS.sub("", SVG_HEAD.sub("", text))
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    for i in sorted(ids, key=len, reverse=True):
        p = f"{prefix}-{i}"
        text = text.replace(f'id="{i}"', f'id="{p}"').replace(f"url(#{i})", f"url(#{p})")
        text = text.replace(f'href="#{i}"', f'href="#{p}"')
    return text


def _verdict_class(o):
    return "pass" if o.passed else "FAIL"


def page(outcomes, head):
    shown, how = head
    total = len(outcomes)
    suites = suites_of(outcomes)
    h = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Conformance matrix: {escape(shown)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Conformance matrix: {escape(shown)}</h1>",
        f"<p>{escape(tally(outcomes))}; {escape(how)}.</p>",
        "<table><tr><th>config</th><th>verdict</th><th>time</th><th>claims</th>"
        + "".join(f"<th>{escape(s)}</th>" for s in suites)
        + "</tr>",
    ]
    for o in outcomes:
        t = f"{o.elapsed:.1f} s" if o.elapsed is not None else "-"
        cells = "".join(
            f'<td class="{"none" if c == "-" else c}">{c}</td>' for c in (o.cell(s) for s in suites)
        )
        h.append(
            f'<tr><td><a href="#config-{o.name}">{escape(o.name)}</a></td>'
            f'<td class="{_verdict_class(o)}">{escape(o.verdict)} (status {o.status})</td>'
            f"<td>{t}</td><td>{escape(coverage_cell(o))}</td>{cells}</tr>"
        )
    h += [
        "</table>",
        (
            "<p>A cell is the suite's result: pass, skip, FAIL (a failure the config's baseline"
            " does not know), known (every failure a known deviation of the baseline), TIMEOUT (the"
            " watchdog ended the suite or a case of it), cut (the run ended inside the suite), -"
            " (no result in the report). claims: the tree's claims the run held (against a probe,"
            " the documentation, or through their use) of all it made; - when the report has no"
            " claims record.</p>"
        ),
        "<h2>Findings across configs</h2>",
    ]
    missing = unreported(outcomes)
    if missing:
        h.append(
            f"<p>{len(missing)} of {total} configs gave no complete report, so their findings may"
            f" be missing here: {escape(', '.join(missing))}.</p>"
        )
    merged, vanished = merge(outcomes)
    if not merged:
        h.append("<p>None: no config reported a failure.</p>")
    h.append("<ul>")
    for m in merged:
        head, wordings = merged_lines(m, total)
        more = (
            ("<ul>" + "".join(f"<li>{escape(w)}</li>" for w in wordings) + "</ul>")
            if wordings
            else ""
        )
        h.append(
            f'<li><span class="{m.kind}">{m.kind}</span> <code>{escape(m.name)}</code>: '
            f"{escape(head)}{more}</li>"
        )
    h.append("</ul>")
    if vanished:
        h.append("<h2>Known deviations that vanished</h2><ul>")
        h += [
            f"<li><code>{escape(name)}</code>:"
            f" {escape(seen_text(names, total).replace('seen', 'vanished'))}"
            + (f": {escape(t)}" if t else "")
            + "</li>"
            for name, t, names in vanished
        ]
        h.append("</ul>")
    h.append("<h2>Configs</h2>")
    for o in outcomes:
        h += [
            f'<h3 id="config-{o.name}">{escape(o.name)}</h3><ul>',
            (
                f"<li>options: <code>{escape(' '.join(o.argv) or '(defaults)')}</code>"
                f" ({escape(o.where)})</li>"
            ),
            (
                "<li>verdict: <span"
                f" class=\"{'known' if o.passed else 'new'}\">{escape(o.verdict)}</span> (status"
                f" {o.status}): {escape(o.why or '')}</li>"
            ),
            (
                f"<li>files: <code>{escape(o.name)}/</code> (the run's folder), "
                f"<code>{escape(o.name)}.log</code> (scripts/run's output)</li>"
            ),
        ]
        if o.baseline:
            h.append(
                f"<li>baseline: {escape(baseline.shown(o.baseline))}: "
                f"{escape(baseline_check.tally(o.judgement))}</li>"
            )
        h.append(f"<li>{escape(coverage_line(o))}</li>")
        items, more = failures_of(o)
        h += [f"<li>{escape(line)}</li>" for line in items]
        h += (
            [f"<li>... {more} more (<code>{escape(o.name)}/baseline.txt</code>)</li>"]
            if more
            else []
        )
        h.append("</ul>")
        tail = log_tail(o)
        if tail:
            h.append(
                f"<p>The last lines of <code>{escape(o.name)}.log</code>:</p><pre>"
                + escape("\n".join(tail))
                + "</pre>"
            )
        svg = os.path.join(o.folder, "memory-map.svg")
        if os.path.exists(svg):
            with open(svg, errors="replace") as f:
                picture = inline_svg(f.read(), f"config-{o.name}")
            h.append(
                f"<details open><summary>memory map ({escape(o.name)}/memory-map.svg)</summary>"
                f"{picture}</details>"
            )
        else:
            h.append("<p>No memory-map picture: the memmap suite did not print its map.</p>")
    h.append("</body></html>")
    return "\n".join(h) + "\n"
