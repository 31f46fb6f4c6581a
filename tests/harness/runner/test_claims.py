#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of claim coverage on the host (harnesslib/claims.py and its
readers): the claims and unchecked records read into a Coverage, none
without a claims record, records that do not add up said so; the baseline's
unchecked entries (globs over node and property, their mistakes named by
file and line); unchecked claims listed or not; the terminal's claims line
and its groups; --strict-claims (an unlisted claim fails, a partial
coverage is not judged, a report without coverage fails, the default never
changes the verdict); baseline.txt, run.json and junit.xml; scripts/compare
and the matrix's column. Run with PYTHONPATH=scripts."""
import argparse
import contextlib
import io
import os
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ET

from harnesslib import claims, compare, junit, junit_schema, ktap, records, status
from harnesslib.baseline import entries as baseline
from harnesslib.baseline import check as baseline_check
from harnesslib.baseline import run as baseline_run
from harnesslib.matrix import report as matrix_report
from harnesslib.options import table as option_table
from harnesslib.protocol import REPORT_SENTINEL

CLAIMS = (
    "# claims: probe=3 doc=2 use=1 form=10 unchecked=4 total=20 dropped=0 unlisted=0 "
    "suites={suites}"
)
UNCHECKED = [
    "# unchecked: node=/pl011@9000000 prop=interrupt-affinity text=nothing in the harness reads it",
    "# unchecked: node=/virtio_mmio@a000000 prop=dma-coherent text=no check tells",
    "# unchecked: node=/virtio_mmio@a000200 prop=dma-coherent text=no check tells",
    "# unchecked: node=(header) prop=memreserve index=1 text=why",
]


def report(suites="all", claims_lines=None, unchecked=None):
    """A whole report: one passing suite, then the claims records."""
    body = [
        "KTAP version 1",
        "1..1",
        "  KTAP version 1",
        "  # Subtest: boot",
        "  1..1",
        "  ok 1 exception_level",
        "ok 1 boot",
    ]
    tail = ([CLAIMS.format(suites=suites)] if claims_lines is None else claims_lines) + (
        UNCHECKED if unchecked is None else unchecked
    )
    return body + tail + ["1 passed, 0 failed, 0 skipped", REPORT_SENTINEL]


BASE = """case gic/priority
  finding pending_visible intid=5
  reason r
  reference s
unchecked /virtio_mmio@* dma-coherent
  reason no check tells a coherent device from one that is not
unchecked (header) memreserve
  reason why
unchecked /pcie@* bus-range
  reason the bus is not enumerated
"""


def base(text=BASE):
    return baseline.parse(text, "b.txt")


