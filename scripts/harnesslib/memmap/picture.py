# SPDX-License-Identifier: MIT
"""memory-map.svg: the guest memory map of a run as one self-contained SVG
(no stylesheet, script or outside reference, so a page may inline it).

Rows by address: documented regions, the undocumented gaps between them, a
RAM window cut where the DT's banks begin and end. A row's height grows with
log2 of its size; a row where nothing is (no DT range, nothing answered, no
finding) is compressed to one line, so the empty top of the address space
takes no room. Columns: the documented region, the DT's range, the probe,
the sweep, then every suite's findings on the row (memmap/place.py): a
count badge, new and known deviations apart, and the first of them.
Findings no row holds are counted in the summary line and listed below.
Every drawn element has a class "mm-KIND" that the legend explains, and a
<title> that a viewer shows on hover.
"""
import math
from html import escape

from ..memmap import textwidth
from ..memmap.place import KNOWN, NEW, UNJUDGED

# class -> (fill, stroke, dash, legend label). The legend lists every one.
STYLES = {
    "region-ram": ("#a6cee3", "#555", None, "RAM window, DT banks in it"),
    "region-ram-empty": ("#dff0f7", "#555", "5,2", "RAM window, no bank"),
    "region-mmio": ("#fdd49e", "#555", None, "device (documented)"),
    "region-reserved": ("#d4d4d4", "#555", None, "reserved (documented)"),
    "region-absent": ("#ece2f0", "#555", "3,2", "documented absent"),
    "region-gap": ("#ffffff", "#555", "3,2", "undocumented"),
    "dt": ("#6a3d9a", "none", None, "the DT describes it"),
    "dt-moved": ("#f781bf", "#6a3d9a", None, "the DT moved or resized it (its range on the row)"),
    "probe-answered": ("#1b9e77", "#999", None, "probe answered (RAM: read back)"),
    "probe-faulted": ("#7a7a7a", "#999", None, "probe faulted"),
    "probe-partial": ("#fd8d3c", "#999", None, "probe: some answered, or another result"),
    "probe-bad": ("#e7298a", "#999", None, "RAM read back wrong"),
    "probe-none": ("#f2efb6", "#999", None, "not probed"),
    "sweep-answered": ("#66c2a5", "none", None, "sweep answered"),
    "sweep-faulted": ("#b0b0b0", "none", None, "sweep faulted"),
    "sweep-outside": ("#8c510a", "none", None, "sweep answered outside every region"),
    "finding-new": ("#d7191c", "#d7191c", None, "new finding (not in the baseline)"),
    "finding-known": ("#e6ab02", "#e6ab02", "4,2", "known deviation (in the baseline)"),
    "finding": ("#000000", "#000000", None, "finding (no baseline held)"),
}
FINDING_CLASS = {NEW: "finding-new", KNOWN: "finding-known", UNJUDGED: "finding"}
ROW_MIN, ROW_PER_LOG2, ROW_EMPTY = 18, 2.2, 14
X_ADDR, X_REGION, W_REGION, X_DT, X_PROBE, X_SWEEP, X_MARK, X_TEXT = (
    8,
    104,
    280,
    392,
    426,
    486,
    540,
    620,
)
# Lines of findings no row holds, shown below the map (the titles and memory-map.md have all).
LISTED = 12


def _attrs(kind, **extra):
    fill, stroke, dash, _ = STYLES[kind]
    a = {"class": f"mm-{kind}", "fill": fill, "stroke": stroke}
    if dash:
        a["stroke-dasharray"] = dash
    a.update(extra)
    return " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in a.items())


def _rect(kind, x, y, w, h, **extra):
    attrs = _attrs(kind, x=f"{x:.1f}", y=f"{y:.1f}", width=f"{w:.1f}", height=f"{h:.1f}", **extra)
    return f"<rect {attrs}/>"


def _group(title, body, cls=None):
    c = f' class="{cls}"' if cls else ""
    return f"<g{c}><title>{escape(title)}</title>{''.join(body)}</g>"


