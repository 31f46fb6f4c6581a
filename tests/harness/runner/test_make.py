#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the Makefile's behaviour for a newcomer, with stand-in
tools (a shell script for the compiler, linker and objcopy that only writes
its output file), so that each build takes a moment: a missing toolchain is
named with `make setup`; the compiler and its flags are part of what makes
an object stale, V=1 is not (REWORD=1 is a flag); `make run O=dir` (run-xen,
docs) boots dir's image; `make test O=dir` builds in dir and its integration
runs boot dir's image."""
import os
import subprocess
import tempfile
import unittest

from harnesslib import paths, testdriver

FAKE_TOOL = """#!/bin/sh
# A stand-in compiler, linker or objcopy: writes its output file, says a version.
case "$1" in
--version) echo "$(basename "$0") 1.0"; exit 0;;
-print-libgcc-file-name) echo /dev/null; exit 0;;
esac
case "$0" in *objcopy) for last; do :; done; : > "$last"; exit 0;; esac  # objcopy IN OUT
while [ $# -gt 0 ]; do [ "$1" = -o ] && { shift; : > "$1"; }; shift; done
"""


class Make(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        self.bin, self.out = os.path.join(d, "bin"), os.path.join(d, "out")
        os.makedirs(os.path.join(d, "picolibc", "lib"))
        open(os.path.join(d, "picolibc", "lib", "libc.a"), "w").close()
        open(os.path.join(d, "libfdt.a"), "w").close()
        os.makedirs(self.bin)
        for tool in ("fake-gcc", "fake-ld", "fake-objcopy", "fake-clang"):
            path = os.path.join(self.bin, tool)
            with open(path, "w") as f:
                f.write(FAKE_TOOL)
            os.chmod(path, 0o755)
        self.vars = [
            f"O={self.out}",
            f"CROSS_COMPILE={self.bin}/fake-",
            f"PICOLIBC={d}/picolibc",
            f"LIBFDT_A={d}/libfdt.a",
            "PACK_RELOCS=true",  # the fake linker's output is no ELF to pack
        ]

    def tearDown(self):
        self.dir.cleanup()

    def make(self, *args, vars=None):
        return subprocess.run(
            ["make", "--no-print-directory"] + (self.vars if vars is None else vars) + list(args),
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
        )

    def compiled(self, r):
        return [l for l in r.stdout.splitlines() if l.startswith("  CC ") or l.startswith("  AS ")]

    def test_a_missing_toolchain_names_make_setup(self):
        for var, missing in (
            (f"CROSS_COMPILE={self.bin}/none-", f"{self.bin}/none-gcc"),
            ("LIBFDT_A=/nonexistent/libfdt.a", "/nonexistent/libfdt.a"),
        ):
            with self.subTest(missing=missing):
                r = self.make(
                    vars=[v for v in self.vars if v.split("=")[0] != var.split("=")[0]] + [var]
                )
                self.assertNotEqual(r.returncode, 0)
                self.assertIn(f"missing {missing}", r.stderr)
                self.assertIn("make setup", r.stderr)
                self.assertNotIn(
                    "No such file", r.stderr
                )  # not the compiler's or the linker's error

    def test_the_compiler_and_flags_make_a_rebuild_and_v1_does_not(self):
        first = self.make()
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.out, "harness.bin")))
        self.assertEqual(self.compiled(self.make()), [])
        self.assertEqual([l for l in self.make("V=1").stdout.splitlines() if " -c " in l], [])
        clang = self.make(f"CC={self.bin}/fake-clang")
        self.assertEqual(len(self.compiled(clang)), len(self.compiled(first)))
        self.assertEqual(len(self.compiled(self.make())), len(self.compiled(first)))  # and back
        self.assertEqual(self.compiled(self.make("-n")), [])  # a dry run changes nothing

    def test_reword_is_a_flag_of_the_build(self):
        self.assertEqual(self.make().returncode, 0)
        reworded = self.make("REWORD=1", "V=1")
        self.assertEqual(len(self.compiled(self.make("REWORD=1"))), 0)  # built just now
        self.assertTrue(
            any("-DHARNESS_REWORD=1" in l for l in reworded.stdout.splitlines()),
            reworded.stdout[-500:],
        )
        with open(os.path.join(self.out, "build-flags")) as f:
            self.assertIn("-DHARNESS_REWORD=1", f.read())
        self.assertFalse(
            any("-DHARNESS_REWORD" in l for l in self.make("V=1").stdout.splitlines())
        )  # and back

    def test_make_run_run_xen_and_docs_boot_the_image_of_o(self):
        r = self.make("-n", "run")
        self.assertIn(f"scripts/run --image {self.out}/harness.bin", r.stdout)
        self.assertIn(
            f"--platform xen --image {self.out}/harness.bin", self.make("-n", "run-xen").stdout
        )
        self.assertIn(
            f"scripts/docs --image {self.out}/harness.bin", self.make("-n", "docs").stdout
        )

    def test_make_test_builds_in_o_and_boots_its_image(self):
        self.assertIn(f"scripts/test --build-dir {self.out}", self.make("-n", "test").stdout)
        stages = dict(testdriver.stages(self.out))
        self.assertEqual(set(stages), {name for name, _ in testdriver.STAGES})  # none lost
        for name, cmd in stages.items():
            with self.subTest(stage=name):
                if name == "build-arm":  # the 32-bit image in its own folder, O/arm
                    self.assertIn(f"O={self.out}/arm", cmd)
                elif name == "integration-arm":  # boots that image
                    self.assertEqual(cmd[-2:], ["--image", f"{self.out}/arm/harness.bin"])
                elif cmd[0] == testdriver.MAKE:
                    self.assertIn(f"O={self.out}", cmd)
                elif name == "reworded":  # builds its image in O/reworded and boots O's too
                    self.assertEqual(cmd[-2:], ["--build-dir", self.out])
                elif name == "kunit-parser":  # reads what the integration runs wrote, whatever O
                    self.assertEqual(cmd, dict(testdriver.STAGES)[name])
                else:
                    self.assertEqual(cmd[-2:], ["--image", f"{self.out}/harness.bin"])
        self.assertEqual(
            testdriver.stages(None), testdriver.STAGES
        )  # plain scripts/test: make's default

    def test_scripts_test_refuses_an_empty_build_dir(self):
        r = subprocess.run(
            [os.path.join(paths.ROOT, "scripts", "test"), "--build-dir", ""],
            capture_output=True,
            text=True,
        )
        self.assertEqual(r.returncode, 2)
        self.assertIn("--build-dir: empty", r.stderr)


if __name__ == "__main__":
    unittest.main()