class Read(unittest.TestCase):
    def test_counts_and_the_unchecked_claims(self):
        c = claims.read(report())
        assert c is not None
        self.assertEqual(c.counts, {"probe": 3, "doc": 2, "use": 1, "form": 10, "unchecked": 4})
        self.assertEqual((c.held, c.total, c.dropped, c.unnamed), (6, 20, 0, 0))
        self.assertFalse(c.partial)
        self.assertEqual(c.problems, [])
        self.assertTrue(c.complete_list())
        self.assertEqual(
            [(x.node, x.prop, x.entry) for x in c.claims],
            [
                ("/pl011@9000000", "interrupt-affinity", None),
                ("/virtio_mmio@a000000", "dma-coherent", None),
                ("/virtio_mmio@a000200", "dma-coherent", None),
                ("(header)", "memreserve", "1"),
            ],
        )
        self.assertEqual(c.claims[0].why, "nothing in the harness reads it")
        self.assertEqual(c.claims[3].name, "(header) memreserve#1")

    def test_no_claims_record_is_no_coverage(self):
        self.assertIsNone(claims.read(report(claims_lines=[], unchecked=[])))
        # unchecked records without their claims record make none up either
        self.assertIsNone(claims.read(report(claims_lines=[])))

    def test_only_top_level_records_count(self):
        lines = ["  " + line for line in report()]
        self.assertIsNone(claims.read(lines))

    def test_some_suites_is_partial(self):
        c = claims.read(report(suites="some"))
        assert c is not None
        self.assertTrue(c.partial)

    def test_records_that_do_not_add_up_are_problems(self):
        c = claims.read(report(unchecked=UNCHECKED[:2]))
        assert c is not None
        self.assertFalse(c.complete_list())
        self.assertIn("2 unchecked records and 0 past the limit, not the 4", c.problems[0])
        c = claims.read(report(claims_lines=[CLAIMS.format(suites="all").replace("20", "21")]))
        assert c is not None
        self.assertIn("add up to 20, not 21", c.problems[0])
        c = claims.read(report(claims_lines=[CLAIMS.format(suites="all")] * 2))
        assert c is not None
        self.assertIn("2 claims records", c.problems[0])

    def test_unnamed_past_the_limit_leave_the_list_incomplete(self):
        line = CLAIMS.format(suites="all").replace("unchecked=4", "unchecked=6")
        line = line.replace("total=20", "total=22").replace("unlisted=0", "unlisted=2")
        c = claims.read(report(claims_lines=[line]))
        assert c is not None
        self.assertEqual((c.unnamed, c.problems), (2, []))
        self.assertFalse(c.complete_list())

    def test_a_record_that_breaks_protocol_h_is_an_error(self):
        with self.assertRaises(records.RecordError):
            claims.read(report(unchecked=["# unchecked: node=/a text=no prop"]))

    def test_groups_by_property(self):
        c = claims.read(report())
        assert c is not None
        self.assertEqual(
            claims.group_lines(c.claims),
            [
                "dma-coherent on 2 nodes: /virtio_mmio@a000000, /virtio_mmio@a000200",
                "interrupt-affinity on 1 node: /pl011@9000000",
                "memreserve on 1 node: (header) (entry 1)",
            ],
        )
        self.assertEqual(
            claims.group_lines(c.claims, 1, 1),
            [
                "dma-coherent on 2 nodes: /virtio_mmio@a000000 and 1 more",
                "... and 2 more properties (2 claims; baseline.txt lists each)",
            ],
        )


class Entries(unittest.TestCase):
    def test_unchecked_entries(self):
        b = base()
        self.assertEqual(len(b.entries), 1)
        self.assertEqual(
            [(u.node, u.prop, u.where, u.reason) for u in b.unchecked],
            [
                (
                    "/virtio_mmio@*",
                    "dma-coherent",
                    "b.txt:5",
                    "no check tells a coherent device from one that is not",
                ),
                ("(header)", "memreserve", "b.txt:7", "why"),
                ("/pcie@*", "bus-range", "b.txt:9", "the bus is not enumerated"),
            ],
        )

    def test_globs_over_node_and_property(self):
        def claim(node, prop):
            return claims.Claim(node, prop, None, "")

        (u,) = base("unchecked /gpio-keys/* linux,*\n reason r\n").unchecked
        self.assertTrue(u.matches(claim("/gpio-keys/poweroff", "linux,code")))
        self.assertFalse(u.matches(claim("/gpio-keys", "linux,code")))
        self.assertFalse(u.matches(claim("/gpio-keys/poweroff", "gpios")))
        (u,) = base("unchecked * dma-coherent\n reason r\n").unchecked
        self.assertTrue(u.matches(claim("/a/b@1", "dma-coherent")))
        self.assertTrue(u.matches(claim("(header)", "dma-coherent")))
        self.assertFalse(u.matches(claim("/a", "dma-coherent-not")))

    def test_when_and_reference(self):
        (u,) = base("unchecked /a b\n when gic=2\n reason r\n reference s\n").unchecked
        self.assertEqual((u.when, u.references), ({"gic": ("2",)}, ["s"]))
        self.assertTrue(u.applies({"gic": "2"}))
        self.assertFalse(u.applies({"gic": "3"}))

    def test_mistakes_name_file_and_line(self):
        for text, where, why in (
            ("unchecked /a b\n", "b.txt:1", "the entry unchecked /a b has no reason line"),
            ("unchecked /a\n reason r\n", "b.txt:1", "unchecked takes NODE PROP"),
            ("unchecked /a b c\n reason r\n", "b.txt:1", "unchecked takes NODE PROP"),
            ("unchecked a b\n reason r\n", "b.txt:1", "a node is a path from /"),
            ("unchecked /a b\n finding x\n", "b.txt:2", "an unchecked entry lists claims"),
            ("unchecked /a b\n reason r\n reason q\n", "b.txt:3", "a second reason"),
            ("unchecked /a b\n when gic=4\n", "b.txt:2", "when takes KEY=VALUE"),
            (
                "unchecked /a b\n reason r\nunchecked /a b\n reason q\n",
                "b.txt:3",
                "the same unchecked entry as b.txt:1",
            ),
            # an unchecked entry closes a case entry, which keeps its own rules
            ("case a/b\n finding x\n reason r\nunchecked /a b\n", "b.txt:1", "no reference line"),
        ):
            with self.subTest(text=text):
                with self.assertRaises(baseline.BaselineError) as cm:
                    base(text)
                msg = str(cm.exception)
                self.assertTrue(msg.startswith(where + ": "), msg)
                self.assertIn(why, msg)
        # the same entry for another `when` is no duplicate
        base("unchecked /a b\n when gic=2\n reason r\nunchecked /a b\n when gic=3\n reason q\n")


