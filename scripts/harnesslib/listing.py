"""scripts/run --list: the suites and cases an image holds, as the image
itself says them (the bootarg list; lib/runtime/listing.c writes the lines,
lib/runtime/protocol.h LIST_PREFIX defines their form), read into a table
for the terminal and list.txt."""
import textwrap

from .protocol import LIST_DEFAULT, LIST_ON_REQUEST, LIST_PREFIX

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
        if not line.startswith("# " + LIST_PREFIX):
            continue
        words = line[len("# " + LIST_PREFIX):].split()
        if len(words) == 4 and words[0] == "suite" and words[2] in (LIST_DEFAULT, LIST_ON_REQUEST) \
                and words[3].isdigit():
            suites.append(Suite(words[1], words[2], int(words[3])))
        elif len(words) == 2 and words[0] == "case" and suites and words[1].startswith(suites[-1].name + "."):
            suites[-1].cases.append(words[1][len(suites[-1].name) + 1:])
        else:
            raise ListingError(f"a listing line the runner cannot read: {line!r}")
    for s in suites:
        if len(s.cases) != s.ncases:
            raise ListingError(f"suite {s.name} announces {s.ncases} cases but lists {len(s.cases)}")
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
    lines += ["", f"{len(suites)} suites, {sum(len(s.cases) for s in suites)} cases; without --only "
              "every suite that runs by default runs"
              + (f" (on request only: {', '.join(on_request)})" if on_request else ""),
              "run one case, or a few (SUITE: all its cases, SUITE.CASE: one of them):",
              f"  scripts/run --only {one}"]
    if len(default) > 1:
        lines.append(f"  scripts/run --only {one},{default[-1].name}")
    lines.append(f"  (--only LIST is --bootargs suites=LIST)")
    return lines
