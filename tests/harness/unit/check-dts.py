#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host check of the platform model against the test trees: the QEMU base
tree must give no problem but the dt ones QEMU's baseline knows
(tests/baselines/qemu-virt-7.2.txt); every tree in dts/broken and dts/lies, and every
byte-level broken DTB, must be parsed without a crash and give each problem
its `// expect:` header lines name (read by harnesslib.testspec, the same
reader scripts/integration uses, so an expectation is written once).

An expectation is an identity, `dt/AREA CHECK key=value ...` (the dt suite's
case is the model's area); dtcheck prints each problem as its identity, then
": " and the message. They match when the case, the check and the subject
fields (values unescaped) are the same: all of them, no more, no fewer.

usage: PYTHONPATH=scripts check-dts.py DTCHECK BUILD_DTS_DIR
"""
import os
import subprocess
import sys

from harnesslib import paths, records, testspec
from harnesslib.baseline import entries as baseline


def identity(words):
    """(case, check, fields) of an identity's words, or None when it is not one."""
    if len(words) < 2 or not all("=" in w for w in words[2:]):
        return None
    fields = dict(w.split("=", 1) for w in words[2:])
    return (words[0], words[1], {k: records.unescape(v) for k, v in fields.items()})


def problems(stdout):
    """The identities of dtcheck's problem lines (every line but the # summary)."""
    return [
        identity(line.split(": ", 1)[0].split())
        for line in stdout.splitlines()
        if line and not line.startswith("#")
    ]


def compile_dts(src, outdir, name=None):
    out = os.path.join(outdir, (name or os.path.splitext(os.path.basename(src))[0]) + ".dtb")
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out, src], check=True)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    dtcheck, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    passed = failed = 0

    def verdict(ok, what, output=""):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'} {what}" + ("" if ok else "\n" + output))

    base = compile_dts(os.path.join(paths.DTS, "qemu-virt-7.2-gicv3.dtsi"), outdir)
    r = subprocess.run([dtcheck, base], capture_output=True, text=True)
    known = baseline.load(os.path.join(paths.ROOT, "tests", "baselines", "qemu-virt-7.2.txt"))
    unknown = [
        p
        for p in problems(r.stdout)
        if p is None
        or not any(
            e.suite == "dt" and e.case == p[0].split("/", 1)[1] and k.pattern.matches(p[1], list(p[2].items()))
            for e in known.entries
            for k in e.findings
        )
    ]
    verdict(
        r.returncode in (0, 1) and not unknown,
        "qemu-virt-7.2-gicv3.dtsi: no problem but QEMU's known ones",
        r.stdout + r.stderr,
    )
    try:
        cases = []
        for src in testspec.trees():
            t = testspec.load_tree(src)
            # Named after the test (broken-NAME, lie-NAME): the two folders may share a name.
            cases.append((paths.rel(src), compile_dts(src, outdir, t.name), t.expects))
        for t in testspec.byte_level_tests(outdir):
            cases.append((os.path.basename(t.tree), t.tree, t.expects))
    except testspec.SpecError as e:
        verdict(False, f"test trees readable: {e}")
        cases = []
    for name, dtb, expects in cases:
        r = subprocess.run([dtcheck, dtb], capture_output=True, text=True)
        crashed = r.returncode not in (0, 1)
        verdict(not crashed, f"{name}: no crash (exit {r.returncode})", r.stderr[-2000:])
        found = problems(r.stdout)
        for e in expects:
            want = identity(e.split())
            verdict(
                want is not None and want in found,
                f"{name}: {e}",
                r.stdout if want else "not an identity: dt/AREA CHECK key=value ...",
            )
    r = subprocess.run(
        [dtcheck, "--mutate", "3000", base], capture_output=True, text=True, timeout=300
    )
    verdict(
        r.returncode == 0,
        "3000 corrupted trees parsed without a crash (ASan/UBSan)",
        (r.stdout + r.stderr)[-3000:],
    )
    print(r.stdout.strip())
    print(f"{passed} passed, {failed} failed, 0 skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