def judged(lines=None, text=BASE, facts=None):
    c = claims.read(report() if lines is None else lines)
    return baseline_check.judge_claims(c, base(text) if text is not None else None, facts or {})


class Judge(unittest.TestCase):
    def test_listed_unlisted_and_unused(self):
        cj = judged()
        self.assertEqual([c.name for c in cj.unlisted], ["/pl011@9000000 interrupt-affinity"])
        self.assertEqual(
            [(c.name, e.where) for c, e in cj.listed],
            [
                ("/virtio_mmio@a000000 dma-coherent", "b.txt:5"),
                ("/virtio_mmio@a000200 dma-coherent", "b.txt:5"),
                ("(header) memreserve#1", "b.txt:7"),
            ],
        )
        self.assertEqual([e.name for e in cj.unused], ["/pcie@* bus-range"])

    def test_an_entry_whose_when_fails_lists_nothing(self):
        text = "unchecked /pl011@* interrupt-affinity\n when gic=2\n reason r\n"
        self.assertEqual(len(judged(text=text, facts={"gic": "3"}).unlisted), 4)
        self.assertEqual(len(judged(text=text, facts={"gic": "2"}).unlisted), 3)

    def test_the_claims_line(self):
        self.assertEqual(
            baseline_check.claims_line(judged()),
            "claims: 6 held (3 probe, 2 doc, 1 use), 10 form only, 4 unchecked "
            "(3 listed in the baseline, 1 not)",
        )
        self.assertEqual(
            baseline_check.claims_line(judged(text=None)),
            "claims: 6 held (3 probe, 2 doc, 1 use), 10 form only, 4 unchecked "
            "(no baseline: 4 not listed)",
        )
        self.assertIn(
            "coverage is partial (suites=)",
            baseline_check.claims_line(judged(report(suites="some"))),
        )
        line = baseline_check.claims_line(judged(report(claims_lines=[], unchecked=[])))
        self.assertTrue(line.startswith("claims: none reported: the report has no claims"), line)

    def test_terminal_and_file_lines(self):
        cj = judged()
        self.assertEqual(
            baseline_check.claims_terminal_lines(cj)[1:],
            ["  unlisted interrupt-affinity on 1 node: /pl011@9000000"],
        )
        text = baseline_check.claims_lines_of(cj)
        self.assertIn(
            "  unlisted /pl011@9000000 interrupt-affinity: nothing in the harness reads it", text
        )
        self.assertIn(
            "  listed /virtio_mmio@a000000 dma-coherent: no check tells a coherent device from "
            "one that is not (b.txt:5)",
            text,
        )
        self.assertIn("  unused unchecked /pcie@* bus-range (b.txt:9)", text)


