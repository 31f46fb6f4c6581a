#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of junit.xml (harnesslib/junit.py): it validates against the
Jenkins xunit plugin's schema (xmllint, tests/harness/schema/junit-10.xsd)
for passing, failing, skipped, timed-out and unfinished runs; counts,
times and messages are what the report says; a known deviation is
<skipped type="known-deviation">, a new finding and a vanished deviation
<failure>s."""
import os
import tempfile
import unittest
import xml.etree.ElementTree as ET

from harnesslib import findings, junit, junit_schema, ktap, status
from harnesslib.baseline import entries as baseline
from harnesslib.baseline import check as baseline_check
from harnesslib.baseline import run as baseline_run
from harnesslib.clip import clip

REPORT = """KTAP version 1
1..4
  KTAP version 1
  # Subtest: boot
  1..3
    # entry_el: 1
  ok 1 exception_level
    # FAIL: check=reg_overlap node=/pl061@9030000 text=reg: /pl061@9030000: reg 0x9010800+0x1000 overlaps /pl031@9010000
  not ok 2 reg
    # watchdog: case still running after 1 s; ended
  not ok 3 hang # TIMEOUT watchdog expired
not ok 1 boot
ok 2 xen # SKIP no /hypervisor node
  # FAIL: check=known_key key=x\\x07 text=bootargs: unknown key x\x07
not ok 3 bootargs
  KTAP version 1
  # Subtest: gic
  1..1
  ok 1 spurious
not ok 4 gic
1 passed, 4 failed, 1 skipped
# harness: report complete""".splitlines()


def found(el: ET.Element, path: str) -> ET.Element:
    """el.find(path), which the test needs to be there."""
    sub = el.find(path)
    assert sub is not None, f"no {path}"
    return sub


TIMES = [0.5 + 0.1 * i for i in range(len(REPORT))]


def parsed(lines=REPORT, times=TIMES):
    return ktap.parse(lines, times)


class Schema(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "junit.xml")

    def tearDown(self):
        self.dir.cleanup()

    def written(self, rep, verdict=(status.TEST_FAILED, "test failures", "some tests failed")):
        junit.write(rep, self.path, "cfg", verdict, timestamp="2026-01-01T00:00:00")
        return ET.parse(self.path).getroot()

    def assertValid(self):
        self.assertEqual(junit_schema.problems(self.path), [])

    def test_a_failing_skipping_timed_out_run_validates(self):
        root = self.written(parsed())
        self.assertValid()
        self.assertEqual(
            (root.get("tests"), root.get("failures"), root.get("errors")), ("8", "3", "1")
        )
        boot = root.find("testsuite[@name='cfg.boot']")
        self.assertEqual(
            (boot.get("failures"), boot.get("errors"), boot.get("skipped")), ("1", "1", "0")
        )
        failure = boot.find("testcase[@name='reg']/failure")
        self.assertEqual(failure.get("type"), "finding")
        self.assertEqual(
            failure.get("message"),
            (
                "reg_overlap node=/pl061@9030000: reg: /pl061@9030000: reg "
                "0x9010800+0x1000 overlaps /pl031@9010000"
            ),
        )
        self.assertIn("FAIL: check=reg_overlap node=/pl061@9030000 text=reg: ", failure.text)
        self.assertEqual(
            boot.find("testcase[@name='hang']/error").get("message"), "watchdog expired"
        )
        self.assertIsNotNone(root.find("testsuite[@name='cfg.xen']/testcase[@name='xen']/skipped"))

    def test_what_xml_cannot_hold_is_escaped(self):
        self.written(parsed())
        self.assertValid()
        with open(self.path) as f:
            self.assertIn("unknown key x\\x07", f.read())

    def test_a_suite_that_failed_without_a_failed_case_fails(self):
        gic = self.written(parsed()).find("testsuite[@name='cfg.gic']")
        self.assertEqual(gic.get("failures"), "1")
        self.assertIsNotNone(gic.find("testcase[@name='gic']/failure"))

    def test_an_unfinished_run_is_an_error_of_the_verdict(self):
        root = self.written(
            parsed(REPORT[:9], TIMES[:9]), (status.HANG, "hang (timeout)", "the timeout expired")
        )
        self.assertValid()
        err = root.find("testsuite[@name='cfg.run']/testcase[@name='verdict']/error")
        self.assertIn("the timeout expired", err.get("message"))

    def test_a_silent_run_validates(self):
        self.written(
            ktap.parse([]), (status.SILENT, "silence", "no KTAP output before the timeout")
        )
        self.assertValid()

    def test_the_validator_refuses_what_the_schema_refuses(self):
        root = self.written(parsed())
        del root.find("testsuite").attrib["errors"]  # what junit.xml lacked before
        ET.ElementTree(root).write(self.path)
        self.assertTrue(any("errors" in p for p in junit_schema.problems(self.path)))


