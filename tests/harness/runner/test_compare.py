#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of scripts/compare (harnesslib/compare.py): new, vanished and
changed findings, changed cases, the first line, exit statuses and bad
input. Run with PYTHONPATH=scripts."""
import contextlib
import io
import os
import shutil
import tempfile
import unittest

from harnesslib import compare
from harnesslib.protocol import REPORT_SENTINEL

A = f"""KTAP version 1
1..2
  KTAP version 1
  # Subtest: mmio
  1..2
    # FAIL: check=form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldp32 text=GICD_TYPER@0x4 | form ldp32 | expect same as ldr32 (0x480007) | observed abort ESR 0x96000000
    # FAIL: check=form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldr32-pre text=GICD_TYPER@0x4 | form ldr32-pre | expect same as ldr32 (0x480007) | observed abort ESR 0x96000000
  not ok 1 instruction_forms
  ok 2 identity
not ok 1 mmio
  KTAP version 1
  # Subtest: gic
  1..2
    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  not ok 1 priority
  ok 2 sgi_others # SKIP the DT lists one CPU
not ok 2 gic
2 passed, 2 failed, 1 skipped
{REPORT_SENTINEL}
"""


PRIORITY = (
    "    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its pending bit "
    "(ISPENDR) reads as clear"
)


class Compare(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def run_dir(self, name, text):
        d = os.path.join(self.dir, name)
        os.makedirs(d)
        with open(os.path.join(d, "ktap.txt"), "w") as f:
            f.write(text)
        return d

    def compare(self, a, b, *opts):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = compare.main(list(opts) + [a, b])
        return code, out.getvalue().splitlines(), err.getvalue()

    def test_a_case_not_selected_is_said_so(self):
        b = A.replace(
            "  1..2\n    # FAIL: check=pending_visible",
            "  1..1\n  # not-selected: case=priority\n    # FAIL: check=pending_visible",
        )
        b = b.replace(PRIORITY + "\n  not ok 1 priority\n  ok 2 sgi_others", "  ok 1 sgi_others")
        code, lines, _ = self.compare(self.run_dir("a", A), self.run_dir("b", b))
        self.assertEqual(code, 1)
        self.assertTrue(any("gic/priority" in l and "not selected" in l for l in lines), lines)
        self.assertFalse(any("absent" in l for l in lines), lines)

    def test_same_runs_no_change(self):
        a = self.run_dir("a", A)
        self.assertEqual(self.compare(a, self.run_dir("b", A))[:2], (0, ["no change"]))

    def test_new_vanished_changed_and_cases(self):
        b = (
            A.replace(
                (
                    "(0x480007) | observed abort ESR 0x96000000\n    # FAIL:"
                    " check=form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldr32-pre"
                ),
                (
                    "(0x480027) | observed abort ESR 0x96000000\n    # FAIL:"
                    " check=form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldr32-pre"
                ),
            )
            .replace(PRIORITY + "\n  not ok 1 priority", "  ok 1 priority")
            .replace(
                "  ok 2 identity\n",
                "    # FAIL: check=identity reg=ICPIDR2 text=ICPIDR2 aborts\n  not ok 2 identity\n",
            )
            .replace("ok 2 sgi_others # SKIP the DT lists one CPU", "ok 2 sgi_others")
        )
        code, out, _ = self.compare(self.run_dir("a", A), self.run_dir("b", b))
        self.assertEqual(code, 1)
        self.assertEqual(out[0], "1 new, 1 vanished, 1 changed findings; 3 cases changed")
        self.assertEqual(
            out[1:],
            [
                "  new mmio/identity identity reg=ICPIDR2: ICPIDR2 aborts",
                (
                    "  vanished gic/priority pending_visible intid=5: SGI 5 is held back by PMR,"
                    " but its pending bit (ISPENDR) reads as clear"
                ),
                (
                    "  changed mmio/instruction_forms form_same_as_ldr32 reg=GICD_TYPER off=0x4"
                    " form=ldp32"
                ),
                (
                    "     from: GICD_TYPER@0x4 | form ldp32 | expect same as ldr32 (0x480007) |"
                    " observed abort ESR 0x96000000"
                ),
                (
                    "       to: GICD_TYPER@0x4 | form ldp32 | expect same as ldr32 (0x480027) |"
                    " observed abort ESR 0x96000000"
                ),
                "  case mmio/identity: ok -> not ok",
                "  case gic/priority: not ok -> ok",
                "  case gic/sgi_others: skip -> ok",
            ],
        )

    def test_any_rewording_is_changed_never_new(self):
        b = A.replace("observed abort", "observed an ABORT").replace("is held back", "waits behind")
        code, out, _ = self.compare(self.run_dir("a", A), self.run_dir("b", b), "--quiet")
        self.assertEqual(
            (code, out), (1, ["0 new, 0 vanished, 3 changed findings; 0 cases changed"])
        )

    def test_another_subject_is_new_and_vanished_not_changed(self):
        b = A.replace("reg=GICD_TYPER off=0x4 form=ldp32", "reg=GICD_TYPER off=0x4 form=ldp64")
        a = self.run_dir("a", A)
        code, out, _ = self.compare(a, self.run_dir("b", b), "--quiet")
        self.assertEqual(
            (code, out), (1, ["1 new, 1 vanished, 0 changed findings; 0 cases changed"])
        )
        b = A.replace("check=pending_visible", "check=pending_set")
        code, out, _ = self.compare(a, self.run_dir("c", b), "--quiet")
        self.assertEqual(
            (code, out), (1, ["1 new, 1 vanished, 0 changed findings; 0 cases changed"])
        )

    def test_the_same_finding_in_another_case_is_new(self):
        b = A.replace("not ok 1 priority", "not ok 1 pmr")
        code, out, _ = self.compare(self.run_dir("a", A), self.run_dir("b", b), "-q")
        self.assertEqual(out, ["1 new, 1 vanished, 0 changed findings; 2 cases changed"])

    def test_a_directive_is_a_changed_case(self):
        b = A.replace("not ok 1 priority", "not ok 1 priority # TIMEOUT watchdog expired")
        code, out, _ = self.compare(self.run_dir("a", A), self.run_dir("b", b))
        self.assertEqual(
            (code, out),
            (
                1,
                [
                    "0 new, 0 vanished, 0 changed findings; 1 case changed",
                    "  case gic/priority: not ok -> not ok # TIMEOUT",
                ],
            ),
        )

    def test_a_ktap_file_is_accepted(self):
        a = self.run_dir("a", A)
        self.assertEqual(self.compare(os.path.join(a, "ktap.txt"), a)[0], 0)

    def test_bad_input_is_status_2_with_one_line(self):
        a = self.run_dir("a", A)
        for other, why in (
            (self.dir, "ktap.txt: No such file or directory"),
            (self.run_dir("cut", A.replace(REPORT_SENTINEL, "")), "the report is not complete"),
            (self.run_dir("junk", "hello\n"), "not a KTAP report"),
            (
                self.run_dir("bad", A.replace("check=pending_visible intid=5", "intid=5")),
                "FAIL record: no check",
            ),
        ):
            code, out, err = self.compare(a, other)
            self.assertEqual((code, out), (2, []))
            self.assertIn(why, err)
            self.assertEqual(len(err.splitlines()), 1, err)
        code, out, err = self.compare(a, "--bogus")
        self.assertEqual(code, 2)
        self.assertTrue(err.startswith("scripts/compare: "), err)


if __name__ == "__main__":
    unittest.main()
