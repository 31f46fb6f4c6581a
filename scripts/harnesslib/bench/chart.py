# SPDX-License-Identifier: MIT
"""The bench chart (scripts/bench-compare --svg): a headline, then one row
per figure, one bar per run (the median a dot, p10-p90 a line).

Times (ns per operation) and transfers (MB/s, higher is faster) are on axes
of their own, each a log scale. A log scale has no 0: a 0 ns figure (under
the counter's resolution) is drawn in a column of its own left of the
axis, labelled 0, never at the axis' first decade. With two runs, each row
ends with B/A; a row the comparison calls noisy is shaded and says so.
Texts are fitted by measured DejaVu Sans widths (memmap/textwidth.py), and
scripts/check-views renders the chart in Chromium to hold that."""
import math
from xml.sax.saxutils import escape

from ..memmap import textwidth

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
NOISY_FILL, NOISY_TEXT = "#fde7c8", "#a14d00"
FONT, SIZE = "DejaVu Sans, sans-serif", 11
LEFT, ZERO_W, PLOT, RIGHT = 330, 50, 560, 150  # label, 0 column, log axis, B/A column
WIDTH = LEFT + ZERO_W + PLOT + RIGHT + 10


def mb_s(x, ns):
    return x["bytes"] * 1e3 / ns if ns else 0.0


def _values(runs, keys, transfer):
    """(p10, median, p90) of each run's figure of each key, in the axis' unit
    (a rate's p10 is from the time's p90)."""
    out = {}
    for k in keys:
        for i, r in enumerate(runs):
            f = r.figs.get(k)
            if not f:
                continue
            if transfer:
                out[k, i] = (mb_s(f, f["p90_ns"]), mb_s(f, f["median_ns"]), mb_s(f, f["p10_ns"]))
            else:
                out[k, i] = (f["p10_ns"], f["median_ns"], f["p90_ns"])
    return out


