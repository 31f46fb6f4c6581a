#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the memory-map picture (harnesslib/memmap/place.py,
memmap/picture.py, memmap/report.py) on a KTAP fixture with findings of
four suites: each finding is on the row its address or region says (a
value such as an ESR is never taken for an address), or counted and listed
apart; the badges' and the summary's counts are the report's FAIL lines,
known deviations apart from new ones; every class drawn has a legend entry;
every region and mark has a hover title; rows where nothing is are
compressed; the SVG refers to nothing outside itself."""
import os
import re
import tempfile
import unittest
import xml.etree.ElementTree as ET

from types import SimpleNamespace

from harnesslib import findings
from harnesslib.memmap import picture as memmap_picture
from harnesslib.memmap import place as memmap_place
from harnesslib.memmap import report as memmap_report

SVG = "{http://www.w3.org/2000/svg}"

REPORT = r"""KTAP version 1
1..4
  KTAP version 1
  # Subtest: dt
  1..1
    # FAIL: check=reg_overlap node=/pl061@9030000 text=reg: /pl061@9030000: reg 0x9030000+0x1000 overlaps /pl031@9010000
  not ok 1 reg
not ok 1 dt
  KTAP version 1
  # Subtest: memmap
  1..2
    # memmap-profile: name=test-profile gic=3 pa_bits=40 mapped_pa_bits=40 document=a\x20test\x20profile forced=no text=profile: test-profile (a test profile)
    # FAIL: check=undescribed_faults range=0x9010800+0x800 addr=0x9010000 region=rtc text=rtc outside the DT's regs 0x9010800+0x800 answers a read at 0x9010000: read 0x6b0ed864
  not ok 1 probe_undescribed
    # FAIL: check=undocumented_address_faults addr=0x5000000 text=undocumented accessible address 0x5000000: read 0x0
    # memmap-sweep: points=50 answered=20 time_us=1234
  not ok 2 sweep
    # memmap-dt: node=/intc@8000000 reg=0x8000000+0x10000 region=gic-dist
    # memmap-dt: node=/intc@8000000 reg=0x80a0000+0xf60000 region=gic-redist
    # memmap-dt: node=/pl031@9010000 reg=0x9010800+0x800 region=rtc
    # memmap-dt: node=/pl061@9030000 reg=0x9030000+0x1000 region=gpio
    # memmap-dt: node=memory bank=0x40000000+0x20000000 region=ram
    # memmap-gap: range=0x0+0x8000000 kind=gap probes=3 faulted=2 first=abort text=undocumented gap
    # memmap-gap: range=0x9011000+0x1f000 kind=gap probes=3 faulted=3 first=abort text=undocumented gap
    # memmap-gap: range=0x9041000+0x16fbf000 kind=gap probes=3 faulted=3 first=abort text=undocumented gap
    # memmap-gap: range=0x21000000+0x1f000000 kind=gap probes=3 faulted=3 first=abort text=undocumented gap
    # memmap-gap: range=0x60000000+0x3fa0000000 kind=outside-banks region=ram probes=3 faulted=3 first=abort text=ram outside the banks
    # memmap-gap: range=0x4000000000+0xc000000000 kind=gap probes=3 faulted=3 first=abort text=undocumented gap
    # memmap-region: name=gic-dist kind=mmio doc=0x8000000+0x10000 dt=0x8000000+0x10000 probe=answered findings=0
    # memmap-region: name=gic-redist kind=mmio doc=0x80a0000+0xf60000 dt=0x80a0000+0xf60000 probe=answered findings=0
    # memmap-region: name=rtc kind=mmio doc=0x9010000+0x1000 dt=0x9010800+0x800 probe=answered findings=1
    # memmap-region: name=gpio kind=mmio doc=0x9030000+0x1000 dt=0x9030000+0x1000 probe=answered findings=0
    # memmap-region: name=secure kind=absent doc=0x9040000+0x1000 dt=- probe=faulted findings=0
    # memmap-region: name=spare kind=reserved doc=0x20000000+0x1000000 dt=- probe=not-probed findings=0
    # memmap-region: name=ram kind=ram doc=0x40000000+0x3fc0000000 dt=0x40000000+0x20000000 probe=ram-ok findings=0
    # memmap-sweep: first=0x0 last=0x7e00000 outcome=answered region=- points=4 esr=-
    # memmap-sweep: first=0x40000000 last=0x5fe00000 outcome=answered region=ram points=16 esr=-
    # memmap-sweep: first=0x60000000 last=0xffffe00000 outcome=faulted region=ram points=30 esr=0x96000000/data-abort
    # memmap-findings: count=2
