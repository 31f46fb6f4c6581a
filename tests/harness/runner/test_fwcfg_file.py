# SPDX-License-Identifier: MIT
"""The runner's fw_cfg file holds what the guest expects (protocol.h FWCFG_*),
and the QEMU command line names it as the dma suite looks it up."""
import os
import struct
import tempfile
import unittest

from harnesslib import fwcfg_file, protocol, qemu


class FwCfgFile(unittest.TestCase):
    def test_the_pattern_the_guest_checks(self):
        with tempfile.TemporaryDirectory() as d:
            data = open(fwcfg_file.make(d), "rb").read()
        self.assertEqual(len(data), protocol.FWCFG_FILE_SIZE)
        last = protocol.FWCFG_FILE_SIZE // 8 - 1
        self.assertEqual(struct.unpack_from("<Q", data, 0)[0], protocol.FWCFG_PATTERN)
        self.assertEqual(struct.unpack_from("<Q", data, 8 * last)[0], protocol.FWCFG_PATTERN | last)

    def test_named_under_opt(self):
        # QEMU docs/specs/fw_cfg: names outside opt/ are unsupported, and QEMU warns.
        self.assertTrue(protocol.FWCFG_FILE_NAME.startswith("opt/"))
        self.assertLess(len(protocol.FWCFG_FILE_NAME), 56)

    def test_command_line_attaches_it(self):
        with tempfile.TemporaryDirectory() as d:
            args = qemu.fw_cfg_args(os.path.join(d))
            self.assertEqual(args[0], "-fw_cfg")
            self.assertEqual(
                args[1], f"name={protocol.FWCFG_FILE_NAME},file={os.path.join(d, fwcfg_file.NAME)}"
            )


if __name__ == "__main__":
    unittest.main()
