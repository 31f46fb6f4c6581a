#!/usr/bin/env python3
"""Host tests of the baseline file format (harnesslib/baseline.py): an entry
matches exactly its finding, a similar but different finding does not
match, and every malformed file is an error naming file and line. Also
that the committed baselines read. Run with PYTHONPATH=scripts."""
import glob
import os
import unittest

from harnesslib import baseline, paths

FORM = ("/interrupt-controller@3001000 | distributor | GICD_TYPER@0x4 | form ldp32 | expect same as "
        "ldr32 ({v}) [Arm ARM DDI 0487 load/store: one 32-bit access] | observed abort ESR 0x96000000 | deviation")
GOOD = f"""# a comment
case gic/priority
  finding SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  reason why
  reference where

case mmio/instruction_forms
  when gic=3
  finding {FORM.format(v="{hex}")}
  finding SGI {{num}} took {{{{braces}}}}
  reason why
  reference spec
  reference source
"""


def parse(text):
    return baseline.parse(text, "b.txt")


def error(text):
    try:
        parse(text)
    except baseline.BaselineError as e:
        return str(e)
    raise AssertionError(f"no error for {text!r}")


class Format(unittest.TestCase):
    def test_entries(self):
        b = parse(GOOD)
        self.assertEqual([(e.suite, e.case) for e in b.entries], [("gic", "priority"), ("mmio", "instruction_forms")])
        e = b.entries[1]
        self.assertEqual(e.when, {"gic": "3"})
        self.assertEqual(e.reason, "why")
        self.assertEqual(e.references, ["spec", "source"])
        self.assertEqual([at for _, at in e.findings], ["b.txt:9", "b.txt:10"])

    def test_suite_entry(self):
        (e,) = parse("case bootargs\n finding x\n reason r\n reference s\n").entries
        self.assertEqual((e.suite, e.case), ("bootargs", None))

    def test_when(self):
        e = parse(GOOD).entries[1]
        self.assertTrue(e.applies({"gic": "3", "vpl011": "yes"}))
        self.assertFalse(e.applies({"gic": "2"}))
        self.assertFalse(e.applies({}))


class Matching(unittest.TestCase):
    def setUp(self):
        self.prio = parse(GOOD).entries[0].findings[0][0]
        self.form = parse(GOOD).entries[1].findings[0][0]
        self.braces = parse(GOOD).entries[1].findings[1][0]

    def test_exact_finding_matches(self):
        self.assertTrue(self.prio.matches("SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear"))

    def test_similar_findings_do_not_match(self):
        for other in ("SGI 6 is held back by PMR, but its pending bit (ISPENDR) reads as clear",
                      "SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear!",
                      "x SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear",
                      "SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as set",
                      "SGI 5 is held back by PMR"):
            self.assertFalse(self.prio.matches(other), other)

    def test_hex_placeholder_takes_one_value(self):
        self.assertTrue(self.form.matches(FORM.format(v="0x480007")))
        self.assertTrue(self.form.matches(FORM.format(v="0x480027")))
        self.assertFalse(self.form.matches(FORM.format(v="480007")))       # not a 0x number
        self.assertFalse(self.form.matches(FORM.format(v="0x48 or 0x49")))  # not one value
        self.assertFalse(self.form.matches(FORM.format(v="0x0").replace("ldp32", "ldr32-pre")))
        self.assertFalse(self.form.matches(FORM.format(v="0x0").replace("0x96000000", "0x96000010")))

    def test_num_placeholder_and_literal_braces(self):
        self.assertTrue(self.braces.matches("SGI 12 took {braces}"))
        self.assertFalse(self.braces.matches("SGI 0x12 took {braces}"))
        self.assertFalse(self.braces.matches("SGI 12 took {{braces}}"))

    def test_regex_characters_are_literal(self):
        t = parse("case a/b\n finding a.b (c)* [d]\n reason r\n reference s\n").entries[0].findings[0][0]
        self.assertTrue(t.matches("a.b (c)* [d]"))
        self.assertFalse(t.matches("axb (c)* [d]"))
        self.assertFalse(t.matches("a.b (ccc) [d]"))


class Malformed(unittest.TestCase):
    def test_errors_name_file_and_line(self):
        entry = "case a/b\n finding x\n reason r\n reference s\n"
        for text, where, why in (
                ("finding x\n", "b.txt:1", "before any 'case' line"),
                ("\n# c\ncase a/b\n findings x\n", "b.txt:4", "unknown keyword 'findings'"),
                ("case a/b/c\n", "b.txt:1", "case takes SUITE or SUITE/CASE"),
                ("case\n", "b.txt:1", "case needs a value"),
                ("case a/b\n reason r\n reference s\n", "b.txt:1", "has no finding line"),
                ("case a/b\n finding x\n reference s\n", "b.txt:1", "has no reason line"),
                ("case a/b\n finding x\n reason r\n", "b.txt:1", "has no reference line"),
                ("case a/b\n finding x\n reason r\n reason q\n", "b.txt:4", "a second reason"),
                ("case a/b\n finding x {addr}\n", "b.txt:2", "unknown placeholder {addr}"),
                ("case a/b\n finding x {hex\n", "b.txt:2", "a lone '{'"),
                ("case a/b\n finding x }\n", "b.txt:2", "a lone '}'"),
                ("case a/b\n when gic=4\n", "b.txt:2", "when takes KEY=VALUE"),
                ("case a/b\n when cpus=2\n", "b.txt:2", "when takes KEY=VALUE"),
                ("case a/b\n when gic=2\n when gic=3\n", "b.txt:3", "a second 'when gic='"),
                (entry + "case a/b\n finding x\n", "b.txt:6", "the same finding as b.txt:2"),
        ):
            msg = error(text)
            self.assertTrue(msg.startswith(where + ": "), msg)
            self.assertIn(why, msg)

    def test_same_text_in_another_case_is_no_duplicate(self):
        parse("case a/b\n finding x\n reason r\n reference s\ncase a/c\n finding x\n reason r\n reference s\n")

    def test_missing_file(self):
        with self.assertRaises(baseline.BaselineError) as cm:
            baseline.load("/nonexistent/b.txt")
        self.assertIn("/nonexistent/b.txt: No such file", str(cm.exception))


class Committed(unittest.TestCase):
    def test_every_committed_baseline_reads(self):
        files = glob.glob(os.path.join(paths.ROOT, "tests", "baselines", "*.txt"))
        self.assertIn("xen-4.17.txt", [os.path.basename(f) for f in files])
        for f in files:
            baseline.load(f)
        self.assertGreater(len(baseline.load(os.path.join(paths.ROOT, "tests", "baselines", "xen-4.17.txt")).entries), 0)


if __name__ == "__main__":
    unittest.main()
