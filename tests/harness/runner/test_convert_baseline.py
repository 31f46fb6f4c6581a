#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of scripts/convert-baseline (harnesslib/baseline/convert.py):
an old text-form baseline turned into identities by the runs that show its
findings. Run with PYTHONPATH=scripts."""
import unittest

from harnesslib import findings
from harnesslib.baseline import convert, entries
from harnesslib.errors import InputError

OLD = """# a comment stays
case dma/shapes
  when gic=3
  finding virtio-blk at {hex}: no completion (within {num} ms)
  reason QEMU pops INDIRECT on the head only
  reference virtio 1.2 2.7.5.3.2
case gic/priority
  finding SGI 5 is held back
  finding never shown {{braces}}
  reason r
  reference x
"""


def report(node, ms):
    return f"""KTAP version 1
1..2
  KTAP version 1
  # Subtest: dma
  1..1
    # FAIL: check=completes node={node} form=indirect-chained text=virtio-blk at 0x{node[-7:]}: no completion (within {ms} ms)
  not ok 1 shapes
not ok 1 dma
  KTAP version 1
  # Subtest: gic
  1..1
    # FAIL: check=pending_visible intid=5 text=SGI 5 is held back
  not ok 1 priority
not ok 2 gic
""".splitlines()  # noqa: E501


class Convert(unittest.TestCase):
    def found(self, *nodes):
        return [f for n in nodes for f in findings.read(report(n, 400)).findings()]

    def test_identities_replace_texts_and_values_that_vary_become_stars(self):
        new, missed = convert.convert(
            OLD, "old.txt", self.found("/virtio_mmio@a003c00", "/virtio_mmio@a003e00")
        )
        self.assertIn(
            (
                "  finding completes node=* form=indirect-chained\n"
                "    text virtio-blk at {hex}: no completion (within {num} ms)\n"
            ),
            new,
        )
        self.assertIn("  finding pending_visible intid=5\n    text SGI 5 is held back\n", new)
        self.assertIn("# a comment stays\n", new)
        self.assertIn("  when gic=3\n", new)
        self.assertEqual(missed, ["old.txt:9: no run shows 'never shown {{braces}}'"])
        self.assertIn("  # not converted (no run showed it): finding never shown {{braces}}", new)
        entries.parse(new, "new.txt")  # a baseline of the new form

    def test_one_run_keeps_the_value(self):
        new, _ = convert.convert(OLD, "old.txt", self.found("/virtio_mmio@a003c00"))
        self.assertIn("finding completes node=/virtio_mmio@a003c00 form=indirect-chained", new)

    def test_a_lone_brace_is_bad_input(self):
        with self.assertRaises(InputError):
            convert.convert("case a/b\n  finding x { y\n", "old.txt", [])


if __name__ == "__main__":
    unittest.main()
