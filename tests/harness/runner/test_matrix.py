#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of scripts/run --matrix (harnesslib/matrix*.py): the matrix
file's parsing and checks (every bad line named file:line), the output
folder's rules, and the aggregation read back from synthetic run folders
(cells, merged findings, the JUnit file against the schema, the HTML page
self-contained); a scripts/run that outlives its bound is stopped and shown
as a hang. The committed default matrix passes every check."""
import argparse
import json
import os
import re
import shutil
import struct
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

from harnesslib import junit, junit_schema, ktap, paths, status
from harnesslib.matrix import runs as matrix
from harnesslib.matrix import file as matrix_file
from harnesslib.matrix import html as matrix_html
from harnesslib.matrix import junit as matrix_junit
from harnesslib.matrix import report as matrix_report
from harnesslib.errors import OptionError

HAVE_XMLLINT = shutil.which("xmllint") is not None
HAVE_QEMU = shutil.which("qemu-system-aarch64") is not None


def write_image(path):
    hdr = bytearray(64)
    hdr[0x10:0x18] = struct.pack("<Q", 0x200000)
    hdr[0x38:0x3C] = b"ARM\x64"
    with open(path, "wb") as f:
        f.write(bytes(hdr) + bytes(4096))


class Parse(unittest.TestCase):
    def test_lines_comments_and_quoting(self):
        text = '# a comment\n\n  a-1  --gic 2 --bootargs "suites=boot memmap"   # trailing\nb_2\n'
        configs, problems = matrix_file.parse(text, "m.txt")
        self.assertEqual(problems, [])
        self.assertEqual(
            [(c.name, c.argv, c.where) for c in configs],
            [
                ("a-1", ["--gic", "2", "--bootargs", "suites=boot memmap"], "m.txt:3"),
                ("b_2", [], "m.txt:4"),
            ],
        )

    def test_every_bad_line_is_named(self):
        text = (
            "ok --gic 3\n"
            "ok --gic 2\n"  # duplicate
            "bad/name --gic 2\n"  # not a folder name
            'q --bootargs "open\n'  # quoting
            "o --out /tmp/x\n"  # the matrix's own
            "d --dry-run\n"
            "j -j 2\n"
            "m --matrix=other.txt\n"
        )
        configs, problems = matrix_file.parse(text, "m.txt")
        self.assertEqual([c.name for c in configs], ["ok"])
        self.assertEqual(len(problems), 7, problems)
        for n, p in zip(range(2, 9), problems):
            self.assertTrue(p.startswith(f"m.txt:{n}: "), p)
        self.assertIn("config name 'ok' is given twice (first at m.txt:1)", problems[0])
        self.assertIn("config name 'bad/name'", problems[1])
        self.assertIn("--out: not in a matrix line", problems[3])
        self.assertIn("--matrix: not in a matrix line", problems[6])

    def test_a_bad_line_is_shown_short(self):
        configs, problems = matrix_file.parse("x" * 5000 + " --gic 2\n" + "q 'open\n", "m.txt")
        self.assertEqual(configs, [])
        self.assertLess(len(problems[0]), 300, problems[0])
        self.assertIn("(5000 characters)", problems[0])
        self.assertEqual(problems[1], "m.txt:2: no closing quotation (a line is shell-quoted)")

    def test_empty(self):
        for text in ("", "# only\n\n  # comments\n"):
            configs, problems = matrix_file.parse(text, "e.txt")
            self.assertEqual((configs, len(problems)), ([], 1))
            self.assertIn("e.txt: no config", problems[0])


class Check(unittest.TestCase):
    """Each line's options, by scripts/run's own checks, before anything starts."""

    tmp: str  # setUpClass's
    image: str

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.image = os.path.join(cls.tmp, "Image")
        write_image(cls.image)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def load(self, text, common=()):
        path = os.path.join(self.tmp, "m.txt")
        with open(path, "w") as f:
            f.write(text)
        return matrix_file.load(path, "m.txt", ["--image", self.image] + list(common))

    def test_a_nul_byte_is_no_text_and_a_byte_order_mark_no_name(self):
        path = os.path.join(self.tmp, "m.txt")
        with open(path, "wb") as f:
            f.write(b"a --timeout 5\0\n")
        with self.assertRaisesRegex(
            matrix_file.MatrixError, r"^--matrix m.txt: not a text file \(it holds a NUL"
        ):
            matrix_file.load(path, "m.txt", [])
        with open(path, "wb") as f:
            f.write(b"\xef\xbb\xbfa\n")
        self.assertEqual(
            [c.name for c in matrix_file.load(path, "m.txt", ["--image", self.image])], ["a"]
        )

    @unittest.skipUnless(HAVE_QEMU, "needs qemu-system-aarch64 (scripts/run checks it is there)")
    def test_bad_options_name_file_line_and_option(self):
        with self.assertRaises(matrix_file.MatrixError) as e:
            self.load(
                "good --gic 2\nsmp --gic 2 --smp 9\nflag --frobnicate\nxen-flag --vcpus 2\n"
                "base --baseline no-such-file.txt\n"
            )
        lines = str(e.exception).splitlines()
        self.assertEqual(len(lines), 4, lines)
        self.assertTrue(lines[0].startswith("m.txt:2: smp: --smp 9: out of range (1..8)"), lines[0])
        self.assertTrue(
            lines[1].startswith("m.txt:3: flag: --frobnicate: not an option of scripts/run"),
            lines[1],
        )
        self.assertTrue(
            lines[2].startswith("m.txt:4: xen-flag: --vcpus 2: is for --platform xen"), lines[2]
        )
        self.assertTrue(
            lines[3].startswith("m.txt:5: base: --baseline no-such-file.txt: no such file"),
            lines[3],
        )
        self.assertEqual(e.exception.status, status.USAGE)

    @unittest.skipUnless(HAVE_QEMU, "needs qemu-system-aarch64 (scripts/run checks it is there)")
    def test_a_lines_own_options_win(self):
        (a, b) = self.load("a --timeout 7\nb\n", ["--timeout", "3"])
        self.assertEqual((a.args.timeout, b.args.timeout), (7.0, 3.0))

    @unittest.skipUnless(
        HAVE_QEMU and os.path.exists(paths.XEN) and shutil.which("dtc"),
        "needs QEMU, dtc and Xen (scripts/setup)",
    )
    def test_the_default_matrix_is_valid(self):
        path = os.path.join(paths.ROOT, "tests", "matrix", "default.txt")
        configs = matrix_file.load(path, "default.txt", ["--image", self.image])
        platforms = {(c.args.platform, c.args.gic) for c in configs}
        self.assertEqual(platforms, {("qemu", 2), ("qemu", 3), ("xen", 2), ("xen", 3)})
        qemu = [c.args for c in configs if c.args.platform == "qemu"]
        self.assertEqual({a.smp for a in qemu} >= {1, 8}, True)
        self.assertEqual({a.el for a in qemu}, {1, 2})
        self.assertGreaterEqual(len({a.mem for a in qemu}), 3)
        self.assertTrue(any(a.machine == "its=off" for a in qemu))
        self.assertTrue(any("modern" in a.virtio for a in qemu))
        self.assertEqual(
            {c.args.vcpus for c in configs if c.args.platform == "xen"} >= {1, 4}, True
        )


class Arguments(unittest.TestCase):
    def test_matrix_options(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
            a = matrix.parse(["--matrix", f.name, "-j", "3"])
            self.assertEqual((a.jobs, a.timeout), (3, str(matrix.DEFAULT_TIMEOUT)))
            self.assertTrue(
                a.out.endswith(os.path.join("build", "matrix", os.path.basename(f.name)[:-4]))
            )
            for argv, flag in (
                (["--gic", "2"], "--gic"),
                (["-j", "0"], "-j"),
                (["-j", "x"], "-j"),
                (["--timeout", "-1"], "--timeout"),
            ):
                with self.subTest(argv=argv):
                    with self.assertRaises(OptionError) as e:
                        matrix.parse(["--matrix", f.name] + argv)
                    self.assertEqual(e.exception.opt, flag)
        with self.assertRaises(OptionError) as e:
            matrix.parse(["-j", "2"])
        self.assertEqual(str(e.exception), "-j: is for --matrix; accepted: with --matrix FILE")
        with self.assertRaises(OptionError):
            matrix.parse(["--matrix", "/no/such/file"])


class OutFolder(unittest.TestCase):
    def test_new_empty_or_an_earlier_matrixs(self):
        with tempfile.TemporaryDirectory() as tmp:
            matrix.check_out(os.path.join(tmp, "new"))
            matrix.check_out(tmp)
            open(os.path.join(tmp, "notes.txt"), "w").close()
            with self.assertRaises(OptionError):
                matrix.check_out(tmp)
            with self.assertRaises(OptionError):
                matrix.check_out(os.path.join(tmp, "notes.txt"))

    def test_an_earlier_matrix_is_cleared(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "old", "keep"))
            for name in ("old/run.json", "old/ktap.txt", "old.log", "matrix.md", "matrix.html"):
                open(os.path.join(tmp, name), "w").close()
            os.makedirs(os.path.join(tmp, "gone"))
            open(os.path.join(tmp, "gone", "ktap.txt"), "w").close()
            with open(os.path.join(tmp, "matrix.json"), "w") as f:
                json.dump({"configs": [{"name": "old"}, {"name": "gone"}]}, f)
            matrix.check_out(tmp)
            matrix.clear_out(tmp, matrix.earlier_configs(tmp))
            # what a run writes is gone; a folder a user put there stays
            self.assertEqual(sorted(os.listdir(tmp)), ["old"])
            self.assertEqual(os.listdir(os.path.join(tmp, "old")), ["keep"])


# ---- aggregation, from synthetic run folders ---------------------------------
PASS_KTAP = """KTAP version 1
1..2
  KTAP version 1
  # Subtest: boot
  1..1
  ok 1 exception_level
