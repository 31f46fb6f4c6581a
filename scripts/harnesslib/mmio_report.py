"""mmio-findings.md from a run's ktap.txt: the mmio suite's observations as tables.

The suite (tests/mmio/) prints one line per classified observation, a
finding (a deviation, "FAIL: ") or evidence (required or permitted, "evidence: "):
    # FAIL: PATH | PART | REG@OFF | CHECK | expect E [SPEC] | observed O | deviation
    # evidence: PATH | PART | REG@OFF | CHECK | expect E [SPEC] | observed O | required
CLASS is required (the spec demands it and it happened), permitted (the spec
leaves it open) or deviation (contrary to the spec).

The prefixes and the field separator are lib/runtime/protocol.h's
(FINDING_PREFIX, EVIDENCE_PREFIX, FIELD_SEPARATOR).

    write(outdir, title)   -> path of mmio-findings.md, or None without findings
    PYTHONPATH=scripts python3 -m harnesslib.mmio_report OUTDIR [TITLE]
"""
import os
import re
import sys

from .protocol import EVIDENCE_PREFIX, FIELD_SEPARATOR, FINDING_PREFIX

FINDING = re.compile(r"^\s*# (?:%s|%s)(?P<body>.*?%s.*)$"
                     % (re.escape(FINDING_PREFIX), re.escape(EVIDENCE_PREFIX), re.escape(FIELD_SEPARATOR)))
EXPECT = re.compile(r"^expect (?P<expect>.*) \[(?P<spec>[^\]]*)\]$")
CLASSES = ("deviation", "permitted", "required")


def parse(lines):
    """Findings as dicts; a malformed line is kept whole so nothing is lost."""
    out = []
    for line in lines:
        m = FINDING.match(line)
        if not m:
            continue
        f = m.group("body").split(FIELD_SEPARATOR)
        if len(f) != 7 or not f[5].startswith("observed ") or f[6] not in CLASSES:
            out.append({"raw": m.group("body")})
            continue
        e = EXPECT.match(f[4])
        out.append({"device": f[0], "part": f[1], "register": f[2], "check": f[3],
                    "expect": e.group("expect") if e else f[4], "spec": e.group("spec") if e else "",
                    "observed": f[5][len("observed "):], "class": f[6]})
    return out


def _cell(text):
    return text.replace("|", "\\|")


def _table(rows):
    head = ["device", "part", "register", "check", "expectation", "spec", "observed", "class"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["device"], r["part"], r["register"], r["check"], r["expect"], r["spec"],
                 r["observed"], f"**{r['class']}**" if r["class"] == "deviation" else r["class"]]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return out


def _matrix(good, prefix, columns, heading):
    """Rows: device and register; columns: one check each; cells: completes/aborts."""
    rows, cells = [], {}
    for f in good:
        if not f["check"].startswith(prefix) or f["register"].startswith("reserved@"):
            continue
        col = f["check"][len(prefix):].split(" ")[0]
        key = (f["device"], f["part"], f["register"])
        if key not in rows:
            rows.append(key)
        word = "aborts" if f["observed"].startswith("abort") else "completes"
        cells[key + (col,)] = word + (" (deviation)" if f["class"] == "deviation" else "")
    if not rows:
        return []
    out = [f"## {heading}", "", "| device | register | " + " | ".join(columns) + " |",
           "|---|---|" + "---|" * len(columns)]
    for key in rows:
        out.append(f"| {key[0]} ({key[1]}) | {key[2]} | " +
                   " | ".join(cells.get(key + (c,), "-") for c in columns) + " |")
    return out + [""]


def render(findings, title):
    good = [f for f in findings if "raw" not in f]
    counts = {c: sum(f["class"] == c for f in good) for c in CLASSES}
    md = [f"# MMIO observations: {title}", "",
          f"{len(good)} observations: {counts['deviation']} deviation, {counts['permitted']} permitted, "
          f"{counts['required']} required.", "",
          "*required*: the outcome the spec demands; *permitted*: the spec leaves it open "
          "(UNPREDICTABLE width, reserved offset, register outside a subset); "
          "*deviation*: contrary to the spec.", ""]
    md += _matrix(good, "form ", ["ldr32", "ldr32-post", "ldr32-pre", "ldp32", "ldrsw", "ldr-simd-s"],
                  "Instruction forms (one register per device)")
    md += _matrix(good, "read", ["8", "16", "32", "64"], "Access widths (reads, one register per class)")
    for cls, heading in (("deviation", "Deviations"), ("permitted", "Permitted behaviours"),
                         ("required", "As required")):
        rows = [f for f in good if f["class"] == cls]
        if rows:
            md += [f"## {heading} ({len(rows)})", ""] + _table(rows) + [""]
    bad = [f["raw"] for f in findings if "raw" in f]
    if bad:
        md += ["## Lines not understood", ""] + [f"    {b}" for b in bad] + [""]
    return "\n".join(md)


def write(outdir, title=None):
    try:
        lines = open(os.path.join(outdir, "ktap.txt"), errors="replace").read().splitlines()
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
