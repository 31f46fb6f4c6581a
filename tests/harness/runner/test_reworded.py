#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the rewording proof's comparisons (harnesslib/reworded.py)
on synthetic reports: a report and its rewording (every finding text as
make REWORD=1's check.c writes it) agree on identities, baseline lines,
compare results and matrix groups; a changed identity, a text left as it
was, another verdict or another merged group is a problem. Run with
PYTHONPATH=scripts."""
import os
import tempfile
import unittest

from harnesslib import reworded
from harnesslib.protocol import REPORT_SENTINEL

REPORT = f"""KTAP version 1
1..3
# FAIL: check=known_key key=foo text=bootargs: unknown key foo
not ok 1 bootargs
  KTAP version 1
  # Subtest: gic
  1..2
    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
    # evidence: check=priority_order intid=6 text=SGI 6 came first
  not ok 1 priority
    # FAIL: check=active_visible cpu=1 intid=8 text=EOImode 1: SGI 8 reads as clear
    # FAIL: check=active_visible cpu=1 intid=8 text=EOImode 1: SGI 8 reads as clear again
  not ok 2 eoi_modes
not ok 2 gic
  KTAP version 1
  # Subtest: mmio
  1..1
    # FAIL: check=form_same_as_ldr32 node=/intc reg=GICD_TYPER off=0x4 form=ldp32 text=/intc: reads 0x480007
  not ok 1 instruction_forms
not ok 3 mmio
0 passed, 4 failed, 0 skipped
{REPORT_SENTINEL}""".splitlines()
OTHER = [l for l in REPORT if "known_key" not in l and "pending_visible" not in l]
OTHER = [
    l.replace("not ok 1 bootargs", "ok 1 bootargs").replace("not ok 1 priority", "ok 1 priority")
    for l in OTHER
]


def reword(lines):
    """What make REWORD=1 makes of a report: check.c swaps the case of every
    letter of a finding's and evidence's text, after "(reworded) "."""
    out = []
    for line in lines:
        head, sep, text = line.partition(" text=")
        if sep and ("# FAIL: " in head or "# evidence: " in head):
            line = head + sep + ("(reworded) " + text).swapcase()
        out.append(line)
    return out


def outcome(folder, code, verdict, baseline_txt=None, ktap=None, files=None):
    os.makedirs(folder, exist_ok=True)
    if ktap is not None:
        with open(os.path.join(folder, "ktap.txt"), "w") as f:
            f.write("\n".join(ktap) + "\n")
    if baseline_txt is not None:
        with open(os.path.join(folder, "baseline.txt"), "w") as f:
            f.write(baseline_txt)
    for name, text in (files or {}).items():
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)
    return reworded.Outcome(
        folder,
        code,
        (
            f"run x: ...\nverdict: {verdict}; 3.21 s; files in {folder}\n"
            "0 passed, 4 failed, 0 skipped\n"
        ),
    )


class Findings(unittest.TestCase):
    def test_a_rewording_agrees(self):
        self.assertEqual(reworded.finding_problems(REPORT, reword(REPORT)), [])
        self.assertEqual(
            reworded.placement_problems(REPORT, reword(REPORT)), []
        )  # no map in either

    def test_an_identity_changed_or_lost_is_a_problem(self):
        b = [l.replace("intid=5", "intid=6") for l in reword(REPORT)]
        p = reworded.finding_problems(REPORT, b)
        self.assertEqual(
            p,
            [
                "only with the normal image: gic/priority pending_visible intid=5",
                "only with the reworded image: gic/priority pending_visible intid=6",
            ],
        )
        b = [l for l in reword(REPORT) if "again" not in l.lower()]  # one of two of one identity
        self.assertEqual(
            reworded.finding_problems(REPORT, b),
            ["only with the normal image: gic/eoi_modes active_visible cpu=1 intid=8"],
        )

    def test_a_text_not_reworded_is_a_problem(self):
        b = [l if "pending_visible" in l else r for l, r in zip(REPORT, reword(REPORT))]
        self.assertEqual(
            reworded.finding_problems(REPORT, b),
            [
                "not reworded: gic/priority pending_visible intid=5: SGI 5 is held back by PMR, but"
                " its pending bit (ISPENDR) reads as clear"
            ],
        )


class Lines(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def pair(
        self,
        verdict_b="test failures (status 1): some tests failed",
        code_b=1,
        baseline_b=None,
        ktap_b=None,
    ):
        base = (
            "baseline b.txt (--baseline): 1 known, 3 new, 1 vanished, 0 not checked\nknown"
            " deviations (1):\n  known gic/priority pending_visible intid=5: SGI 5 is held back"
            " (b.txt:3)\nnew or vanished (4):\n  new bootargs known_key key=foo: bootargs: unknown"
            " key foo\n  new gic/eoi_modes active_visible cpu=1 intid=8: EOImode 1: SGI 8 reads as"
            " clear\n  new gic/eoi_modes active_visible cpu=1 intid=8: EOImode 1: SGI 8 reads as"
            " clear again\n  vanished gic/sgi_self sgi_arrives sgi=* (b.txt:9): gic/sgi_self ran"
            " (ok) without this finding\n"
        )
        a = outcome(
            os.path.join(self.dir.name, "a"),
            1,
            "test failures (status 1): some tests failed",
            base,
            REPORT,
        )
        b = outcome(
            os.path.join(self.dir.name, "b"),
            code_b,
            verdict_b,
            (
                baseline_b
                if baseline_b is not None
                else reword(base.splitlines(True)[:1])[0]
                + "".join(reword(base.splitlines(True)[1:])).replace(
                    "SGI 5 is held back", "sgi 5 IS HELD BACK"
                )
            ),
            ktap_b if ktap_b is not None else reword(REPORT),
        )
        return a, b

    def test_the_verdict_line_without_time_and_folder(self):
        self.assertEqual(
            reworded.verdict_line(
                "x\nverdict: pass (status 0): all passed; 1.00 s; files in /o\n1 passed"
            ),
            "pass (status 0): all passed",
        )
        a, b = self.pair()
        self.assertEqual(reworded.verdict_problems(a, b), [])
        a, b = self.pair(verdict_b="pass (status 0): every failure is a known deviation", code_b=0)
        self.assertEqual(len(reworded.verdict_problems(a, b)), 2)

    def test_baseline_lines_compare_by_identity_not_text(self):
        a, b = self.pair()
        self.assertEqual(reworded.baseline_problems(a, b), [])
        self.assertEqual(
            reworded.baseline_identities(a.file("baseline.txt"))[1:],
            [
                "known gic/priority pending_visible intid=5",
                "new bootargs known_key key=foo",
                "new gic/eoi_modes active_visible cpu=1 intid=8",
                "new gic/eoi_modes active_visible cpu=1 intid=8",
                "vanished gic/sgi_self sgi_arrives sgi=*",
            ],
        )
        moved = (
            a.file("baseline.txt")
            .replace("  known gic/priority", "  new gic/priority")
            .replace("1 known, 3 new", "0 known, 4 new")
        )
        a, b = self.pair(baseline_b=moved)
        self.assertEqual(len(reworded.baseline_problems(a, b)), 1)

    def test_compare_gives_the_same_identities_and_all_changed_across_images(self):
        self.assertEqual(
            reworded.compare_problems(OTHER, reword(OTHER), REPORT, reword(REPORT)), []
        )
        new, vanished, changed, cases = reworded.compare_identities(
            reworded.findings.read(OTHER), reworded.findings.read(REPORT)
        )
        self.assertEqual(
            new, ["bootargs known_key key=foo", "gic/priority pending_visible intid=5"]
        )
        self.assertEqual((vanished, changed), ([], []))
        # The reworded image lost a finding: compare against the base differs, and not all changed.
        b = [l for l in reword(REPORT) if "known_key" not in l]
        p = reworded.compare_problems(OTHER, reword(OTHER), REPORT, b)
        self.assertEqual(len(p), 2, p)
        self.assertIn("1 vanished", p[1])
        # The same image twice: nothing changed, which is no rewording.
        self.assertIn("0 of 5 changed", reworded.compare_problems(None, None, REPORT, REPORT)[0])

    def test_a_run_agrees_with_its_rewording(self):
        a, b = self.pair()
        self.assertEqual(
            reworded.run_problems(reworded.Run("lie-x", []), a, b, (OTHER, reword(OTHER))), []
        )
        a, b = self.pair(ktap_b=REPORT)
        self.assertTrue(
            any(
                p.startswith("not reworded")
                for p in reworded.run_problems(
                    reworded.Run("lie-x", []), a, b, (OTHER, reword(OTHER))
                )
            )
        )


MATRIX_MD = """## Findings across configs

2 findings merged by identity (suite, case, check, subject): 2 new, 0 known.

- **new** `memmap/dt_regions inside_documented_region node=/pl061@9030000 \
range=0x9030000+0x1000`: seen on 2 of 2 configs: as-xen-gicv3, as-xen-gicv2: \
/pl061@9030000 reg 0x9030000+0x1000 lies outside every documented region
- **new** `boot/cpu_id mpidr_listed cpu=1`: seen on 2 of 2 configs: a, b; 2 wordings:
  - on a: MPIDR 0x80000001 is not listed in /cpus
  - on b: MPIDR 0x80000101 is not listed in /cpus
"""


class Matrix(unittest.TestCase):
    def test_groups_are_read_without_their_texts(self):
        self.assertEqual(
            reworded.matrix_groups(MATRIX_MD),
            [
                ("new", "boot/cpu_id mpidr_listed cpu=1", "2", "a, b"),
                (
                    "new",
                    (
                        "memmap/dt_regions inside_documented_region node=/pl061@9030000"
                        " range=0x9030000+0x1000"
                    ),
                    "2",
                    "as-xen-gicv3, as-xen-gicv2",
                ),
            ],
        )
        other = (
            MATRIX_MD.replace(": /pl061@9030000 reg", ": (REWORDED) /PL061@9030000 REG")
            .replace("on a: MPIDR", "on a: (REWORDED) mpidr")
            .replace("on b: MPIDR", "on b: (REWORDED) mpidr")
        )
        self.assertNotEqual(other, MATRIX_MD)
        self.assertEqual(reworded.matrix_groups(other), reworded.matrix_groups(MATRIX_MD))

    def test_another_group_is_a_problem(self):
        with tempfile.TemporaryDirectory() as d:
            a = outcome(os.path.join(d, "a"), 1, "v", files={"matrix.md": MATRIX_MD})
            b = outcome(
                os.path.join(d, "b"),
                1,
                "v",
                files={"matrix.md": MATRIX_MD.replace("cpu=1", "cpu=2")},
            )
            self.assertEqual(reworded.matrix_problems(a, a), [])
            self.assertEqual(len(reworded.matrix_problems(a, b)), 1)


class Runs(unittest.TestCase):
    def test_the_runs_of_the_proof(self):
        runs = {r.name: r for r in reworded.runs()}
        self.assertEqual(list(runs), ["qemu-default", "xen-gicv2", "lie-uart-wrong-irq", "matrix"])
        self.assertEqual(runs["lie-uart-wrong-irq"].args[:2], ["--dtb", reworded.LIE_TREE])
        self.assertTrue(os.path.exists(os.path.join(reworded.paths.ROOT, reworded.MATRIX)))


if __name__ == "__main__":
    unittest.main()
