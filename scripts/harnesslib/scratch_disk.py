# SPDX-License-Identifier: MIT
"""The scratch disk the runner attaches as virtio-blk (scripts/run --virtio blk)
and checks on the host after the run. Its layout is lib/runtime/protocol.h's
DISK_* (one definition for the guest and the runner)."""
import os
import struct

from . import protocol, records

SECTOR = 512
WORDS = SECTOR // 8
NAME = "disk.img"
PCI_NAME = "pci-disk.img"  # the pci suite's virtio-blk-pci: the same pattern, read-only
WROTE = "reads_back_written"  # the check of the dma blk case's evidence that it rewrote its range


def word(sector, w, written):
    v = protocol.DISK_PATTERN | sector << 16 | w
    return v ^ 0xFFFFFFFFFFFFFFFF if written else v


def sector_bytes(sector, written):
    return struct.pack(f"<{WORDS}Q", *(word(sector, w, written) for w in range(WORDS)))


def make(outdir, name=NAME):
    path = os.path.join(outdir, name)
    with open(path, "wb") as f:
        for s in range(protocol.DISK_SECTORS):
            f.write(sector_bytes(s, False))
    return path


def in_range(s):
    return protocol.DISK_WRITE_FIRST <= s < protocol.DISK_WRITE_FIRST + protocol.DISK_WRITE_COUNT


def guest_wrote(ktap_lines):
    return any(r.get("check") == WROTE for r in records.of_lines(ktap_lines, records.EVIDENCE))


def check(outdir, ktap_lines):
    """Problems with the disk after the run: a sector outside the write range that
    changed, and, when the guest says it rewrote the range, one in it that did not."""
    path = os.path.join(outdir, NAME)
    try:
        data = open(path, "rb").read()
    except OSError as e:
        return [f"{path}: {e.strerror}"]
    if len(data) != protocol.DISK_SECTORS * SECTOR:
        return [f"{path}: {len(data)} bytes, not {protocol.DISK_SECTORS * SECTOR}"]
    wrote = guest_wrote(ktap_lines)
    problems = []
    loose = range(protocol.DISK_LOOSE_FIRST, protocol.DISK_LOOSE_FIRST + protocol.DISK_LOOSE_COUNT)
    for s in range(protocol.DISK_SECTORS):
        if s in loose:
            continue  # what a device read from targets that are not RAM
        got = data[s * SECTOR : (s + 1) * SECTOR]
        if in_range(s):
            if wrote and got != sector_bytes(s, True):
                problems.append(
                    f"sector {s}: the guest wrote it, but the image does not hold what it wrote"
                )
            elif not wrote and got not in (sector_bytes(s, False), sector_bytes(s, True)):
                problems.append(f"sector {s}: neither the pattern nor its complement")
        elif got != sector_bytes(s, False):
            problems.append(f"sector {s}: outside the guest's write range, yet changed")
        if len(problems) >= 8:
            problems.append("(further sectors not listed)")
            break
    return problems
