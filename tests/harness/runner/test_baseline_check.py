#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of a report held against a baseline (harnesslib/findings.py,
baseline/check.py, baseline/run.py): known, new, vanished and not checked;
a finding is known by its identity (check and subject), never its text;
a failure no FAIL line explains is never known; the annotated report; the
verdict; which baseline a run picks. Run with PYTHONPATH=scripts."""
import argparse
import os
import shutil
import tempfile
import unittest

from harnesslib import findings, records, status
from harnesslib.baseline import entries as baseline
from harnesslib.baseline import check as baseline_check
from harnesslib.baseline import run as baseline_run
from harnesslib.protocol import REPORT_SENTINEL

REPORT = f"""KTAP version 1
1..3
# FAIL: check=known_key key=foo text=a top-level finding
not ok 1 bootargs
  KTAP version 1
  # Subtest: gic
  1..3
  ok 1 sgi_self
    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  not ok 2 priority
    # FAIL: check=active_visible cpu=1 intid=8 text=EOImode 1: SGI 8 reads as clear
  not ok 3 eoi_modes
not ok 2 gic
  KTAP version 1
  # Subtest: mmio
  1..2
    # FAIL: check=form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldp32 text=GICD_TYPER@0x4 | form ldp32 | expect same as ldr32 (0x480007) | observed abort ESR 0x96000000
  not ok 1 instruction_forms
  ok 2 identity # SKIP no GIC
not ok 3 mmio
1 passed, 4 failed, 1 skipped
{REPORT_SENTINEL}""".splitlines()

BASE = """case bootargs
  finding known_key key=foo
  reason r0
  reference s
case gic/priority
  finding pending_visible intid=5
    text SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  reason r1
  reference s
case gic/eoi_modes
  finding active_visible cpu=* intid=8
  reason r2
  reference s
case mmio/instruction_forms
  finding form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldp32
  reason r3
  reference s