not ok 2 memmap
  KTAP version 1
  # Subtest: mmio
  1..1
    # mmio-target: node=/intc@8000000 part=distributor index=0 range=0x8000000+0x10000
    # mmio-target: node=/intc@8000000 part=redistributor index=1 range=0x80a0000+0xf60000
    # FAIL: check=form_same_as_ldr32 node=/intc@8000000 part=redistributor reg=GICR_TYPER off=0x8 form=ldp32 class=deviation expect=same\x20as\x20ldr32\x20(0x10) spec=x observed=abort\x20ESR\x200x96000000 text=/intc@8000000 | redistributor | GICR_TYPER@0x8 | form ldp32 | expect same as ldr32 (0x10) [x] | observed abort ESR 0x96000000 | deviation
    # FAIL: check=form_same_as_ldr32 node=/intc@8000000 part=distributor reg=GICD_TYPER off=0x4 form=ldp32 class=deviation expect=same\x20as\x20ldr32\x20(0x480007) spec=x observed=abort\x20ESR\x200x96000000 text=/intc@8000000 | distributor | GICD_TYPER@0x4 | form ldp32 | expect same as ldr32 (0x480007) [x] | observed abort ESR 0x96000000 | deviation
  not ok 1 instruction_forms
not ok 3 mmio
  KTAP version 1
  # Subtest: gic
  1..1
    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  not ok 1 priority
not ok 4 gic
0 passed, 6 failed, 0 skipped
# harness: report complete""".splitlines()

# The baseline knows the gic finding and the distributor's; the other five are new.
# (A judgement as baseline_check makes one: its items carry the finding's identity.)
KNOWN_IDENTITIES = {
    ("gic", "priority", "pending_visible", (("intid", "5"),)): ("r1", "b.txt:2"),
    (
        "mmio",
        "instruction_forms",
        "form_same_as_ldr32",
        (
            ("node", "/intc@8000000"),
            ("part", "distributor"),
            ("reg", "GICD_TYPER"),
            ("off", "0x4"),
            ("form", "ldp32"),
        ),
    ): ("r2", "b.txt:6"),
}


def held():
    known: list[SimpleNamespace] = []
    new: list[SimpleNamespace] = []
    for f in findings.read(REPORT).findings():
        hit = KNOWN_IDENTITIES.get(f.identity)
        item = SimpleNamespace(
            where=f.where,
            text=f.text,
            identity=f.identity,
            entry=SimpleNamespace(reason=hit[0]) if hit else None,
            at=hit[1] if hit else None,
        )
        (known if hit else new).append(item)
    return SimpleNamespace(path="b.txt", judgement=SimpleNamespace(known=known, new=new))


def drawn(h=None):
    d = memmap_report.parse(REPORT)
    rows = memmap_report.picture_rows(d)
    placed = memmap_place.place(REPORT, [r["name"] for r in d["regions"]], h)
    text = memmap_picture.svg(
        d, "test", rows, placed, ["dt", "memmap", "mmio", "gic"], h.path if h else None
    )
    return d, rows, placed, text, ET.fromstring(text)


def classes(root):
    """The mm- classes of what is drawn (the legend's swatches left out)."""
    drawn = [e for top in root if top.get("class") != "mm-legend" for e in top.iter()]
    return {c[3:] for e in drawn for c in e.get("class", "").split() if c.startswith("mm-")}


def title_of(g):
    t = g.find(SVG + "title")
    return None if t is None else t.text


