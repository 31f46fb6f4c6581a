"""bench.json and bench.csv: the bench suite's figures ("bench:" lines of
the KTAP report, tests/bench/bench.h), with the run's config, written beside
the report when the suite printed any. Figures are nanoseconds per operation;
a transfer's figure (op=throughput) times one transfer per sample and also
carries its bytes and median_mb_s (bytes / median time, 1 MB = 10^6 bytes),
which bench.csv holds in two last columns, empty for the others.
"""
import csv
import json
import os
import re

FIELDS = ("op", "target", "samples", "batch", "min_ns", "p10_ns", "median_ns", "p90_ns", "p99_ns", "max_ns",
          "loop_ns")
LINE = re.compile(r"#\s*bench:\s+(op=\S+(?:\s+\w+=\S+)*)\s*$")
INFO = re.compile(r"#\s*bench-(info|summary):\s+(.*)$")
TRANSFER = ("bytes", "median_mb_s")  # a transfer's figure only
NUMERIC = {"samples": int, "batch": int, "bytes": int, "median_mb_s": float}


def parse(ktap_lines):
    """The figures (dicts of FIELDS) and the info/summary lines, in report order."""
    figures, info = [], []
    for line in ktap_lines:
        m = LINE.search(line)
        if m:
            kv = dict(tok.split("=", 1) for tok in m.group(1).split())
            if not all(k in kv for k in FIELDS):
                continue  # a "not timed" line: said in the report, no figure
            keys = FIELDS + tuple(k for k in TRANSFER if k in kv)
            figures.append({k: NUMERIC.get(k, float if k.endswith("_ns") else str)(kv[k]) for k in keys})
            continue
        m = INFO.search(line)
        if m:
            info.append(f"{m.group(1)}: {m.group(2).strip()}")
    return figures, info


def write(ktap_lines, out, config):
    figures, info = parse(ktap_lines)
    if not figures:
        return None
    doc = {"config": config, "unit": "ns per operation", "transfer_unit": "MB/s (10^6 bytes per second)",
           "info": info, "figures": figures}
    with open(os.path.join(out, "bench.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, "bench.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(("config",) + FIELDS + TRANSFER)
        for fig in figures:
            w.writerow([config] + [fig[k] for k in FIELDS] + [fig.get(k, "") for k in TRANSFER])
    return len(figures)
