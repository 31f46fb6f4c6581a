# SPDX-License-Identifier: MIT
"""Put bench figures side by side: QEMU and Xen, or two runs of one
platform. Each RUN is a bench.json or a folder holding one (scripts/run
writes it for suites=bench). Prints a Markdown table of medians (ns per
operation), one column per run, then one of the transfers' rates (MB/s,
op=throughput), and with --svg writes one chart of the times: the median
with a p10-p90 bar per run, on a log scale.

Two runs of one config (the same config in both bench.json files): a
figure whose medians differ by more than
--tolerance is marked noisy, with why: a wide p10-p90 spread in a run (its
samples were disturbed) or tight spreads that moved together (the host's
state changed between the runs). Exit status: 0, or 1 when any
figure of --watch's ops (default: MMIO and hypercalls) was noisy, 2 on bad
input.
"""
import argparse
import json
import math
import os
import sys
from xml.sax.saxutils import escape

from ..errors import InputError

DEFAULT_WATCH = "mmio_read,mmio_write,smccc,xen_hypercall"
WIDE_SPREAD = 0.5  # (p90 - p10) / median above this: the samples were disturbed


def load(path):
    f = os.path.join(path, "bench.json") if os.path.isdir(path) else path
    try:
        doc = json.load(open(f))
        figures = {(x["op"], x["target"]): x for x in doc["figures"]}
        return doc.get("config", os.path.basename(os.path.dirname(os.path.abspath(f)))), figures
    except OSError as e:
        raise InputError(f"{f}: {e.strerror}")
    except (ValueError, KeyError, TypeError) as e:
        raise InputError(f"{f}: not a bench.json of scripts/run ({type(e).__name__}: {e})")


def spread(x):
    return (x["p90_ns"] - x["p10_ns"]) / x["median_ns"] if x["median_ns"] else 0.0


def noisy(a, b, tolerance):
    """Why two figures of one config disagree, or None when they agree."""
    lo, hi = sorted((a["median_ns"], b["median_ns"]))
    if hi == 0 or (lo > 0 and hi / lo - 1 <= tolerance) or hi - lo < 1.0:
        return None  # within the tolerance, or under the counter's resolution per batch
    off = f"medians differ by {(hi / lo - 1) * 100:.0f}%" if lo else "one median is 0"
    wide = [n for n, x in (("A", a), ("B", b)) if spread(x) > WIDE_SPREAD]
    if wide:
        return (
            f"{off}; run {' and '.join(wide)} spread wide (p10-p90 over {WIDE_SPREAD:.0%} of the"
            " median): its samples were disturbed within the run"
        )
    return (
        f"{off}, both spreads tight: the whole figure moved between the runs "
        "(host state: other load, clock, where QEMU's threads ran)"
    )


def mb_s(x, ns):
    """A transfer figure's bytes over a time, in MB/s (10^6 bytes)."""
    return x["bytes"] * 1e3 / ns if ns else 0.0


def is_transfer(x):
    return "bytes" in x


def ns_cell(x):
    return f"{x['median_ns']:.1f} ({x['p10_ns']:.1f}-{x['p90_ns']:.1f})"


def mb_cell(x):
    # The slowest decile's rate first: p90 of the time is p10 of the rate.
    return f"{mb_s(x, x['median_ns']):.1f} ({mb_s(x, x['p90_ns']):.1f}-{mb_s(x, x['p10_ns']):.1f})"


def table(runs, keys, tolerance, same_config, transfer=False):
    """Markdown rows: medians in ns per operation, or for transfers in MB/s
    (B/A then compares rates). Noise is judged on the times either way."""
    names = [n for n, _ in runs]
    unit = "median MB/s (p10-p90)" if transfer else "median ns (p10-p90)"
    cell = mb_cell if transfer else ns_cell
    lines = [
        "| op | target | "
        + " | ".join(f"{n} {unit}" for n in names)
        + " |"
        + (" B/A | note |" if len(runs) == 2 else ""),
        "|---|---|" + "---|" * len(runs) + ("---|---|" if len(runs) == 2 else ""),
    ]
    flagged = []
    for op, target in keys:
        cells = []
        for _, figs in runs:
            x = figs.get((op, target))
            cells.append(cell(x) if x else "—")
        row = f"| {op} | `{target}` | " + " | ".join(cells) + " |"
        if len(runs) == 2:
            a, b = runs[0][1].get((op, target)), runs[1][1].get((op, target))
            ratio = "—"
            if a and b and a["median_ns"] and b["median_ns"]:
                num, den = (a, b) if transfer else (b, a)
                ratio = f"{num['median_ns'] / den['median_ns']:.2f}"
            if a and b:
                why = noisy(a, b, tolerance) if same_config else None
            else:
                why = "only in " + ("A" if a else "B")
            if why and a and b:
                flagged.append((op, target, why))
            row += f" {ratio} | {('noisy: ' + why) if why and a and b else (why or '')} |"
        lines.append(row)
    return lines, flagged


