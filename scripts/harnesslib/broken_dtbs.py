# SPDX-License-Identifier: MIT
"""Byte-level broken device trees for scripts/make-broken-dtbs (USAGE below).

Each defect is listed with its expectations, in the header format of the
test trees (scripts/integration --help), because no tree file carries them;
an `expect`/`expect-run` value is a finding's identity, "SUITE/CASE CHECK
key=value ..." (a dt problem's case is its area), the old text kept below it
in a `// (text: ...)` comment for people:
scripts/integration runs each as the test broken-NAME, and
tests/harness/unit/check-dts.py holds the host model to its `expect` lines.
"""
import os
import struct
import subprocess
import sys
import tempfile

USAGE = """Write device trees that are broken at the byte level (dtc cannot express
them, or refuses to write) from a good DTB: bad magic, truncated, absurd
totalsize, a duplicated phandle.

usage: scripts/make-broken-dtbs GOOD.dtb OUTDIR"""
MAGIC = b"\xd0\x0d\xfe\xed"


def _fdtput(blob, *args):
    """blob with one property set by fdtput, which (unlike dtc) checks nothing."""
    with tempfile.NamedTemporaryFile(suffix=".dtb") as f:
        f.write(blob)
        f.flush()
        subprocess.run(["fdtput", f.name] + list(args), check=True)
        return open(f.name, "rb").read()


def _first_prop_length(blob, length):
    """blob with the first property's length field set to length."""
    off = struct.unpack(">I", blob[8:12])[0] + 8  # past the root's FDT_BEGIN_NODE and ""
    assert struct.unpack(">I", blob[off : off + 4])[0] == 3, "FDT_PROP expected"
    return blob[: off + 4] + struct.pack(">I", length) + blob[off + 8 :]


def _with_memreserve(blob, base, size):
    """blob with a /memreserve/ entry: through dtc's own text form, which has them."""
    with tempfile.NamedTemporaryFile(suffix=".dtb") as f:
        f.write(blob)
        f.flush()
        text = subprocess.run(
            ["dtc", "-q", "-I", "dtb", "-O", "dts", f.name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    text = text.replace("/dts-v1/;", f"/dts-v1/;\n/memreserve/ {base:#x} {size:#x};", 1)
    return subprocess.run(
        ["dtc", "-q", "-I", "dts", "-O", "dtb"],
        input=text.encode(),
        check=True,
        capture_output=True,
    ).stdout


VARIANTS = {
    "bad-magic.dtb": (
        lambda blob: b"\xd0\x0d\xfe\xef" + blob[4:],
        """
        // Magic word changed: no parser may trust anything else in the blob.
        // status: 7
        // expect: dt/header header_valid
        // (text: header: bad header: FDT_ERR_BADMAGIC (magic 0xd00dfeef))
        // ktap: ok 2 structure # SKIP device tree unusable (see header)
        // note: console: semihosting
        // note: harness: report complete
        """,
    ),
    "truncated.dtb": (
        lambda blob: blob[: len(blob) // 3],
        """
        // Cut inside the structure block, header left claiming the full size.
        // status: 7
        // expect: dt/header structure_valid
        // (text: header: structure check failed: unknown tag 0x0 at 0x9f8)
        // note: harness: report complete
        """,
    ),
    "absurd-totalsize.dtb": (
        lambda blob: blob[:4] + struct.pack(">I", 64 << 20) + blob[8:],
        """
        // totalsize says 64 MiB: bigger than any real device tree.
        // status: 7
        // expect: dt/header totalsize_sane
        // (text: header: totalsize 67108864 is absurd (limit 2097152))
        // note: harness: report complete
        """,
    ),
    "boot-cpuid.dtb": (
        lambda blob: blob[:28] + struct.pack(">I", 1) + blob[32:],
        """
        // The header's boot_cpuid_phys names CPU 1; CPU 0 boots (QEMU starts the first).
        // run: --bootargs suites=boot
        // status: 1
        // expect-run: boot/cpu_id boot_cpuid_phys
        // (text: the DT header's boot_cpuid_phys is 0x1; the CPU that booted has affinity 0x0)
        """,
    ),
    "memreserve-outside-ram.dtb": (
        lambda blob: _with_memreserve(blob, 0x9000000, 0x1000),
        """
        // A /memreserve/ entry over the UART, outside every memory bank.
        // run: --bootargs suites=dt
        // status: 1
        // expect: dt/memory reserved_in_ram range=0x9000000+0x1000
        // (text: memory: /memreserve/: reserved 0x9000000+0x1000 lies outside every memory bank)
        """,
    ),
    "old-version.dtb": (
        lambda blob: blob[:20] + struct.pack(">II", 15, 2) + blob[28:],
        """
        // Header version 15: older than any current writer's (17); libfdt's
        // paths for such blobs are not safe on hostile input, so the model refuses it.
        // status: 7
        // expect: dt/header header_version
        // (text: header: version 15 (last compatible 2): the model reads versions 16 and 17)
        // note: harness: report complete
        """,
    ),
    "prop-length-wraps.dtb": (
        lambda blob: _first_prop_length(blob, 0xFFFFFFF4),
        """
        // The first property's length is 0xfffffff4 (-12): libfdt 1.6.1 would
        // walk the same tag forever (found by fuzzing); bounded before libfdt reads it.
        // status: 7
        // expect: dt/header structure_valid
        // (text: header: structure check failed: property at 0x40: length 0xfffffff4
        // or name offset 0x0 past its block)
        // note: harness: report complete
        """,
    ),
    "duplicate-phandle.dtb": (
        lambda blob: _fdtput(blob, "-t", "x", "/pl031@9010000", "phandle", "8003"),
        """
        // Two nodes claim one phandle (the GIC's): a reference to it is ambiguous.
        // run: --bootargs suites=dt
        // status: 1
        // expect: dt/structure phandle_unique node=/intc@8000000 prop=phandle
        // (text: structure: phandle 0x8003 is claimed by /pl031@9010000 and by /intc@8000000)
        """,
    ),
}


def main(argv):
    if argv in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    if len(argv) != 2:
        print(USAGE, file=sys.stderr)
        return 2
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