class Strict(unittest.TestCase):
    def verdict(self, cj, strict=True, code=status.PASS, why="all passed"):
        return baseline_check.claims_verdict(cj, strict, code, why)

    def test_an_unlisted_claim_fails_naming_node_and_property(self):
        code, why = self.verdict(judged())
        self.assertEqual(code, status.TEST_FAILED)
        self.assertEqual(
            why,
            "1 unchecked claim not in b.txt (--strict-claims): "
            "interrupt-affinity on 1 node: /pl011@9000000; otherwise all passed",
        )

    def test_without_strict_nothing_changes(self):
        self.assertEqual(self.verdict(judged(), strict=False), (status.PASS, "all passed"))
        none = judged(report(claims_lines=[], unchecked=[]))
        self.assertEqual(self.verdict(none, strict=False), (status.PASS, "all passed"))

    def test_every_claim_listed_passes(self):
        lines = report(
            claims_lines=[
                CLAIMS.format(suites="all")
                .replace("unchecked=4", "unchecked=3")
                .replace("form=10", "form=11")
            ],
            unchecked=UNCHECKED[1:],
        )
        cj = judged(lines)
        code, why = self.verdict(cj)
        self.assertEqual(code, status.PASS, why)
        self.assertEqual(
            why, "all passed; every unchecked claim is listed in b.txt (--strict-claims)"
        )

    def test_a_partial_coverage_is_not_judged(self):
        code, why = self.verdict(judged(report(suites="some")))
        self.assertEqual(code, status.PASS)
        self.assertIn("coverage is partial (suites=): --strict-claims does not judge it", why)

    def test_no_coverage_or_an_incomplete_list_fails(self):
        code, why = self.verdict(judged(report(claims_lines=[], unchecked=[])))
        self.assertEqual(code, status.TEST_FAILED)
        self.assertIn("--strict-claims: the report has no claims record", why)
        code, why = self.verdict(judged(report(unchecked=UNCHECKED[1:])))
        self.assertEqual(code, status.TEST_FAILED)
        self.assertIn("cannot all be shown listed", why)

    def test_a_failing_run_keeps_its_status_and_gains_the_reason(self):
        code, why = self.verdict(judged(), code=status.TEST_FAILED, why="1 new (not in b.txt)")
        self.assertEqual(code, status.TEST_FAILED)
        self.assertTrue(why.startswith("1 new (not in b.txt); 1 unchecked claim"), why)
        # an untrusted run is not judged
        self.assertEqual(self.verdict(judged(), code=status.TRUNCATED, why="cut")[0], 4)


class RunFiles(unittest.TestCase):
    def setUp(self):
        self.out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.out)
        self.b = os.path.join(self.out, "b.txt")
        with open(self.b, "w") as f:
            f.write(BASE)

    def args(self, **kw):
        a = dict(
            platform="qemu",
            baseline=self.b,
            no_baseline=False,
            accept_vanished=False,
            strict_claims=False,
            gic=3,
            no_vpl011=False,
            quiet=True,
        )
        a.update(kw)
        return argparse.Namespace(**a)

    def step(self, a, lines=None):
        lines = report() if lines is None else lines
        loaded = baseline_run.prepare(a)
        code, why, held, _ = baseline_run.apply(
            a, loaded, self.out, lines, status.PASS, "all passed"
        )
        return baseline_run.judge_claims(a, self.out, lines, held, code, why) + (held,)

    def test_baseline_txt_run_json_and_the_verdict(self):
        code, why, cj, held = self.step(self.args())
        self.assertEqual((code, why), (status.PASS, "all passed"))
        self.assertIs(held.claims, cj)
        with open(os.path.join(self.out, "baseline.txt")) as f:
            text = f.read()
        self.assertIn("claims: 6 held (3 probe, 2 doc, 1 use), 10 form only, 4 unchecked", text)
        self.assertIn("  unlisted /pl011@9000000 interrupt-affinity:", text)
        rec = baseline_run.claims_record(cj)
        self.assertEqual(
            {k: rec[k] for k in ("probe", "held", "total", "listed", "suites", "partial")},
            {"probe": 3, "held": 6, "total": 20, "listed": 3, "suites": "all", "partial": False},
        )
        self.assertEqual(
            rec["unlisted"],
            [
                {
                    "node": "/pl011@9000000",
                    "prop": "interrupt-affinity",
                    "why": "nothing in the harness reads it",
                }
            ],
        )
        code, why, cj, _ = self.step(self.args(strict_claims=True))
        self.assertEqual(code, status.TEST_FAILED)
        self.assertIn("/pl011@9000000", why)

    def test_without_a_baseline_and_without_coverage(self):
        code, why, cj, held = self.step(self.args(baseline=None, no_baseline=True))
        self.assertIsNone(held)
        self.assertEqual(len(cj.unlisted), 4)
        self.assertEqual(code, status.PASS)
        code, why, cj, _ = self.step(self.args(), report(claims_lines=[], unchecked=[]))
        self.assertEqual(baseline_run.claims_record(cj)["reported"], False)
        self.assertEqual(baseline_run.claims_properties(cj), [("claims", "none reported")])
        self.assertIsNone(baseline_run.claims_record(None))

    def test_junit_properties_and_the_claims_case(self):
        lines = report()
        rep = ktap.parse(lines, None)
        for strict, failed in ((False, False), (True, True)):
            _, _, cj, held = self.step(self.args(strict_claims=strict))
            path = os.path.join(self.out, "junit.xml")
            junit.write(
                rep,
                path,
                "cfg",
                (status.PASS, "pass", "all passed"),
                properties=baseline_run.claims_properties(cj),
                held=held,
                claims=(cj, strict),
            )
            self.assertEqual(junit_schema.problems(path), [])
            root = ET.parse(path).getroot()
            props = {
                p.get("name"): p.get("value")
                for p in root.findall("testsuite[@name='cfg.run']/properties/property")
            }
            self.assertEqual(
                (props["claims_held"], props["claims_total"], props["claims_unlisted"]),
                ("6", "20", "1"),
            )
            case = root.find("testsuite[@name='cfg.run']/testcase[@name='claims']")
            assert case is not None
            failure = case.find("failure")
            self.assertEqual(failure is not None, failed)
            if failure is not None:
                self.assertIn("/pl011@9000000", failure.get("message", ""))


