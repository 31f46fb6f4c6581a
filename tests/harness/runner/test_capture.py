#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the console capture (harnesslib/capture.py) on a stand-in
platform process, a Python program that prints what QEMU or Xen would: how
long a run goes on after its report, what it still catches in that time,
the arrival times of lines, and console.log's line endings."""
import os
import sys
import tempfile
import unittest

from harnesslib import capture, status, xen
from harnesslib.protocol import REPORT_SENTINEL


def program(*steps):
    """A process that prints each step's text after its delay (seconds),
    then exits with `exit` if a step says so, or else sleeps on (as QEMU does
    under Xen, where nothing ends it)."""
    body = ["import sys, time"]
    for delay, text in steps:
        body.append(f"time.sleep({delay})")
        if isinstance(text, int):
            body.append(f"sys.exit({text})")
        else:
            body.append(f"sys.stdout.buffer.write({text!r}); sys.stdout.flush()")
    body.append("time.sleep(30)")
    return [sys.executable, "-c", "\n".join(body)]


class Capture(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.log = os.path.join(self.dir.name, "console.log")

    def tearDown(self):
        self.dir.cleanup()

    def xen_run(self, *steps):
        plat = xen.Platform(None, self.dir.name, [])
        cap = capture.run(
            program(*steps),
            self.log,
            20,
            transform=plat.transform,
            stop_pattern=plat.stop_pattern,
            linger=plat.linger,
            exits=plat.exits,
        )
        return plat, cap

    def test_the_programs_own_lines_stay_out_of_the_guests(self):
        me = os.path.basename(sys.executable)
        cap = capture.run(
            program(
                (0, b"KTAP version 1\n"),
                (0, f"{me}: warning: re-entrant IO\n".encode()),
                (0, f"{REPORT_SENTINEL}\n".encode()),
                (0, 0),
            ),
            self.log,
            20,
        )
        self.assertEqual(cap.lines, ["KTAP version 1", REPORT_SENTINEL])
        self.assertEqual(cap.program_lines, [f"{me}: warning: re-entrant IO"])
        self.assertEqual(cap.program_errors, [])
        self.assertIn("re-entrant IO", open(self.log).read())

    def test_a_xen_run_ends_its_linger_after_the_report(self):
        plat, cap = self.xen_run((0, f"(XEN) DOM1: {REPORT_SENTINEL}\r\r\n".encode()))
        self.assertTrue(cap.sentinel)
        # the linger and no more: no wait for an exit that never comes (the program sleeps 30 s)
        self.assertLess(cap.elapsed - cap.sentinel_at, xen.LINGER + 0.15)
        self.assertIsNone(cap.returncode)  # killed: nothing ends QEMU under Xen

    def test_a_domain_crash_just_after_the_report_is_caught(self):
        plat, cap = self.xen_run(
            (0, f"(XEN) DOM1: {REPORT_SENTINEL}\r\r\n".encode()),
            (
                0.05,
                (
                    b"(XEN) domain_crash called from traps.c:1\r\n"
                    b"(XEN) Domain 1 (vcpu#0) crashed on cpu#0:\r\n"
                ),
            ),
        )
        code, why = plat.refine(cap, status.PASS, "all passed")
        self.assertEqual(code, status.DOMAIN_CRASH)
        self.assertIn("traps.c:1", why)

    def test_qemu_exit_status_is_waited_for(self):
        cap = capture.run(program((0, f"{REPORT_SENTINEL}\r\n".encode()), (0.2, 1)), self.log, 20)
        self.assertEqual(cap.returncode, 1)
        self.assertLess(cap.elapsed, 3)

    def test_lines_keep_their_arrival_times(self):
        cap = capture.run(program((0, b"a\r\n"), (0.4, b"b\r\n"), (0, 0)), self.log, 20)
        self.assertEqual(cap.lines, ["a", "b"])
        self.assertEqual(len(cap.times), 2)
        self.assertGreater(cap.times[1] - cap.times[0], 0.3)

    def test_console_log_has_one_cr_per_line_end(self):
        plat, cap = self.xen_run(
            (0, b"(XEN) Xen version 4.17\r\n(XEN) DOM1: KTAP version 1\r"),
            (0.1, b"\r\n(XEN) DOM1: 1..1\r\r\n"),
            (0, f"(XEN) DOM1: {REPORT_SENTINEL}\r\r\n".encode()),
        )
        data = open(self.log, "rb").read()
        self.assertNotIn(b"\r\r", data)
        self.assertEqual(data.count(b"\r\n"), 4)
        self.assertEqual(cap.lines[:2], ["KTAP version 1", "1..1"])

    def test_one_cr_keeps_a_lone_cr_and_holds_trailing_ones(self):
        self.assertEqual(capture.one_cr(b"a\rb\r\r\nc\r"), (b"a\rb\r\nc", b"\r"))
        self.assertEqual(capture.one_cr(b"\r\nd", b"\r"), (b"\r\nd", b""))
        self.assertEqual(capture.one_cr(b"e", b"\r"), (b"\re", b""))


if __name__ == "__main__":
    unittest.main()
