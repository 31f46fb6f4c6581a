#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the baseline file format (harnesslib/baseline/entries.py): an entry
matches exactly its finding's identity (check and subject, whatever the
text), a `*` any value of its key and nothing else a pattern, and every
malformed file is an error naming file and line. Also
that the committed baselines read. Run with PYTHONPATH=scripts."""
import glob
import os
import unittest

from harnesslib import findings, paths
from harnesslib.baseline import entries as baseline

GOOD = """# a comment
case gic/priority
  finding pending_visible intid=5
    text SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  reason why
  reference where

case mmio/instruction_forms
  when gic=3
  finding form_same_as_ldr32 node=/interrupt-controller@3001000 part=distributor \
reg=GICD_TYPER off=0x4 form=ldp32
  finding form_same_as_ldr32 node=/a\\x20b part=* form=ldr32-pre
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


def finding(check, *subject, text="any words"):
    return findings.Finding("mmio", "instruction_forms", check, subject, text, 0)


class Format(unittest.TestCase):
    def test_entries(self):
        b = parse(GOOD)
        self.assertEqual(
            [(e.suite, e.case) for e in b.entries],
            [("gic", "priority"), ("mmio", "instruction_forms")],
        )
        e = b.entries[1]
        self.assertEqual(e.when, {"gic": ("3",)})
        self.assertEqual(e.reason, "why")
        self.assertEqual(e.references, ["spec", "source"])
        self.assertEqual([k.at for k in e.findings], ["b.txt:10", "b.txt:11"])
        self.assertEqual([k.text for k in e.findings], [None, None])
        k = b.entries[0].findings[0]
        self.assertEqual(
            (k.id_text, k.text),
            (
                "pending_visible intid=5",
                "SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear",
            ),
        )
        self.assertEqual(
            e.findings[1].id_text, "form_same_as_ldr32 node=/a\\x20b part=* form=ldr32-pre"
        )

    def test_suite_entry(self):
        (e,) = parse(
            "case bootargs\n finding known_key key=x\\x07\n reason r\n reference s\n"
        ).entries
        self.assertEqual((e.suite, e.case), ("bootargs", None))
        self.assertTrue(
            e.findings[0].matches(
                findings.Finding("bootargs", None, "known_key", [("key", "x\x07")], "", 0)
            )
        )

    def test_when(self):
        e = parse(GOOD).entries[1]
        self.assertTrue(e.applies({"gic": "3", "vpl011": "yes"}))
        self.assertFalse(e.applies({"gic": "2"}))
        self.assertFalse(e.applies({}))

    def test_when_alternatives(self):
        e = parse("case a/b\n when cpus=1|2|3\n when gic=2\n finding x\n reason r\n reference s\n")
        e = e.entries[0]
        self.assertTrue(e.applies({"gic": "2", "cpus": "3"}))
        self.assertFalse(e.applies({"gic": "2", "cpus": "4"}))
        self.assertFalse(e.applies({"gic": "3", "cpus": "1"}))
        self.assertIn("cpus=1..512", error("case a/b\n when cpus=0|1\n"))
        e = parse("case a/b\n when cpus=10..12|2\n finding x\n reason r\n reference s\n")
        self.assertEqual(e.entries[0].when, {"cpus": ("10", "11", "12", "2")})


class Matching(unittest.TestCase):
    def setUp(self):
        b = parse(GOOD)
        self.prio = b.entries[0].findings[0]
        self.form, self.any = b.entries[1].findings

    def test_the_identity_matches_whatever_the_text(self):
        for text in (
            "SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear",
            "(REWORDED) sgi 5 IS HELD BACK",
            "",
        ):
            self.assertTrue(
                self.prio.matches(
                    findings.Finding(
                        "gic", "priority", "pending_visible", [("intid", "5")], text, 0
                    )
                )
            )

    def test_another_check_or_subject_does_not_match(self):
        node = ("node", "/interrupt-controller@3001000")
        full = (
            node,
            ("part", "distributor"),
            ("reg", "GICD_TYPER"),
            ("off", "0x4"),
            ("form", "ldp32"),
        )
        self.assertTrue(self.form.matches(finding("form_same_as_ldr32", *full)))
        for check, subject in (
            ("form_same_as_ldr64", full),
            ("form_same_as_ldr32", full[:4] + (("form", "ldp64"),)),  # another value
            ("form_same_as_ldr32", full[:4]),  # a key fewer
            ("form_same_as_ldr32", full + (("width", "32"),)),  # a key more
            ("form_same_as_ldr32", (full[1], full[0]) + full[2:]),
        ):  # another order
            self.assertFalse(self.form.matches(finding(check, *subject)), (check, subject))

    def test_a_star_matches_any_value_of_its_key_only(self):
        self.assertTrue(
            self.any.matches(
                finding(
                    "form_same_as_ldr32", ("node", "/a b"), ("part", "uart"), ("form", "ldr32-pre")
                )
            )
        )
        self.assertTrue(
            self.any.matches(
                finding(
                    "form_same_as_ldr32", ("node", "/a b"), ("part", "*"), ("form", "ldr32-pre")
                )
            )
        )
        self.assertFalse(
            self.any.matches(finding("form_same_as_ldr32", ("node", "/a b"), ("form", "ldr32-pre")))
        )
        self.assertFalse(
            self.any.matches(
                finding(
                    "form_same_as_ldr32",
                    ("node", "/a\\x20b"),
                    ("part", "uart"),
                    ("form", "ldr32-pre"),
                )
            )
        )  # the value unescaped is matched

    def test_nothing_else_is_a_pattern(self):
        k = (
            parse("case a/b\n finding c node=/x* reg={hex}\n reason r\n reference s\n")
            .entries[0]
            .findings[0]
        )
        self.assertTrue(
            k.matches(findings.Finding("a", "b", "c", [("node", "/x*"), ("reg", "{hex}")], "", 0))
        )
        self.assertFalse(
            k.matches(findings.Finding("a", "b", "c", [("node", "/xy"), ("reg", "0x1")], "", 0))
        )