def _text(x, y, s, **extra):
    a = "".join(f' {k.rstrip("_").replace("_", "-")}="{v}"' for k, v in extra.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{a}>{escape(s)}</text>'


def _cut(s, room, size=11, bold=False):
    """s cut (…) only where it would not fit room pixels (textwidth.py)."""
    return textwidth.fit(s, room, size, bold)


def moved(r, fs=()):
    """The DT's range (base, size) where it gives a documented device region
    another base or size: the row's own DT range, or the `range` subject a
    finding on the row names (a node the DT placed inside the region); or None."""
    if r["kind"] in ("gap", "ram"):
        return None
    if r["dt"] and tuple(r["dt"]) != (r["base"], r["size"]):
        return tuple(r["dt"])
    for p in fs:
        base, plus, size = (p.field("range") or "").partition("+")
        try:
            rng = (int(base, 0), int(size, 0)) if plus else None
        except ValueError:
            rng = None
        if rng and r["base"] <= rng[0] < r["base"] + r["size"] and rng != (r["base"], r["size"]):
            return rng
    return None


def region_kind(r):
    if r["kind"] == "ram":
        return "region-ram" if r["dt"] else "region-ram-empty"
    return f"region-{r['kind']}" if f"region-{r['kind']}" in STYLES else "region-mmio"


def probe_kind(p):
    if p in ("answered", "ram-ok"):
        return "probe-answered"
    if p == "faulted":
        return "probe-faulted"
    if p == "ram-bad":
        return "probe-bad"
    if p in ("not-probed", "-"):
        return "probe-none"
    return "probe-partial"


def _row_of(rows, addr):
    for i, r in enumerate(rows):
        if r["base"] <= addr < r["base"] + r["size"]:
            return i
    return None


def assign(rows, placed):
    """(per-row lists of findings, the findings no row holds)."""
    on: list[list] = [[] for _ in rows]
    loose: list = []
    for p in placed:
        i = None
        if p.addr is not None:
            i = _row_of(rows, p.addr)
        elif p.region is not None:
            named = [k for k, r in enumerate(rows) if r["region"] == p.region]
            i = next((k for k in named if rows[k]["dt"]), named[0] if named else None)
        (loose if i is None else on[i]).append(p)
    return on, loose


def _summary(placed, loose, held_path):
    n = len(placed)
    by_suite: dict[str, int] = {}
    for p in placed:
        by_suite[p.suite] = by_suite.get(p.suite, 0) + 1
    if not n:
        return "#31a354", "No finding from any suite."
    known = sum(p.status == KNOWN for p in placed)
    new = n - known
    judged = (
        f"{known} known deviation{'s' if known != 1 else ''} ({held_path}), {new} new"
        if held_path
        else "no baseline held"
    )
    where = f"{n - len(loose)} on the map, {len(loose)} not tied to a region"
    per = ", ".join(f"{s} {c}" for s, c in by_suite.items())
    colour = "#b30000" if new else "#a06c00"
    return colour, f"{n} finding{'s' if n != 1 else ''} ({judged}); {where}; by suite: {per}."


def _counts(ps):
    known = sum(p.status == KNOWN for p in ps)
    judged = (
        "no baseline held"
        if any(p.status == UNJUDGED for p in ps)
        else f"{known} known, {len(ps) - known} new"
    )
    return f"{len(ps)} finding{'s' if len(ps) != 1 else ''} ({judged})"


def _finding_title(ps):
    head = f"{len(ps)} finding{'s' if len(ps) != 1 else ''}"
    return head + ":\n" + "\n".join(p.line() + f" (placed by {p.how})" for p in ps)


def svg(d, title, rows, placed, suites=(), held_path=None):
    """The picture's text, or None without rows. rows: memmap_report.picture_rows(d)."""
    if not rows:
        return None
    on, loose = assign(rows, placed)
    answered_in = [False] * len(rows)
    for a, b, ans, reg, esr, pts in d["sweep"]:
        for i in {_row_of(rows, a), _row_of(rows, b)} - {None}:
            answered_in[i] |= ans
    heights = []
    for r, fs, ans in zip(rows, on, answered_in):
        empty = (
            not r["dt"]
            and probe_kind(r["probe"]) in ("probe-faulted", "probe-none")
            and not ans
            and not fs
        )
        heights.append(
            ROW_EMPTY if empty else ROW_MIN + ROW_PER_LOG2 * math.log2(max(r["size"], 4096) / 4096)
        )
    width = 1200 if any(on) or loose else 600  # room for the findings' column or list
    colour, summary = _summary(placed, loose, held_path)
    ran = f"Suites in the report: {', '.join(suites) or 'none'}."

    def y_of(addr):
        i = _row_of(rows, addr)
        return (
            None if i is None else ys[i] + heights[i] * (addr - rows[i]["base"]) / rows[i]["size"]
        )

    head_lines = textwidth.wrap(summary, width - 20, 11, bold=True, lines=3)
    top = 112 + 14 * len(head_lines)
    ys: list[float] = []
    y: float = top
    for h in heights:
        ys.append(y)
        y += h
    body = [
        _text(10, 22, title, font_size="16", font_weight="bold"),
        _text(10, 38, _cut(f"Documented by {d['document']}.", width - 20, 10), font_size="10"),
        _text(
            10,
            51,
            (
                "Row height ~ log2 of size; a row with nothing in it (no DT range, no answer, "
                "no finding) is one line."
            ),
            font_size="10",
        ),
        _group(
            summary,
            [
                _text(10, 70 + 14 * i, line, fill=colour, font_weight="bold")
                for i, line in enumerate(head_lines)
            ],
            "mm-summary",
        ),
        _group(
            ran,
            [_text(10, 72 + 14 * len(head_lines), _cut(ran, width - 20, 10), font_size="10")],
            "mm-suites",
        ),
    ]
    for x, label in (
        (X_REGION, "documented"),
        (X_DT, "DT"),
        (X_PROBE, "probe"),
        (X_SWEEP, "sweep"),
    ):
        body.append(_text(x, top - 8, label, font_weight="bold"))
    if any(on):
        body.append(_text(X_MARK, top - 8, "findings of every suite", font_weight="bold"))
    for r, fs, y0, h in zip(rows, on, ys, heights):
        end = r["base"] + r["size"]
        label = (
            f'{r["name"]} ({r["kind"]}, {human(r["size"])})'
            if r["kind"] != "gap"
            else f'undocumented, {human(r["size"])}'
        )
        counts = f"; {_counts(fs)}" if fs else ""
        t = [
            f"{label}: {hx(r['base'])}..{hx(end - 1)}{counts}",
            f"DT: {hx(r['dt'][0])} + {human(r['dt'][1])}" if r["dt"] else "DT: not described",
            f"probe: {r['probe']}",
        ]
        if fs:
            t.append(_finding_title(fs))
        inner = [
            _rect(region_kind(r), X_REGION, y0, W_REGION, h),
            _text(X_ADDR, y0 + 11, hx(r["base"]), font_size="10"),
        ]
        room = W_REGION - 10
        gave = moved(r, fs)
        if gave:  # the DT's range written on the row, where the eye already is
            said = f"DT: {hx(gave[0])} + {human(gave[1])}"
            room -= textwidth.width(said, 10, bold=True) + 8
            t.insert(1, f"the DT moved or resized it: {said}")
            inner.append(
                _text(
                    X_REGION + W_REGION - 5,
                    y0 + 11,
                    said,
                    font_size="10",
                    font_weight="bold",
                    fill=STYLES["dt"][0],
                    text_anchor="end",
                    class_="mm-dt-moved",
                )
            )
        inner.append(_text(X_REGION + 5, y0 + 11, _cut(label, room, 10), font_size="10"))
        if fs:
            new = [p for p in fs if p.status != KNOWN]
            kind = FINDING_CLASS[new[0].status] if new else "finding-known"
            inner.append(
                _rect(kind, X_REGION, y0, W_REGION, h, fill_opacity="0", stroke_width="2.5")
            )
        body.append(_group("\n".join(t), inner, "mm-row"))
        if r["dt"]:
            a = y_of(r["dt"][0])
            b = y_of(r["dt"][0] + r["dt"][1] - 1)
            a = y0 if a is None else a
            b = y0 + h if b is None else b
            body.append(
                _group(
                    f"the DT describes {hx(r['dt'][0])} + {human(r['dt'][1])}",
                    [
                        _rect("dt-moved", X_DT, a, 28, max(b - a, 8), stroke_width="2")
                        if moved(r)
                        else _rect("dt", X_DT, a, 28, max(b - a, 3))
                    ],
                )
            )
        body.append(
            _group(
                f"probe of {r['name']}: {r['probe']}",
                [
                    _rect(probe_kind(r["probe"]), X_PROBE, y0 + 1, 54, max(h - 2, 2)),
                    _text(X_PROBE + 3, y0 + 10, _cut(r["probe"], 50, 8), font_size="8"),
                ],
            )
        )
        if fs:
            body.append(_marks(fs, y0, width))
    for a, b, ans, reg, esr, pts in d["sweep"]:
        ya, yb = y_of(a), y_of(b)
        if ya is None or yb is None:
            continue
        what = (
            f"sweep {hx(a)}..{hx(b)}: {'answered' if ans else 'faulted'}, {pts} points"
            + (f", region {reg}" if reg != "-" else ", no documented region")
            + (f", ESR {esr.replace('/', ' ')}" if esr != "-" else "")
        )
        marks = [
            _rect("sweep-answered" if ans else "sweep-faulted", X_SWEEP, ya, 28, max(yb - ya, 2))
        ]
        if ans and reg == "-":
            marks.append(
                f'<circle {_attrs("sweep-outside", cx=X_SWEEP + 32, cy=f"{ya:.1f}", r="4")}/>'
            )
        body.append(_group(what, marks))
    y += 20
    if loose:
        body.append(
            _text(
                10,
                y,
                f"Findings not tied to a region ({len(loose)}):",
                font_weight="bold",
                fill="#b30000" if any(p.status != KNOWN for p in loose) else "#a06c00",
            )
        )
        for p in loose[:LISTED]:
            y += 14
            body.append(
                _group(
                    p.line() + f" ({p.how})",
                    [
                        _rect(FINDING_CLASS[p.status], 12, y - 9, 9, 9),
                        _text(26, y, _cut(f"{p.where}: {p.text}", width - 36)),
                    ],
                )
            )
        if len(loose) > LISTED:
            y += 14
            body.append(
                _text(26, y, f"and {len(loose) - LISTED} more (memory-map.md lists every one)")
            )
        y += 20
    legend, x = [], 10
    y += 6
    for kind, (_, _, _, label) in STYLES.items():
        w = 30 + textwidth.width(label, 10) + 12
        if x + w > width:
            x, y = 10, y + 18
        swatch = (
            f'<circle {_attrs(kind, cx=x + 7, cy=y + 7, r="4")}/>'
            if kind == "sweep-outside"
            else _rect(
                kind, x, y, 14, 14, **({"stroke_width": "2"} if kind.startswith("finding") else {})
            )
        )
        legend.append(
            f'<g class="mm-legend" data-kind="{kind}"><title>{escape(label)}</title>{swatch}'
            f'{_text(x + 18, y + 11, label, font_size="10")}</g>'
        )
        x += w
    height = y + 26
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" font-family="DejaVu Sans, sans-serif" font-size="11">'
        f"<title>{escape(title)}: guest memory map. {escape(summary)} {escape(ran)}</title>"
        '<rect width="100%" height="100%" fill="white"/>'
    )
    return "\n".join([head] + body + legend + ["</svg>"]) + "\n"


