# SPDX-License-Identifier: MIT
"""scripts/run --list: the suites and cases an image holds, as the image
itself says them (the bootarg list; lib/runtime/listing.c writes the
list-suite and list-case records that lib/runtime/protocol.h declares), read
into a table for the terminal and list.txt."""
import textwrap

from . import records
from .protocol import LIST_DEFAULT, LIST_ON_REQUEST, VALUES

SUITE_TAG, CASE_TAG = VALUES["RECORD_LIST_SUITE"], VALUES["RECORD_LIST_CASE"]

FILE = "list.txt"


class Suite:
    def __init__(self, name, runs, ncases):
        self.name, self.runs, self.ncases, self.cases = name, runs, ncases, []


class ListingError(Exception):
    pass


def parse(ktap_lines):
    """The suites, in the image's order, from the report's `# list:` lines.
    Raises ListingError when the lines disagree with themselves (a case
    before its suite, a count that does not match)."""
    suites = []
    for line in ktap_lines:
        if not line.startswith("# "):
            continue
        try:
            r = records.parse(line[2:])
        except records.RecordError as e:
            raise ListingError(f"a listing line the runner cannot read: {line!r} ({e})") from None
        if r is None or r.tag not in (SUITE_TAG, CASE_TAG):
            continue
        if r.get("runs") not in (LIST_DEFAULT, LIST_ON_REQUEST):
            raise ListingError(f"a listing line the runner cannot read: {line!r}")
        if r.tag == SUITE_TAG:
            if not r.fields["cases"].isdigit():
                raise ListingError(f"a listing line the runner cannot read: {line!r}")
            suites.append(Suite(r.fields["name"], r.fields["runs"], int(r.fields["cases"])))
        elif suites and r.fields["suite"] == suites[-1].name:
            # A case on request runs only when named: shown as NAME(on request).
            on_request = r.fields["runs"] == LIST_ON_REQUEST
            suites[-1].cases.append(r.fields["name"] + ("(on request)" if on_request else ""))
        else:
            raise ListingError(f"a case before its suite: {line!r}")
    for s in suites:
        if len(s.cases) != s.ncases:
            raise ListingError(
                f"suite {s.name} announces {s.ncases} cases but lists {len(s.cases)}"
            )
    return suites


def table(suites, width=100):
    """The listing as text: one row per suite (its cases wrapped beside it),
    then what runs by default and how to run a few."""
    name_w = max([len("suite")] + [len(s.name) for s in suites]) + 2
    runs_w = len("on request") + 2
    lines = [f"{'suite':{name_w}}{'runs':{runs_w}}cases"]
    for s in suites:
        runs = "by default" if s.runs == LIST_DEFAULT else "on request"
        cells = textwrap.wrap(" ".join(s.cases), max(20, width - name_w - runs_w)) or ["(no cases)"]
        lines.append(f"{s.name:{name_w}}{runs:{runs_w}}{cells[0]}")
        lines += [" " * (name_w + runs_w) + c for c in cells[1:]]
    default = [s for s in suites if s.runs == LIST_DEFAULT and s.cases]
    on_request = [s.name for s in suites if s.runs != LIST_DEFAULT]
    one = f"{default[0].name}.{default[0].cases[0]}" if default else "SUITE.CASE"
    case_on_request = [
        f"{s.name}.{c[:-len('(on request)')]}"
        for s in suites
        for c in s.cases
        if c.endswith("(on request)")
    ]
    lines += [
        "",
        f"{len(suites)} suites, {sum(len(s.cases) for s in suites)} cases; without --only "
        "every suite that runs by default runs"
        + (f" (on request only: {', '.join(on_request)})" if on_request else "")
        + (
            f"; cases on request run only when named: {', '.join(case_on_request)}"
            if case_on_request
            else ""
        ),
        "run one case, or a few (SUITE: all its cases, SUITE.CASE: one of them):",
        f"  scripts/run --only {one}",
    ]
    if len(default) > 1:
        lines.append(f"  scripts/run --only {one},{default[-1].name}")
    lines.append("  (--only LIST is --bootargs suites=LIST)")
    return lines