def svg(runs, keys):
    """One row per figure, one bar per run: median dot, p10-p90 line, log-scale ns."""
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
    values = [
        v
        for _, figs in runs
        for k in keys
        if k in figs
        for v in (figs[k]["p10_ns"], figs[k]["p90_ns"], figs[k]["median_ns"])
        if v > 0
    ]
    lo = 10 ** math.floor(math.log10(min(values))) if values else 1
    hi = 10 ** math.ceil(math.log10(max(values))) if values else 10
    hi = hi if hi > lo else lo * 10
    left, width, row, top = 420, 560, 6 + 6 * len(runs), 40
    height = top + row * len(keys) + 40

    def x(v):
        return left + width * (math.log10(max(v, lo)) - math.log10(lo)) / (
            math.log10(hi) - math.log10(lo)
        )

    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" height="{height}"'
            ' font-family="sans-serif" font-size="10">'
        ),
        (
            '<text x="10" y="16" font-size="13">bench: median per operation, p10-p90 bars, ns (log'
            " scale)</text>"
        ),
    ]
    for i, (name, _) in enumerate(runs):
        out.append(
            f'<rect x="{10 + 200 * i}" y="24" width="10" height="6" fill="{colours[i % 5]}"/>'
            f'<text x="{24 + 200 * i}" y="30">{escape(name)}</text>'
        )
    decade = lo
    while decade <= hi:
        out.append(
            f'<line x1="{x(decade):.1f}" y1="{top}" x2="{x(decade):.1f}" y2="{height - 30}"'
            f' stroke="#ddd"/><text x="{x(decade):.1f}" y="{height - 18}"'
            f' text-anchor="middle">{decade:g}</text>'
        )
        decade *= 10
    for r, (op, target) in enumerate(keys):
        y0 = top + r * row
        out.append(
            f'<text x="{left - 6}" y="{y0 + row / 2 + 3:.1f}"'
            f' text-anchor="end">{escape(op + " " + target)[:70]}</text>'
        )
        for i, (name, figs) in enumerate(runs):
            f = figs.get((op, target))
            if not f:
                continue
            y = y0 + 3 + 6 * i
            tip = escape(
                f"{name}: {op} {target}: median {f['median_ns']} ns, p10 {f['p10_ns']}, p90"
                f" {f['p90_ns']}"
            )
            out.append(
                f"<g><title>{tip}</title><line x1=\"{x(f['p10_ns']):.1f}\" y1=\"{y}\""
                f" x2=\"{x(f['p90_ns']):.1f}\" y2=\"{y}\" stroke=\"{colours[i % 5]}\""
                f" stroke-width=\"2\"/><circle cx=\"{x(f['median_ns']):.1f}\" cy=\"{y}\" r=\"2.5\""
                f' fill="{colours[i % 5]}"/></g>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/bench-compare",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "runs", nargs="+", metavar="RUN", help="bench.json, or a folder of scripts/run holding one"
    )
    ap.add_argument("--names", help="comma list naming the runs (default: each run's config)")
    ap.add_argument("--ops", help="only these ops, a comma list (default: every op)")
    ap.add_argument(
        "--tolerance",
        type=float,
        default=0.10,
        help="two runs' medians may differ by this fraction (default: 0.10)",
    )
    ap.add_argument(
        "--watch",
        default=DEFAULT_WATCH,
        help=f"ops whose noisy figures make the exit status 1 (default: {DEFAULT_WATCH})",
    )
    ap.add_argument("--md", help="write the table here too (default: stdout only)")
    ap.add_argument("--svg", help="write the chart here (default: none)")
    a = ap.parse_args(argv)
    try:
        runs = [load(r) for r in a.runs]
        configs = [c for c, _ in runs]
    except InputError as e:
        print(f"scripts/bench-compare: {e}", file=sys.stderr)
        return 2
    if a.names:
        names = a.names.split(",")
        if len(names) != len(runs):
            print(
                f"scripts/bench-compare: --names has {len(names)} names for {len(runs)} runs",
                file=sys.stderr,
            )
            return 2
        runs = [(n, figs) for n, (_, figs) in zip(names, runs)]
    elif len({n for n, _ in runs}) < len(runs):  # two runs of one config: A, B, ...
        runs = [(f"{chr(65 + i)}: {n}", figs) for i, (n, figs) in enumerate(runs)]
    ops = set(a.ops.split(",")) if a.ops else None
    keys = []
    for _, figs in runs:
        keys += [k for k in figs if k not in keys and (ops is None or k[0] in ops)]
    if not keys:
        print(
            "scripts/bench-compare: no figure to compare" + (f" among ops {a.ops}" if ops else ""),
            file=sys.stderr,
        )
        return 2
    # Noise is a question about two runs of one config; two platforms just differ.
    same = len(runs) == 2 and configs[0] == configs[1]
    transfers = [k for k in keys if any(is_transfer(figs[k]) for _, figs in runs if k in figs)]
    per_op = [k for k in keys if k not in transfers]
    lines, flagged = table(runs, per_op, a.tolerance, same) if per_op else ([], [])
    if transfers:
        more, flagged_t = table(runs, transfers, a.tolerance, same, transfer=True)
        lines += (
            ([""] if lines else [])
            + [
                (
                    "Transfers (one per sample; MB/s = 10^6 bytes per second, "
                    "higher is faster; B/A is B's rate over A's):"
                ),
                "",
            ]
            + more
        )
        flagged += flagged_t
    text = "\n".join(lines) + "\n"
    watch = set(a.watch.split(","))
    watched = [f for f in flagged if f[0] in watch]
    if same:
        text += (
            f"\n{len(keys) - len(flagged)} of {len(keys)} figures agree within {a.tolerance:.0%}; "
            f"{len(flagged)} noisy ({len(watched)} of them MMIO or hypercalls)\n"
        )
    elif len(runs) == 2:
        text += (
            f"\ntwo configs ({configs[0]}, {configs[1]}): B/A compares them; noise is judged only"
            " between runs of one config\n"
        )
    sys.stdout.write(text)
    if a.md:
        open(a.md, "w").write(text)
    if a.svg:
        open(a.svg, "w").write(svg(runs, keys))
    return 1 if watched else 0
