# SPDX-License-Identifier: MIT
"""matrix.html: the matrix report as one page (its style inline, no
script). A header says when, from which harness commit and on which QEMU
and Xen; the conformance grid config x suite, each cell a link to that
suite's evidence in the config's section (its report lines, and links to
the config's files: ktap.txt, console.log, baseline.txt, the findings
pages); the findings across configs grouped by identity but the subject's
values (grouped.py), each value with the configs it occurred on; then each
config's verdict, files and memory-map picture (the run's memory-map.svg,
inlined, collapsed until asked for).

Links to files are relative: the page sits in the matrix's folder, beside
each config's run folder. One colour per meaning: pass green, known
deviation amber, new failure red, skip grey.

An inlined picture's ids are prefixed with its config's name, so that two
pictures on one page cannot take each other's; its namespace declarations
are dropped (HTML places an <svg> element in the SVG namespace itself)."""
import os
import re
from html import escape

from .. import grouped
from ..baseline import entries as baseline
from ..baseline import check as baseline_check
from ..matrix.report import (
    coverage_cell,
    coverage_line,
    failures_of,
    log_tail,
    merge,
    seen_text,
    suites_of,
    tally,
    unreported,
)

STYLE = """
body { font-family: DejaVu Sans, sans-serif; font-size: 14px; margin: 1.5em; max-width: 1400px; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: 2px 6px; }
th { background: #eee; text-align: left; } td { vertical-align: top; overflow-wrap: anywhere; }
.pass { background: #c7e9c0; } .FAIL, .new, .TIMEOUT, .cut { background: #fcbba1; }
.known { background: #fee391; } .skip { background: #f0f0f0; } .none { color: #777; }
td.cell a { color: inherit; display: block; }
dl.about { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; }
dl.about dt { font-weight: bold; } dl.about dd { margin: 0; }
details { margin: 0.3em 0 0.6em 0; } code { background: #f4f4f4; overflow-wrap: anywhere; }
pre { background: #f8f8f8; padding: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
table.findings td.text { max-width: 48em; } ul.values { margin: 0; padding-left: 1.2em; }
td.new, td.known, td.vanished { white-space: nowrap; }
"""
SVG_HEAD = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.S)
XMLNS = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')
# A config's files the page links to, when the run wrote them: (file, what it is).
EVIDENCE = (
    ("ktap.txt", "the report"),
    ("console.log", "the console log"),
    ("baseline.txt", "the findings against the baseline"),
    ("mmio-findings.md", "the mmio findings"),
    ("memory-map.md", "the memory map's findings"),
    ("junit.xml", "JUnit"),
)


def inline_svg(text, prefix):
    """An SVG document's text as an element to place in the page."""
    text = XMLNS.sub("", SVG_HEAD.sub("", text))
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    for i in sorted(ids, key=len, reverse=True):
        p = f"{prefix}-{i}"
        text = text.replace(f'id="{i}"', f'id="{p}"').replace(f"url(#{i})", f"url(#{p})")
        text = text.replace(f'href="#{i}"', f'href="#{p}"')
    return text


def suite_id(o, suite):
    return f"config-{o.name}-suite-{suite}"


def suite_lines(o, suite):
    """The suite's lines of the config's report: from its Subtest line to its result."""
    out, inside = [], False
    for line in o.ktap_lines:
        if line == f"  # Subtest: {suite}":
            inside = True
        if inside:
            out.append(line)
            if re.match(rf"^(ok|not ok) \d+ {re.escape(suite)}( #.*)?$", line):
                break
    return out


def files_of(o):
    """[(link, name, what)] of the config's files that exist."""
    base = os.path.basename(o.folder)
    out = [
        (f"{base}/{n}", n, what)
        for n, what in EVIDENCE
        if os.path.exists(os.path.join(o.folder, n))
    ]
    log = f"{o.name}.log"
    if os.path.exists(os.path.join(os.path.dirname(o.folder), log)):
        out.append((log, log, "scripts/run's output"))
    return out