ok 1 boot
  KTAP version 1
  # Subtest: gic
  1..1
  ok 1 priority
ok 2 gic
2 passed, 0 failed, 0 skipped
# harness: report complete
"""
XEN_KNOWN_KTAP = """KTAP version 1
1..2
  KTAP version 1
  # Subtest: boot
  1..1
  ok 1 exception_level
ok 1 boot
  KTAP version 1
  # Subtest: gic
  1..2
    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear
  not ok 1 priority
  ok 2 sgi_self
not ok 2 gic
2 passed, 1 failed, 0 skipped
# harness: report complete
"""
NEW_KTAP = """KTAP version 1
1..2
  KTAP version 1
  # Subtest: boot
  1..1
    # FAIL: check=mpidr_listed cpu=1 text=MPIDR 0x80000001 is not listed in /cpus
  not ok 1 cpu_id
not ok 1 boot
  KTAP version 1
  # Subtest: gic
  1..1
  not ok 1 priority # TIMEOUT watchdog expired
not ok 2 gic
0 passed, 2 failed, 0 skipped
# harness: report complete
"""
CUT_KTAP = """KTAP version 1
1..2
  KTAP version 1
  # Subtest: boot
  1..1
    # FAIL: check=mpidr_listed cpu=1 text=MPIDR 0x80000101 is not listed in /cpus
  not ok 1 cpu_id
