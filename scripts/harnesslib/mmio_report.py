# SPDX-License-Identifier: MIT
"""mmio-findings.md from a run's ktap.txt: the mmio suite's observations as tables.

The suite (tests/mmio/) says each classified observation as a record
(lib/runtime/protocol.h, records.py): a finding (a deviation) or evidence
(required or permitted), whose subject names the register and whose
class=, expect=, spec= and observed= fields carry the rest:
    # FAIL: check=form_same_as_ldr32 node=PATH part=PART reg=REG off=0xOFF form=ldp32 class=deviation expect=... spec=... observed=... text=...
    # evidence: check=identity node=PATH part=PART reg=REG off=0xOFF class=required expect=... text=...
CLASS is required (the spec demands it and it happened), permitted (the spec
leaves it open) or deviation (contrary to the spec). The text is never read.

    write(outdir, title)   -> path of mmio-findings.md, or None without findings
    PYTHONPATH=scripts python3 -m harnesslib.mmio_report OUTDIR [TITLE]
"""
import os
import re
import sys

from . import records

SUBTEST = re.compile(r"^ *# Subtest: (?P<name>.*)$")
SUITE = "mmio"
CLASSES = ("deviation", "permitted", "required")
# The subject fields that tell one observation of a register from another.
DETAIL = ("form", "width", "cpu")


def parse(lines):
    """The mmio suite's observations as dicts; a record of it without a class
    is kept whole ("raw") so nothing is lost."""
    out, suite = [], None
    for line in lines:
        m = SUBTEST.match(line)
        if m:
            suite = m.group("name").strip()
            continue
        s = line.strip()
        if suite != SUITE or not s.startswith("# "):
            continue
        tag = records.tag_of(s[2:])
        if tag not in (records.FINDING, records.EVIDENCE):
            continue
        r = records.parse(s[2:])
        assert r is not None  # its tag is a declared one
        f = r.fields
        if f.get("class") not in CLASSES or "node" not in f or "reg" not in f:
            out.append({"raw": s[2:]})
            continue
        detail = " ".join(f"{k}={f[k]}" for k in DETAIL if k in f)
        out.append(
            {
                "device": f["node"],
                "part": f.get("part", "-"),
                "register": f"{f['reg']}@{f.get('off', '?')}",
                "reg": f["reg"],
                "check": f["check"] + (f" {detail}" if detail else ""),
                "name": f["check"],
                "form": f.get("form"),
                "width": f.get("width"),
                "expect": f.get("expect", ""),
                "spec": f.get("spec", ""),
                "observed": f.get("observed", ""),
                "class": f["class"],
            }
        )
    return out


def _cell(text):
    return text.replace("|", "\\|")


def _table(rows):
    head = ["device", "part", "register", "check", "expectation", "spec", "observed", "class"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [
            r["device"],
            r["part"],
            r["register"],
            r["check"],
            r["expect"],
            r["spec"],
            r["observed"],
            f"**{r['class']}**" if r["class"] == "deviation" else r["class"],
        ]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return out


def _matrix(good, key, columns, heading):
    """Rows: device and register; columns: the values of one subject field
    (form=, width=); cells: completes/aborts."""
    rows, cells = [], {}
    for f in good:
        col = f.get(key)
        if col is None or f["reg"] == "reserved":
            continue
        row = (f["device"], f["part"], f["register"])
        if row not in rows:
            rows.append(row)
        word = "aborts" if f["observed"].startswith("abort") else "completes"
        cells[row + (col,)] = word + (" (deviation)" if f["class"] == "deviation" else "")
    if not rows:
        return []
    out = [
        f"## {heading}",
        "",
        "| device | register | " + " | ".join(columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    for row in rows:
        out.append(
            f"| {row[0]} ({row[1]}) | {row[2]} | "
            + " | ".join(cells.get(row + (c,), "-") for c in columns)
            + " |"
        )
    return out + [""]


def render(findings, title):
    good = [f for f in findings if "raw" not in f]
    counts = {c: sum(f["class"] == c for f in good) for c in CLASSES}
    md = [
        f"# MMIO observations: {title}",
        "",
        (
            f"{len(good)} observations: {counts['deviation']} deviation,"
            f" {counts['permitted']} permitted, {counts['required']} required."
        ),
        "",
        (
            "*required*: the outcome the spec demands; *permitted*: the spec leaves it open "
            "(UNPREDICTABLE width, reserved offset, register outside a subset); "
            "*deviation*: contrary to the spec."
        ),
        "",
    ]
    md += _matrix(
        good,
        "form",
        ["ldr32", "ldr32-post", "ldr32-pre", "ldp32", "ldrsw", "ldr-simd-s"],
        "Instruction forms (one register per device)",
    )
    md += _matrix(
        good, "width", ["8", "16", "32", "64"], "Access widths (reads, one register per class)"
    )
    for cls, heading in (
        ("deviation", "Deviations"),
        ("permitted", "Permitted behaviours"),
        ("required", "As required"),
    ):
        rows = [f for f in good if f["class"] == cls]
        if rows:
            md += [f"## {heading} ({len(rows)})", ""] + _table(rows) + [""]
    bad = [f["raw"] for f in findings if "raw" in f]
    if bad:
        md += ["## Records without a class", ""] + [f"    {b}" for b in bad] + [""]
    return "\n".join(md)


def write(outdir, title=None):
    try:
        with open(os.path.join(outdir, "ktap.txt"), errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    findings = parse(lines)
    if not findings:
        return None
    path = os.path.join(outdir, "mmio-findings.md")
    with open(path, "w") as f:
        f.write(render(findings, title or os.path.basename(os.path.normpath(outdir))))
    return path


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    p = write(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    print(p or "no mmio findings in ktap.txt")