def _marks(fs, y0, width):
    """A row's badge (its count, new and known apart) and its first finding."""
    new = [p for p in fs if p.status != KNOWN]
    known = len(fs) - len(new)
    words = ([f"{len(new)} {'new' if new[0].status == NEW else 'found'}"] if new else []) + (
        [f"{known} known"] if known else []
    )
    first = (new or fs)[0]
    kind = FINDING_CLASS[first.status]
    shown = first.text
    head = shown.split(" | ", 1)
    if len(head) == 2 and head[0].startswith("/"):  # the node: the row says where
        shown = head[1]
    more = f" (+{len(fs) - 1})" if len(fs) > 1 else ""
    return _group(
        _finding_title(fs),
        [
            _rect(kind, X_MARK, y0 + 2, 72, 12, rx="3", fill_opacity="0.25"),
            _text(X_MARK + 4, y0 + 11, ", ".join(words), font_size="9", font_weight="bold"),
            _text(
                X_TEXT,
                y0 + 11,
                _cut(
                    f"{first.where}: {shown}",
                    width - X_TEXT - 10 - textwidth.width(more, 10),
                    10,
                )
                + more,
                font_size="10",
                fill=STYLES[kind][0] if kind != "finding-known" else "#805500",
            ),
        ],
        "mm-marks",
    )


def human(n):
    for unit, shift in (("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift:
            v = n / (1 << shift)
            return f"{n >> shift} {unit}" if n % (1 << shift) == 0 else f"{v:.2f} {unit} ({n:#x})"
    return f"{n} B"


def hx(n):
    return f"0x{n:x}" if n < 1 << 32 else f"0x{n >> 32:x}_{n & 0xffffffff:08x}"
