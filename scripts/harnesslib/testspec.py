# SPDX-License-Identifier: MIT
"""The integration tests: what each runs and what it must find, read from
two places that never describe the same test:

- blocks in tests/harness/integration/*.tests, for runs that are not about a
  test tree (platform configurations, bootargs, Xen, no DT at all);
- the test trees themselves: every dts/broken/*.dts (test broken-NAME), every
  dts/lies/*.dts (test lie-NAME) and every byte-level broken DTB that
  broken_dtbs.py writes (test broken-NAME), whose `// key: value` header lines
  are their only expectations. tests/harness/unit/check-dts.py reads the
  same lines (tree_spec) for the `expect` problems the host model must find.

The format of both is in integration.py's docstring (scripts/integration --help).
"""
import glob
import os
import re
import shlex

from . import broken_dtbs, findings, paths

TREE_DIRS = (("broken", "broken-"), ("lies", "lie-"), ("truthful", "truthful-"))
TREE_LINE = re.compile(r"^//\s*(?P<key>[a-z][a-z-]*):(?: (?P<value>.*))?$")
TREE_KEYS = (
    "run",
    "status",
    "needs",
    "expect",
    "expect-run",
    "note",
    "ktap",
    "ktap-not",
    "console",
    "output",
    "file",
    "prove",
)
CHECKS = ("ktap", "ktap-not", "console", "output", "file", "prove")


class SpecError(Exception):
    pass


class Expect:
    """An `expect` or `expect-run` line: SUITE/CASE CHECK [key=value ...],
    a finding of that case (SUITE alone: of the suite's own) with that check
    and exactly that subject (the keys in the report's order, each value as
    the report writes it); its text is never matched."""

    def __init__(self, value, where):
        words = value.split()
        self.value, self.where = " ".join(words), where
        if len(words) < 2 or not findings.WHERE.match(words[0]):
            raise SpecError(
                f"{where}: an expectation is a finding's identity, SUITE/CASE CHECK "
                f"[key=value ...], not {value!r}"
            )
        self.suite, _, case = words[0].partition("/")
        self.case = case or None
        try:
            self.pattern = findings.Pattern(" ".join(words[1:]))
        except findings.PatternError as e:
            raise SpecError(
                f"{where}: {e} (an expectation is SUITE/CASE CHECK [key=value ...])"
            ) from None

    def found(self, report):
        """Whether a findings.Report has the finding."""
        return any(
            (f.suite, f.case) == (self.suite, self.case)
            and self.pattern.matches(f.check, f.subject)
            for f in report.findings()
        )

    def __str__(self):
        return self.value

    def __repr__(self):
        return f"Expect({self.value!r})"

    def __eq__(self, other):
        return isinstance(other, Expect) and other.value == self.value

    def __hash__(self):
        return hash(self.value)


class Test:
    def __init__(self, name, where):
        self.name, self.where, self.run, self.status, self.checks, self.needs = (
            name,
            where,
            [],
            0,
            [],
            [],
        )
        self.tree = None  # the tree a tree test is about
        # A tree's problems the platform model finds, as written (SUITE/CASE CHECK
        # key=value ...): tests/harness/unit/check-dts.py holds host dtcheck to them.
        self.expects = []


def _check(kind, words, where):
    if kind == "file":
        if len(words) < 2:
            raise SpecError(f"{where}: file needs a file name and a text")
        return ("file", words[0], " ".join(words[1:]))
    if kind != "prove" and not words:
        raise SpecError(f"{where}: {kind} needs a text")
    return (kind, None, " ".join(words))


# ---- tests/harness/integration/*.tests ---------------------------------------
def load_tests_file(path):
    tests = []
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{paths.rel(path)}:{n}"
            try:
                words = shlex.split(line)
            except ValueError as e:
                raise SpecError(f"{where}: {e}") from None
            key = words[0]
            if key == "test":
                if len(words) != 2:
                    raise SpecError(f"{where}: test takes one name")
                tests.append(Test(words[1], where))
                continue
            if not tests:
                raise SpecError(f"{where}: expectation before any 'test' line")
            t = tests[-1]
            if key == "run":
                t.run = words[1:]
                tree = _tree_in(t.run)
                if tree:
                    raise SpecError(
                        f"{where}: {tree} is a test tree: its expectations belong in its own "
                        "header lines (it is tested as its own integration test)"
                    )
            elif key == "status":
                t.status = _status(words[1:], where)
            elif key == "needs":
                t.needs.append(words[1])
            elif key in CHECKS:
                t.checks.append(_check(key, words[1:], where))
            else:
                raise SpecError(f"{where}: unknown keyword {key!r}")
    return tests


def _status(words, where):
    try:
        (value,) = words
        return int(value)
    except ValueError:
        raise SpecError(f"{where}: status takes one number") from None


def _tree_in(run):
    """The test tree a run line hands the harness, if it is one of dts/broken or dts/lies."""
    if "--dtb" not in run or run.index("--dtb") + 1 >= len(run):
        return None
    path = os.path.normpath(os.path.join(paths.ROOT, run[run.index("--dtb") + 1]))
    for d, _ in TREE_DIRS:
        if os.path.dirname(path) == os.path.join(paths.DTS, d):
            return paths.rel(path)
    return None


