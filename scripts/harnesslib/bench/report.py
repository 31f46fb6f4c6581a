# SPDX-License-Identifier: MIT
"""bench.json and bench.csv: the bench suite's figures (its records in the
KTAP report, tests/bench/bench.h, declared in lib/runtime/protocol.h), with
the run's config, written beside the report when the suite printed any.
Figures are nanoseconds per operation; a transfer's figure (op=throughput)
times one transfer per sample and also carries its bytes and median_mb_s
(bytes / median time, 1 MB = 10^6 bytes), which bench.csv holds in two last
columns, empty for the others. An MMIO figure also carries its device
part's role (the contract's part: "distributor", "uart"), which
scripts/bench-compare pairs two platforms' figures by; bench.csv holds it
last.

Records read (records.py, never the prose around them):
  bench          one figure (FIELDS, TRANSFER for a transfer, role for MMIO)
  bench-untimed  what was not timed and why (bench.json "untimed")
  bench-info     the time base and the loop's cost (bench.json "info")
  bench-summary  the summary's figures, name and value (bench.json "summary")
"""
import csv
import json
import os

from .. import records

FIELDS = (
    "op",
    "target",
    "samples",
    "batch",
    "min_ns",
    "p10_ns",
    "median_ns",
    "p90_ns",
    "p99_ns",
    "max_ns",
    "loop_ns",
)
TRANSFER = ("bytes", "median_mb_s")  # a transfer's figure only
ROLE = ("role",)  # an MMIO figure only
NUMERIC = {
    "samples": int,
    "batch": int,
    "bytes": int,
    "median_mb_s": float,
    "counter_hz": int,
    "loop_ticks_batch1": int,
    "loop_ticks_per_batch": int,
}
FIGURE, UNTIMED, INFO, SUMMARY = "bench", "bench-untimed", "bench-info", "bench-summary"


def _value(key, value):
    conv = NUMERIC.get(key, float if key.endswith("_ns") else str)
    return conv(value)


def _kind(line):
    """The bench record a report line holds (tag, Record), or None."""
    s = line.strip()
    if not s.startswith("# "):
        return None
    tag = records.tag_of(s[2:])
    if tag not in (FIGURE, UNTIMED, INFO, SUMMARY):
        return None
    return tag, records.parse(s[2:])


def parse(ktap_lines):
    """The figures (dicts of FIELDS, TRANSFER for a transfer, ROLE when given) and a dict
    of the rest: "info" (the bench-info fields), "untimed" and "summary"
    (lists of dicts), in report order. records.RecordError when a bench
    record breaks its declaration."""
    figures = []
    info: dict[str, object] = {}
    untimed: list[dict[str, str | None]] = []
    summary: list[dict[str, object]] = []
    rest = {"info": info, "untimed": untimed, "summary": summary}
    for line in ktap_lines:
        got = _kind(line)
        if got is None:
            continue
        tag, r = got
        if tag == FIGURE:
            keys = FIELDS + tuple(k for k in TRANSFER + ROLE if k in r.fields)
            figures.append({k: _value(k, r.fields[k]) for k in keys})
        elif tag == INFO:
            info.update({k: _value(k, v) for k, v in r.fields.items()})
        elif tag == UNTIMED:
            untimed.append(dict(r.fields, why=r.text))
        else:
            entry: dict[str, object] = {"name": r.fields["name"]}
            if "value" in r.fields:
                entry["value"] = float(r.fields["value"])
            if r.text is not None:
                entry["text"] = r.text
            summary.append(entry)
    return figures, rest


def write(ktap_lines, out, config):
    figures, rest = parse(ktap_lines)
    if not figures:
        return None
    doc = {
        "config": config,
        "unit": "ns per operation",
        "transfer_unit": "MB/s (10^6 bytes per second)",
        "info": rest["info"],
        "summary": rest["summary"],
        "untimed": rest["untimed"],
        "figures": figures,
    }
    with open(os.path.join(out, "bench.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, "bench.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(("config",) + FIELDS + TRANSFER + ROLE)
        for fig in figures:
            w.writerow(
                [config]
                + [fig[k] for k in FIELDS]
                + [fig.get(k, "") for k in TRANSFER + ROLE]
            )
    return len(figures)