# Knows boot/reg's finding and the bootargs suite's own; not gic's (it has none).
BASE = """case boot/reg
  finding reg_overlap node=/pl061@9030000
  reason the overlap is the platform's
  reference s
case bootargs
  finding known_key key=x\\x07
  reason r2
  reference s
case gic/spurious
  finding never_seen
    text never seen
  reason r3
  reference s
"""


def held(lines=REPORT, base=BASE, accept_vanished=False):
    b = baseline.parse(base, "tests/baselines/b.txt")
    j = baseline_check.judge(findings.read(lines), b, {"gic": "3"})
    return baseline_run.Held(b.path, j, b, accept_vanished)


class Baseline(Schema):
    def test_a_known_deviation_is_skipped_with_its_reason_and_place(self):
        h = held()
        root = ET.fromstring(
            ET.tostring(junit.build(parsed(), "cfg", (status.TEST_FAILED, "t", "x"), held=h))
        )
        junit.write(parsed(), self.path, "cfg", (status.TEST_FAILED, "t", "x"), held=h)
        self.assertValid()
        reg = found(root, "testsuite[@name='cfg.boot']/testcase[@name='reg']")
        self.assertIsNone(reg.find("failure"))
        skipped = found(reg, "skipped")
        self.assertEqual(skipped.get("type"), "known-deviation")
        self.assertEqual(
            skipped.get("message"),
            "known deviation: the overlap is the platform's (tests/baselines/b.txt:2)",
        )
        self.assertIn("overlaps /pl031@9010000", skipped.text or "")
        # a suite's own known finding too
        self.assertEqual(
            found(root, "testsuite[@name='cfg.bootargs']/testcase/skipped").get("type"),
            "known-deviation",
        )
        boot = found(root, "testsuite[@name='cfg.boot']")
        self.assertEqual(
            (boot.get("failures"), boot.get("errors"), boot.get("skipped")), ("0", "1", "1")
        )
        # the TIMEOUT stays an error, and gic, failed with no FAIL line, stays a failure
        self.assertIsNotNone(boot.find("testcase[@name='hang']/error"))
        self.assertIsNotNone(root.find("testsuite[@name='cfg.gic']/testcase[@name='gic']/failure"))

    def test_a_new_finding_stays_a_failure(self):
        h = held(base=BASE.replace("case boot/reg", "case boot/other"))
        root = junit.build(parsed(), "cfg", (status.TEST_FAILED, "t", "x"), held=h)
        self.assertIsNotNone(root.find(".//testcase[@name='reg']/failure"))
        self.assertIsNone(root.find(".//testcase[@name='reg']/skipped"))

    def test_a_case_with_a_new_finding_beside_a_known_one_fails(self):
        lines = REPORT[:7] + ["    # FAIL: check=something_else text=something else"] + REPORT[7:]
        root = junit.build(
            parsed(lines, None), "cfg", (status.TEST_FAILED, "t", "x"), held=held(lines)
        )
        self.assertIsNotNone(root.find(".//testcase[@name='reg']/failure"))

    def test_a_vanished_deviation_fails_the_baseline_case_unless_accepted(self):
        junit.write(parsed(), self.path, "cfg", (status.TEST_FAILED, "t", "x"), held=held())
        self.assertValid()
        case = found(
            ET.parse(self.path).getroot(), "testsuite[@name='cfg.run']/testcase[@name='baseline']"
        )
        fail = found(case, "failure")
        self.assertIn(
            (
                "1 known deviation(s) of tests/baselines/b.txt vanished: gic/spurious never_seen:"
                " never seen (tests/baselines/b.txt:10)"
            ),
            fail.get("message", ""),
        )
        self.assertIn("2 known, 2 new, 1 vanished", found(case, "system-out").text or "")
        accepted = junit.build(
            parsed(), "cfg", (status.PASS, "pass", "x"), held=held(accept_vanished=True)
        )
        case = found(accepted, "testsuite[@name='cfg.run']/testcase[@name='baseline']")
        self.assertIsNone(case.find("failure"))
        self.assertIn(
            "vanished gic/spurious never_seen: never seen", found(case, "system-out").text or ""
        )

    def test_without_a_baseline_there_is_no_baseline_case(self):
        root = junit.build(parsed(), "cfg", (status.TEST_FAILED, "t", "x"))
        self.assertIsNone(root.find(".//testcase[@name='baseline']"))
        self.assertEqual(root.find(".//testcase[@name='reg']/failure").get("type"), "finding")


