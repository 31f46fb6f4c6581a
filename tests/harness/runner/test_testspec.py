# SPDX-License-Identifier: MIT
"""The integration tests' declarations: every test tree carries its own
expectations, in one place, and a tree that expects nothing is an error."""
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import unittest

from harnesslib import findings, integration, paths, testspec

RUN = ["--dtb", "dts/lies/x.dts"]


class TreeHeaders(unittest.TestCase):
    def spec(self, *lines):
        return testspec.tree_spec(list(lines), "lie-x", "dts/lies/x.dts", RUN)

    def test_keys(self):
        t = self.spec(
            "/* about */",
            "// run: --bootargs 'suites=dt memmap'",
            "// status: 1",
            "// expect: dt/reg reg_valid node=/pl011@9000000",
            "// (text: reg: bad)",
            (
                "// expect-run: memmap/dt_regions inside_documented_region node=/a\\x20b"
                " range=0x0+0x1000"
            ),
            "// note: console: uart",
            "// ktap: not ok 9 reg",
            "// ktap-not: # FAIL: other",
            "// console: UART",
            "// output: verdict: test failures",
            "// file: memory-map.md some text",
            "// prove:",
            "// needs: dtc",
            '/include/ "b.dtsi"',
        )
        self.assertEqual(t.run, RUN + ["--bootargs", "suites=dt memmap"])
        self.assertEqual(t.status, 1)
        self.assertEqual(t.expects, ["dt/reg reg_valid node=/pl011@9000000"])
        self.assertEqual(t.needs, ["dtc"])
        reg = testspec.Expect("dt/reg reg_valid node=/pl011@9000000", "x")
        run = testspec.Expect(
            "memmap/dt_regions inside_documented_region node=/a\\x20b range=0x0+0x1000", "x"
        )
        self.assertEqual(t.checks[0][2].where, "dts/lies/x.dts:4")
        self.assertEqual(
            t.checks,
            [
                ("finding", None, reg),
                ("finding", None, run),
                ("ktap", None, "# console: uart"),
                ("ktap", None, "not ok 9 reg"),
                ("ktap-not", None, "# FAIL: other"),
                ("console", None, "UART"),
                ("output", None, "verdict: test failures"),
                ("file", "memory-map.md", "some text"),
                ("prove", None, ""),
            ],
        )

    def test_a_tree_that_expects_nothing_is_an_error(self):
        expect_nothing: list[list[str]] = [[], ["// status: 0"], ["// expect: x"]]
        for lines in expect_nothing:
            with self.subTest(lines=lines), self.assertRaises(testspec.SpecError):
                self.spec(*lines)

    def test_an_expect_line_that_is_no_identity_is_an_error_naming_the_line(self):
        for bad, why in (
            ("// expect: reg: /pl011@9000000: bad", "not 'reg: /pl011@9000000: bad'"),
            ("// expect-run: the DT header's boot_cpuid_phys is 0x1", "'DT' is no check name"),
            ("// expect: dt/reg", "SUITE/CASE CHECK"),
            ("// expect: dt/reg Reg", "'Reg' is no check name"),
            ("// expect: dt/reg reg_valid colour=red", "'colour' is no subject key"),
            ("// expect: dt/reg reg_valid node=*", "only in a baseline"),
            ("// expect-run:", "needs a finding's identity"),
        ):
            with self.subTest(bad=bad), self.assertRaises(testspec.SpecError) as cm:
                self.spec("// status: 1", "// ktap: ok 1 dt", bad)
            self.assertTrue(str(cm.exception).startswith("dts/lies/x.dts:3: "), str(cm.exception))
            self.assertIn(why, str(cm.exception))

    def test_an_expectation_matches_the_identity_never_the_text(self):
        report = findings.read(
            [
                "KTAP version 1",
                "1..2",
                "  KTAP version 1",
                "  # Subtest: memmap",
                "  1..1",
                (
                    "    # FAIL: check=inside_documented_region node=/pl011@9000000"
                    " range=0x9000000+0x1000 text=(REWORDED) X"
                ),
                "  not ok 1 dt_regions",
                "not ok 1 memmap",
                "# FAIL: check=known_key key=foo text=bootargs: unknown key foo",
                "not ok 2 bootargs",
            ]
        )
        yes = (
            "memmap/dt_regions inside_documented_region node=/pl011@9000000 range=0x9000000+0x1000",
            "bootargs known_key key=foo",
        )
        no = (
            "memmap/dt_regions inside_documented_region node=/pl011@9000000",  # a field fewer
            # order
            "memmap/dt_regions inside_documented_region range=0x9000000+0x1000 node=/pl011@9000000",
            "memmap/dt_regions inside_documented_region node=/pl011@9000000 range=0x9000000+0x2000",
            "memmap/probe inside_documented_region node=/pl011@9000000 range=0x9000000+0x1000",
            "memmap inside_documented_region node=/pl011@9000000 range=0x9000000+0x1000",
            "bootargs/x known_key key=foo",
            "bootargs known_key key=bar",
        )
        for v in yes + no:
            self.assertEqual(testspec.Expect(v, "x").found(report), v in yes, v)

    def test_problems_name_a_missing_finding(self):
        with tempfile.TemporaryDirectory() as out:
            with open(os.path.join(out, "ktap.txt"), "w") as f:
                f.write(
                    "KTAP version 1\n1..1\n# FAIL: check=known_key key=foo text=x\nnot ok 1"
                    " bootargs\n"
                )
            t = self.spec(
                "// status: 1",
                "// expect-run: bootargs known_key key=foo",
                "// expect-run: bootargs known_key key=bar",
            )
            got = [p for p in integration.problems_of(t, out, 1) if "finding" in p]
            self.assertEqual(
                got, ["ktap.txt lacks the finding bootargs known_key key=bar (dts/lies/x.dts:3)"]
            )

    def test_unknown_key_second_status_and_dtb_are_errors(self):
        for bad in ("// expects: x", "// status: 2", "// run: --dtb other.dts"):
            with self.subTest(bad=bad), self.assertRaises(testspec.SpecError):
                self.spec("// status: 1", "// ktap: ok 1 dt", bad)

    def test_a_tests_block_may_not_hand_over_a_test_tree(self):
        with tempfile.NamedTemporaryFile("w", suffix=".tests") as f:
            f.write('test t\n  run --dtb dts/lies/rtc-moved.dts\n  ktap "x"\n')
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
        p = subprocess.Popen(
            [sys.executable, paths.script("integration"), "--list"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert p.stdout is not None and p.stderr is not None  # both PIPE
        p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read().decode()
        p.wait()
        self.assertNotIn("Traceback", err)


if __name__ == "__main__":
    unittest.main()
