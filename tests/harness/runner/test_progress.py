# SPDX-License-Identifier: MIT
"""The terminal view of scripts/run: the suite table (harnesslib/progress.py)
and the findings under it (harnesslib/findings_view.py), fed console lines."""
import io
import os
import unittest
from unittest import mock

from harnesslib import findings, findings_view, progress, status, verdict
from harnesslib.baseline import check as baseline_check
from harnesslib.baseline import entries as baseline
from harnesslib.baseline import run as baseline_run
from harnesslib.progress import Progress

WIDTHS = [
    "    # FAIL: check=read_width node=/intc@8000000 reg=GICD_%s off=0x%x width=32 outcome=abort"
    " text=/intc@8000000 GICD_%s@0x%x read32: expect completes, observed abort" % (r, o, r, o)
    for r, o in (("CTLR", 0), ("IIDR", 8), ("ICFGR2", 0xC08))
]
REPORT = (
    """KTAP version 1
1..4
  KTAP version 1
  # Subtest: memmap
  1..3
    # memmap-dt: /pl011@9000000 0x9000000+0x1000
    # FAIL: check=documented_base node=/pl031@9010000 text=/pl031@9010000 reg base 0x9010800 is not the documented base 0x9010000 of rtc
    # memmap-dt: /pl031@9010000 0x9010800+0x800
  not ok 1 dt_regions
  ok 2 probe
  ok 3 other # SKIP not here
not ok 1 memmap
  KTAP version 1
  # Subtest: mmio
  1..1
""".splitlines()
    + WIDTHS
    + """  not ok 1 access_widths
not ok 2 mmio
  KTAP version 1
  # Subtest: selftest
  1..3
    # unexpected: kind=synchronous from=current-el-spx esr=0x2000000 text=unexpected synchronous exception from current EL with SP_ELx
    # ESR 0x02000000: EC 0x00 (unknown reason)
    # FAR 0x0 ELR 0x4020c908 (image+0xc908) SPSR 0xa0000345
  not ok 1 unexpected_exception
    # watchdog: case still running after 1 s; ended
  not ok 2 hang # TIMEOUT watchdog expired
  ok 3 runs_after
not ok 3 selftest
  KTAP version 1
  # Subtest: xen
  1..0
ok 4 xen # SKIP no /hypervisor node
2 passed, 4 failed, 2 skipped
# harness: report complete""".splitlines()
)
BASE = """case memmap/dt_regions
  finding documented_base node=/pl031@9010000
  reason the rtc moved
  reference s
"""
FACTS = {"gic": "3", "virtio": "legacy"}


class Tty(io.StringIO):
    def __init__(self, columns=120):
        super().__init__()
        self.columns = columns

    def isatty(self):
        return True

    def fileno(self):
        raise OSError("no terminal")


def shown(lines=REPORT, quiet=False, verbose=False, out=None, env=None, base=None, columns=None):
    out = out if out is not None else io.StringIO()
    held = None
    if base is not None:
        b = baseline.parse(base, "b.txt")
        j = baseline_check.judge(findings.read(lines), b, FACTS)
        held = baseline_run.Held("b.txt", j, b, False)
    size = os.terminal_size((columns or 120, 50))
    with mock.patch.dict(os.environ, env or {}, clear=True), mock.patch(
        "shutil.get_terminal_size", return_value=size
    ):
        p = Progress(quiet, verbose, out=out)
        for line in lines:
            p(line)
        p.end()
        if not quiet:
            findings_view.show(p, lines, held, "--no-baseline" if base is None else "", FACTS)
    return out.getvalue()


class Table(unittest.TestCase):
    def test_one_line_per_suite_with_its_counts(self):
        text = shown()
        self.assertIn("  memmap       not ok  1 passed, 1 failed, 1 skipped\n", text)
        self.assertIn("  selftest     not ok  1 passed, 2 failed, 0 skipped\n", text)
        self.assertIn("  xen          SKIP    no /hypervisor node\n", text)
        self.assertNotIn("KTAP version 1", text)

    def test_a_known_suite_reads_known_not_red(self):
        text = shown(base=BASE, out=Tty(), env={})
        self.assertIn("  memmap       \033[33mknown  \033[0m 1 passed, 1 failed (all known)", text)
        self.assertIn("\033[33mknown\033[0m memmap/dt_regions documented_base", text)
        self.assertNotIn("\033[31mnot ok \033[0m 1 passed, 1 failed (all known)", text)

    def test_a_passing_run_has_no_findings_section(self):
        lines = [
            "KTAP version 1",
            "1..1",
            "  KTAP version 1",
            "  # Subtest: boot",
            "  1..1",
            "    # entry_el: 1",
            "  ok 1 exception_level",
            "ok 1 boot",
            "1 passed, 0 failed, 0 skipped",
            "# harness: report complete",
        ]
        self.assertEqual(
            shown(lines),
            "  boot         ok      1 passed, 0 failed, 0 skipped\n"
            "baseline: none (--no-baseline)\n",
        )

    def test_quiet_shows_nothing(self):
        self.assertEqual(shown(quiet=True), "")

    def test_verbose_shows_the_raw_report_then_the_table(self):
        text = shown(verbose=True)
        self.assertTrue(text.startswith("\n".join(REPORT) + "\n"))
        self.assertIn("  memmap       not ok", text)

    def test_the_line_in_place_goes_at_the_end(self):
        out = Tty()
        with mock.patch.dict(os.environ, {}, clear=True):
            p = Progress(False, False, out=out)
            for line in REPORT[:13]:
                p(line)
            self.assertIn("\r\033[K1 suite ended; running: -", out.getvalue())
            p.end()
        self.assertTrue(out.getvalue().endswith("\r\033[K"))
        self.assertNotIn("\r", shown())  # not on a log


