#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of scripts/lava (harnesslib/lava*.py): the QEMU command split into
the device's machine and the job's images, the device dictionary rendered with
LAVA's templates, the monitor pattern read the way LAVA's monitor reads a
console, lava-run's log, and the comparison of LAVA's cases with the report
(a missing case, a changed result, an extra one). Run with PYTHONPATH=scripts;
needs what scripts/setup installs (lava-server's templates, python3-jinja2,
python3-yaml), not lava-run itself (make lava-test runs it)."""
import contextlib
import io
import json
import os
import re
import shutil
import tempfile
import unittest

import yaml

from harnesslib import xen
from harnesslib.lava import jobs as lava
from harnesslib.lava import device as lava_device
from harnesslib.lava import job as lava_job
from harnesslib.lava import results as lava_results
from harnesslib.protocol import REPORT_SENTINEL

REPORT = f"""KTAP version 1
1..3
  KTAP version 1
  # Subtest: boot
  1..3
  ok 1 exception_level
  not ok 2 Timer-IRQ # TIMEOUT watchdog expired
  ok 3 psci # SKIP no PSCI node
not ok 1 boot
ok 2 dma # SKIP no virtio-mmio transport
  KTAP version 1
  # Subtest: gic
  1..2
  ok 1 sgi_others # XFAIL known
  not ok 2 priority # SKIP one CPU
