#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the runner's judgement: a report is trusted only when it is
whole, adds up, and agrees with the harness's exit code; and of its reading
of a Xen console and of KTAP. Run with PYTHONPATH=scripts (all.py runs every
test_*.py here)."""
import sys
import unittest

from harnesslib import capture, ktap, status, verdict, xen
from harnesslib.protocol import REPORT_SENTINEL

GOOD = """KTAP version 1
1..2
  KTAP version 1
  # Subtest: boot
  1..2
    # entry_el: 1
  ok 1 exception_level
  ok 2 cpu_id
ok 1 boot
ok 2 xen # SKIP no /hypervisor node
2 passed, 0 failed, 1 skipped
# harness: report complete""".splitlines()


def judge(lines, harness_exit=0, timed_out=False, returncode=0):
    cap = capture.Capture()
    cap.timed_out, cap.returncode = timed_out, returncode
    kl = ktap.extract(lines)
    return verdict.judge(cap, ktap.parse(kl), kl, harness_exit)[0]


class Judge(unittest.TestCase):
    def test_good_report_passes(self):
        self.assertEqual(judge(GOOD), status.PASS)

    def test_failed_case(self):
        lines = [l.replace("  ok 2 cpu_id", "  not ok 2 cpu_id") for l in GOOD]
        lines = [l.replace("ok 1 boot", "not ok 1 boot") if l == "ok 1 boot" else l for l in lines]
        lines = [l.replace("2 passed, 0 failed", "1 passed, 1 failed") for l in lines]
        self.assertEqual(judge(lines, harness_exit=1), status.TEST_FAILED)

    def test_lost_case_line_is_not_a_pass(self):
        self.assertEqual(judge([l for l in GOOD if l != "  ok 2 cpu_id"]), status.TRUNCATED)

    def test_lost_suite_is_not_a_pass(self):
        self.assertEqual(judge([l for l in GOOD if not l.startswith("ok 2 xen")]), status.TRUNCATED)

    def test_missing_summary_is_not_a_pass(self):
        self.assertEqual(judge([l for l in GOOD if "passed," not in l]), status.TRUNCATED)

    def test_exit_code_says_failed(self):
        self.assertEqual(judge(GOOD, harness_exit=1), status.TRUNCATED)

    def test_no_sentinel(self):
        self.assertEqual(judge(GOOD[:-1]), status.TRUNCATED)
        self.assertEqual(judge(GOOD[:-1], timed_out=True), status.HANG)

    def test_silence_and_crash(self):
        self.assertEqual(judge(["(XEN) booting"], timed_out=True), status.SILENT)
        self.assertEqual(judge(["qemu: error"], returncode=1, harness_exit=None), status.SILENT)
        self.assertEqual(judge(["qemu: error"], returncode=134, harness_exit=134), status.CRASH)

    def test_no_console(self):
        self.assertEqual(judge(GOOD, harness_exit=10), status.NO_CONSOLE)


SELFTEST = """KTAP version 1
1..1
  KTAP version 1
  # Subtest: selftest
  1..3
    # unexpected synchronous exception from current EL with SP_ELx
  not ok 1 unexpected_exception
    # watchdog: case still running after 1 s; ended
  not ok 2 hang # TIMEOUT watchdog expired
    # evidence: the run went on after the failures above
  ok 3 runs_after
not ok 1 selftest
1 passed, 2 failed, 0 skipped
# harness: report complete""".splitlines()


