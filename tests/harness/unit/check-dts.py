#!/usr/bin/env python3
"""Host check of the platform model against the trees in dts/: the QEMU base
tree must give no problem; every dts/broken/*.dts must give each problem its
"// expect:" lines name, and the byte-level broken DTBs theirs.

usage: check-dts.py DTCHECK BUILD_DTS_DIR
"""
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
BYTE_LEVEL = {
    "bad-magic.dtb": "header: bad header: FDT_ERR_BADMAGIC (magic 0xd00dfeef)",
    "truncated.dtb": "header: structure check failed: FDT_ERR_BADSTRUCTURE",
    "absurd-totalsize.dtb": "header: totalsize 67108864 is absurd (limit 2097152)",
}


def compile_dts(src, outdir):
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".dtb")
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out, src], check=True)
    return out


def main():
    dtcheck, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    passed = failed = 0

    def verdict(ok, what, output=""):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'} {what}" + ("" if ok else "\n" + output))

    base = compile_dts(os.path.join(ROOT, "dts", "qemu-virt-7.2-gicv3.dtsi"), outdir)
    r = subprocess.run([dtcheck, base], capture_output=True, text=True)
    verdict(r.returncode == 0, "qemu-virt-7.2-gicv3.dtsi: no problem", r.stdout + r.stderr)
    cases = []
    for src in sorted(glob.glob(os.path.join(ROOT, "dts", "broken", "*.dts"))):
        expects = [l.split(":", 1)[1].strip() for l in open(src) if l.startswith("// expect:")]
        cases.append((os.path.relpath(src, ROOT), compile_dts(src, outdir), expects))
    for name, want in BYTE_LEVEL.items():
        cases.append((name, os.path.join(outdir, name), [want]))
    for name, dtb, expects in cases:
        r = subprocess.run([dtcheck, dtb], capture_output=True, text=True)
        crashed = r.returncode not in (0, 1)
        verdict(not crashed, f"{name}: no crash (exit {r.returncode})", r.stderr[-2000:])
        for e in expects:
            verdict(e in r.stdout.splitlines(), f"{name}: {e}", r.stdout)
    r = subprocess.run([dtcheck, "--mutate", "3000", base], capture_output=True, text=True, timeout=300)
    verdict(r.returncode == 0, "3000 corrupted trees parsed without a crash (ASan/UBSan)",
            (r.stdout + r.stderr)[-3000:])
    print(r.stdout.strip())
    print(f"{passed} passed, {failed} failed, 0 skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
