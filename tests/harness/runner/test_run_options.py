#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of scripts/run's input: every option driven with bad values must
end with status 2 and one line `scripts/run: --OPT VALUE: why; accepted: ...`,
never a traceback, and before any platform starts (a stand-in QEMU first in
PATH records whether it was ever started); good values pass --dry-run; a
platform that will not start is status 6 with its own error line.

Each bad case is one `python3 -S scripts/run ...` from the repository root
(-S: the runner needs only the standard library, and site's start-up is the
larger part of a refusal's cost); they run a few at a time, once, in
setUpClass. The good cases are dry runs of runner.main in this process. Run
with PYTHONPATH=scripts (all.py runs every test_*.py here)."""
import concurrent.futures
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from harnesslib import capture, paths, runner, status, verdict, ktap
from harnesslib.options import parse as options
from harnesslib.options import table as option_table

ROOT = paths.ROOT
HAVE_XEN = os.path.exists(paths.XEN) and shutil.which("dtc") is not None
HAVE_DTC = shutil.which("dtc") is not None
HAVE_FDTPUT = shutil.which("fdtput") is not None
IMAGE_SIZE = 0x175000  # the stand-in Image: 1.45 MiB; the harness is under 1 MiB, the same 2 MiB


def write_image(path, size=IMAGE_SIZE):
    """A minimal arm64 Image: the 64-byte header (booting.rst), magic at 0x38."""
    hdr = bytearray(64)
    hdr[0x10:0x18] = size.to_bytes(8, "little")
    hdr[0x38:0x3C] = b"ARM\x64"
    with open(path, "wb") as f:
        f.write(bytes(hdr) + bytes(4096))


def fake_qemu(folder, body):
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "qemu-system-aarch64")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(path, 0o755)


class Cases:
    """Every case's argv, run once; the tests read the results."""

    tmp = tempfile.mkdtemp(prefix="run-options-")
    image = os.path.join(tmp, "Image")
    marker = os.path.join(tmp, "qemu-started")
    afile = os.path.join(tmp, "a-file")
    broken_dts = os.path.join(tmp, "broken.dts")
    blob = os.path.join(tmp, "tree.dtb")
    new_out = os.path.join(tmp, "new", "out")
    junit = os.path.join(tmp, "j.xml")
    bad_baseline = os.path.join(tmp, "baseline.txt")

    # (the option the message must name, argv); --image is the stand-in unless given
    BAD = [
        ("--platform", ["--platform", "kvm"]),
        ("--machine", ["--machine", "its"]),
        ("--machine", ["--machine", "gic-version=2"]),
        ("--machine", ["--machine", "virtualization=on"]),
        ("--machine", ["--machine", "its=off,"]),
        ("--machine", ["--machine", "its=maybe"]),
        ("--machine", ["--machine", "its=on,its=off"]),
        ("--machine", ["--machine", "mte=on"]),
        ("--machine", ["--machine", "secure=on", "--no-dtb"]),
        ("--machine", ["--platform", "xen", "--machine", "its=on"]),
        ("--cpu", ["--cpu", "cortex-a15"]),
        ("--arch", ["--arch", "riscv"]),
        ("--virtio", ["--virtio", "net"]),
        ("--virtio", ["--virtio", "rng,rng"]),
        ("--virtio", ["--virtio", "none,rng"]),
        ("--virtio", ["--virtio", ""]),
        ("--virtio", ["--platform", "xen", "--virtio", "rng"]),
        ("--numa", ["--numa", "3"]),  # more nodes than --smp's 2 CPUs
        ("--numa", ["--numa", "x"]),
        ("--boot", ["--boot", "uboot", "--numa", "2"]),
        ("--boot", ["--boot", "uboot", "--machine", "secure=on"]),
        ("--numa", ["--numa", "17", "--smp", "17", "--mem", "1088M"]),  # past 16 banks
        ("--numa", ["--numa", "2", "--no-dtb"]),
        ("--numa", ["--numa", "2", "--mem", "514M"]),  # no equal shares of whole 2M
        ("--numa", ["--platform", "xen", "--numa", "1"]),
        ("--pci", ["--pci", "nic"]),
        ("--pci", ["--pci", "edu,edu"]),
        ("--pci", ["--platform", "xen", "--pci", "edu"]),
        ("--pci", ["--machine", "its=off", "--pci", "edu"]),
        ("--platform", ["--platform"]),
        ("--gic", ["--gic", "4"]),
        ("--gic", ["--gic", "x"]),
        ("--smp", ["--smp", "0"]),
        ("--smp", ["--smp", "1000"]),
        ("--smp", ["--smp", "513"]),
        ("--smp", ["--smp", "459"]),
        ("--smp", ["--smp", "-1"]),
        ("--smp", ["--smp", "two"]),
        ("--smp", ["--smp", "9", "--gic", "2"]),
        ("--smp", ["--platform", "xen", "--smp", "129"]),
        ("--smp", ["--smp"]),
        ("--mem", ["--mem", "0"]),
        ("--mem", ["--mem", "1K"]),
        ("--mem", ["--mem", "4M"]),
        ("--mem", ["--mem", "65540K"]),
        ("--mem", ["--mem", "1.5G"]),
        ("--mem", ["--mem", "-5M"]),
        ("--mem", ["--mem", "lots"]),
        ("--mem", ["--mem", "256G"]),
        ("--mem", ["--mem", "99999G"]),
        ("--mem", ["--mem", "32M", "--load-addr", "0x40000000"]),
        ("--mem", ["--mem", "32M", "--dtb", "BLOB"]),
        ("--mem", ["--platform", "xen", "--mem", "256M"]),
        ("--mem", ["--machine", "highmem=off", "--mem", "4G"]),
        ("--arch", ["--arch", "x86"]),
        ("--boot", ["--boot", "grub"]),
        ("--boot", ["--boot", "uboot", "--platform", "xen"]),
        ("--boot", ["--boot", "uboot", "--no-initrd"]),
        ("--el", ["--el", "3"]),
        ("--el", ["--el", "0"]),
        ("--el", ["--platform", "xen", "--el", "2"]),
        ("--load-addr", ["--load-addr", "zz"]),
        ("--load-addr", ["--load-addr", "0x40000001"]),
        ("--load-addr", ["--load-addr", "0x1000"]),
        ("--load-addr", ["--load-addr", "0x50000000"]),
        ("--load-addr", ["--load-addr", "-4096"]),
        ("--load-addr", ["--no-dtb", "--mem", "8M", "--load-addr", "0x40700000"]),
        ("--load-addr", ["--platform", "xen", "--load-addr", "0x40000000"]),
        ("--no-dtb", ["--platform", "xen", "--no-dtb"]),
        ("--no-dtb", ["--no-dtb", "--dtb", "BLOB"]),
        ("--dtb", ["--dtb", "TMP"]),
        ("--dtb", ["--dtb", "/nonexistent.dtb"]),
        ("--dtb", ["--platform", "xen", "--dtb", "BLOB"]),
        ("--vcpus", ["--vcpus", "2"]),
        ("--vcpus", ["--platform", "xen", "--vcpus", "0"]),
        ("--vcpus", ["--platform", "xen", "--vcpus", "-1"]),
        ("--vcpus", ["--platform", "xen", "--vcpus", "9", "--gic", "2"]),
        ("--vcpus", ["--platform", "xen", "--vcpus", "30"]),
        ("--vcpus", ["--platform", "xen", "--vcpus", "many"]),
        ("--domu-mem", ["--domu-mem", "256M"]),
        ("--domu-dtb", ["--domu-dtb", "BLOB"]),
        ("--domu-dtb", ["--platform", "xen", "--domu-dtb", "/nonexistent.dtb"]),
        ("--domu-mem", ["--platform", "xen", "--domu-mem", "1M"]),
        ("--domu-mem", ["--platform", "xen", "--domu-mem", "4M"]),
        ("--domu-mem", ["--platform", "xen", "--domu-mem", "4097K"]),
        # the ramdisk adds 2 MiB (place_modules): 4100K is enough only with --no-initrd
        ("--domu-mem", ["--platform", "xen", "--domu-mem", "4100K"]),
        ("--domu-mem", ["--platform", "xen", "--domu-mem", "0"]),
        ("--domu-mem", ["--platform", "xen", "--domu-mem", "big"]),
        ("--domu-mem", ["--platform", "xen", "--mem", "1G", "--domu-mem", "1000M"]),
        ("--domu-mem", ["--platform", "xen", "--mem", "2G", "--domu-mem", "2G"]),
        ("--no-vpl011", ["--no-vpl011"]),
        ("--no-enhanced", ["--no-enhanced"]),
        ("--no-initrd", ["--no-dtb", "--no-initrd"]),
        ("--bootargs", ["--bootargs", "suites=dt\nsuites=boot"]),
        ("--bootargs", ["--bootargs", "suites=\x01"]),
        ("--bootargs", ["--bootargs", "suites=d\u00e9"]),
        ("--bootargs", ["--bootargs", "suites=" + "x" * 500]),
        ("--bootargs", ["--platform", "xen", "--bootargs", "suites=" + "x" * 480]),
        ("--only", ["--only", ""]),
        ("--only", ["--only", "gic,,dma"]),
        ("--only", ["--only", "gic,"]),
        ("--only", ["--only", "gic."]),
        ("--only", ["--only", ".sgi_self"]),
        ("--only", ["--only", "gic.sgi_self.x"]),
        ("--only", ["--only", "gic sgi_self"]),
        ("--only", ["--only", "gic-v3"]),
        ("--only", ["--only", "dt,dt"]),
        ("--only", ["--only", "gic.sgi_self,gic.sgi_self"]),
        ("--bootargs", ["--bootargs", "vm_virtio=rng,floppy"]),
        ("--bootargs", ["--bootargs", "watchdog=5 expect_el=2"]),
        ("--only", ["--only", "dt", "--bootargs", "suites=boot"]),
        ("--only", ["--only", "dt", "--bootargs", "watchdog=5 suites"]),
        ("--only", ["--only", ",".join(f"gic.case{i}" for i in range(45))]),
        ("--only", ["--only", "x" * 350, "--bootargs", "watchdog=5 profile=" + "p" * 60]),
        ("--only", ["--only"]),
        ("--list", ["--list", "--only", "dt"]),
        ("--list", ["--list", "--bootargs", "watchdog=5"]),
        ("--list", ["--list", "--junit", "JUNIT"]),
        ("--list", ["--list", "--baseline", "tests/baselines/xen-4.17.txt"]),
        ("--list", ["--list", "--no-baseline"]),
        ("--list", ["--list", "--accept-vanished"]),
        ("--timeout", ["--timeout", "0"]),
        ("--timeout", ["--timeout", "-1"]),
        ("--timeout", ["--timeout", "nan"]),
        ("--timeout", ["--timeout", "inf"]),
        ("--timeout", ["--timeout", "3601"]),
        ("--timeout", ["--timeout", "soon"]),
        ("--timeout", ["--timeout"]),
        ("--out", ["--out", "AFILE"]),
        ("--out", ["--out", "AFILE/sub"]),
        ("--out", ["--out", "/proc/run-options-test"]),
        ("--junit", ["--junit", "TMP"]),
        ("--junit", ["--junit", "AFILE/j.xml"]),
        ("--junit", ["--junit", "/proc/run-options-test/j.xml"]),
        ("--junit", ["--junit", "TMP/no/such/dir/j.xml"]),
        ("--image", ["--image", "/nonexistent/harness.bin"]),
        ("--image", ["--image", "AFILE"]),
        ("--image", ["--image", "TMP"]),
        ("--baseline", ["--baseline", "/nonexistent/baseline.txt"]),
        ("--baseline", ["--baseline", "TMP"]),
        ("--baseline", ["--baseline", ""]),
        ("--baseline", ["--baseline", "BAD_BASELINE"]),
        ("--no-baseline", ["--no-baseline", "--baseline", "tests/baselines/qemu-virt-7.2.txt"]),
        ("--accept-vanished", ["--accept-vanished", "--no-baseline"]),
        ("--strict-claims", ["--strict-claims", "--list"]),
        ("--bogus", ["--bogus"]),
        ("--verb", ["--verb"]),
        ("stray", ["stray"]),
    ]
    if HAVE_DTC:
        BAD.append(("--dtb", ["--dtb", "BROKEN_DTS"]))

    GOOD: list[list[str]] = [
        [
            "--only",
            "dma,dma.idx_wrap",
        ],  # a suite and its case on request, which the suite does not choose
        ["--machine", "its=off,iommu=smmuv3"],
        [
            "--machine",
            "ras=on,acpi=off",
        ],  # a property the harness does not know goes through to QEMU
        ["--machine", "mte=on", "--cpu", "max"],
        ["--machine", "secure=on", "--el", "2"],
        [],
        ["--mem", "5M"],
        ["--numa", "2"],
        ["--numa", "3", "--smp", "4", "--mem", "768M"],
        ["--mem", "65544K"],
        ["--mem", "1024"],
        ["--gic", "2", "--smp", "8", "--mem", "128M"],
        ["--gic", "3", "--smp", "458"],
        ["--el", "2", "--gic", "2", "--smp", "1"],
        ["--timeout", "3600"],
        ["--timeout", "0.5"],
        ["--load-addr", "0x4123f000"],
        ["--load-addr", str(0x40000000)],
        ["--no-dtb", "--mem", "5M"],
        ["--no-dtb", "--load-addr", "0x40000000", "--mem", "5M"],
        ["--bootargs", "suites=dt,boot watchdog=5 profile=xen-4.17"],
        ["--bootargs", "suites=" + "x" * 369],
        ["--out", "NEW_OUT", "--junit", "JUNIT"],
        ["--quiet", "-v"],
        ["--only", "gic.sgi_self"],
        [
            "--only",
            "gic.sgi_self,dma,timer.virtual_timer",
            "--bootargs",
            "watchdog=5 profile=xen-4.17",
        ],
        ["--only", "bench.summary,selftest"],
        ["--only", "nosuch.case"],  # whether a name exists only the image can say
        ["--only", "x" * 369],
        ["--list"],
        ["--list", "--quiet", "-v", "--gic", "2"],
        ["--no-baseline"],
        ["--baseline", "tests/baselines/xen-4.17.txt", "--accept-vanished"],
    ]
    if HAVE_FDTPUT:
        GOOD.append(["--dtb", "BLOB", "--mem", "64M"])
    if HAVE_XEN:
        GOOD += [
            ["--platform", "xen"],
            ["--platform", "xen", "--gic", "2", "--vcpus", "8"],
            ["--platform", "xen", "--vcpus", "29", "--no-vpl011", "--no-enhanced"],
            ["--platform", "xen", "--mem", "6G", "--domu-mem", "4G"],
            ["--platform", "xen", "--domu-mem", "6148K"],
            ["--platform", "xen", "--domu-mem", "4100K", "--no-initrd"],
            ["--no-initrd"],
            ["--platform", "xen", "--mem", "1G", "--domu-mem", "976M"],
            ["--platform", "xen", "--el", "1", "--smp", "8", "--gic", "2"],
            ["--platform", "xen", "--domu-dtb", "dts/xen/phantom-device.dts"],
        ]

    results: dict[tuple[str, int], subprocess.CompletedProcess] = {}

    @classmethod
    def argv(cls, args, image=True):
        subst = {
            "TMP": cls.tmp,
            "AFILE": cls.afile,
            "BLOB": cls.blob,
            "BROKEN_DTS": cls.broken_dts,
            "NEW_OUT": cls.new_out,
            "JUNIT": cls.junit,
            "BAD_BASELINE": cls.bad_baseline,
        }
        out = []
        for a in args:
            for k, v in subst.items():
                if a == k or a.startswith(k + "/"):
                    a = v + a[len(k) :]
            out.append(a)
        given = "--image" in out
        return out + ([] if given or not image else ["--image", cls.image])

    @classmethod
    def setup(cls):
        if cls.results:
            return
        write_image(cls.image)
        with open(cls.afile, "w") as f:
            f.write("not a directory\n")
        with open(cls.broken_dts, "w") as f:
            f.write("/dts-v1/;\n/ { prop = <1;\n")
        with open(cls.bad_baseline, "w") as f:
            f.write("case gic/priority\n  finding SGI {n}\n")
        with open(cls.blob, "wb") as blob:
            blob.write(b"\xd0\x0d\xfe\xed" + bytes(60))
        fake_qemu(os.path.join(cls.tmp, "bin"), f'touch "{cls.marker}"\nexit 1\n')
        env = dict(os.environ, PATH=os.path.join(cls.tmp, "bin") + os.pathsep + os.environ["PATH"])

        def run(key, args):
            # --dry-run on the bad cases too: one that slipped through would
            # not boot anything either (and would show as status 0).
            cmd = [sys.executable, "-S", paths.script("run"), "--dry-run"] + cls.argv(args)
            return key, subprocess.run(
                cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=30
            )

        jobs = [("bad", i, args) for i, (_, args) in enumerate(cls.BAD)]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for key, r in pool.map(lambda j: run(j[:2], j[2]), jobs):
                cls.results[key] = r
        # The good values in this process (runner.main, as scripts/run calls
        # it): a dry run each, with the stand-in QEMU first in PATH.
        saved = os.environ["PATH"]
        os.environ["PATH"] = env["PATH"]
        try:
            for i, args in enumerate(cls.GOOD):
                out, err = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = runner.main(["--dry-run"] + cls.argv(args))
                cls.results[("good", i)] = subprocess.CompletedProcess(
                    args, code, out.getvalue(), err.getvalue()
                )
        finally:
            os.environ["PATH"] = saved


def tearDownModule():
    shutil.rmtree(Cases.tmp, ignore_errors=True)


class BadValues(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        Cases.setup()

    def test_every_bad_value_is_status_2_and_one_line_naming_the_option(self):
        for i, (opt, args) in enumerate(Cases.BAD):
            r = Cases.results[("bad", i)]
            with self.subTest(args=args):
                out = r.stdout + r.stderr
                self.assertNotIn("Traceback", out)
                self.assertEqual(r.returncode, status.USAGE, out)
                self.assertEqual(r.stdout, "")
                lines = r.stderr.splitlines()
                self.assertEqual(len(lines), 1, r.stderr)
                self.assertTrue(lines[0].startswith(f"scripts/run: {opt}"), lines[0])
                self.assertIn("; accepted: ", lines[0])

    def test_no_platform_was_started(self):
        self.assertFalse(os.path.exists(Cases.marker), "a bad option reached QEMU")

    def test_messages_name_the_range(self):
        by_args = {
            tuple(args): Cases.results[("bad", i)].stderr for i, (_, args) in enumerate(Cases.BAD)
        }
        self.assertIn("1..458", by_args[("--smp", "1000")])
        self.assertIn("1..8 with --gic 2", by_args[("--smp", "9", "--gic", "2")])
        self.assertIn("below 5M", by_args[("--mem", "1K")] + by_args[("--mem", "4M")])
        self.assertIn("multiple of 8K", by_args[("--mem", "65540K")])
        self.assertIn("0 < S <= 3600", by_args[("--timeout", "0")])
        self.assertIn("not a directory", by_args[("--out", "AFILE")])
        self.assertIn("is a directory", by_args[("--junit", "TMP")])
        self.assertIn("dtc", by_args.get(("--dtb", "BROKEN_DTS"), "dtc"))
        self.assertIn("is for --platform qemu", by_args[("--platform", "xen", "--dtb", "BLOB")])
        self.assertIn("511 bytes", by_args[("--bootargs", "suites=" + "x" * 500)])
        self.assertIn("a newline", by_args[("--bootargs", "suites=dt\nsuites=boot")])
        self.assertIn("6148K", by_args[("--platform", "xen", "--domu-mem", "1M")])
        self.assertIn("and ramdisk", by_args[("--platform", "xen", "--domu-mem", "4100K")])
        self.assertIn(
            "1..8 with --gic 2", by_args[("--platform", "xen", "--vcpus", "9", "--gic", "2")]
        )
        self.assertIn(
            Cases.bad_baseline + ":2: finding takes CHECK [KEY=VALUE ...]",
            by_args[("--baseline", "BAD_BASELINE")],
        )
        self.assertIn("has an empty item", by_args[("--only", "gic,,dma")])
        self.assertIn("item 'gic.' is not SUITE or SUITE.CASE", by_args[("--only", "gic.")])
        self.assertIn("item 'gic.sgi_self.x' is not SUITE", by_args[("--only", "gic.sgi_self.x")])
        self.assertIn("dt is given twice", by_args[("--only", "dt,dt")])
        self.assertIn(
            "vm_virtio= is the runner's own (it gives vm_virtio=rng,blk,modern); accepted:"
            " --virtio",
            by_args[("--bootargs", "vm_virtio=rng,floppy")],
        )
        self.assertIn(
            "expect_el= is the runner's own (it gives expect_el=1); accepted: --el",
            by_args[("--bootargs", "watchdog=5 expect_el=2")],
        )
        self.assertIn(
            "--bootargs suites=boot chooses the suites too",
            by_args[("--only", "dt", "--bootargs", "suites=boot")],
        )
        self.assertIn(
            "--bootargs suites chooses the suites too",
            by_args[("--only", "dt", "--bootargs", "watchdog=5 suites")],
        )
        long_only = ",".join(f"gic.case{i}" for i in range(45))
        self.assertIn(
            f"scripts/run: --only ({len(long_only)} bytes): as suites= it makes the bootargs ",
            by_args[("--only", long_only)],
        )
        self.assertIn(
            "the harness keeps 511; accepted: at most 369 bytes here",
            by_args[("--only", long_only)],
        )
        self.assertIn(
            "at most 289 bytes here",  # 369 less "watchdog=5 profile=ppp... ": 80
            by_args[("--only", "x" * 350, "--bootargs", "watchdog=5 profile=" + "p" * 60)],
        )
        self.assertIn("--list: contradicts --only", by_args[("--list", "--only", "dt")])
        self.assertIn("--list: contradicts --junit", by_args[("--list", "--junit", "JUNIT")])
        self.assertIn("none stands alone", by_args[("--virtio", "none,rng")])
        self.assertIn(
            "edu needs an MSI controller", by_args[("--machine", "its=off", "--pci", "edu")]
        )

    def test_out_is_not_left_behind_by_a_refusal(self):
        self.assertFalse(os.path.exists("/proc/run-options-test"))


class GoodValues(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        Cases.setup()

    def test_good_values_pass_the_dry_run(self):
        for i, args in enumerate(Cases.GOOD):
            r = Cases.results[("good", i)]
            with self.subTest(args=args):
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertIn("scripts/run: options valid:", r.stdout)

    def test_dry_run_takes_back_the_out_directory(self):
        self.assertFalse(os.path.exists(os.path.dirname(Cases.new_out)))
        self.assertFalse(os.path.exists(Cases.junit))

    def test_only_becomes_suites_after_the_users_bootargs(self):
        r = Cases.results[
            (
                "good",
                Cases.GOOD.index(
                    [
                        "--only",
                        "gic.sgi_self,dma,timer.virtual_timer",
                        "--bootargs",
                        "watchdog=5 profile=xen-4.17",
                    ]
                ),
            )
        ]
        self.assertIn(
            "  bootargs: watchdog=5 profile=xen-4.17 suites=gic.sgi_self,dma,timer.virtual_timer\n",
            r.stdout,
        )
        r = Cases.results[("good", Cases.GOOD.index(["--only", "gic.sgi_self"]))]
        self.assertIn("  bootargs: suites=gic.sgi_self\n", r.stdout)

    def test_list_boots_with_the_bootarg_list_into_its_own_folder(self):
        r = Cases.results[("good", Cases.GOOD.index(["--list"]))]
        self.assertIn("scripts/run: options valid: qemu-gicv3-smp2-512M-list\n", r.stdout)
        self.assertIn("  bootargs: list\n", r.stdout)
        self.assertIn("  list: True\n", r.stdout)
        self.assertIn(os.path.join("build", "run", "qemu-gicv3-smp2-512M-list") + "\n", r.stdout)

    def test_sizes_are_normalised(self):
        r = Cases.results[("good", Cases.GOOD.index(["--mem", "1024"]))]
        self.assertIn("qemu-gicv3-smp2-1G", r.stdout)


class Help(unittest.TestCase):
    def test_help_shows_every_options_range(self):
        r = subprocess.run(
            [sys.executable, paths.script("run"), "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=30,
        )
        self.assertEqual(r.returncode, 0)
        text = r.stdout
        for flag, metavar, _, _, acc in option_table.OPTIONS:
            with self.subTest(flag=flag):
                self.assertIn(f"  {flag}", text)
                if metavar:
                    self.assertIn("accepted: " + acc.split()[0], text)
        self.assertEqual(
            text.count("accepted: "), len([o for o in option_table.OPTIONS if o[4] != "-"])
        )

    def test_every_value_option_has_a_bad_case(self):
        driven = {opt for opt, _ in Cases.BAD}
        for flag, *_ in option_table.OPTIONS:
            if flag not in ("--dry-run", "--quiet", "-v"):
                self.assertIn(flag, driven)


class PlatformFailsToStart(unittest.TestCase):
    def test_qemu_error_line_is_status_6(self):
        tmp = tempfile.mkdtemp(prefix="run-start-")
        try:
            write_image(os.path.join(tmp, "Image"))
            msg = "qemu-system-aarch64: -M virt,gic-version=3: unsupported machine type"
            fake_qemu(os.path.join(tmp, "bin"), f'echo "{msg}" >&2\nexit 1\n')
            env = dict(os.environ, PATH=os.path.join(tmp, "bin") + os.pathsep + os.environ["PATH"])
            extras: list[list[str]] = [[], ["--load-addr", "0x4123f000"]]
            for extra in extras:
                r = subprocess.run(
                    [
                        sys.executable,
                        paths.script("run"),
                        "--quiet",
                        "--out",
                        os.path.join(tmp, "out"),
                        "--image",
                        os.path.join(tmp, "Image"),
                    ]
                    + extra,
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                    env=env,
                    timeout=30,
                )
                with self.subTest(extra=extra):
                    self.assertEqual(r.returncode, status.CRASH, r.stdout + r.stderr)
                    self.assertIn(msg, r.stdout + r.stderr)
                    self.assertNotIn("Traceback", r.stdout + r.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def judge(self, cap):
        kl = ktap.extract(cap.lines)
        return verdict.judge(cap, ktap.parse(kl), kl, cap.returncode)

    def test_program_that_cannot_execute_is_status_6(self):
        with tempfile.TemporaryDirectory() as tmp:
            prog = os.path.join(tmp, "qemu-system-aarch64")
            with open(prog, "w") as f:
                f.write("not a program\n")
            os.chmod(prog, 0o755)
            cap = capture.run([prog], os.path.join(tmp, "console.log"), 5)
            code, why = self.judge(cap)
            self.assertEqual(code, status.CRASH)
            self.assertIn("cannot execute", why)

    @unittest.skipUnless(shutil.which("qemu-system-aarch64"), "needs qemu-system-aarch64")
    def test_real_qemu_refusing_its_options_is_status_6(self):
        with tempfile.TemporaryDirectory() as tmp:
            cap = capture.run(
                ["qemu-system-aarch64", "-M", "no-such-machine", "-nographic"],
                os.path.join(tmp, "console.log"),
                10,
            )
            code, why = self.judge(cap)
            self.assertEqual(code, status.CRASH, why)
            self.assertIn("qemu-system-aarch64: ", why)

    def test_silent_guest_is_still_silence(self):
        cap = capture.Capture()
        cap.returncode, cap.lines = 0, ["some boot noise"]
        self.assertEqual(self.judge(cap)[0], status.SILENT)


class NoTraceback(unittest.TestCase):
    def test_unexpected_exception_is_one_line(self):
        real = options.parse

        def boom(argv, description):
            raise ValueError("boom")

        options.parse = boom
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err):
                code = runner.main([])
        finally:
            options.parse = real
        self.assertEqual(code, status.RUNNER_ERROR)
        self.assertEqual(len(err.getvalue().splitlines()), 1)
        self.assertIn("runner error: ValueError: boom", err.getvalue())

    def test_runner_fault_keeps_its_traceback_in_the_run_folder(self):
        with tempfile.TemporaryDirectory() as out:
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                try:
                    raise KeyError("x")
                except KeyError as e:
                    code = runner.runner_error(e, out)
            self.assertEqual(code, status.RUNNER_ERROR)
            self.assertIn("traceback in", err.getvalue())
            with open(os.path.join(out, "runner-error.txt")) as f:
                self.assertIn("KeyError", f.read())


if __name__ == "__main__":
    unittest.main()