def ns_label(ns):
    """A decade of nanoseconds as a person reads it: 100 ns, 1 µs, 10 ms."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:g} {unit}"
    return f"{ns:g} ns"


class Axis:
    """A log axis from the decade under the smallest value above 0 to the one
    over the largest, after a 0 column."""

    def __init__(self, values):
        pos = [v for t in values for v in t if v > 0]
        self.lo = 10 ** math.floor(math.log10(min(pos))) if pos else 1
        hi = 10 ** math.ceil(math.log10(max(pos))) if pos else 10
        self.hi = hi if hi > self.lo else self.lo * 10

    def x(self, v):
        if v <= 0:
            return LEFT + ZERO_W / 2
        span = math.log10(self.hi) - math.log10(self.lo)
        return LEFT + ZERO_W + PLOT * (math.log10(v) - math.log10(self.lo)) / span

    def decades(self):
        d = self.lo
        while d <= self.hi:
            yield d
            d *= 10


def _text(x, y, s, anchor="start", size=SIZE, fill=None, bold=False, room=None):
    if room is not None:
        s = textwidth.fit(s, room, size, bold)
    attrs = f' text-anchor="{anchor}"' if anchor != "start" else ""
    attrs += f' font-size="{size}"' if size != SIZE else ""
    attrs += f' fill="{fill}"' if fill else ""
    attrs += ' font-weight="bold"' if bold else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{attrs}>{escape(s)}</text>'


def _ratio(runs, k, transfer):
    a, b = (r.figs.get(k) for r in runs[:2])
    if not (a and b and a["median_ns"] and b["median_ns"]):
        return None
    return a["median_ns"] / b["median_ns"] if transfer else b["median_ns"] / a["median_ns"]


def _panel(out, y, runs, keys, transfer, noisy, unit):
    """One axis and its rows from y down; returns the y under it."""
    values = _values(runs, keys, transfer)
    axis = Axis(values.values())
    row = 8 + 7 * len(runs)
    out.append(_text(10, y + 12, unit, bold=True, room=WIDTH - 20))
    top = y + 20
    bottom = top + row * len(keys)
    out.append(
        f'<rect x="{LEFT + 2}" y="{top}" width="{ZERO_W - 8}" height="{bottom - top}"'
        ' fill="#f4f4f4"/>'
    )
    for d in axis.decades():
        out.append(
            f'<line x1="{axis.x(d):.1f}" y1="{top}" x2="{axis.x(d):.1f}" y2="{bottom}"'
            ' stroke="#ddd"/>'
        )
        out.append(_text(axis.x(d), bottom + 13, f"{d:g}" if transfer else ns_label(d), "middle"))
    out.append(_text(axis.x(0), bottom + 13, "0", "middle"))
    if len(runs) == 2:
        out.append(_text(WIDTH - 10, top - 4, "B/A" if not transfer else "B/A (rate)", "end"))
    for r, k in enumerate(keys):
        y0 = top + r * row
        why = noisy.get(k)
        if why:
            out.append(
                f'<rect x="0" y="{y0}" width="{WIDTH}" height="{row}" fill="{NOISY_FILL}">'
                f"<title>{escape('noisy: ' + why)}</title></rect>"
            )
        label = f"{k[0]} {k[1]}"
        paths = [rn.where.get(k) for rn in runs if rn.where.get(k)]
        tip = label + (" (" + ", ".join(dict.fromkeys(paths)) + ")" if paths else "")
        out.append(
            f"<g><title>{escape(tip)}</title>"
            + _text(LEFT - 6, y0 + row / 2 + 4, label, "end", fill=NOISY_TEXT if why else None,
                    room=LEFT - 16)
            + "</g>"
        )
        for i, rn in enumerate(runs):
            if (k, i) not in values:
                continue
            lo, med, hi = values[k, i]
            c = COLOURS[i % len(COLOURS)]
            yy = y0 + 4 + 7 * i
            u = "MB/s" if transfer else "ns"
            tip = f"{rn.label}: {label}: median {med:.1f} {u}, p10-p90 {lo:.1f}-{hi:.1f}"
            out.append(
                f"<g><title>{escape(tip)}</title>"
                f'<line x1="{axis.x(lo):.1f}" y1="{yy}" x2="{axis.x(hi):.1f}" y2="{yy}"'
                f' stroke="{c}" stroke-width="2"/>'
                f'<circle cx="{axis.x(med):.1f}" cy="{yy}" r="3" fill="{c}"/></g>'
            )
        if len(runs) == 2:
            ratio = _ratio(runs, k, transfer)
            text = "—" if ratio is None else f"{ratio:.2f}x"
            if why:
                text += "  noisy"
            out.append(_text(WIDTH - 10, y0 + row / 2 + 4, text, "end",
                             fill=NOISY_TEXT if why else None, bold=bool(why)))
    return bottom + 24


def svg(runs, keys, transfers, noisy, headline, notes=()):
    """The chart: runs (pairs.Run), the keys of timed figures and of
    transfers to draw, noisy {key: why}, headline lines, notes under it."""
    out = []
    y = 8
    for i, line in enumerate(headline):
        y += 18 if i == 0 else 15
        out.append(_text(10, y, line, size=14 if i == 0 else 12, bold=i == 0,
                         room=WIDTH - 20))
    y += 10
    x = 10.0
    for i, rn in enumerate(runs):
        label = f"{'AB'[i] + ': ' if len(runs) == 2 else ''}{rn.label} ({rn.config})"
        room = (WIDTH - 20) / len(runs) - 20
        out.append(
            f'<rect x="{x:.1f}" y="{y}" width="10" height="8" fill="{COLOURS[i % len(COLOURS)]}"/>'
        )
        out.append(_text(x + 14, y + 8, label, room=room))
        x += (WIDTH - 20) / len(runs)
    y += 14
    if noisy:
        out.append(
            f'<rect x="10" y="{y}" width="10" height="8" fill="{NOISY_FILL}"'
            f' stroke="{NOISY_TEXT}"/>'
        )
        out.append(_text(24, y + 8, "noisy: two runs of one config disagree (why: the table)",
                         fill=NOISY_TEXT, room=WIDTH - 40))
        y += 14
    for n in notes:
        out.append(_text(10, y + 9, n, size=10, room=WIDTH - 20))
        y += 13
    y += 6
    if keys:
        y = _panel(out, y, runs, keys, False, noisy,
                   "ns per operation: median dot, p10-p90 line (log scale; 0 in its own column)")
    if transfers:
        y = _panel(out, y, runs, transfers, True, noisy,
                   "transfers: MB/s (10^6 bytes per second), higher is faster (log scale)")
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}"'
        f' viewBox="0 0 {WIDTH} {y}" font-family="{FONT}" font-size="{SIZE}">'
        f'<rect width="{WIDTH}" height="{y}" fill="#fff"/>'
    )
    return "\n".join([head] + out + ["</svg>"]) + "\n"
