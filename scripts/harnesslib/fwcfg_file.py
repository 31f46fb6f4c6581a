# SPDX-License-Identifier: MIT
"""The file the runner gives QEMU's fw_cfg device for the dma suite (and the
bench suite's throughput figures): lib/runtime/protocol.h's FWCFG_* (one
definition for the guest and the runner). fw_cfg items from the command line
are read-only to the guest, so nothing is checked after the run."""
import os
import struct

from . import protocol

NAME = "fw_cfg.bin"


def contents():
    words = protocol.FWCFG_FILE_SIZE // 8
    return struct.pack(f"<{words}Q", *(protocol.FWCFG_PATTERN | w for w in range(words)))


def make(outdir):
    path = os.path.join(outdir, NAME)
    with open(path, "wb") as f:
        f.write(contents())
    return path