"""


def judge(lines=REPORT, base=BASE, facts=None):
    return baseline_check.judge(
        findings.read(lines), baseline.parse(base, "b.txt"), facts or {"gic": "3"}
    )


def texts(items):
    return [f"{i.name}: {i.text}" for i in items]


class Findings(unittest.TestCase):
    def test_each_finding_belongs_to_its_result(self):
        rep = findings.read(REPORT)
        self.assertTrue(rep.complete)
        got = [(f.suite, f.case, f.check, f.subject, f.text) for f in rep.findings()]
        self.assertEqual(
            got,
            [
                ("bootargs", None, "known_key", (("key", "foo"),), "a top-level finding"),
                (
                    "gic",
                    "priority",
                    "pending_visible",
                    (("intid", "5"),),
                    "SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear",
                ),
                (
                    "gic",
                    "eoi_modes",
                    "active_visible",
                    (("cpu", "1"), ("intid", "8")),
                    "EOImode 1: SGI 8 reads as clear",
                ),
                (
                    "mmio",
                    "instruction_forms",
                    "form_same_as_ldr32",
                    (("reg", "GICD_TYPER"), ("off", "0x4"), ("form", "ldp32")),
                    (
                        "GICD_TYPER@0x4 | form ldp32 | expect same as ldr32 (0x480007) | observed"
                        " abort ESR 0x96000000"
                    ),
                ),
            ],
        )
        self.assertEqual(
            rep.findings()[2].identity,
            ("gic", "eoi_modes", "active_visible", (("cpu", "1"), ("intid", "8"))),
        )
        self.assertEqual(rep.findings()[2].name(), "gic/eoi_modes active_visible cpu=1 intid=8")
        self.assertEqual(rep.cases()[("mmio", "identity")].status, "skip")
        self.assertEqual(rep.suites()["gic"].status, "not ok")

    def test_a_record_that_breaks_its_declaration_is_an_error(self):
        for bad in ("# FAIL: a finding in the old form", "# FAIL: check=x colour=red text=y"):
            with self.subTest(bad=bad), self.assertRaises(records.RecordError):
                findings.read(["KTAP version 1", "1..1", bad, "not ok 1 bootargs"])

    def test_the_text_is_for_people_only(self):
        lines = [
            l.replace("text=SGI 5 is held back", "text=(REWORDED) sgi 5 IS HELD BACK")
            for l in REPORT
        ]
        j = judge(lines)
        self.assertEqual((len(j.known), j.new, j.vanished), (4, [], []))


class Judge(unittest.TestCase):
    def test_all_known(self):
        j = judge()
        self.assertEqual(len(j.known), 4)
        self.assertEqual((j.new, j.vanished, j.unchecked), ([], [], []))
        rep = findings.read(REPORT)
        known = {r.where for r in rep.results if r.line in j.known_results}
        self.assertEqual(
            known,
            {"bootargs", "gic/priority", "gic/eoi_modes", "gic", "mmio/instruction_forms", "mmio"},
        )

    def test_another_subject_value_where_the_entry_has_no_star_is_new(self):
        lines = [l.replace("intid=5 text=SGI 5 is", "intid=6 text=SGI 6 is") for l in REPORT]
        j = judge(lines)
        self.assertEqual(
            texts(j.new),
            [
                "gic/priority pending_visible intid=6: SGI 6 is held back by PMR, but its pending"
                " bit (ISPENDR) reads as clear"
            ],
        )
        self.assertEqual(
            texts(j.vanished),
            [
                "gic/priority pending_visible intid=5: SGI 5 is held back by PMR, but its pending"
                " bit (ISPENDR) reads as clear"
            ],
        )
        rep = findings.read(lines)
        self.assertNotIn(rep.suites()["gic"].line, j.known_results)

    def test_a_star_takes_any_value_of_its_key(self):
        for cpu in ("0", "7"):
            j = judge([l.replace("cpu=1", "cpu=" + cpu) for l in REPORT])
            self.assertEqual((len(j.known), j.new), (4, []))
        j = judge([l.replace("cpu=1 ", "") for l in REPORT])  # the key itself must be there
        self.assertEqual(
            texts(j.new), ["gic/eoi_modes active_visible intid=8: EOImode 1: SGI 8 reads as clear"]
        )
        self.assertEqual(texts(j.vanished), ["gic/eoi_modes active_visible cpu=* intid=8: "])

    def test_another_check_is_new(self):
        j = judge(
            [l.replace("check=form_same_as_ldr32", "check=form_same_as_ldr64") for l in REPORT]
        )
        self.assertEqual(
            [i.name for i in j.new],
            ["mmio/instruction_forms form_same_as_ldr64 reg=GICD_TYPER off=0x4 form=ldp32"],
        )
        self.assertEqual(
            [i.name for i in j.vanished],
            ["mmio/instruction_forms form_same_as_ldr32 reg=GICD_TYPER off=0x4 form=ldp32"],
        )

    def test_the_same_text_in_another_case_is_new(self):
        lines = [l.replace("not ok 2 priority", "not ok 2 sgi_other") for l in REPORT]
        j = judge(lines)
        self.assertEqual([i.where for i in j.new], ["gic/sgi_other"])
        self.assertEqual(
            [i.where for i in j.vanished], ["gic/priority"]
        )  # the suite ran without it

    def test_a_failure_without_a_finding_is_new(self):
        lines = [l for l in REPORT if "EOImode" not in l]
        j = judge(lines)
        self.assertEqual(texts(j.new), ["gic/eoi_modes: not ok without a FAIL line"])
        self.assertEqual(j.new[0].line("new"), "new gic/eoi_modes: not ok without a FAIL line")

    def test_a_timeout_is_never_known(self):
        lines = [
            l.replace("not ok 3 eoi_modes", "not ok 3 eoi_modes # TIMEOUT watchdog expired")
            for l in REPORT
        ]
        j = judge(lines)
        self.assertEqual(texts(j.new), ["gic/eoi_modes: not ok # TIMEOUT watchdog expired"])
        self.assertEqual(len(j.known), 4)  # its FAIL line is still a known one

    def test_an_exception_beside_a_known_finding_is_new(self):
        at = REPORT.index("  not ok 3 eoi_modes")
        lines = (
            REPORT[:at]
            + [
                "    # unexpected: kind=synchronous from=current-el-spx esr=0x2000000"
                " text=unexpected synchronous exception from current EL with SP_ELx"
            ]
            + REPORT[at:]
        )
        j = judge(lines)
        self.assertEqual(
            texts(j.new),
            # keyed on the record's fields, not its words
            ["gic/eoi_modes: unexpected synchronous exception from current-el-spx (ESR 0x2000000)"],
        )

    def test_findings_sharing_an_identity_cut_or_never_known_are_new(self):
        at = next(i for i, l in enumerate(REPORT) if "check=pending_visible" in l)
        twice = REPORT[: at + 1] + [REPORT[at]] + REPORT[at + 1 :]
        j = judge(twice)
        self.assertEqual([i.where for i in j.new], ["gic/priority", "gic/priority"])
        mark = "    # harness: the record above was cut short"
        cut = REPORT[: at + 1] + [mark] + REPORT[at + 1 :]
        self.assertEqual([i.where for i in judge(cut).new], ["gic/priority"])
        never = [l.replace("check=pending_visible", "check=case_made_no_checks") for l in REPORT]
        self.assertIn("gic/priority", [i.where for i in judge(never).new])

    def test_vanished_when_the_case_passes(self):
        lines = [l for l in REPORT if "EOImode" not in l]
        lines = [l.replace("not ok 3 eoi_modes", "ok 3 eoi_modes") for l in lines]
        j = judge(lines)
        self.assertEqual(j.new, [])
        self.assertEqual(
            [(v.where, v.why) for v in j.vanished],
            [("gic/eoi_modes", "gic/eoi_modes ran (ok) without this finding")],
        )
        self.assertEqual(
            j.vanished[0].line("vanished"),
            (
                "vanished gic/eoi_modes active_visible cpu=* intid=8 (b.txt:11): "
                "gic/eoi_modes ran (ok) without this finding"
            ),
        )
        lines = [l for l in REPORT if "pending_visible" not in l]
        v = judge([l.replace("not ok 2 priority", "ok 2 priority") for l in lines]).vanished
        self.assertEqual(
            v[0].line("vanished"),
            (
                "vanished gic/priority pending_visible intid=5: SGI 5 is held back by PMR, but its"
                " pending bit (ISPENDR) reads as clear (b.txt:6): gic/priority ran (ok) without"
                " this finding"
            ),
        )

    def test_not_checked_when_the_suite_or_case_did_not_run(self):
        base = BASE + "case timer/cval\n finding x\n reason r\n reference s\n"
        base += "case mmio/identity\n finding y reg=ICPIDR2\n reason r\n reference s\n"
        j = judge(base=base)
        self.assertEqual(
            [(u.where, u.why) for u in j.unchecked],
            [("timer/cval", "suite timer did not run"), ("mmio/identity", "mmio/identity skipped")],
        )
        self.assertEqual(j.vanished, [])

    def test_not_checked_when_the_case_was_not_selected(self):
        # suites=gic.sgi_self,mmio.instruction_forms: gic names what it left out.
        lines = []
        for l in REPORT:
            if l == "  1..3":
                l = "  1..1\n  # not-selected: case=priority\n  # not-selected: case=eoi_modes"
            lines += l.splitlines()
        lines = [l for l in lines if "priority" not in l or "not-selected" in l]
        lines = [l for l in lines if "eoi_modes" not in l or "not-selected" in l]
        lines = [l for l in lines if "EOImode" not in l]
        rep = findings.read(lines)
        self.assertEqual(rep.not_selected, {("gic", "priority"), ("gic", "eoi_modes")})
        self.assertNotIn(
            "not selected", " ".join(t for r in rep.results for f in r.findings for t in [f.text])
        )
        j = judge(lines)
        self.assertEqual(
            [(u.where, u.why) for u in j.unchecked],
            [
                ("gic/priority", "gic/priority not selected (suites=)"),
                ("gic/eoi_modes", "gic/eoi_modes not selected (suites=)"),
            ],
        )
        self.assertEqual(j.vanished, [])
        # A case the suite did not name as left out, yet absent, still vanished.
        lines = [l.replace("# not-selected: case=eoi_modes", "# harness: nothing") for l in lines]
        j = judge(lines)
        self.assertEqual(
            [(v.where, v.why) for v in j.vanished],
            [("gic/eoi_modes", "suite gic ran without case eoi_modes")],
        )

    def test_when_decides_applicability(self):
        base = BASE.replace(
            "case mmio/instruction_forms\n", "case mmio/instruction_forms\n  when gic=2\n"
        )
        j = judge(base=base, facts={"gic": "3"})
        self.assertEqual([i.where for i in j.new], ["mmio/instruction_forms"])
        base = BASE + "case smp/every_cpu\n when gic=2\n finding z\n reason r\n reference s\n"
        self.assertEqual(
            judge(base=base, facts={"gic": "3"}).unchecked, []
        )  # not for this run at all



class Annotate(unittest.TestCase):
    def test_annotated_report(self):
        # The eoi_modes entry knows SGI 8 only, and the report has SGI 9.
        text = BASE.replace(
            "active_visible cpu=* intid=8",
            "active_visible cpu=* intid=8\n    text EOImode 1: SGI 8 reads as clear",
        )
        lines = [l.replace("SGI 8", "SGI 9").replace("intid=8", "intid=9") for l in REPORT]
        j = judge(lines, base=text)
        out = baseline_check.annotate(lines, j, baseline.parse(text, "b.txt"))
        self.assertIn("  not ok 2 priority # TODO known deviation (b.txt)", out)
        self.assertIn("  not ok 3 eoi_modes", out)  # its finding is new: not marked
        self.assertIn("not ok 2 gic", out)
        self.assertIn("not ok 3 mmio # TODO known deviation (b.txt)", out)
        i = out.index(
            "    # FAIL: check=active_visible cpu=1 intid=9 text=EOImode 1: SGI 9 reads as clear"
        )
        self.assertEqual(out[i + 1], "    # new: not in b.txt")
        i = out.index(
            "    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its"
            " pending bit (ISPENDR) reads as clear"
        )
        self.assertEqual(out[i + 1], "    # known: r1 (b.txt:6)")
        self.assertEqual(
            out[-4:],
            [
                "# baseline: b.txt: 3 known, 1 new, 1 vanished, 0 not checked",
                (
                    "# baseline vanished gic/eoi_modes active_visible cpu=* intid=8: EOImode 1: SGI"
                    " 8 reads as clear (b.txt:11): gic/eoi_modes ran (not ok) without this finding"
                ),
                "1 passed, 4 failed, 1 skipped",
                REPORT_SENTINEL,
            ],
        )
        # Nothing else changed.
        raw = [
            l
            for l in out
            if "# known:" not in l and "# new:" not in l and not l.startswith("# baseline")
        ]
        self.assertEqual([l.replace(" # TODO known deviation (b.txt)", "") for l in raw], lines)


class Verdict(unittest.TestCase):
    def test_verdicts(self):
        self.assertEqual(
            baseline_run.verdict(judge(), False, "b.txt", status.TEST_FAILED, "")[0], status.PASS
        )
        lines = [l.replace("intid=5", "intid=6") for l in REPORT]
        self.assertEqual(
            baseline_run.verdict(judge(lines), True, "b.txt", status.TEST_FAILED, "")[0],
            status.TEST_FAILED,
        )  # new: --accept-vanished does not help
        lines = [
            l.replace("not ok 3 eoi_modes", "ok 3 eoi_modes") for l in REPORT if "EOImode" not in l
        ]
        j = judge(lines)
        self.assertEqual(
            baseline_run.verdict(j, False, "b.txt", status.TEST_FAILED, "")[0], status.TEST_FAILED
        )
        self.assertEqual(
            baseline_run.verdict(j, True, "b.txt", status.TEST_FAILED, "")[0], status.PASS
        )


class Choose(unittest.TestCase):
    def args(self, **kw):
        a = dict(
            platform="xen",
            baseline=None,
            no_baseline=False,
            accept_vanished=False,
            gic=3,
            no_vpl011=False,
            quiet=True,
        )
        a.update(kw)
        return argparse.Namespace(**a)

    def test_the_reports_profile_names_it(self):
        lines = [
            "    # memmap-profile: name=qemu-virt-7.2 gic=3 pa_bits=40 mapped_pa_bits=40"
            " document=QEMU\\x207.2\\x20hw/arm/virt.c forced=no text=profile: qemu-virt-7.2 (QEMU"
            " 7.2 hw/arm/virt.c)"
        ]
        path, why = baseline_run.choose(self.args(), lines)
        self.assertEqual(os.path.basename(path), "qemu-virt-7.2.txt")
        self.assertEqual(why, "the report's profile qemu-virt-7.2")

    def test_forced_or_absent_profile_gives_the_platforms(self):
        forced = [
            "    # memmap-profile: name=xen-4.17 gic=3 pa_bits=40 mapped_pa_bits=40 document=Xen"
            " forced=yes text=profile: xen-4.17 (Xen), forced by bootargs"
        ]
        path, why = baseline_run.choose(self.args(platform="qemu"), forced)
        self.assertEqual(os.path.basename(path), "qemu-virt-7.2.txt")
        self.assertIn("bootargs forced another", why)
        path, _ = baseline_run.choose(self.args(), [])
        self.assertEqual(os.path.basename(path), "xen-4.17.txt")

    def test_unknown_profile_and_options(self):
        path, why = baseline_run.choose(
            self.args(),
            [
                "  # memmap-profile: name=xen-9.9 gic=3 pa_bits=40 "
                "mapped_pa_bits=40 document=x forced=no"
            ],
        )
        self.assertIsNone(path)
        self.assertIn("no baseline", why)
        self.assertEqual(
            baseline_run.choose(self.args(no_baseline=True), []), (None, "--no-baseline")
        )
        self.assertEqual(
            baseline_run.choose(self.args(baseline="f.txt"), []), ("f.txt", "--baseline")
        )

    def test_apply_writes_both_files_and_keeps_other_statuses(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        b = os.path.join(out, "b.txt")
        with open(b, "w") as f:
            f.write(BASE)
        a = self.args(baseline=b)
        loaded = baseline_run.prepare(a)
        code, why, held, _ = baseline_run.apply(
            a, loaded, out, REPORT, status.TEST_FAILED, "some tests failed"
        )
        self.assertEqual(code, status.PASS, why)
        with open(os.path.join(out, "baseline.txt")) as f:
            self.assertIn("4 known, 0 new, 0 vanished, 0 not checked", f.readline())
        self.assertTrue(os.path.exists(os.path.join(out, "ktap-baselined.txt")))
        self.assertEqual(len(held.judgement.known), 4)
        code, _, held, how = baseline_run.apply(a, loaded, out, REPORT, status.TRUNCATED, "cut")
        self.assertEqual(how, "the verdict does not trust the report")
        self.assertEqual(code, status.TRUNCATED)
        self.assertIsNone(held)  # an untrusted report is held against nothing
        self.assertFalse(
            os.path.exists(os.path.join(out, "ktap-baselined.txt"))
        )  # the stale one went


if __name__ == "__main__":
    unittest.main()
