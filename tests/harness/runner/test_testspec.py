"""The integration tests' declarations: every test tree carries its own
expectations, in one place, and a tree that expects nothing is an error."""
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import unittest

from harnesslib import integration, paths, testspec

RUN = ["--dtb", "dts/lies/x.dts"]


class TreeHeaders(unittest.TestCase):
    def spec(self, *lines):
        return testspec.tree_spec(list(lines), "lie-x", "dts/lies/x.dts", RUN)

    def test_keys(self):
        t = self.spec("/* about */", "// run: --bootargs 'suites=dt memmap'", "// status: 1",
                      "// expect: reg: bad", "// expect-run: found by running", "// note: console: uart",
                      "// ktap: not ok 9 reg", "// ktap-not: # FAIL: other", "// console: UART",
                      "// output: verdict: test failures", "// file: memory-map.md some text", "// prove:", "// needs: dtc", "/include/ \"b.dtsi\"")
        self.assertEqual(t.run, RUN + ["--bootargs", "suites=dt memmap"])
        self.assertEqual(t.status, 1)
        self.assertEqual(t.expects, ["reg: bad"])
        self.assertEqual(t.needs, ["dtc"])
        self.assertEqual(t.checks, [
            ("ktap", None, "# FAIL: reg: bad"), ("ktap", None, "# FAIL: found by running"),
            ("ktap", None, "# console: uart"), ("ktap", None, "not ok 9 reg"), ("ktap-not", None, "# FAIL: other"),
            ("console", None, "UART"), ("output", None, "verdict: test failures"),
            ("file", "memory-map.md", "some text"), ("prove", None, "")])

    def test_a_tree_that_expects_nothing_is_an_error(self):
        for lines in ([], ["// status: 0"], ["// expect: x"]):
            with self.subTest(lines=lines), self.assertRaises(testspec.SpecError):
                self.spec(*lines)

    def test_unknown_key_second_status_and_dtb_are_errors(self):
        for bad in ("// expects: x", "// status: 2", "// run: --dtb other.dts"):
            with self.subTest(bad=bad), self.assertRaises(testspec.SpecError):
                self.spec("// status: 1", "// ktap: ok 1 dt", bad)

    def test_a_tests_block_may_not_hand_over_a_test_tree(self):
        with tempfile.NamedTemporaryFile("w", suffix=".tests") as f:
            f.write("test t\n  run --dtb dts/lies/rtc-moved.dts\n  ktap \"x\"\n")
            f.flush()
            with self.assertRaises(testspec.SpecError):
                testspec.load_tests_file(f.name)


class Repository(unittest.TestCase):
    def test_every_tree_is_one_test(self):
        tests = testspec.load()
        names = {t.name for t in tests}
        self.assertEqual(len(names), len(tests))
        for src in testspec.trees():
            stem = os.path.splitext(os.path.basename(src))[0]
            prefix = dict(testspec.TREE_DIRS)[os.path.basename(os.path.dirname(src))]
            self.assertIn(prefix + stem, names)
        for name in testspec.broken_dtbs.VARIANTS:
            self.assertIn("broken-" + os.path.splitext(name)[0], names)

    def test_no_match_is_a_failure(self):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            self.assertNotEqual(integration.main(["-k", "no-test-has-this-name"]), 0)
        self.assertIn("no test matches", err.getvalue())

    def test_list_into_a_closed_pipe_ends_quietly(self):
        p = subprocess.Popen([sys.executable, paths.script("integration"), "--list"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read().decode()
        p.wait()
        self.assertNotIn("Traceback", err)


if __name__ == "__main__":
    unittest.main()