def _links(o):
    return ", ".join(
        f'<a href="{escape(href)}">{escape(name)}</a> ({escape(what)})'
        for href, name, what in files_of(o)
    )


def _verdict_class(o):
    return "pass" if o.passed else "FAIL"


def _grid(outcomes, suites):
    h = [
        '<table class="grid"><tr><th>config</th><th>verdict</th><th>time</th><th>claims</th>'
        + "".join(f"<th>{escape(s)}</th>" for s in suites)
        + "</tr>"
    ]
    for o in outcomes:
        t = f"{o.elapsed:.1f} s" if o.elapsed is not None else "-"
        cells = []
        for s in suites:
            c = o.cell(s)
            cls = "none" if c == "-" else c
            inner = escape(c) if c in ("-", "cut") else (
                f'<a href="#{suite_id(o, s)}" title="{escape(o.name)}: {escape(s)}: the evidence">'
                f"{escape(c)}</a>"
            )
            cells.append(f'<td class="cell {cls}">{inner}</td>')
        h.append(
            f'<tr><td><a href="#config-{o.name}">{escape(o.name)}</a></td>'
            f'<td class="{_verdict_class(o)}">{escape(o.verdict or "")} (status {o.status})</td>'
            f"<td>{t}</td><td>{escape(coverage_cell(o))}</td>{''.join(cells)}</tr>"
        )
    h.append("</table>")
    return h


class _Entry:
    """A merged finding as grouped.py takes it."""

    def __init__(self, m):
        self.merged, self.text = m, m.texts[0]
        self.where = m.where
        self.identity = m.key if len(m.key) == 4 and m.key[2] else None


def _findings(outcomes, total):
    merged, vanished = merge(outcomes)
    h = ["<h2>Findings across configs</h2>"]
    missing = unreported(outcomes)
    if missing:
        h.append(
            f"<p>{len(missing)} of {total} configs gave no complete report, so their findings may"
            f" be missing here: {escape(', '.join(missing))}.</p>"
        )
    if not merged:
        h.append("<p>None: no config reported a failure.</p>")
    else:
        new = sum(1 for m in merged if m.kind == "new")
        h.append(
            f"<p>{len(merged)} findings ({new} new, {len(merged) - new} known) in groups that"
            " differ only in their subject's values; each value with the configs it was seen"
            " on.</p>"
        )
        h.append(
            '<table class="findings"><tr><th>kind</th><th>where, check, shared subject</th>'
            "<th>subjects</th><th>configs</th><th>text (the first; every one in the config's"
            " baseline.txt)</th></tr>"
        )
        groups = grouped.group(
            [_Entry(m) for m in merged],
            kind_of=lambda e: e.merged.kind,
            extra_of=lambda e: e.merged,
        )
        for g in groups:
            ms = [x[2] for x in g.members]
            on = []
            for m in ms:
                on += [n for n in m.seen_on if n not in on]
            known = sorted({b for m in ms for b in m.baselines})
            configs = ", ".join(
                f'<a href="#config-{escape(n)}">{escape(n)}</a>' for n in on
            ) + (f" (known to {escape(', '.join(known))})" if known else "")
            if g.check and len(g.members) > 1 and g.varying():
                keys = g.varying()
                idx = [g.keys.index(k) for k in keys]
                values = "".join(
                    "<li><code>"
                    + escape(" ".join(f"{k}={subject[i][1]}" for k, i in zip(keys, idx)))
                    + "</code>"
                    + (
                        f" on {escape(', '.join(m.seen_on))}"
                        if len(m.seen_on) != len(on)
                        else ""
                    )
                    + "</li>"
                    for subject, _, m in g.members
                )
                values = f'<ul class="values">{values}</ul>'
            else:
                values = "-"
            texts = g.texts()
            if len(ms) == 1 and len(ms[0].wordings) > 1:  # one finding, worded per config
                text = "<ul class=\"values\">" + "".join(
                    f"<li>on {escape(', '.join(names))}: {escape(t)}</li>"
                    for t, names in ms[0].wordings.items()
                ) + "</ul>"
            else:
                text = escape(texts[0]) + (
                    f" <em>({len(texts)} wordings)</em>" if len(texts) > 1 else ""
                )
            ident = f" <code>{escape(g.identity_text())}</code>" if g.check else ""
            head = escape(g.where) + ident
            h.append(
                f'<tr><td class="{g.kind}">{g.kind}</td><td>{head}</td><td>{values}</td>'
                f'<td>{configs}</td><td class="text">{text}</td></tr>'
            )
        h.append("</table>")
    if vanished:
        h.append("<h2>Known deviations that vanished</h2><ul>")
        h += [
            f'<li><span class="new">vanished</span> <code>{escape(name)}</code>:'
            f" {escape(seen_text(names, total).replace('seen', 'vanished'))}"
            + (f": {escape(t)}" if t else "")
            + "</li>"
            for name, t, names in vanished
        ]
        h.append("</ul>")
    return h