class Compare(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def run_dir(self, name, lines):
        d = os.path.join(self.dir, name)
        os.makedirs(d)
        with open(os.path.join(d, "ktap.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        return d

    def compare(self, a, b):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = compare.main([a, b])
        return code, out.getvalue().splitlines()

    def test_claims_that_became_unchecked_and_the_other_way(self):
        a = self.run_dir("a", report())
        b_lines = report(
            unchecked=UNCHECKED[1:] + ["# unchecked: node=/timer prop=always-on text=no power"]
        )
        b = self.run_dir("b", b_lines)
        code, lines = self.compare(a, b)
        self.assertEqual(code, 1)
        self.assertEqual(
            lines[0],
            "0 new, 0 vanished, 0 changed findings; 0 cases changed; "
            "claims: 1 became unchecked, 1 no longer unchecked",
        )
        self.assertIn("  claim became unchecked /timer always-on: no power", lines)
        self.assertIn(
            "  claim no longer unchecked /pl011@9000000 interrupt-affinity (held now, or not in "
            "RUN_B's tree)",
            lines,
        )
        self.assertEqual(self.compare(a, self.run_dir("c", report()))[0], 0)

    def test_a_run_without_coverage_is_said_not_compared(self):
        a = self.run_dir("a", report())
        b = self.run_dir("b", report(claims_lines=[], unchecked=[]))
        code, lines = self.compare(a, b)
        self.assertEqual((code, lines[0]), (0, "no change"))
        self.assertEqual(
            lines,
            [
                "no change",
                "  note: claims not compared: RUN_B has no claims "
                "record (an image older than claim coverage)",
            ],
        )
        changed = compare.claims_changed(compare.load(a), compare.load(b))
        self.assertFalse(changed)
        self.assertIn("RUN_B has no claims record", changed.notes[0])


class Matrix(unittest.TestCase):
    def test_the_coverage_cell(self):
        class O:
            coverage = None
            report = None

        o = O()
        self.assertEqual(matrix_report.coverage_cell(o), "-")
        self.assertEqual(matrix_report.coverage_line(o), "claims: none reported (no report)")
        o.coverage = claims.read(report())
        self.assertEqual(matrix_report.coverage_cell(o), "6/20")
        o.coverage = claims.read(report(suites="some"))
        self.assertEqual(matrix_report.coverage_cell(o), "6/20 (some suites)")


class Option(unittest.TestCase):
    def test_in_the_option_table(self):
        flags = [o[0] for o in option_table.OPTIONS]
        self.assertIn("--strict-claims", flags)


if __name__ == "__main__":
    unittest.main()
