# SPDX-License-Identifier: MIT
"""The guest memory-map document: memory-map.md and memory-map.svg from the
memmap suite's "memmap-*" records (documented by the profile, described by
the DT, found by the probe; lib/runtime/protocol.h, records.py) and its
FAIL records, with every suite's findings placed on it (memmap/place.py)
and drawn (memmap/picture.py). write(ktap_lines, outdir, held=baseline)."""
import os
import re
from html import escape
from typing import Any

from .. import findings, records
from ..memmap import place as memmap_place
from ..memmap import picture as memmap_picture
from ..memmap.picture import human, hx

RANGE = re.compile(r"^(0x[0-9a-f]+)\+(0x[0-9a-f]+)$")
TAG = {
    name: records.protocol.VALUES[f"RECORD_MEMMAP_{name.upper()}"]
    for name in ("profile", "region", "dt", "gap", "sweep")
}


def _range(text):
    m = RANGE.match(text or "")
    return (int(m.group(1), 16), int(m.group(2), 16)) if m else None


def _int(text, default=0):
    try:
        return int(text, 0)
    except (TypeError, ValueError):
        return default


def parse(ktap_lines):
    """The memmap suite's map, or None when the report has none. findings:
    (region name or "-", text, findings.Finding) of each of the suite's FAIL
    records, region from its subject."""
    d: dict[str, Any] = {
        "profile": None,
        "document": "",
        "regions": [],
        "dt": [],
        "sweep": [],
        "findings": [],
        "gaps": [],
        "sweep_time_us": None,
        "status": None,
    }
    in_memmap = False
    for line in ktap_lines:
        s = line.strip()
        if s == "# Subtest: memmap":
            in_memmap = True
        m = re.match(r"^(ok|not ok) \d+ memmap\b(.*)$", line)
        if m:
            d["status"] = (
                ("skip: " + m.group(2).split("SKIP", 1)[1].strip())
                if "SKIP" in m.group(2)
                else ("pass" if m.group(1) == "ok" else "fail")
            )
            in_memmap = False
        if not in_memmap or not s.startswith("# "):
            continue
        r = records.parse(s[2:])
        if r is None:
            continue
        f = r.fields
        if r.tag == TAG["profile"]:
            d["profile"] = dict(f)
            d["document"] = f.get("document", "")
        elif r.tag == TAG["region"]:
            g = dict(f)
            g["doc"], g["dtr"] = _range(f.get("doc")), _range(f.get("dt"))
            d["regions"].append(g)
        elif r.tag == TAG["dt"]:
            d["dt"].append(dict(f))
        elif r.tag == TAG["sweep"]:
            if "first" in f and "last" in f:
                d["sweep"].append(
                    (
                        int(f["first"], 16),
                        int(f["last"], 16),
                        f.get("outcome") == "answered",
                        f.get("region", "-"),
                        f.get("esr", "-"),
                        _int(f.get("points")),
                    )
                )
            elif "time_us" in f:
                d["sweep_time_us"] = _int(f["time_us"], None)
        elif r.tag == TAG["gap"]:
            rng = _range(f.get("range"))
            if rng and "probes" in f:
                d["gaps"].append(
                    (rng[0], rng[1], f.get("kind", "?"), _int(f["probes"]), _int(f.get("faulted")))
                )
    if d["profile"] or d["status"]:
        d["findings"] = [
            (f.field("region") or "-", f.text, f)
            for f in findings.read(ktap_lines).findings()
            if f.suite == "memmap"
        ]
        return d
    return None


def rows(d):
    """Documented regions and the undocumented gaps between them, by address."""
    out = []
    for r in d["regions"]:
        b, s = r["doc"]
        out.append(
            {
                "name": r["name"],
                "region": r["name"],
                "kind": r["kind"],
                "base": b,
                "size": s,
                "dt": r["dtr"],
                "probe": r.get("probe", "-"),
                "findings": [t for reg, t, _ in d["findings"] if reg == r["name"]],
            }
        )
    for b, s, kind, probes, faulted in d["gaps"]:
        if kind == "gap":
            out.append(
                {
                    "name": "(undocumented)",
                    "region": None,
                    "kind": "gap",
                    "base": b,
                    "size": s,
                    "dt": None,
                    "probe": (
                        "faulted" if probes == faulted else f"answered {probes - faulted}/{probes}"
                    ),
                    "findings": [
                        t for reg, t, f in d["findings"] if reg == "-" and _inside(f, b, s)
                    ],
                }
            )
    out.sort(key=lambda r: (r["base"], r["kind"] == "gap"))
    return out


def _inside(f, base, size):
    """Is the address a finding's subject gives (addr=, else range='s base)
    inside [base, base + size)?"""
    a = f.field("addr")
    a = int(a, 16) if a else (_range(f.field("range")) or (None,))[0]
    return a is not None and base <= a < base + size


