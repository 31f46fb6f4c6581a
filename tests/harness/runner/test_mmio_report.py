#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the readers of the mmio and memmap suites' records
(harnesslib/mmio_report.py, memmap/report.py, bench/runs.py's sweep time): each
reads the records' fields (records.py), never their text; a reworded text
changes nothing they write."""
import os
import tempfile
import unittest

from harnesslib import mmio_report
from harnesslib.bench import runs as bench
from harnesslib.memmap import report as memmap_report

MMIO = r"""KTAP version 1
1..1
    # mmio-target: node=/pl011@9000000 part=uart index=0 range=0x9000000+0x1000
  KTAP version 1
  # Subtest: mmio
  1..2
    # evidence: check=read_width node=/pl011@9000000 part=uart reg=UARTDR off=0x0 width=8 class=permitted expect=completes\x20or\x20aborts spec=DDI\x200183G observed=0x0 text=T
    # evidence: check=read_width node=/pl011@9000000 part=uart reg=UARTDR off=0x0 width=32 class=required expect=completes\x20(required\x20width) spec=DDI\x200183G observed=0x0 text=T
    # evidence: check=read_width node=/pl011@9000000 part=uart reg=UARTDR off=0x0 width=64 class=permitted expect=completes\x20or\x20aborts spec=DDI\x200183G observed=abort\x20ESR\x200x96000000 text=T
    # mmio-summary: case=access_widths required=1 permitted=2 deviation=0
  ok 1 access_widths
    # evidence: check=form_ldr32_completes node=/pl011@9000000 part=uart reg=UARTIMSC off=0x38 form=ldr32 class=required expect=completes spec=S observed=0x0 text=T
    # FAIL: check=form_same_as_ldr32 node=/pl011@9000000 part=uart reg=UARTIMSC off=0x38 form=ldp32 class=deviation expect=same\x20as\x20ldr32\x20(0x0) spec=Arm\x20ARM observed=abort\x20ESR\x200x96000000 text=T
    # evidence: check=gicr_affinity_matches_cpu node=/intc@8000000 part=redistributor reg=GICR_TYPER off=0x8 cpu=1 class=required expect=a\x20frame spec=IHI\x200069 observed=frame\x201 text=T
    # mmio-summary: case=instruction_forms required=1 permitted=0 deviation=1
  not ok 2 instruction_forms
not ok 1 mmio
  KTAP version 1
  # Subtest: gic
  1..1
    # evidence: check=other node=/x class=required text=not the mmio suite's
  ok 1 x
ok 2 gic
""".splitlines()


class MmioReport(unittest.TestCase):
    def test_fields_not_text(self):
        obs = mmio_report.parse(MMIO)
        self.assertEqual(len(obs), 6)  # the gic suite's evidence is not the mmio suite's
        ldp = next(o for o in obs if o.get("form") == "ldp32")
        self.assertEqual(
            (ldp["device"], ldp["part"], ldp["register"], ldp["check"], ldp["class"]),
            (
                "/pl011@9000000",
                "uart",
                "UARTIMSC@0x38",
                "form_same_as_ldr32 form=ldp32",
                "deviation",
            ),
        )
        self.assertEqual(
            (ldp["expect"], ldp["spec"], ldp["observed"]),
            ("same as ldr32 (0x0)", "Arm ARM", "abort ESR 0x96000000"),
        )
        self.assertEqual(obs[-1]["check"], "gicr_affinity_matches_cpu cpu=1")

    def test_the_matrices_and_counts(self):
        md = mmio_report.render(mmio_report.parse(MMIO), "t")
        self.assertIn("6 observations: 1 deviation, 2 permitted, 3 required.", md)
        self.assertIn(
            (
                "| /pl011@9000000 (uart) | UARTIMSC@0x38 | completes | - | - | aborts (deviation) |"
                " - | - |"
            ),
            md,
        )
        self.assertIn(
            "| /pl011@9000000 (uart) | UARTDR@0x0 | completes | - | completes | aborts |", md
        )

    def test_a_record_without_a_class_is_kept_whole(self):
        lines = ["  # Subtest: mmio", "    # FAIL: check=identity node=/a reg=R text=odd"]
        self.assertEqual(
            mmio_report.parse(lines), [{"raw": "FAIL: check=identity node=/a reg=R text=odd"}]
        )

    def test_write(self):
        with tempfile.TemporaryDirectory() as out:
            with open(os.path.join(out, "ktap.txt"), "w") as f:
                f.write("\n".join(MMIO) + "\n")
            self.assertEqual(os.path.basename(mmio_report.write(out, "t")), "mmio-findings.md")


MEMMAP = r"""  KTAP version 1
  # Subtest: memmap
  1..2
    # memmap-profile: name=p gic=2 pa_bits=40 mapped_pa_bits=40 document=Doc\x20of\x20p forced=yes text=profile: p (Doc of p), forced by bootargs
  ok 1 profile
    # memmap-gap: range=0x0+0x1000 kind=gap text=undocumented gap above the mapped PA size, not probed
    # memmap-gap: range=0x1000+0x1000 kind=gap probes=3 faulted=3 first=abort\x20ESR\x200x96000010 text=undocumented gap
    # memmap-sweep: points=3 answered=1 time_us=2500
  ok 2 sweep
    # memmap-region: name=r kind=mmio doc=0x2000+0x1000 dt=- probe=faulted findings=0
    # memmap-sweep: first=0x0 last=0x2000 outcome=faulted region=- points=3 esr=0x96000010/x
    # memmap-sweep: folded=2
    # memmap-findings: count=0
  ok 3 map
ok 1 memmap
""".splitlines()


class MemmapReport(unittest.TestCase):
    def test_records(self):
        d = memmap_report.parse(MEMMAP)
        self.assertEqual(
            (d["profile"]["name"], d["profile"]["forced"], d["document"]), ("p", "yes", "Doc of p")
        )
        self.assertEqual(
            d["gaps"], [(0x1000, 0x1000, "gap", 3, 3)]
        )  # the one not probed is not a row
        self.assertEqual(d["sweep"], [(0, 0x2000, False, "-", "0x96000010/x", 3)])
        self.assertEqual(d["sweep_time_us"], 2500)
        md = memmap_report.markdown(d, "t")
        self.assertIn("Documentation: Doc of p (profile `p`), GICv2.", md)
        self.assertIn("guest time 2.5 ms", md)

    def test_bench_reads_the_sweep_time(self):
        with tempfile.TemporaryDirectory() as out:
            with open(os.path.join(out, "ktap.txt"), "w") as f:
                f.write("\n".join(MEMMAP) + "\n")
            self.assertEqual(bench.sweep_seconds(out), 0.0025)
            with open(os.path.join(out, "ktap.txt"), "w") as f:
                f.write("ok 1 memmap\n")
            self.assertIsNone(bench.sweep_seconds(out))


if __name__ == "__main__":
    unittest.main()
