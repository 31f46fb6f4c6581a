# SPDX-License-Identifier: MIT
"""The terminal view of scripts/run (harnesslib/progress.py), fed console lines."""
import io
import os
import unittest
from unittest import mock

from harnesslib import progress
from harnesslib.progress import Progress

REPORT = """KTAP version 1
1..3
  KTAP version 1
  # Subtest: memmap
  1..3
    # memmap-dt: /pl011@9000000 0x9000000+0x1000
    # FAIL: check=documented_base node=/pl031@9010000 text=/pl031@9010000 reg base 0x9010800 is not the documented base 0x9010000 of rtc
    # memmap-dt: /pl031@9010000 0x9010800+0x800
    # memmap-dt: /fw-cfg@9020000 0x9020000+0x18
  not ok 1 dt_regions
  ok 2 probe
  ok 3 other # SKIP not here
not ok 1 memmap
  KTAP version 1
  # Subtest: selftest
  1..3
    # unexpected: kind=synchronous from=current-el-spx esr=0x2000000 text=unexpected synchronous exception from current EL with SP_ELx
    # ESR 0x02000000: EC 0x00 (unknown reason)
    # FAR 0x0 ELR 0x4020c908 (image+0xc908) SPSR 0xa0000345
    # evidence: not a reason
  not ok 1 unexpected_exception
    # evidence: still not a reason
    # watchdog: case still running after 1 s; ended
  not ok 2 hang # TIMEOUT watchdog expired
  ok 3 runs_after
not ok 2 selftest
  KTAP version 1
  # Subtest: xen
  1..0
ok 3 xen # SKIP no /hypervisor node
2 passed, 3 failed, 2 skipped
# harness: report complete""".splitlines()


class Tty(io.StringIO):
    def isatty(self):
        return True


def shown(lines=REPORT, quiet=False, verbose=False, out=None, env=None):
    out = out if out is not None else io.StringIO()
    with mock.patch.dict(os.environ, env or {}, clear=True):
        p = Progress(quiet, verbose, out=out)
        for line in lines:
            p(line)
        p.summary()
    return out.getvalue()