class Malformed(unittest.TestCase):
    def test_errors_name_file_and_line(self):
        entry = "case a/b\n finding x\n reason r\n reference s\n"
        for text, where, why in (
            ("finding x\n", "b.txt:1", "before any 'case' or 'unchecked' line"),
            ("\n# c\ncase a/b\n findings x\n", "b.txt:4", "unknown keyword 'findings'"),
            ("case a/b/c\n", "b.txt:1", "case takes SUITE or SUITE/CASE"),
            ("case\n", "b.txt:1", "case needs a value"),
            ("case a/b\n reason r\n reference s\n", "b.txt:1", "has no finding line"),
            ("case a/b\n finding x\n reference s\n", "b.txt:1", "has no reason line"),
            ("case a/b\n finding x\n reason r\n", "b.txt:1", "has no reference line"),
            ("case a/b\n finding x\n reason r\n reason q\n", "b.txt:4", "a second reason"),
            ("case a/b\n finding SGI 5 is held back\n", "b.txt:2", "'SGI' is no check name"),
            ("case a/b\n finding x value={hex}\n", "b.txt:2", "'value' is no subject key"),
            ("case a/b\n finding x intid\n", "b.txt:2", "'intid' is not key=value"),
            ("case a/b\n finding x intid=\n", "b.txt:2", "'intid=' is not key=value"),
            ("case a/b\n finding x intid=1 intid=2\n", "b.txt:2", "key 'intid' given twice"),
            ("case a/b\n finding " + "x" * 41 + "\n", "b.txt:2", "at most 40"),
            ("case a/b\n text t\n", "b.txt:2", "text belongs under a 'finding' line"),
            (
                "case a/b\n finding x\n reason r\n text t\n",
                "b.txt:4",
                "text belongs under a 'finding' line",
            ),
            (
                "case a/b\n finding x\n  text t\n  text u\n",
                "b.txt:4",
                "a second text for the finding of b.txt:2",
            ),
            ("case a/b\n when gic=4\n", "b.txt:2", "when takes KEY=VALUE"),
            ("case a/b\n when cpu=2\n", "b.txt:2", "when takes KEY=VALUE"),
            ("case a/b\n when gic=2\n when gic=3\n", "b.txt:3", "a second 'when gic='"),
            (
                entry + "case a/b\n finding x\n reason r\n reference s\n",
                "b.txt:6",
                "the same finding as b.txt:2",
            ),
            (
                "case a/b\n finding x cpu=*\n finding x  cpu=*\n reason r\n reference s\n",
                "b.txt:3",
                "the same finding as b.txt:2",
            ),
        ):
            msg = error(text)
            self.assertTrue(msg.startswith(where + ": "), msg)
            self.assertIn(why, msg)

    def test_same_identity_in_another_case_or_when_is_no_duplicate(self):
        parse(
            "case a/b\n finding x\n reason r\n reference s\ncase a/c\n finding x\n reason r\n"
            " reference s\n"
        )
        parse(
            "case a/b\n when gic=2\n finding x\n reason r\n reference s\n"
            "case a/b\n when gic=3\n finding x\n reason r\n reference s\n"
        )

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
        self.assertGreater(
            len(
                baseline.load(
                    os.path.join(paths.ROOT, "tests", "baselines", "xen-4.17.txt")
                ).entries
            ),
            0,
        )


if __name__ == "__main__":
    unittest.main()