def markdown(d, title, timing=True):
    p = d["profile"]
    lines = [f"# Guest memory map: {title}", ""]
    if not p:
        lines += [f"The memmap suite did not run: {d['status']}.", ""]
        return "\n".join(lines)
    reach = p.get("reach_bits")
    probed = (
        f"probed up to 2^{reach} (identity map 2^{p['mapped_pa_bits']}, windows above)."
        if reach
        else f"probed up to 2^{p['mapped_pa_bits']}."
    )
    lines += [
        (
            f"Documentation: {d['document']} (profile `{p['name']}`), GICv{p['gic']}. "
            f"Physical address size {p['pa_bits']} bits; {probed}"
        ),
        "",
        (
            "Generated by the harness (`scripts/run`, memmap suite) from what the documentation"
            " says (profile), what the platform says (device tree) and what it does (probe: a"
            " 32-bit read of the first word of each described range; first, middle and last page of"
            " everything else)."
        ),
        "",
        (
            "| Region | Kind | Documented base | Documented size | DT base | DT size | Probe |"
            " Finding |"
        ),
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows(d):
        dtb, dts = (hx(r["dt"][0]), human(r["dt"][1])) if r["dt"] else ("-", "-")
        f = "<br>".join(escape(x) for x in r["findings"]) or "-"
        lines.append(
            f"| {r['name']} | {r['kind']} | {hx(r['base'])} | {human(r['size'])} | {dtb} | {dts} "
            f"| {r['probe']} | {f} |"
        )
    outside = [t for reg, t, _ in d["findings"] if reg == "-"]
    lines += ["", "## Findings", ""]
    lines += [f"- {escape(t)}" for reg, t, _ in d["findings"]] or [
        "None: the device tree, the documentation and the probe agree."
    ]
    lines += [
        "",
        "## Device tree ranges",
        "",
        "| Node | Range | Documented region |",
        "|---|---|---|",
    ]
    for n in d["dt"]:
        kind, rng = next(((k, n[k]) for k in ("reg", "window", "bank") if k in n), ("?", "?"))
        rr = _range(rng)
        shown = f"{kind} {hx(rr[0])} + {human(rr[1])}" if rr else rng
        lines.append(f"| {n.get('node')} | {shown} | {n.get('region')} |")
    lines += ["", "## Sweep", ""]
    lines.append(
        "Every 1 GiB up to the highest documented or described address, every 64 GiB past it"
        " and the last GiB, and every 2 MiB within 32 MiB of each edge (inside a DT reg or"
        " bank only its first and last 2 MiB)"
        + (
            f"; guest time {d['sweep_time_us'] / 1000:.1f} ms."
            if timing and d["sweep_time_us"] is not None
            else "."
        )
    )
    lines.append("")
    lines += ["| From | To | Answered | Region | Points | Fault |", "|---|---|---|---|---|---|"]
    for a, b, ans, reg, esr, pts in d["sweep"]:
        lines.append(
            f"| {hx(a)} | {hx(b)} | {'yes' if ans else 'no'} | {reg} | {pts} |"
            f" {esr.replace('/', ' ')} |"
        )
    if outside:
        lines += ["", f"{len(outside)} finding(s) lie outside the documented map."]
    return "\n".join(lines) + "\n"


def picture_rows(d):
    """rows(), with each RAM window cut where the DT's banks begin and end, so
    that the scale gives the populated part a row of its own."""
    out = []
    remainder = {
        (b, sz): (probes, faulted)
        for b, sz, kind, probes, faulted in d["gaps"]
        if kind == "outside-banks"
    }
    for r in rows(d):
        if r["kind"] != "ram" or not r["dt"]:
            out.append(r)
            continue
        lo, hi, end = r["dt"][0], r["dt"][0] + r["dt"][1], r["base"] + r["size"]
        for a, b, described in ((r["base"], lo, False), (lo, hi, True), (hi, end, False)):
            if b <= a:
                continue
            probes, faulted = remainder.get((a, b - a), (0, 0))
            probe = (
                r["probe"]
                if described
                else (
                    "faulted"
                    if probes and probes == faulted
                    else f"answered {probes - faulted}/{probes}" if probes else "-"
                )
            )
            out.append(
                dict(
                    r,
                    base=a,
                    size=b - a,
                    probe=probe,
                    dt=(a, b - a) if described else None,
                    name=r["name"] + (" (DT banks)" if described else " (no bank)"),
                    findings=r["findings"] if described else [],
                )
            )
    return out


def every_finding(rows_, placed):
    """memory-map.md's section of every suite's findings: where each is on the map."""
    on, loose = memmap_picture.assign(rows_, placed)
    where = {id(p): r["name"] for r, ps in zip(rows_, on) for p in ps}
    lines = ["", "## Findings of every suite", ""]
    if not placed:
        return lines + ["None."]
    lines += [
        (
            f"{len(placed)} findings, {len(loose)} not tied to a region "
            "(placed by memmap/place.py's rules)."
        ),
        "",
        "| Where | Baseline | On the map | Finding |",
        "|---|---|---|---|",
    ]

    def cell(s):
        return escape(s, quote=False).replace("|", "\\|").replace("\n", " ")

    for p in placed:
        judged = p.note or ("no baseline held" if p.status == memmap_place.UNJUDGED else p.status)
        lines.append(
            f"| {p.where} | {cell(judged)} | {cell(where.get(id(p), '- (' + p.how + ')'))} |"
            f" {cell(p.text)} |"
        )
    return lines


def write(ktap_lines, outdir, title=None, timing=True, held=None):
    """Writes memory-map.md and memory-map.svg; returns their paths ([] without a map).
    timing=False leaves the sweep's guest time out (documents kept under version control);
    held: the baseline the run was held against (baseline_run.Held), which tells
    known deviations from new findings."""
    d = parse(ktap_lines)
    if d is None:
        return []
    p = d["profile"]
    title = title or (f"{p['name']} (GICv{p['gic']})" if p else "memory map")
    placed = memmap_place.place(ktap_lines, [r["name"] for r in d["regions"]], held)
    text = markdown(d, title, timing)
    if p:
        text += "\n".join(every_finding(picture_rows(d), placed)) + "\n"
    paths = [os.path.join(outdir, "memory-map.md")]
    with open(paths[0], "w") as f:
        f.write(text)
    suites = list(findings.read(ktap_lines).suites())
    picture = (
        memmap_picture.svg(d, title, picture_rows(d), placed, suites, held.path if held else None)
        if p
        else None
    )
    if picture:
        paths.append(os.path.join(outdir, "memory-map.svg"))
        with open(paths[1], "w") as f:
            f.write(picture)
    return paths
