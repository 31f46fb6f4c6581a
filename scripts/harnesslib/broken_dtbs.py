"""Byte-level broken device trees for scripts/make-broken-dtbs (USAGE below).

Each defect is listed with its expectations, in the header format of the
test trees (scripts/integration --help), because no tree file carries them:
scripts/integration runs each as the test broken-NAME, and
tests/harness/unit/check-dts.py holds the host model to its `expect` lines.
"""
import os
import struct
import sys

USAGE = """Write device trees that are broken at the byte level (dtc cannot express
them) from a good DTB: bad magic, truncated, absurd totalsize.

usage: scripts/make-broken-dtbs GOOD.dtb OUTDIR"""
MAGIC = b"\xd0\x0d\xfe\xed"

VARIANTS = {
    "bad-magic.dtb": (
        lambda blob: b"\xd0\x0d\xfe\xef" + blob[4:],
        """
        // Magic word changed: no parser may trust anything else in the blob.
        // status: 7
        // expect: header: bad header: FDT_ERR_BADMAGIC (magic 0xd00dfeef)
        // ktap: ok 2 structure # SKIP device tree unusable (see header)
        // note: console: semihosting
        // note: harness: report complete
        """),
    "truncated.dtb": (
        lambda blob: blob[: len(blob) // 3],
        """
        // Cut inside the structure block, header left claiming the full size.
        // status: 7
        // expect: header: structure check failed: FDT_ERR_BADSTRUCTURE
        // note: harness: report complete
        """),
    "absurd-totalsize.dtb": (
        lambda blob: blob[:4] + struct.pack(">I", 64 << 20) + blob[8:],
        """
        // totalsize says 64 MiB: bigger than any real device tree.
        // status: 7
        // expect: header: totalsize 67108864 is absurd (limit 2097152)
        // note: harness: report complete
        """),
}


def main(argv):
    if len(argv) != 2:
        sys.exit(USAGE)
    good, outdir = argv
    blob = open(good, "rb").read()
    if blob[:4] != MAGIC:
        sys.exit(f"{good}: not a DTB")
    os.makedirs(outdir, exist_ok=True)
    for name, (make, _) in VARIANTS.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(make(blob))
        print(f"  GEN     {os.path.join(outdir, name)}")
    return 0