class Findings(unittest.TestCase):
    def test_each_finding_once(self):
        text = shown()
        self.assertEqual(text.count("reg base 0x9010800"), 1)
        self.assertNotIn("memmap-dt", text)

    def test_findings_differing_only_in_subject_share_a_line(self):
        lines = shown().splitlines()
        at = next(i for i, x in enumerate(lines) if "read_width" in x)
        self.assertEqual(
            lines[at],
            "  FAIL  mmio/access_widths read_width node=/intc@8000000 width=32 outcome=abort"
            " (3 subjects): /intc@8000000 GICD_CTLR@0x0 read32: expect completes, observed abort",
        )
        self.assertEqual(
            lines[at + 1], "        reg off: GICD_CTLR 0x0, GICD_IIDR 0x8, GICD_ICFGR2 0xc08"
        )
        self.assertEqual(sum("read_width" in x for x in lines), 1)

    def test_new_against_a_baseline(self):
        text = shown(base=BASE)
        self.assertIn("findings against b.txt: 1 known, 5 new, 0 vanished, 0 not checked\n", text)
        self.assertIn("  new   mmio/access_widths read_width", text)
        self.assertIn(
            "  known memmap/dt_regions documented_base node=/pl031@9010000 (b.txt:2):", text
        )

    def test_exception_and_timeout_lines_without_a_finding(self):
        lines = shown().splitlines()
        at = lines.index(
            "  FAIL  selftest/unexpected_exception: unexpected synchronous exception from"
            " current-el-spx (ESR 0x2000000)"
        )
        self.assertEqual(
            lines[at + 1 : at + 4],
            [
                "        ESR 0x02000000: EC 0x00 (unknown reason)",
                "        FAR 0x0 ELR 0x4020c908 (image+0xc908) SPSR 0xa0000345",
                "  FAIL  selftest/hang: not ok # TIMEOUT watchdog expired",
            ],
        )
        self.assertEqual(
            lines[at + 4], "        watchdog: case still running after 1 s; ended"
        )

    def test_a_terminal_line_fits_its_width(self):
        text = shown(out=Tty(), env={"NO_COLOR": ""}, columns=60)
        for line in text.splitlines():
            self.assertLessEqual(len(line), 60, line)
        self.assertIn("(a line ending … is cut at the terminal's width: ktap.txt …", text)
        self.assertNotIn("…", shown())  # a log keeps lines whole

    def test_many_groups_then_how_many_more(self):
        fails = [f"    # FAIL: check=numbered{i} key={i} text=finding {i}" for i in range(20)]
        lines = REPORT[:5] + fails + ["  not ok 1 dt_regions", "not ok 1 memmap"] + REPORT[-2:]
        lines[-2] = "0 passed, 1 failed, 0 skipped"
        text = shown(lines)
        self.assertIn("  ... 4 more groups (4 findings): ktap.txt", text)
        self.assertNotIn("numbered16", text)


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
        self.assertIn("  \033[31mFAIL \033[0m memmap/dt_regions documented_base", text)

    def test_the_verdict_line(self):
        self.assertEqual(
            verdict.line(status.PASS, "pass", "all passed", True),
            "\033[32mverdict: pass (status 0): all passed\033[0m",
        )
        self.assertTrue(verdict.line(status.TEST_FAILED, "x", "y", True).startswith("\033[31m"))
        self.assertEqual(verdict.line(status.CRASH, "c", "w"), "verdict: c (status 6): w")

    def test_use_colour(self):
        self.assertTrue(progress.use_colour(Tty(), {}))
        self.assertFalse(progress.use_colour(Tty(), {"NO_COLOR": "0"}))
        self.assertFalse(progress.use_colour(Tty(), {"TERM": "dumb"}))
        self.assertFalse(progress.use_colour(io.StringIO(), {}))


if __name__ == "__main__":
    unittest.main()
