# SPDX-License-Identifier: MIT
"""Shorten a message for a place that wants it short (a JUnit failure's
message attribute, a verdict line) without cutting a word in two: the cut
falls at a space and says how much it left out, so that nobody reads a
clipped "0x9000" as the whole of "0x9000000"."""


def clip(text, limit):
    """text if it has at most `limit` characters; else its words up to the
    last space within `limit` (or, when the first word alone is longer, that
    word whole) and a marker naming how many characters follow."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    if cut <= 0:
        cut = text.find(" ", limit)
        if cut == -1:
            return text  # one word: nothing to cut it at
    head = text[:cut].rstrip()
    return f"{head} [... {len(text) - len(head)} more characters]"
