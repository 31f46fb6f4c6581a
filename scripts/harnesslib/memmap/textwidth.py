# SPDX-License-Identifier: MIT
"""How wide a line of DejaVu Sans (the pictures' font) is, so that a text is
cut only where it would not fit, and wrapped where there are lines to spare.
Advance widths per 1000 units of the em, from the font's metrics for the
ASCII it draws; any other character counts as an M (too wide, never too
narrow). scripts/check-views measures the rendered text in Chromium and
fails on a text wider than its room, or cut where it had room."""

ADVANCE = {" ": 318, "!": 401, '"': 460, "#": 838, "$": 636, "%": 950, "&": 780, "'": 275}
ADVANCE.update({"(": 390, ")": 390, "*": 500, "+": 838, ",": 318, "-": 361, ".": 318, "/": 337})
ADVANCE.update({c: 636 for c in "0123456789"})
ADVANCE.update({":": 337, ";": 337, "<": 838, "=": 838, ">": 838, "?": 531, "@": 1000})
ADVANCE.update(dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
    748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685))))
ADVANCE.update(dict(zip("abcdefghijklmnopqrstuvwxyz", (
    613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974,
    634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525))))
ADVANCE.update({"[": 390, "\\": 337, "]": 390, "^": 838, "_": 500, "{": 636, "|": 337, "}": 636})
ADVANCE.update({"~": 838, "\u2026": 1000})
BOLD = 1.12  # DejaVu Sans Bold is this much wider, about
ELLIPSIS = "\u2026"


def width(text, size, bold=False):
    w = sum(ADVANCE.get(c, 1000) for c in text) * size / 1000
    return w * BOLD if bold else w


def fit(text, room, size, bold=False):
    """text, or its longest head that fits room pixels with … after it."""
    if width(text, size, bold) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width(text[:mid].rstrip() + ELLIPSIS, size, bold) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def wrap(text, room, size, bold=False, lines=3):
    """text in at most `lines` lines of room pixels, broken at spaces; the
    last one cut (fit) when the text needs more."""
    words, out, cur = text.split(" "), [], ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        if width(trial, size, bold) <= room or not cur:
            cur = trial
        else:
            out.append(cur)
            cur = w
    out.append(cur)
    if len(out) > lines:
        out = out[: lines - 1] + [fit(" ".join(out[lines - 1 :]), room, size, bold)]
    return [fit(x, room, size, bold) for x in out]