not ok 1 boot
  KTAP version 1
  # Subtest: gic
  1..1
"""
SVG = (
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<defs><marker id="arrow"/></defs><path marker-end="url(#arrow)"/></svg>\n'
)


def fake_run(root, name, platform, code, ktap_text, svg=False):
    """A run folder as scripts/run leaves it: run.json, ktap.txt, junit.xml."""
    folder = os.path.join(root, name)
    os.makedirs(folder)
    lines = ktap_text.splitlines()
    rep = ktap.parse(lines, [0.0] * len(lines))
    record = {
        "config": f"{platform}-runner-name",
        "date": "2026-01-01T00:00:00Z",
        "status": code,
        "verdict": status.NAMES[code],
        "why": "synthetic",
        "elapsed_s": 1.5,
    }
    with open(os.path.join(folder, "run.json"), "w") as f:
        json.dump(record, f)
    if ktap_text:
        with open(os.path.join(folder, "ktap.txt"), "w") as f:
            f.write(ktap_text)
    junit.write(
        rep,
        os.path.join(folder, "junit.xml"),
        record["config"],
        (code, status.NAMES[code], "synthetic"),
        properties=[("config", record["config"])],
    )
    if svg:
        with open(os.path.join(folder, "memory-map.svg"), "w") as f:
            f.write(SVG)
    args = argparse.Namespace(
        platform=platform,
        gic=3,
        no_baseline=False,
        baseline=None,
        no_vpl011=False,
        accept_vanished=False,
        timeout=10.0,
    )
    c = matrix_file.Config(name, ["--platform", platform], f"m.txt:{len(os.listdir(root))}")
    c.args = args
    return matrix_report.collect(c, folder, code, 1.0)


class Aggregate(unittest.TestCase):
    tmp: str  # setUpClass's
    outcomes: list[matrix_report.Outcome]
    by: dict[str, matrix_report.Outcome]

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        t = cls.tmp
        cls.outcomes = [
            fake_run(t, "q-pass", "qemu", status.PASS, PASS_KTAP, svg=True),
            fake_run(t, "x-known", "xen", status.PASS, XEN_KNOWN_KTAP),
            fake_run(t, "x-known2", "xen", status.PASS, XEN_KNOWN_KTAP),
            fake_run(t, "q-new", "qemu", status.TEST_FAILED, NEW_KTAP),
            fake_run(t, "q-cut", "qemu", status.TRUNCATED, CUT_KTAP),
            fake_run(t, "q-crash", "qemu", status.CRASH, ""),
        ]
        cls.by = {o.name: o for o in cls.outcomes}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_cells(self):
        cells = {
            o.name: [o.cell(s) for s in matrix_report.suites_of(self.outcomes)]
            for o in self.outcomes
        }
        self.assertTrue(all(c in matrix_report.CELL_WORDS for row in cells.values() for c in row))
        self.assertEqual(matrix_report.suites_of(self.outcomes), ["boot", "gic"])
        self.assertEqual(
            cells,
            {
                "q-pass": ["pass", "pass"],
                "x-known": ["pass", "known"],
                "x-known2": ["pass", "known"],
                "q-new": ["FAIL", "TIMEOUT"],
                "q-cut": ["FAIL", "cut"],
                "q-crash": ["-", "-"],
            },
        )

    def test_merged_findings(self):
        merged, vanished = matrix_report.merge(self.outcomes)
        got = {(m.name, m.kind, tuple(m.seen_on), len(m.texts)) for m in merged}
        self.assertEqual(
            got,
            {
                (
                    "boot/cpu_id mpidr_listed cpu=1",
                    "new",
                    ("q-new", "q-cut"),
                    2,
                ),  # one identity, two wordings
                (
                    "gic/priority",
                    "new",
                    ("q-new",),
                    1,
                ),  # the TIMEOUT, a failure without a FAIL line
                ("gic/priority pending_visible intid=5", "known", ("x-known", "x-known2"), 1),
            },
        )
        self.assertEqual(merged[0].kind, "new")
        cpu = next(m for m in merged if m.name.startswith("boot/cpu_id"))
        self.assertEqual(
            cpu.wordings,
            {
                "MPIDR 0x80000001 is not listed in /cpus": ["q-new"],
                "MPIDR 0x80000101 is not listed in /cpus": ["q-cut"],
            },
        )
        # gic ran without its cases eoi_modes, pending_clear and cpuif_regs, and boot without
        # pmu, whose known deviations (tests/baselines/xen-4.17.txt) thus vanished (trusted runs
        # only)
        self.assertEqual(
            vanished,
            [
                (
                    "gic/eoi_modes active_visible intid=8",
                    (
                        "EOImode 1: after EOI (priority drop) "
                        "SGI 8's active bit (ISACTIVER) reads as clear"
                    ),
                    ["x-known", "x-known2"],
                ),
                (
                    "gic/eoi_modes icactiver_deactivates intid=8",
                    (
                        "EOImode 1: SGI 8 cleared through ICACTIVER and sent again: "
                        "it did not arrive before DIR"
                    ),
                    ["x-known", "x-known2"],
                ),
                (
                    "gic/pending_clear clear_pending_takes intid=*",
                    (
                        "SPI 255 made pending, then cleared through ICPENDR while disabled: "
                        "enabled, INTID 255 was signalled"
                    ),
                    ["x-known", "x-known2"],
                ),
                (
                    "gic/cpuif_regs writes cpu=* reg=ICC_SGI0R_EL1",
                    (
                        "ICC_SGI0R_EL1: expected a write of 0x0 completes, observed abort "
                        "ESR 0x2000000 (IHI 0069 ICC_SGI0R_EL1 (WO; TargetList 0, IRM 0: no PE))"
                    ),
                    ["x-known", "x-known2"],
                ),
                (
                    "gic/cpuif_regs writes cpu=* reg=ICC_ASGI1R_EL1",
                    (
                        "ICC_ASGI1R_EL1: expected a write of 0x0 completes, observed abort "
                        "ESR 0x2000000 (IHI 0069 ICC_ASGI1R_EL1 (WO; TargetList 0, IRM 0: no PE))"
                    ),
                    ["x-known", "x-known2"],
                ),
                (
                    "boot/pmu pmu_described",
                    (
                        "the CPU has a PMUv3 (version field 0x1), and the tree describes none "
                        "(arm,armv8-pmuv3)"
                    ),
                    ["x-known", "x-known2"],
                ),
            ],
        )
        self.assertEqual(matrix_report.seen_text(["a", "b"], 6), "seen on 2 of 6 configs: a, b")

    def test_markdown(self):
        md = matrix_report.markdown(self.outcomes, ("m.txt", "how"))
        self.assertIn(
            (
                "6 configs, 3 passed (2 with known deviations only), 1 test failures, "
                "1 truncated report, 1 platform crash; how."
            ),
            md,
        )
        self.assertIn("| config | verdict | time | claims | boot | gic |", md)
        self.assertIn("| x-known | pass (status 0) | 1.0 s | - | pass | known |", md)
        self.assertIn("| q-crash | platform crash (status 6) | 1.0 s | - | - | - |", md)
        self.assertIn(
            (
                "2 of 6 configs gave no complete report, so their findings may be missing here: "
                "q-cut, q-crash."
            ),
            md,
        )
        self.assertIn(
            "3 findings merged by identity (suite, case, check, subject): 2 new, 1 known.", md
        )
        self.assertIn(
            (
                "- **known** `gic/priority pending_visible intid=5`: seen on 2 of 6 configs:"
                " x-known, x-known2; known on 2 (tests/baselines/xen-4.17.txt): SGI 5 is held back"
                " by PMR, but its pending bit (ISPENDR) reads as clear\n"
            ),
            md,
        )
        self.assertIn(
            (
                "- **new** `boot/cpu_id mpidr_listed cpu=1`: seen on 2 of 6 configs: q-new, q-cut;"
                " 2 wordings:\n  - on q-new: MPIDR 0x80000001 is not listed in /cpus\n  - on q-cut:"
                " MPIDR 0x80000101 is not listed in /cpus\n"
            ),
            md,
        )
        self.assertIn(
            (
                "- **new** `gic/priority`: seen on 1 of 6 configs: q-new: not ok # TIMEOUT watchdog"
                " expired\n"
            ),
            md,
        )
        self.assertIn(
            (
                "- `gic/eoi_modes active_visible intid=8`: vanished on 2 of 6 configs: x-known,"
                " x-known2: EOImode 1: after EOI"
            ),
            md,
        )
        self.assertNotIn("{hex}", md)
        self.assertNotIn("{num}", md)

    @unittest.skipUnless(HAVE_XMLLINT, "needs xmllint (libxml2-utils)")
    def test_junit_validates_one_testsuite_per_config(self):
        path = os.path.join(self.tmp, "matrix-junit.xml")
        matrix_junit.write(self.outcomes, path, "matrix m.txt")
        self.assertEqual(junit_schema.problems(path), [])
        root = ET.parse(path).getroot()
        suites = {ts.get("name"): ts for ts in root.findall("testsuite")}
        self.assertEqual(list(suites), [o.name for o in self.outcomes])
        counts = {
            n: (ts.get("tests"), ts.get("failures"), ts.get("errors"), ts.get("skipped"))
            for n, ts in suites.items()
        }
        # tests: the cases of junit.xml plus the matrix's verdict
        self.assertEqual(counts["q-pass"], ("3", "0", "0", "0"))
        self.assertEqual(counts["x-known"], ("4", "0", "0", "1"))  # the known case is skipped
        self.assertEqual(
            counts["q-new"], ("3", "2", "1", "0")
        )  # finding; verdict failure; TIMEOUT error
        self.assertEqual(counts["q-crash"], ("1", "0", "1", "0"))
        known = suites["x-known"].find("testcase[@name='priority']/skipped")
        assert known is not None
        self.assertTrue(
            known.get("message", "").startswith(
                "known deviation (tests/baselines/xen-4.17.txt): "
                "pending_visible intid=5: SGI 5 is held back"
            ),
            known.get("message"),
        )
        priority = suites["x-known"].find("testcase[@name='priority']")
        assert priority is not None
        self.assertEqual(priority.get("classname"), "x-known.gic")
        props = {p.get("name"): p.get("value") for p in suites["q-new"].iter("property")}
        self.assertEqual(
            (props["matrix-config"], props["matrix-options"]), ("q-new", "--platform qemu")
        )
        self.assertEqual(root.get("failures"), "3")  # q-new 2, q-cut 1

    def test_html_links_only_to_its_anchors_and_the_configs_files(self):
        page = matrix_html.page(self.outcomes, ("m.txt", "how"), [("date", "today")])
        self.assertEqual(page.count("<svg"), 1)
        self.assertIn('id="config-q-pass-arrow"', page)
        self.assertIn("url(#config-q-pass-arrow)", page)
        self.assertNotIn("<?xml", page)
        self.assertNotIn("src=", page)
        self.assertNotRegex(page, r"url\((?!#)")
        self.assertNotIn("http", page)
        ids = set(re.findall(r'\bid="([^"]+)"', page))
        for href in re.findall(r'href="([^"]+)"', page):
            if href.startswith("#"):
                self.assertIn(href[1:], ids)
            else:  # a file of a config's run folder, which exists
                self.assertTrue(os.path.exists(os.path.join(self.tmp, href)), href)
        self.assertIn("<dt>date</dt><dd>today</dd>", page)

    def test_html_cells_link_to_their_evidence(self):
        page = matrix_html.page(self.outcomes, ("m.txt", "how"))
        self.assertIn(
            '<td class="cell known"><a href="#config-x-known-suite-gic"', page
        )
        self.assertIn('<td class="cell cut">cut</td>', page)
        at = page.index('<details id="config-x-known-suite-gic">')
        self.assertIn("# FAIL: check=pending_visible intid=5", page[at : at + 900])
        self.assertIn('<a href="x-known/ktap.txt">ktap.txt</a>', page[at : at + 900])
        self.assertNotIn("<details open", page)  # memory maps collapsed

    def test_html_findings_grouped_with_their_values_and_configs(self):
        page = matrix_html.page(self.outcomes, ("m.txt", "how"))
        self.assertIn(
            '<tr><td class="new">new</td><td>boot/cpu_id <code>mpidr_listed cpu=1</code></td>',
            page,
        )
        self.assertIn("<li>on q-new: MPIDR 0x80000001 is not listed in /cpus</li>", page)
        self.assertIn("<li>on q-cut: MPIDR 0x80000101 is not listed in /cpus</li>", page)


class Order(unittest.TestCase):
    def test_longest_first_new_ones_before(self):
        cs = [matrix_file.Config(n, [], "m.txt:1") for n in ("a", "b", "c", "d")]
        got = [c.name for c in matrix.start_order(cs, {"a": 1.0, "b": 3.0, "d": None})]
        self.assertEqual(got, ["c", "d", "b", "a"])


class Stop(unittest.TestCase):
    """A scripts/run that does not end within its timeout and the grace is stopped: a hang."""

    def test_stopped_is_a_hang(self):
        with tempfile.TemporaryDirectory() as tmp:
            a = argparse.Namespace(out=tmp, timeout="0.2", image=None)
            r = matrix.Runner(a)
            r.command, r.grace = [sys.executable, "-c", "import time; time.sleep(60)"], 0.3
            c = matrix_file.Config("slow", [], "m.txt:1")
            c.args = argparse.Namespace(timeout=0.2)
            o = r.run(c)
            self.assertEqual((o.status, o.verdict), (status.HANG, status.NAMES[status.HANG]))
            self.assertIn("did not end within 0.5 s and was stopped", o.why)
            self.assertLess(o.elapsed, 10)
            self.assertEqual(o.cell("boot"), "-")


if __name__ == "__main__":
    unittest.main()
