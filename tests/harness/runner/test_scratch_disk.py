# SPDX-License-Identifier: MIT
"""The scratch disk's host check finds what the guest got wrong: a sector
outside its write range that changed, one it says it wrote that did not."""
import os
import tempfile
import unittest

from harnesslib import protocol, scratch_disk

WROTE = [
    "    # evidence: check=reads_back_written node=/virtio_mmio@a003c00 text=/virtio_mmio@a003c00:"
    " 40 sectors from 1000 rewritten, flushed and read back"
]


def poke(path, sector, data):
    with open(path, "r+b") as f:
        f.seek(sector * scratch_disk.SECTOR)
        f.write(data)


class ScratchDisk(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.path = scratch_disk.make(self.dir)

    def rewrite_range(self):
        for s in range(
            protocol.DISK_WRITE_FIRST, protocol.DISK_WRITE_FIRST + protocol.DISK_WRITE_COUNT
        ):
            poke(self.path, s, scratch_disk.sector_bytes(s, True))

    def test_untouched_disk_passes_when_the_guest_wrote_nothing(self):
        self.assertEqual(os.path.getsize(self.path), protocol.DISK_SECTORS * 512)
        self.assertEqual(scratch_disk.check(self.dir, []), [])

    def test_claimed_write_must_be_on_the_disk(self):
        problems = scratch_disk.check(self.dir, WROTE)
        self.assertIn(f"sector {protocol.DISK_WRITE_FIRST}: the guest wrote it", problems[0])
        self.rewrite_range()
        self.assertEqual(scratch_disk.check(self.dir, WROTE), [])

    def test_change_outside_the_range_is_found(self):
        self.rewrite_range()
        poke(self.path, 7, b"\0" * 512)
        self.assertEqual(
            scratch_disk.check(self.dir, WROTE),
            ["sector 7: outside the guest's write range, yet changed"],
        )

    def test_truncated_image(self):
        open(self.path, "r+b").truncate(1024)
        self.assertIn("1024 bytes", scratch_disk.check(self.dir, [])[0])


if __name__ == "__main__":
    unittest.main()
