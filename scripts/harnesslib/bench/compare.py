# SPDX-License-Identifier: MIT
"""Put bench figures side by side: QEMU and Xen, or two runs of one
platform. Each RUN is a bench.json or a folder holding one (scripts/run
writes it for suites=bench), labelled by its folder or by --names. Prints
a Markdown table of medians (ns per operation), one column per run, then
one of the transfers' rates (MB/s, op=throughput), and with --svg writes a
chart (bench/chart.py): a headline, the times on one log axis and the
rates on another, B/A per row, the noisy figures marked.

Rows pair by what was measured, not where: an MMIO figure by its device
part's role and register ("distributor GICD_TYPER:32" on QEMU's
/intc@8000000 and on Xen's /interrupt-controller@3001000; bench/pairs.py).

Two runs of one config (the same config in both bench.json files): a
figure whose medians differ by more than
--tolerance is marked noisy, with why: a wide p10-p90 spread in a run (its
samples were disturbed) or tight spreads that moved together (the host's
state changed between the runs). Exit status: 0, or 1 when any
figure of --watch's ops (default: MMIO and hypercalls) was noisy, 2 on bad
input.
"""
import argparse
import statistics
import sys

from ..errors import InputError
from . import chart, pairs

DEFAULT_WATCH = "mmio_read,mmio_write,smccc,xen_hypercall"
WIDE_SPREAD = 0.5  # (p90 - p10) / median above this: the samples were disturbed


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
    (B/A then compares rates). Noise is judged on the times either way.
    Returns the rows and {key: why} of the noisy figures."""
    unit = "median MB/s (p10-p90)" if transfer else "median ns (p10-p90)"
    cell = mb_cell if transfer else ns_cell
    two = len(runs) == 2
    lines = [
        "| op | target | "
        + " | ".join(f"{r.label} {unit}" for r in runs)
        + " |"
        + (" B/A | note |" if two else ""),
        "|---|---|" + "---|" * len(runs) + ("---|---|" if two else ""),
    ]
    flagged = {}
    for k in keys:
        op, target = k
        cells = [cell(r.figs[k]) if k in r.figs else "—" for r in runs]
        row = f"| {op} | `{target}` | " + " | ".join(cells) + " |"
        if two:
            a, b = runs[0].figs.get(k), runs[1].figs.get(k)
            ratio = "—"
            if a and b and a["median_ns"] and b["median_ns"]:
                num, den = (a, b) if transfer else (b, a)
                ratio = f"{num['median_ns'] / den['median_ns']:.2f}"
            notes = []
            if a and b:
                why = noisy(a, b, tolerance) if same_config else None
                if why:
                    flagged[k] = why
                    notes.append("noisy: " + why)
            else:
                notes.append("only in " + ("A" if a else "B"))
            paths = [r.where.get(k) for r in runs]
            if all(paths) and paths[0] != paths[1]:
                notes.append(f"A `{paths[0]}`, B `{paths[1]}`")
            row += f" {ratio} | {'; '.join(notes)} |"
        lines.append(row)
    return lines, flagged


def headline(runs, keys, flagged, same, tolerance, watched):
    """What the chart says first: for two configs, B over A across the
    figures both have (overall and per op); for two runs of one config,
    how many agree and how many are noisy."""
    if len(runs) != 2:
        return [f"bench: {len(runs)} runs, {len(keys)} figures"]
    a, b = runs
    if same:
        return [
            f"two runs of {a.config}: {len(keys) - len(flagged)} of {len(keys)} figures agree"
            f" within {tolerance:.0%}, {len(flagged)} noisy ({watched} MMIO or hypercalls)"
        ]
    ratios = {}
    for k in keys:
        fa, fb = a.figs.get(k), b.figs.get(k)
        if fa and fb and fa["median_ns"] and fb["median_ns"] and not is_transfer(fa):
            ratios[k] = fb["median_ns"] / fa["median_ns"]
    if not ratios:
        return [f"{b.label} vs {a.label}: no figure in both"]
    lo = min(ratios, key=lambda k: ratios[k])
    hi = max(ratios, key=lambda k: ratios[k])
    first = (
        f"{b.label} over {a.label}: the {len(ratios)} figures both have take a median"
        f" {statistics.median(ratios.values()):.1f}x as long"
    )
    per_op: dict = {}
    for k, r in ratios.items():
        per_op.setdefault(k[0], []).append(r)
    second = "by op: " + ", ".join(
        f"{op} {statistics.median(v):.1f}x ({len(v)})" for op, v in per_op.items()
    )
    third = (
        f"from {ratios[lo]:.2f}x ({lo[0]} {lo[1]}) to {ratios[hi]:.1f}x ({hi[0]} {hi[1]})"
    )
    return [first, second, third]


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/bench-compare",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "runs", nargs="+", metavar="RUN", help="bench.json, or a folder of scripts/run holding one"
    )
    ap.add_argument(
        "--names",
        help="comma list labelling the runs, each once (default: each run's folder name)",
    )
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
    ap.add_argument(
        "--svg-rows",
        choices=("all", "shared"),
        default="all",
        help="chart every figure, or only those every run has (the rest counted under the"
        " headline; the table has them all). Default: all",
    )
    ap.add_argument("--title", help="the chart's first line (default: its computed headline)")
    a = ap.parse_args(argv)
    try:
        runs = [pairs.load(r) for r in a.runs]
        for r, label in zip(runs, pairs.labels(a.runs, a.names.split(",") if a.names else None)):
            r.label = label
    except InputError as e:
        print(f"scripts/bench-compare: {e}", file=sys.stderr)
        return 2
    ops = set(a.ops.split(",")) if a.ops else None
    keys = []
    for r in runs:
        keys += [k for k in r.figs if k not in keys and (ops is None or k[0] in ops)]
    if not keys:
        print(
            "scripts/bench-compare: no figure to compare" + (f" among ops {a.ops}" if ops else ""),
            file=sys.stderr,
        )
        return 2
    # Noise is a question about two runs of one config; two platforms just differ.
    same = len(runs) == 2 and runs[0].config == runs[1].config
    transfers = [k for k in keys if any(is_transfer(r.figs[k]) for r in runs if k in r.figs)]
    per_op = [k for k in keys if k not in transfers]
    lines, flagged = table(runs, per_op, a.tolerance, same) if per_op else ([], {})
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
        flagged.update(flagged_t)
    text = "\n".join(lines) + "\n"
    watch = set(a.watch.split(","))
    watched = [k for k in flagged if k[0] in watch]
    text += "\nruns: " + "; ".join(
        f"{'AB'[i] + ' = ' if len(runs) == 2 else ''}{r.label} ({r.config})"
        for i, r in enumerate(runs)
    ) + "\n"
    if same:
        text += (
            f"{len(keys) - len(flagged)} of {len(keys)} figures agree within {a.tolerance:.0%}; "
            f"{len(flagged)} noisy ({len(watched)} of them MMIO or hypercalls)\n"
        )
    elif len(runs) == 2:
        text += (
            f"two configs ({runs[0].config}, {runs[1].config}): B/A compares them; noise is"
            " judged only between runs of one config\n"
        )
    sys.stdout.write(text)
    if a.md:
        open(a.md, "w").write(text)
    if a.svg:
        open(a.svg, "w").write(chart_of(a, runs, per_op, transfers, flagged, same, len(watched)))
    return 1 if watched else 0


def chart_of(a, runs, per_op, transfers, flagged, same, watched):
    """The chart's SVG: the rows --svg-rows asks for, the headline, and a
    note of the figures left out."""
    keys = per_op + transfers
    head = headline(runs, keys, flagged, same, a.tolerance, watched)
    if a.title:
        head = [a.title] + head
    notes = []
    if a.svg_rows == "shared":
        shared = [k for k in keys if all(k in r.figs for r in runs)]
        for r in runs:
            alone = [k for k in keys if k in r.figs and k not in shared]
            if alone:
                ops: dict = {}
                for k in alone:
                    ops[k[0]] = ops.get(k[0], 0) + 1
                roles = sorted({k[1].split(" ")[0].split("#")[0] for k in alone if k in r.where})
                notes.append(
                    f"not drawn (the table has them): {len(alone)} figures only in {r.label}: "
                    + ", ".join(f"{op} {n}" for op, n in ops.items())
                    + (f" (roles {', '.join(roles)})" if roles else "")
                )
        per_op = [k for k in per_op if k in shared]
        transfers = [k for k in transfers if k in shared]
    return chart.svg(runs, per_op, transfers, flagged, head, notes)