class Placement(unittest.TestCase):
    def setUp(self):
        self.d, self.rows, self.placed, _, _ = drawn(held())
        self.on, self.loose = memmap_picture.assign(self.rows, self.placed)

    def row_of(self, text):
        return next(r["name"] for r, ps in zip(self.rows, self.on) for p in ps if text in p.text)

    def test_every_finding_is_on_its_row_or_apart(self):
        self.assertEqual(len(self.placed), sum(1 for l in REPORT if "# FAIL: " in l))
        self.assertEqual(
            self.row_of("GICR_TYPER"), "gic-redist"
        )  # the part's reg (mmio-target), not the node's first
        self.assertEqual(self.row_of("GICD_TYPER"), "gic-dist")
        self.assertEqual(self.row_of("overlaps"), "gpio")  # its node= (the node's first reg)
        self.assertEqual(self.row_of("rtc outside"), "rtc")  # its region=
        self.assertEqual(self.row_of("undocumented accessible"), "(undocumented)")  # its addr=
        self.assertEqual([p.text[:5] for p in self.loose], ["SGI 5"])

    def test_the_subject_places_a_finding_never_its_text(self):
        lines = [
            "KTAP version 1",
            "1..1",
            "  KTAP version 1",
            "  # Subtest: dma",
            "  1..1",
            (
                "    # FAIL: check=read_completes device=virtio-blk addr=0xa003c00 text=virtio-blk"
                " at 0xa003c00: a read: no completion"
            ),
            "    # FAIL: check=status_byte text=a request's status byte read 0x5 at 0x40001000",
            (
                "    # FAIL: check=window_size node=/virtio_mmio@a003e00 range=0xa003e00+0x100"
                " text=short"
            ),
            (
                "    # FAIL: check=claims node=/virtio_mmio@a003e00/device"
                " text=/virtio_mmio@a000000/rng: x"
            ),
            "  not ok 1 shapes",
            "not ok 1 dma",
        ]
        placed = memmap_place.place(lines, [])
        self.assertEqual([p.addr for p in placed], [0xA003C00, None, 0xA003E00, None])
        self.assertEqual(placed[2].how, "range=0xa003e00+0x100")

    def test_a_value_is_not_an_address(self):
        # ESR 0x96000000 lies in the RAM window: an mmio finding is not put there for it
        ram = [ps for r, ps in zip(self.rows, self.on) if r["kind"] == "ram"]
        self.assertEqual(sum(map(len, ram)), 0)

    def test_known_and_new_as_the_baseline_says(self):
        status = {p.text.split(" | GIC")[-1][:6]: p.status for p in self.placed}
        self.assertEqual(status["SGI 5 "], memmap_place.KNOWN)  # by identity, whatever the wording
        self.assertEqual(status["D_TYPE"], memmap_place.KNOWN)
        self.assertEqual(status["R_TYPE"], memmap_place.NEW)
        self.assertIn(
            "known deviation: r2 (b.txt:6)", next(p.note for p in self.placed if "GICD" in p.text)
        )
        self.assertEqual(sum(p.status == memmap_place.KNOWN for p in self.placed), 2)
        self.assertTrue(all(p.status == memmap_place.UNJUDGED for p in drawn()[2]))


