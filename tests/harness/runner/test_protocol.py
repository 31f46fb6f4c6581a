# SPDX-License-Identifier: MIT
"""lib/runtime/protocol.h is the one definition of what the harness and the
runner agree on: protocol.py must read it, fail clearly on a bad one, and the
guest's exit codes must not be confused with the runner's exit statuses."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

from harnesslib import ktap, paths, protocol, status


def runner_statuses():
    return {k: v for k, v in vars(status).items() if k.isupper() and isinstance(v, int)}


class Protocol(unittest.TestCase):
    def test_every_valued_define_of_the_header_is_read(self):
        text = open(paths.PROTOCOL_H).read()
        names = re.findall(r"^#define (\w+)[ \t]+\S", text, re.M)
        self.assertGreaterEqual(len(names), 8)
        for n in names:
            self.assertIn(n, protocol.VALUES)
            self.assertEqual(getattr(protocol, n), protocol.VALUES[n])
        self.assertIsInstance(protocol.REPORT_SENTINEL, str)
        self.assertEqual(protocol.RECORD_FINDING, "FAIL")

    def test_guest_exit_codes_distinct_from_runner_statuses_but_0_and_1(self):
        guest = {v for k, v in protocol.VALUES.items() if k.startswith("GUEST_EXIT_")}
        runner = set(runner_statuses().values())
        self.assertEqual(guest & runner, {0, 1})
        self.assertEqual(
            (protocol.GUEST_EXIT_PASS, protocol.GUEST_EXIT_FAIL), (status.PASS, status.TEST_FAILED)
        )
        self.assertEqual(len(runner), len(runner_statuses()), "two runner statuses share a number")
        self.assertEqual(set(status.NAMES), runner)

    def test_the_report_end_is_the_headers_sentinel(self):
        lines = [
            "KTAP version 1",
            "1..0",
            "0 passed, 0 failed, 0 skipped",
            protocol.REPORT_SENTINEL,
            "after",
        ]
        self.assertEqual(ktap.extract(lines)[-1], protocol.REPORT_SENTINEL)
        self.assertTrue(ktap.parse(ktap.extract(lines)).complete)

    def test_values_strings_escapes_and_comments(self):
        v = protocol.parse(
            '/* #define NOT_THIS 1 */\n#define A 0x10 /* c */\n#define B "x \\"y\\" /* z */"\n'
            + "".join(
                f'#define {k} {"1" if t is int else chr(34) * 2}\n'
                for k, t in protocol.REQUIRED.items()
            )
        )
        self.assertEqual(v["A"], 16)
        self.assertEqual(v["B"], 'x "y" /* z */')
        self.assertNotIn("NOT_THIS", v)

    def test_malformed_header_is_a_clear_error(self):
        good = open(paths.PROTOCOL_H).read()
        cases = {
            "not a value": good.replace(
                "#define GUEST_EXIT_FATAL 11", "#define GUEST_EXIT_FATAL (10 + 1)"
            ),
            "missing name": good.replace("#define REPORT_SENTINEL", "#define REPORT_SENTINEL_X"),
            "wrong kind": good.replace(
                "#define GUEST_EXIT_FATAL 11", '#define GUEST_EXIT_FATAL "11"'
            ),
            "function-like": good + "\n#define F(x) x\n",
        }
        for what, text in cases.items():
            with self.subTest(what):
                with self.assertRaises(protocol.ProtocolError) as e:
                    protocol.parse(text, "protocol.h")
                self.assertIn("protocol.h", str(e.exception))
        with self.assertRaises(protocol.ProtocolError):
            protocol.load("/nonexistent/protocol.h")

    def test_missing_header_stops_the_runner_without_a_traceback(self):
        with tempfile.TemporaryDirectory() as d:
            code = (
                "from harnesslib import paths\n"
                f"paths.PROTOCOL_H = {os.path.join(d, 'protocol.h')!r}\n"
                "from harnesslib import runner\n"
            )
            r = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                env=dict(os.environ, PYTHONPATH=paths.SCRIPTS),
            )
        self.assertEqual(r.returncode, status.USAGE)
        self.assertIn("protocol.h", r.stderr)
        self.assertNotIn("Traceback", r.stderr)


if __name__ == "__main__":
    unittest.main()