class View(unittest.TestCase):
    def test_one_line_per_suite_with_its_counts(self):
        text = shown()
        self.assertIn("  memmap       not ok  1 passed, 1 failed, 1 skipped\n", text)
        self.assertIn("  selftest     not ok  1 passed, 2 failed, 0 skipped\n", text)
        self.assertIn("  xen          SKIP    no /hypervisor node\n", text)
        self.assertNotIn("KTAP version 1", text)

    def test_failures_grouped_by_suite_after_the_suites(self):
        lines = shown().splitlines()
        at = lines.index("failures (3 in 2 suites):")
        self.assertGreater(at, lines.index("  xen          SKIP    no /hypervisor node"))
        self.assertEqual(
            lines[at + 1 : at + 4],
            [
                "  memmap: not ok, 1 failed case",
                "    not ok dt_regions",
                (
                    "      FAIL: documented_base node=/pl031@9010000: /pl031@9010000 reg base"
                    " 0x9010800 is not the documented base 0x9010000 of rtc"
                ),
            ],
        )
        self.assertEqual(lines[at + 4], "  selftest: not ok, 2 failed cases")

    def test_known_deviations_marked_known(self):
        out = io.StringIO()
        p = Progress(False, False, out=out)
        for line in REPORT:
            p(line)
        p.summary(known={"memmap/dt_regions", "memmap"})
        lines = out.getvalue().splitlines()
        at = lines.index("failures (3 in 2 suites; 1 known to the baseline):")
        self.assertEqual(
            lines[at + 1 : at + 3],
            ["  memmap: not ok, 1 failed case (known)", "    known dt_regions"],
        )
        self.assertEqual(lines[at + 4], "  selftest: not ok, 2 failed cases")
        self.assertIn("    not ok unexpected_exception", lines)

    def test_fail_lines_not_other_diagnostics(self):
        text = shown()
        self.assertNotIn("memmap-dt", text)
        self.assertNotIn("evidence", text)

    def test_exception_and_timeout_lines_without_a_fail_line(self):
        lines = shown().splitlines()
        at = lines.index("    not ok unexpected_exception")
        self.assertEqual(
            lines[at + 1 : at + 4],
            [
                "      unexpected synchronous exception from current EL with SP_ELx",
                "      ESR 0x02000000: EC 0x00 (unknown reason)",
                "      FAR 0x0 ELR 0x4020c908 (image+0xc908) SPSR 0xa0000345",
            ],
        )
        self.assertEqual(
            lines[at + 4 : at + 7],
            [
                "    not ok hang",
                "      watchdog: case still running after 1 s; ended",
                "      TIMEOUT: watchdog expired",
            ],
        )

    def test_many_fail_lines_first_ten_then_how_many_more(self):
        fails = [
            f"    # FAIL: check=numbered key={i} text=finding number {i} of the case"
            for i in range(14)
        ]
        lines = REPORT[:5] + fails + ["  not ok 1 dt_regions", "not ok 1 memmap"]
        text = shown(lines)
        self.assertIn(
            "      FAIL: numbered key=9: finding number 9 of the case\n      ... 4 more\n", text
        )
        self.assertNotIn("number 10", text)

    def test_suite_failed_by_itself(self):
        lines = [
            "KTAP version 1",
            "1..1",
            "# FAIL: check=known_key key=foo text=bootargs: unknown key foo",
            "not ok 1 bootargs",
        ]
        text = shown(lines)
        self.assertIn(
            "  bootargs: not ok\n    FAIL: known_key key=foo: bootargs: unknown key foo\n", text
        )

    def test_a_passing_run_has_no_failures_section(self):
        lines = [
            "KTAP version 1",
            "1..1",
            "  KTAP version 1",
            "  # Subtest: boot",
            "  1..1",
            "    # entry_el: 1",
            "  ok 1 exception_level",
            "ok 1 boot",
        ]
        self.assertEqual(shown(lines), "  boot         ok      1 passed, 0 failed, 0 skipped\n")

    def test_quiet_shows_nothing(self):
        self.assertEqual(shown(quiet=True), "")

    def test_verbose_shows_the_raw_report(self):
        text = shown(verbose=True)
        self.assertTrue(text.startswith("\n".join(REPORT) + "\n"))
        self.assertNotIn("  memmap       not ok", text)
        self.assertIn("failures (3 in 2 suites):", text)


class Colour(unittest.TestCase):
    def test_not_a_tty_no_escape_codes(self):
        self.assertNotIn("\033[", shown(out=io.StringIO()))

    def test_no_color_no_escape_codes(self):
        for value in ("1", ""):
            with self.subTest(NO_COLOR=value):
                self.assertNotIn("\033[", shown(out=Tty(), env={"NO_COLOR": value}))

    def test_a_tty_has_them(self):
        text = shown(out=Tty(), env={"TERM": "xterm"})
        self.assertIn("\033[31mnot ok \033[0m", text)  # the suite's verdict, red
        self.assertIn("\033[33mSKIP   \033[0m", text)  # yellow
        self.assertIn(
            "      \033[31mFAIL\033[0m: documented_base node=/pl031@9010000: /pl031@9010000", text
        )
        lines = ["KTAP version 1", "1..1", "  1..1", "  ok 1 a", "ok 1 boot"]
        self.assertIn("\033[32mok     \033[0m", shown(lines, out=Tty(), env={}))  # green

    def test_use_colour(self):
        self.assertTrue(progress.use_colour(Tty(), {}))
        self.assertFalse(progress.use_colour(Tty(), {"NO_COLOR": "0"}))
        self.assertFalse(progress.use_colour(Tty(), {"TERM": "dumb"}))
        self.assertFalse(progress.use_colour(io.StringIO(), {}))


if __name__ == "__main__":
    unittest.main()