ok 3 gic
1 passed, 2 failed, 3 skipped
{REPORT_SENTINEL}
"""
WANT = [
    ("exception_level", "pass"),
    ("timer_irq", "fail"),
    ("psci", "skip"),
    ("boot", "fail"),
    ("dma", "skip"),
    ("sgi_others", "pass"),
    ("priority", "skip"),
    ("gic", "pass"),
]


def monitor_reads(console, platform):
    """[(case, result)] the way lava_dispatcher's monitor reads console: after
    the start string, pexpect's earliest match of [end, pattern] (DOTALL) until
    the end, the result mapped by fixupdict, the case id lowercased, \\W+ -> _."""
    m = lava_job.monitor(platform)
    end, pattern = re.compile(m["end"], re.DOTALL), re.compile(m["pattern"], re.DOTALL)
    pos = console.index(m["start"]) + len(m["start"])
    got: list[tuple[str, str]] = []
    while True:
        found = [x for x in (end.search(console, pos), pattern.search(console, pos)) if x]
        if not found:
            return got, False
        first = min(found, key=lambda x: x.start())
        if first.re is end:
            return got, True
        result = m["fixupdict"].get(first.group("result"), first.group("result"))
        got.append((re.sub(r"\W+", "_", first.group("test_case_id").strip().lower()), result))
        pos = first.end()


class Pattern(unittest.TestCase):
    def test_qemu_console(self):
        console = "boot noise\r\n" + REPORT.replace("\n", "\r\n")
        got, ended = monitor_reads(console, "qemu")
        self.assertTrue(ended)
        self.assertEqual(got, WANT)

    def test_xen_console_both_prefixes(self):
        lines = REPORT.splitlines()
        console = "(XEN) Xen version 4.17\r\r\n" + "".join(
            ("(XEN) DOM1: " if i % 2 else "(d1) ") + line + "\r\r\n" for i, line in enumerate(lines)
        )
        got, ended = monitor_reads(console, "xen")
        self.assertTrue(ended)
        self.assertEqual(got, WANT)

    def test_xen_lines_and_unprefixed_lines_are_not_cases_under_xen(self):
        console = (
            "(XEN) DOM1: KTAP version 1\r\r\n(XEN) ok 1 not_a_guest_line\r\r\nok 2 qemu_style\r\r\n"
            f"(XEN) DOM1: ok 1 real\r\r\n(XEN) DOM1: {REPORT_SENTINEL}\r\r\n"
        )
        self.assertEqual(monitor_reads(console, "xen"), ([("real", "pass")], True))

    def test_the_end_needs_the_sentinels_whole_line(self):
        console = f"KTAP version 1\r\nok 1 a\r\n{REPORT_SENTINEL}"  # its line end not there yet
        self.assertEqual(monitor_reads(console, "qemu"), ([("a", "pass")], False))

    def test_the_lava_reading_is_the_runners(self):
        rep = lava_results.report(REPORT.splitlines(), lambda line: line)
        self.assertTrue(rep.complete)
        self.assertEqual(lava_results.expected(rep), WANT)


class Command(unittest.TestCase):
    FILES = {
        "/img/harness.bin": "harness.bin",
        "/deps/xen": "xen",
        "/out/host.dtb": "host.dtb",
        "/o,ut/disk.img": "disk.img",
    }

    def test_qemu_kernel_takes_the_append(self):
        cmd = [
            "qemu-system-aarch64",
            "-M",
            "virt,gic-version=3",
            "-smp",
            "2",
            "-nographic",
            "-semihosting",
            "-drive",
            "file=/o,,ut/disk.img,if=none,id=scratch",
            "-device",
            "virtio-blk-device,drive=scratch",
            "-kernel",
            "/img/harness.bin",
            "-append",
            "expect_el=1 vm_mem=536870912",
        ]
        machine, images = lava_job.split_command(cmd, self.FILES)
        self.assertEqual(
            machine,
            [
                "-M virt,gic-version=3",
                "-smp 2",
                "-nographic",
                "-semihosting",
                "-device virtio-blk-device,drive=scratch",
            ],
        )
        self.assertEqual(
            images,
            [
                ("disk", "disk.img", "-drive 'file={disk},if=none,id=scratch'"),
                (
                    "kernel",
                    "harness.bin",
                    "-kernel {kernel} -append 'expect_el=1 vm_mem=536870912'",
                ),
            ],
        )

    def test_xen_images(self):
        cmd = [
            "qemu-system-aarch64",
            "-M",
            "virt,virtualization=on",
            "-kernel",
            "/deps/xen",
            "-dtb",
            "/out/host.dtb",
            "-device",
            "loader,file=/img/harness.bin,addr=0x50000000,force-raw=on",
        ]
        machine, images = lava_job.split_command(cmd, self.FILES)
        self.assertEqual(machine, ["-M virt,virtualization=on"])
        self.assertEqual(
            images,
            [
                ("kernel", "xen", "-kernel {kernel}"),
                ("dtb", "host.dtb", "-dtb {dtb}"),
                (
                    "harness",
                    "harness.bin",
                    "-device 'loader,file={harness},addr=0x50000000,force-raw=on'",
                ),
            ],
        )

    def test_a_path_is_matched_whole(self):
        cmd = ["q", "-device", "loader,file=/img/harness.bin.old,addr=0x0"]
        self.assertEqual(lava_job.split_command(cmd, self.FILES)[1], [])

    def test_what_cannot_be_split_is_said(self):
        for cmd, text in (
            (["q", "stray"], "follows no option"),
            (["q", "-foo", "-kernel", "/img/harness.bin"], "-foo has no value"),
            (["q", "-append", "x"], "-append without -kernel"),
        ):
            with self.subTest(cmd=cmd), self.assertRaisesRegex(lava_job.JobError, text):
                lava_job.split_command(cmd, self.FILES)

    def test_job_and_rendered_device(self):
        machine = ["-M virt,gic-version=3", "-cpu cortex-a57", "-nodefaults", "-serial stdio"]
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        path = os.path.join(d, "device.jinja2")
        with open(path, "w") as f:
            f.write(lava_job.device_dictionary("cfg", machine))
        device = yaml.safe_load(lava_device.render(path, {"arch": "arm64"}))
        qemu = device["actions"]["boot"]["methods"]["qemu"]["parameters"]
        self.assertEqual(qemu["command"], "qemu-system-aarch64")
        self.assertEqual(qemu["options"], machine)  # no NIC of qemu.jinja2's, nothing else added
        job = lava_job.job("cfg", "xen", [("kernel", "xen", "-kernel {kernel}")], "http://s/x/", 60)
        job = yaml.safe_load(yaml.safe_dump(job))
        self.assertEqual(job["context"]["arch"], "arm64")
        deploy, boot, test, end = (a for a in job["actions"])
        self.assertEqual(
            deploy["deploy"]["images"]["kernel"],
            {"url": "http://s/x/xen", "image_arg": "-kernel {kernel}"},
        )
        self.assertEqual(boot["boot"]["method"], "qemu")
        self.assertEqual(test["test"]["monitors"][0]["name"], lava_job.MONITOR)
        self.assertEqual(end["test"]["interactive"][0]["name"], "end-xen")
        qjob = lava_job.job("cfg", "qemu", [], "file:///x", 60)
        self.assertEqual(len(qjob["actions"]), 3)  # QEMU ends itself (semihosting)


def log_line(lvl, msg):
    return json.dumps({"dt": "2026-01-01T00:00:00", "lvl": lvl, "msg": msg})


class Log(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        self.path = os.path.join(self.dir, "lava-run.log")

    def write(self, lines):
        with open(self.path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return lava_results.read_log(self.path)

    def test_console_results_and_lavas_own(self):
        entries = self.write(
            [
                log_line("target", "(XEN) DOM1: ok 1 a"),
                (  # a YAML tag: not JSON
                    '{"dt": "x", "lvl": "results", "msg": {"case": "file-download", "definition":'
                    ' "lava", "extra": {"size": ! "213904"}, "result": "pass"}}'
                ),
                log_line("results", {"case": "a", "definition": "harness", "result": "pass"}),
                log_line("results", {"case": "end-xen", "definition": "lava", "result": "pass"}),
                log_line(
                    "results",
                    {
                        "case": "job",
                        "definition": "lava",
                        "result": "fail",
                        "error_type": "Infrastructure",
                    },
                ),
            ]
        )
        self.assertEqual(lava_results.console(entries), ["(XEN) DOM1: ok 1 a"])
        cases, own = lava_results.recorded(entries)
        self.assertEqual(cases, [("a", "pass")])
        self.assertEqual(own["job"], ("fail", "Infrastructure"))
        self.assertEqual(own["file-download"][0], "pass")

    def test_an_unreadable_line_is_said(self):
        with self.assertRaisesRegex(
            lava_results.LogError, r"lava-run.log:2: neither JSON nor YAML"
        ):
            self.write([log_line("target", "x"), '{"lvl": [unclosed'])
        with self.assertRaisesRegex(lava_results.LogError, r":1: not a log entry"):
            self.write(['"just a string"'])

    def test_xen_console_through_the_runners_transform(self):
        lines = ["(XEN) Xen 4.17"] + ["(XEN) DOM1: " + line + "\r" for line in REPORT.splitlines()]
        rep = lava_results.report(lines, xen.Platform(None, None, []).transform)
        self.assertTrue(rep.complete)
        self.assertEqual(lava_results.expected(rep), WANT)


class Compare(unittest.TestCase):
    def test_the_same(self):
        self.assertEqual(lava_results.compare(WANT, list(WANT)), [])

    def test_a_missing_case(self):
        got = WANT[:2] + WANT[3:]
        self.assertEqual(
            lava_results.compare(WANT, got),
            [
                "case psci (skip): in the report, not recorded by LAVA",
                "LAVA recorded 7 cases, the report has 8",
            ],
        )

    def test_a_changed_result(self):
        got = list(WANT)
        got[5] = ("sgi_others", "fail")
        self.assertEqual(
            lava_results.compare(WANT, got),
            ["case sgi_others: the report says pass, LAVA recorded fail"],
        )

    def test_an_extra_case_and_a_repeat(self):
        got = WANT[:1] + [("stray", "pass")] + WANT[1:] + [("gic", "pass")]
        self.assertEqual(
            lava_results.compare(WANT, got),
            [
                "case stray (pass): recorded by LAVA, not in the report",
                "case gic (pass): recorded by LAVA, not in the report",
                "LAVA recorded 10 cases, the report has 8",
            ],
        )


class Folder(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def test_a_foreign_folder_is_refused_an_earlier_one_cleared(self):
        with open(os.path.join(self.dir, "notes.txt"), "w") as f:
            f.write("mine")
        with self.assertRaisesRegex(
            lava.OptionError, "notes.txt, which scripts/lava does not write"
        ):
            lava.check_folder(self.dir)
        for name in (lava.JOB, lava.LOG):
            open(os.path.join(self.dir, name), "w").close()
        os.makedirs(os.path.join(self.dir, lava.RUN_DIR, "x"))
        lava.check_folder(self.dir)
        self.assertEqual(os.listdir(self.dir), ["notes.txt"])  # only what scripts/lava writes goes

    def test_a_path_lavas_command_line_cannot_carry(self):
        with self.assertRaisesRegex(lava.OptionError, r"--out /tmp/a b: holds ' '"):
            lava.check_folder("/tmp/a b")

    def test_write_job_of_the_default_qemu_configuration(self):
        out = os.path.join(self.dir, "job")
        with contextlib.redirect_stdout(io.StringIO()):
            lava.write_job(lava.run_config([]), out)
        for name in (
            lava.JOB,
            lava.DICTIONARY,
            lava.DEVICE,
            lava.DISPATCHER,
            lava.IMAGE,
            "disk.img",
        ):
            self.assertTrue(os.path.isfile(os.path.join(out, name)), name)
        with open(os.path.join(out, lava.JOB)) as f:
            job = yaml.safe_load(f)
        for label, image in job["actions"][0]["deploy"]["images"].items():
            self.assertTrue(os.path.isfile(image["url"][len("file://") :]), label)
        with open(os.path.join(out, lava.DISPATCHER)) as f:
            prefix = yaml.safe_load(f)["prefix"]
        self.assertTrue(prefix.startswith(os.path.abspath(out) + "/"))

    def test_run_only_options_are_refused(self):
        for argv in (["--junit", "x.xml"], ["--dry-run"], ["-v"]):
            with self.subTest(argv=argv), self.assertRaisesRegex(
                lava.OptionError, "not for a LAVA job"
            ):
                lava.run_config(argv)

    def test_matrix_options_are_refused_as_scripts_runs_own(self):
        for argv in (["--matrix", "m.txt"], ["-j", "2"], ["--jobs=2"]):
            with self.subTest(argv=argv), self.assertRaisesRegex(
                lava.OptionError, "is for scripts/run --matrix"
            ):
                lava.run_config(argv)

    def test_url_bases_lava_fetches_from_are_taken(self):
        for url in ("http://host/dir/", "https://h", "file:///srv/lava"):
            lava.check_url_base(url)

    def test_usage_errors_are_one_line_status_2(self):
        for argv in (
            ["--out"],
            ["--test", "--smp", "3"],
            ["--bogus"],
            ["--url-base", "not a url"],
            ["--url-base", "http://"],
            ["--url-base", "ftp://host/x"],
        ):
            err = io.StringIO()
            with self.subTest(argv=argv), contextlib.redirect_stderr(err):
                self.assertEqual(lava.main(argv), 2)
                self.assertEqual(len(err.getvalue().splitlines()), 1, err.getvalue())


if __name__ == "__main__":
    unittest.main()