class SelftestVerdict(unittest.TestCase):
    """suites=selftest fails two cases on purpose (tests/selftest.c): when
    they fail just so, the verdict says the safety nets work."""

    def verdict(self, lines):
        cap = capture.Capture()
        kl = ktap.extract(lines)
        rep = ktap.parse(kl)
        code, why = verdict.judge(cap, rep, kl, 1)
        return code, verdict.name(code, rep), why

    def test_designed_failures_are_the_nets_working(self):
        code, name, why = self.verdict(SELFTEST)
        self.assertEqual((code, name), (status.TEST_FAILED, "selftest as designed"))
        self.assertIn("safety nets work", why)

    def test_a_net_that_did_not_hold_is_a_test_failure(self):
        for old, new, said in (
            (
                "  not ok 2 hang # TIMEOUT watchdog expired",
                "    # FAIL: no watchdog; not hanging on purpose\n  not ok 2 hang",
                "hang was not ended by the watchdog",
            ),
            ("  ok 3 runs_after", "  not ok 3 runs_after", "runs_after did not pass"),
            (
                "    # unexpected synchronous exception from current EL with SP_ELx",
                "    # FAIL: execution continued past UDF",
                "unexpected_exception did not fail by its exception",
            ),
        ):
            with self.subTest(said=said):
                lines = (
                    "\n".join(SELFTEST)
                    .replace(old, new)
                    .replace(
                        "1 passed, 2 failed",
                        "0 passed, 3 failed" if "runs_after" in said else "1 passed, 2 failed",
                    )
                )
                code, name, why = self.verdict(lines.splitlines())
                self.assertEqual((code, name), (status.TEST_FAILED, "test failures"))
                self.assertIn(said, why)

    def test_other_failures_beside_it_are_test_failures(self):
        lines = (
            SELFTEST[:1]
            + ["1..2"]
            + SELFTEST[2:-2]
            + ["not ok 2 dt"]
            + ["1 passed, 3 failed, 0 skipped", SELFTEST[-1]]
        )
        code, name, why = self.verdict(lines)
        self.assertEqual((code, name), (status.TEST_FAILED, "test failures"))
        self.assertEqual(why, "some tests failed; the selftest suite's failures are as designed")

    def test_an_ordinary_failure_keeps_its_words(self):
        lines = [l.replace("  ok 2 cpu_id", "  not ok 2 cpu_id") for l in GOOD]
        lines = [
            (
                "not ok 1 boot"
                if l == "ok 1 boot"
                else l.replace("2 passed, 0 failed", "1 passed, 1 failed")
            )
            for l in lines
        ]
        self.assertEqual(
            self.verdict(lines), (status.TEST_FAILED, "test failures", "some tests failed")
        )


class XenConsole(unittest.TestCase):
    """The runner's reading of a Xen console, on transcripts in Xen 4.17's formats."""

    def feed(self, lines):
        plat = xen.Platform(None, "/nonexistent", [])
        out = [t for t in (plat.transform(l) for l in lines) if t is not None]
        return plat, out

    def test_prefixes_stripped_and_xen_lines_kept_apart(self):
        plat, out = self.feed(["(XEN) Xen version 4.17", "(XEN) DOM1: KTAP version 1", "(d1) 1..1"])
        self.assertEqual(out, ["KTAP version 1", "1..1"])
        self.assertEqual(plat.xen_lines, ["(XEN) Xen version 4.17"])

    def test_vpl011_split_line_is_joined(self):
        long = "# " + "x" * 124  # 126 characters: vpl011 breaks the line here
        plat, out = self.feed([f"(XEN) DOM1: {long}", "(XEN) DOM1: tail"])
        self.assertEqual(out, [long + "tail"])

    def test_sentinel_stops_the_run(self):
        plat, _ = self.feed([f"(XEN) DOM1: {REPORT_SENTINEL}"])
        self.assertTrue(plat.stop_pattern(""))

    def test_panic_is_a_platform_crash(self):
        plat, _ = self.feed(
            [
                "(XEN) ****************************************",
                "(XEN) Panic on CPU 0:",
                "(XEN) Unable to allocate memory for domain",
                "(XEN) Reboot in five seconds...",
            ]
        )
        code, why = plat.refine(None, status.SILENT, "")
        self.assertEqual(code, status.CRASH)
        self.assertIn("Unable to allocate memory for domain", why)

    def test_domain_crash_is_its_own_status_even_after_a_report(self):
        plat, _ = self.feed(
            [
                f"(XEN) DOM1: {REPORT_SENTINEL}",
                "(XEN) domain_crash called from p2m.c:1234",
                "(XEN) Domain 1 (vcpu#0) crashed on cpu#1:",
            ]
        )
        code, why = plat.refine(None, status.PASS, "all passed")
        self.assertEqual(code, status.DOMAIN_CRASH)
        self.assertIn("domain_crash called from p2m.c:1234", why)


class Parse(unittest.TestCase):
    def test_results_and_reasons(self):
        rep = ktap.parse(ktap.extract(["noise", *GOOD]))
        self.assertTrue(rep.complete)
        self.assertEqual([s.name for s in rep.suites], ["boot", "xen"])
        self.assertEqual(rep.suites[1].reason, "no /hypervisor node")
        self.assertEqual(rep.suites[0].cases[0].diags, ["entry_el: 1"])
        self.assertEqual(rep.counts(), {"pass": 2, "fail": 0, "skip": 1})

    def test_timeout_directive_fails(self):
        rep = ktap.parse(
            [
                "KTAP version 1",
                "1..1",
                "  1..1",
                "  not ok 1 hang # TIMEOUT watchdog expired",
                "not ok 1 s",
            ]
        )
        self.assertEqual(rep.suites[0].cases[0].status, "fail")
        self.assertEqual(rep.suites[0].cases[0].reason, "watchdog expired")


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    print(
        f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed,"
        f" {len(result.skipped)} skipped"
    )
    sys.exit(1 if failed else 0)