class Picture(unittest.TestCase):
    def setUp(self):
        self.d, self.rows, self.placed, self.text, self.root = drawn(held())

    def test_the_summary_counts_every_suite_known_apart(self):
        summary = title_of(
            next(g for g in self.root.iter(SVG + "g") if g.get("class") == "mm-summary")
        )
        self.assertEqual(
            summary,
            (
                "6 findings (2 known deviations (b.txt), 4 new); 5 on the map, "
                "1 not tied to a region; by suite: dt 1, memmap 2, mmio 2, gic 1."
            ),
        )

    def test_the_badges_and_the_list_count_every_finding(self):
        badges = [title_of(g) for g in self.root.iter(SVG + "g") if g.get("class") == "mm-marks"]
        marks = [re.match(r"(\d+) findings?:", t) for t in badges]
        self.assertTrue(all(marks), badges)
        counted = sum(int(m.group(1)) for m in marks if m)
        loose = [
            g
            for g in self.root.iter(SVG + "g")
            if title_of(g) and title_of(g).startswith("gic/priority")
        ]
        self.assertEqual(counted + len(loose), len(self.placed))
        known_lines = sum(t.count("[known deviation: ") for t in badges)
        self.assertEqual(known_lines, 1)  # the distributor's; the gic one is in the list apart
        self.assertIn("[known deviation: r1 (b.txt:2)]", title_of(loose[0]))

    def test_known_and_new_are_drawn_apart(self):
        used = classes(self.root)
        self.assertIn("finding-known", used)
        self.assertIn("finding-new", used)
        self.assertNotIn("finding", used)  # that one is for a run held against no baseline
        self.assertIn("finding", classes(drawn()[4]))

    def test_every_class_drawn_has_a_legend_entry(self):
        for h in (held(), None):
            root = drawn(h)[4]
            legend = {
                g.get("data-kind"): g for g in root.iter(SVG + "g") if g.get("class") == "mm-legend"
            }
            drawn_kinds = classes(root) - {"row", "marks", "summary", "suites"}
            outside = {e.get("class")[3:] for g in legend.values() for e in g if e.get("class")}
            self.assertEqual(
                set(legend), set(memmap_picture.STYLES)
            )  # complete, whatever this run drew
            self.assertTrue(drawn_kinds <= set(legend), drawn_kinds - set(legend))
            self.assertTrue(outside <= set(legend))
            for kind, g in legend.items():
                swatch = next(e for e in g if e.tag in (SVG + "rect", SVG + "circle"))
                self.assertEqual(swatch.get("fill"), memmap_picture.STYLES[kind][0], kind)
                self.assertEqual(title_of(g), memmap_picture.STYLES[kind][3])
        everything = classes(self.root) - {"row", "marks", "summary", "suites"}
        self.assertEqual(everything - set(memmap_picture.STYLES), set())

    def test_every_region_and_mark_has_a_title(self):
        groups = list(self.root.iter(SVG + "g"))
        self.assertTrue(all(title_of(g) for g in groups))
        inside = {id(e) for g in groups for e in g.iter()}
        marks = [e for e in self.root.iter() if e.tag in (SVG + "rect", SVG + "circle")][
            1:
        ]  # not the background
        self.assertTrue(all(id(e) in inside for e in marks))
        rows = [g for g in groups if g.get("class") == "mm-row"]
        self.assertEqual(len(rows), len(self.rows))
        self.assertTrue(
            any(title_of(g).startswith("rtc (mmio, 4 KiB): 0x9010000..0x9010fff") for g in rows)
        )

    def test_rows_where_nothing_is_are_compressed(self):
        rows = [g for g in self.root.iter(SVG + "g") if g.get("class") == "mm-row"]
        height = {
            title_of(g).split(":")[0]: float(g.find(SVG + "rect").get("height")) for g in rows
        }
        self.assertEqual(
            height["ram (no bank) (ram, 254.50 GiB (0x3fa0000000))"], memmap_picture.ROW_EMPTY
        )
        self.assertEqual(height["undocumented, 768 GiB"], memmap_picture.ROW_EMPTY)
        self.assertEqual(height["spare (reserved, 16 MiB)"], memmap_picture.ROW_EMPTY)
        self.assertGreater(height["undocumented, 128 MiB"], memmap_picture.ROW_EMPTY)  # it answered
        self.assertGreater(height["ram (DT banks) (ram, 512 MiB)"], height["gpio (mmio, 4 KiB)"])

    def test_it_refers_to_nothing_outside_itself(self):
        for bad in ("href", "<style", "<script", "<image", "url("):
            self.assertNotIn(bad, self.text)
        self.assertEqual(self.root.tag, SVG + "svg")
        self.assertIsNotNone(self.root.find(SVG + "title"))

    def test_a_clean_run_says_so_and_wastes_no_width(self):
        clean = [l for l in REPORT if "# FAIL: " not in l]
        d = memmap_report.parse(clean)
        root = ET.fromstring(
            memmap_picture.svg(d, "t", memmap_report.picture_rows(d), [], ["memmap"])
        )
        summary = title_of(next(g for g in root.iter(SVG + "g") if g.get("class") == "mm-summary"))
        self.assertEqual(summary, "No finding from any suite.")
        self.assertLess(int(root.attrib["width"]), memmap_picture.X_TEXT)  # no findings column
        self.assertNotIn("findings of every suite", ET.tostring(root, encoding="unicode"))
        self.assertEqual(
            int(drawn()[4].get("width")), 1200
        )  # which a run with findings on rows has

    def test_write_puts_every_finding_in_the_document_too(self):
        with tempfile.TemporaryDirectory() as out:
            paths = memmap_report.write(REPORT, out, held=held())
            self.assertEqual(
                [os.path.basename(p) for p in paths], ["memory-map.md", "memory-map.svg"]
            )
            with open(paths[0]) as f:
                md = f.read()
        self.assertIn("## Findings of every suite", md)
        self.assertIn(
            "| gic/priority | known deviation: r1 (b.txt:2) | - (names no address or region) |", md
        )
        self.assertIn("| mmio/instruction_forms | new: not in b.txt | gic-redist |", md)


if __name__ == "__main__":
    unittest.main()