def _config(o, suites):
    h = [
        f'<h3 id="config-{o.name}">{escape(o.name)}</h3><ul>',
        (
            f"<li>options: <code>{escape(' '.join(o.argv) or '(defaults)')}</code>"
            f" ({escape(o.where)})</li>"
        ),
        (
            f'<li>verdict: <span class="{_verdict_class(o)}">{escape(o.verdict or "")}</span>'
            f" (status {o.status}): {escape(o.why or '')}</li>"
        ),
        f"<li>files: {_links(o) or 'none'}</li>",
    ]
    if o.baseline:
        h.append(
            f"<li>baseline: {escape(baseline.shown(o.baseline))}: "
            f"{escape(baseline_check.tally(o.judgement))}</li>"
        )
    h.append(f"<li>{escape(coverage_line(o))}</li>")
    items, more = failures_of(o)
    h += [f"<li>{escape(line)}</li>" for line in items]
    if more:
        h.append(f"<li>... {more} more (<code>{escape(o.name)}/baseline.txt</code>)</li>")
    h.append("</ul>")
    for s in suites:
        c = o.cell(s)
        if c in ("-", "cut"):
            continue
        lines = suite_lines(o, s)
        h.append(
            f'<details id="{suite_id(o, s)}"><summary><span class="{c}">{escape(c)}</span>'
            f" {escape(s)}: its {len(lines)} report lines</summary>"
            f"<p>In {_links(o)}.</p><pre>{escape(chr(10).join(lines))}</pre></details>"
        )
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
            f"<details><summary>memory map ({escape(o.name)}/memory-map.svg)</summary>"
            f"{picture}</details>"
        )
    else:
        h.append("<p>No memory-map picture: the memmap suite did not print its map.</p>")
    return h


def page(outcomes, head, about=()):
    """The page. head: (matrix file as shown, how it ran); about: [(name,
    value)] of the header (about.facts)."""
    shown, how = head
    total = len(outcomes)
    suites = suites_of(outcomes)
    h = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Conformance matrix: {escape(shown)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Conformance matrix: {escape(shown)}</h1>",
        '<dl class="about">'
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in about)
        + f"<dt>runs</dt><dd>{escape(tally(outcomes))}; {escape(how)}</dd></dl>",
    ]
    h += _grid(outcomes, suites)
    h.append(
        "<p>A cell is the suite's result, and a link to its report lines and the config's"
        ' files: <span class="pass">pass</span>, <span class="skip">skip</span>,'
        ' <span class="FAIL">FAIL</span> (a failure the config\'s baseline does not know),'
        ' <span class="known">known</span> (every failure a known deviation of the baseline),'
        ' <span class="TIMEOUT">TIMEOUT</span> (the watchdog ended the suite or a case of it),'
        ' <span class="cut">cut</span> (the run ended inside the suite), - (no result in the'
        " report). claims: the tree's claims the run held (against a probe, the documentation,"
        " or through their use) of all it made; - when the report has no claims record.</p>"
    )
    h += _findings(outcomes, total)
    h.append("<h2>Configs</h2>")
    for o in outcomes:
        h += _config(o, suites)
    h.append("</body></html>")
    return "\n".join(h) + "\n"