# ---- test trees ----------------------------------------------------------------
def tree_spec(lines, name, where, run):
    """A Test from a tree's `// key: value` lines. `run` is the scripts/run
    arguments that hand it over (--dtb PATH); `// run:` adds to them."""
    t = Test(name, where)
    t.run, status = list(run), None
    for n, raw in enumerate(lines, 1):
        m = TREE_LINE.match(raw.strip())
        if not m:
            continue
        key, value, at = m.group("key"), (m.group("value") or "").strip(), f"{where}:{n}"
        if key not in TREE_KEYS:
            raise SpecError(f"{at}: unknown key {key!r} (known: {', '.join(TREE_KEYS)})")
        if key == "run":
            words = shlex.split(value)
            if "--dtb" in words:
                raise SpecError(
                    f"{at}: run: must not name a --dtb: the tree is the one handed over"
                )
            t.run += words
        elif key == "status":
            if status is not None:
                raise SpecError(f"{at}: a second status line")
            status = _status(value.split(), at)
        elif key == "needs":
            t.needs.append(value)
        elif key in ("expect", "expect-run"):
            if not value:
                raise SpecError(
                    f"{at}: {key} needs a finding's identity, SUITE/CASE CHECK [key=value ...]"
                )
            e = Expect(value, at)
            t.checks.append(("finding", None, e))
            if key == "expect":
                t.expects.append(e.value)
        elif key == "note":
            if not value:
                raise SpecError(f"{at}: note needs a text")
            t.checks.append(("ktap", None, "# " + value))
        else:
            t.checks.append(
                _check(
                    key, value.split(" ", 1) if key == "file" else ([value] if value else []), at
                )
            )
    if status is None:
        raise SpecError(f"{where}: no `// status: N` line: a test tree must say how its run ends")
    if not t.checks:
        raise SpecError(
            f"{where}: no expectation (`// expect:`, `// expect-run:`, `// ktap:`, "
            "`// note:`, ...): a test tree must say what the harness reports about it"
        )
    t.status = status
    return t


def load_tree(path):
    """The test of one tree in dts/broken, dts/lies or dts/truthful."""
    path = os.path.abspath(path)
    kind = os.path.basename(os.path.dirname(path))
    prefix = dict(TREE_DIRS).get(kind)
    if prefix is None:
        raise SpecError(
            f"{paths.rel(path)}: a test tree lives in dts/broken, dts/lies or dts/truthful"
        )
    with open(path) as f:
        lines = f.read().splitlines()
    t = tree_spec(
        lines,
        prefix + os.path.splitext(os.path.basename(path))[0],
        paths.rel(path),
        ["--dtb", paths.rel(path)],
    )
    t.tree = path
    return t


def trees():
    return sorted(p for d, _ in TREE_DIRS for p in glob.glob(os.path.join(paths.DTS, d, "*.dts")))


def byte_level_tests(build_dts=os.path.join(paths.BUILD, "dts")):
    """The byte-level broken DTBs: written by scripts/make-broken-dtbs, their
    header lines kept beside the defect in broken_dtbs.py."""
    out = []
    for name, (_, header) in broken_dtbs.VARIANTS.items():
        dtb = os.path.join(build_dts, name)
        t = tree_spec(
            header.strip().splitlines(),
            "broken-" + os.path.splitext(name)[0],
            f"{paths.rel(broken_dtbs.__file__)} {name}",
            ["--dtb", paths.rel(dtb)],
        )
        t.tree = dtb
        out.append(t)
    return out


# The 32-bit image's set (scripts/integration --arch arm): its block file and the
# lies that apply to it. Those trees are QEMU's 64-bit virt tree with one lie;
# on the 32-bit machine its PSCI IDs and CPU compatible are also wrong (findings
# of their own), and each lie's own expected finding must still be there.
ARCH_SETS = {
    "arm": [
        "tests/harness/integration/arm32.tests",
        "dts/lies/apb-clock-rate-wrong.dts",
        "dts/lies/gic-moved.dts",
        "dts/lies/pcie-high-ecam-moved.dts",
        "dts/lies/psci-method-smc.dts",
        "dts/lies/psci-cpu-on-id-wrong.dts",
        "dts/lies/ram-smaller.dts",
        "dts/lies/rtc-moved.dts",
        "dts/lies/timer-wrong-virtual-ppi.dts",
        "dts/lies/uart-irq-edge.dts",
        "dts/lies/uboot-rtc-moved.dts",
    ],
}
# Block files only an --arch set runs (their runs need that architecture's image).
ARCH_ONLY = {os.path.basename(f) for fs in ARCH_SETS.values() for f in fs if f.endswith(".tests")}


def load(files=None, arch=None):
    """Every test (files None) or those of the given .tests files and trees;
    with arch (not aarch64) and no files, that architecture's set (ARCH_SETS)."""
    if not files and arch and arch != "aarch64":
        files = [os.path.join(paths.ROOT, f) for f in ARCH_SETS[arch]]
    if files:
        tests = []
        for f in files:
            tests += load_tests_file(f) if f.endswith(".tests") else [load_tree(f)]
    else:
        tests = [
            t
            for f in sorted(glob.glob(os.path.join(paths.INTEGRATION, "*.tests")))
            if os.path.basename(f) not in ARCH_ONLY
            for t in load_tests_file(f)
        ]
        tests += [load_tree(p) for p in trees()] + byte_level_tests()
    names = [t.name for t in tests]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise SpecError(f"duplicate test names: {', '.join(dup)}")
    return tests