class Content(unittest.TestCase):
    def test_times_are_the_gaps_between_result_lines(self):
        rep = parsed()
        boot = rep.suites[0]
        # exception_level's result is line 6, its suite began at line 3 ("# Subtest: boot")
        self.assertAlmostEqual(boot.cases[0].time, 0.3)
        self.assertAlmostEqual(boot.cases[1].time, 0.2)  # reg: from line 6 to line 8
        self.assertAlmostEqual(
            boot.time, 1.1
        )  # from the report's first line to "not ok 1 boot" (line 11)
        self.assertAlmostEqual(rep.suites[1].time, 0.1)  # xen: from "not ok 1 boot" to its own line
        self.assertEqual(junit.seconds(boot.cases[1].time), "0.200")

    def test_without_arrival_times_there_is_no_time(self):
        root = junit.build(ktap.parse(REPORT), "cfg", (status.TEST_FAILED, "test failures", "x"))
        self.assertIsNone(root.find("testsuite/testcase").get("time"))

    def test_a_long_message_is_cut_between_words_and_says_so(self):
        long = "# FAIL: check=long text=" + " ".join(f"word{i:03d}" for i in range(200))
        lines = REPORT[:7] + ["    " + long] + REPORT[8:]
        msg = (
            junit.build(ktap.parse(lines), "cfg", (status.TEST_FAILED, "test failures", "x"))
            .find(".//testcase[@name='reg']/failure")
            .get("message")
        )
        head, marker = msg.split(" [... ")
        self.assertLessEqual(len(head), junit.MESSAGE_MAX)
        self.assertTrue(head.endswith(tuple(f"word{i:03d}" for i in range(200))))
        shown = "long: " + long.partition("text=")[2]  # the message shows CHECK: TEXT
        self.assertTrue(shown.startswith(head))
        self.assertEqual(marker, f"{len(shown) - len(head)} more characters]")

    def test_clip(self):
        self.assertEqual(clip("short", 10), "short")
        self.assertEqual(clip("one two three", 8), "one two [... 6 more characters]")
        self.assertEqual(
            clip("0x9000000 is", 4), "0x9000000 [... 3 more characters]"
        )  # never part of a word
        self.assertEqual(clip("0x9000000", 4), "0x9000000")


if __name__ == "__main__":
    unittest.main()
