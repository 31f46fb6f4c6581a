#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the output folder (harnesslib/outdir.py, run_record.py):
a folder holds one run's files, and run.json and junit.xml name the run's
config, bootargs, image hash and date. scripts/run boots a stand-in QEMU
(first in PATH) that prints a whole, empty report."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

from harnesslib import outdir, paths, status
from harnesslib.errors import OptionError
from harnesslib.protocol import REPORT_SENTINEL
from test_run_options import fake_qemu, write_image

REPORT = f"KTAP version 1\\n1..0\\n0 passed, 0 failed, 0 skipped\\n{REPORT_SENTINEL}\\n"


class Folder(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        self.out, self.image = os.path.join(d, "out"), os.path.join(d, "Image")
        write_image(self.image)
        fake_qemu(os.path.join(d, "bin"), f'printf "{REPORT}"\nexit 0\n')
        self.env = dict(os.environ, PATH=os.path.join(d, "bin") + os.pathsep + os.environ["PATH"])

    def tearDown(self):
        self.dir.cleanup()

    def run_(self, *args):
        return subprocess.run(
            [
                sys.executable,
                paths.script("run"),
                "--quiet",
                "--out",
                self.out,
                "--image",
                self.image,
            ]
            + list(args),
            capture_output=True,
            text=True,
            cwd=paths.ROOT,
            env=self.env,
            timeout=60,
        )

    def put(self, name, text="earlier\n"):
        with open(os.path.join(self.out, name), "w") as f:
            f.write(text)

    def test_a_reused_folder_holds_the_last_run_only(self):
        self.assertEqual(self.run_("--bootargs", "suites=dt").returncode, status.PASS)
        self.put("mmio-findings.md")  # as if the earlier run's suites had written it
        self.put("notes.txt")  # the user's: no run writes it
        r = self.run_("--bootargs", "suites=boot")
        self.assertEqual(r.returncode, status.PASS, r.stdout + r.stderr)
        left = set(os.listdir(self.out))
        self.assertNotIn("mmio-findings.md", left)
        self.assertIn("notes.txt", left)
        with open(os.path.join(self.out, "run.json")) as f:
            record = json.load(f)
        self.assertEqual(
            record["bootargs"],
            "expect_el=1 vm_mem=536870912 vm_virtio=rng,blk,modern"
            " vm_pci=testdev,edu,virtio,blk,bridge vm_initrd=yes vm_topology=1.1.2.1 vm_numa=0"
            " suites=boot",
        )
        self.assertEqual(sorted(left - {"notes.txt"}), record["files"])

    def test_run_json_and_junit_name_the_run(self):
        self.run_()
        with open(os.path.join(self.out, "run.json")) as f:
            record = json.load(f)
        with open(self.image, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        self.assertEqual(
            (record["config"], record["image_sha256"], record["status"], record["verdict"]),
            ("qemu-gicv3-smp2-512M", digest, 0, "pass"),
        )
        self.assertRegex(record["date"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        junit = ET.parse(os.path.join(self.out, "junit.xml")).getroot()
        properties = junit.find("testsuite/properties")
        assert properties is not None, "junit.xml has no testsuite/properties"
        props = {p.get("name"): p.get("value") for p in properties}
        self.assertEqual(
            (props["config"], props["image_sha256"], props["date"], props["bootargs"]),
            (record["config"], digest, record["date"], record["bootargs"]),
        )

    def test_a_folder_of_someone_elses_files_is_refused_before_anything_starts(self):
        os.makedirs(self.out)
        self.put("thesis.tex")
        r = self.run_()
        self.assertEqual(r.returncode, status.USAGE)
        self.assertIn("thesis.tex", r.stderr)
        self.assertEqual(os.listdir(self.out), ["thesis.tex"])

    def test_check_and_clear(self):
        os.makedirs(self.out)
        outdir.check(self.out)  # empty
        self.put("console.log")
        outdir.check(self.out)  # a run's files only (one from before run.json existed)
        os.mkdir(os.path.join(self.out, "ktap.txt"))  # not a plain file: stays
        target = os.path.join(self.dir.name, "kept")
        self.put("../kept")
        os.symlink(target, os.path.join(self.out, "junit.xml"))
        self.assertEqual(sorted(outdir.clear(self.out)), ["console.log", "junit.xml"])
        self.assertTrue(os.path.exists(target))  # a link is removed, not what it points at
        self.put("other")
        with self.assertRaises(OptionError):
            outdir.check(self.out)
        self.put("run.json")
        outdir.check(self.out)


if __name__ == "__main__":
    unittest.main()
