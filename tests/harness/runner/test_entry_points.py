#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of the entry points a user runs: each --help exits 0 and
shows the defaults; a reader that stops early (`| head`) ends each one
quietly, without a traceback; `scripts/setup --help` installs nothing; the
synopsis (docs/commands.md) names every make target and script."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

from harnesslib import paths

PYTHON_ENTRY_POINTS = [
    "scripts/bench",
    "scripts/bench-compare",
    "scripts/check-kunit",
    "scripts/check-layers",
    "scripts/check-spdx",
    "scripts/check-views",
    "scripts/compare",
    "scripts/convert-baseline",
    "scripts/docs",
    "scripts/gen-xen-abi",
    "scripts/gen-xen-profile",
    "scripts/integration",
    "scripts/lava",
    "scripts/make-broken-dtbs",
    "scripts/pack-relocs",
    "scripts/run",
    "scripts/test",
    "tests/harness/fuzz/gen-limits-seed",
]
# What each --help must show of its defaults.
DEFAULTS = {
    "scripts/run": ["(default 60)", "(default build/run/<config>)"],
    "scripts/bench": ["(default 5)"],
    "scripts/integration": ["(default 2)"],
    "scripts/docs": ["(default build/harness.bin"],
    "scripts/check-layers": ["(default aarch64-linux-gnu-nm)"],
    "scripts/lava": ["(default build/lava/<config>", "(default file://<the folder>)"],
}


def run(cmd, stdout=subprocess.PIPE, env=None):
    return subprocess.run(
        cmd, cwd=paths.ROOT, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env
    )


def command(script):
    return [sys.executable, script] if script in PYTHON_ENTRY_POINTS else ["sh", script]


class Help(unittest.TestCase):
    def test_help_exits_0_and_shows_the_defaults(self):
        for script in PYTHON_ENTRY_POINTS + ["scripts/setup"]:
            with self.subTest(script=script):
                r = run(command(script) + ["--help"])
                self.assertEqual((r.returncode, r.stderr), (0, ""))
                self.assertIn("usage", r.stdout.lower())
                for text in DEFAULTS.get(script, []):
                    self.assertIn(text, " ".join(r.stdout.split()))

    def test_a_closed_pipe_ends_quietly(self):
        for script, args in [(s, ["--help"]) for s in PYTHON_ENTRY_POINTS + ["scripts/setup"]] + [
            ("scripts/integration", ["--list"]),
            ("scripts/run", ["--dry-run"]),
            ("tests/harness/fuzz/gen-limits-seed", []),
        ]:
            with self.subTest(script=script, args=args):
                reader, writer = os.pipe()
                os.close(
                    reader
                )  # every write fails with EPIPE, as after `| head` has read its lines
                try:
                    r = run(command(script) + args, stdout=writer)
                finally:
                    os.close(writer)
                self.assertNotIn("Traceback", r.stderr)
                self.assertNotIn("Exception ignored", r.stderr)


class BadInput(unittest.TestCase):
    """A bad argument is a usage error (status 2) that names it, before
    anything runs: never a traceback, never a run that fails later."""

    def test_each_tool_refuses_a_bad_argument(self):
        with tempfile.TemporaryDirectory() as tmp:
            junk = os.path.join(tmp, "junk.bin")
            with open(junk, "w") as f:
                f.write("not an image\n")
            for script, args, says in [
                ("scripts/bench", ["--runs", "0"], "--runs 0"),
                ("scripts/bench", ["--matrix-runs", "-1"], "--matrix-runs -1"),
                ("scripts/check-kunit", [junk], "not a directory"),
                ("scripts/check-kunit", ["--bogus"], "--bogus"),
                ("scripts/check-views", ["--image", junk], "not an arm64 Image"),
                ("scripts/docs", ["--image", junk], "not an arm64 Image"),
                ("scripts/lava", ["--image", junk], "not an arm64 Image"),
                ("scripts/compare", [junk, junk], "not a KTAP report"),
                ("scripts/bench-compare", [junk], "not a bench.json"),
            ]:
                with self.subTest(script=script, args=args):
                    r = run(command(script) + args)
                    self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                    self.assertIn(says, r.stdout + r.stderr)
                    self.assertNotIn("Traceback", r.stderr)


class Synopsis(unittest.TestCase):
    """docs/commands.md's synopsis names every make target and every script a user runs."""

    # Steps of other targets, not commands of their own.
    INTERNAL = {"toolchain-check", "fuzz-build", "fuzz-reproducers"}

    def synopsis(self):
        with open(os.path.join(paths.ROOT, "docs", "commands.md")) as f:
            text = f.read()
        return text.split("## Synopsis", 1)[1].split("\n## ", 1)[0]

    def test_every_target_and_script_is_there(self):
        lines = self.synopsis().splitlines()
        targets = set()
        for mk in ("Makefile", "tests/harness/host.mk", "tests/harness/fuzz/fuzz.mk"):
            with open(os.path.join(paths.ROOT, mk)) as f:
                targets |= set(re.findall(r"^([a-z][a-z-]*):", f.read(), re.M))
        self.assertGreater(len(targets), 15)
        for t in sorted(targets - self.INTERNAL):
            with self.subTest(target=t):
                said = (
                    r"make\s{2,}\S" if t == "all" else rf"make {re.escape(t)}\b"
                )  # all: plain `make`
                self.assertTrue(
                    any(re.match(said, l) or re.search(rf"; {said}", l) for l in lines), t
                )
        scripts = [
            n
            for n in os.listdir(paths.SCRIPTS)
            if os.path.isfile(os.path.join(paths.SCRIPTS, n))
            and os.access(os.path.join(paths.SCRIPTS, n), os.X_OK)
        ]
        for name in sorted(scripts):
            with self.subTest(script=name):
                self.assertTrue(any(l.startswith(f"scripts/{name} ") for l in lines), name)


class Setup(unittest.TestCase):
    def test_help_installs_nothing(self):
        """With apt-get, dpkg and dpkg-query replaced by stand-ins that note
        each call, --help calls none of them (and neither does a bad option)."""
        with tempfile.TemporaryDirectory() as d:
            calls = os.path.join(d, "calls")
            for tool in ("apt-get", "dpkg", "dpkg-query", "dpkg-deb"):
                with open(os.path.join(d, tool), "w") as f:
                    f.write(f'#!/bin/sh\necho {tool} "$@" >> {calls}\nexit 1\n')
                os.chmod(os.path.join(d, tool), 0o755)
            env = dict(os.environ, PATH=d + os.pathsep + os.environ["PATH"])
            for args, code in ((["--help"], 0), (["-h"], 0), (["--bogus"], 2)):
                with self.subTest(args=args):
                    r = run(["sh", "scripts/setup"] + args, env=env)
                    self.assertEqual(r.returncode, code, r.stderr)
                    self.assertFalse(
                        os.path.exists(calls),
                        "called: " + (open(calls).read() if os.path.exists(calls) else ""),
                    )
            # the stand-ins are the ones it would call: --check does call them
            run(["sh", "scripts/setup", "--check"], env=env)
            self.assertTrue(os.path.exists(calls))


if __name__ == "__main__":
    unittest.main()
