# SPDX-License-Identifier: MIT
"""The initial ramdisk the runner gives the guest, in the format of
lib/runtime/protocol.h's INITRD_* (one definition for the guest and the
runner): the boot suite's initrd case finds it through /chosen and holds
its magic, its length and its hash against what is written here."""
import os
import struct

from . import protocol

NAME = protocol.INITRD_FILE_NAME
SIZE = protocol.INITRD_FILE_SIZE
_MASK = (1 << 64) - 1


def fnv1a64(data):
    h = protocol.INITRD_FNV_OFFSET
    for b in data:
        h = ((h ^ b) * protocol.INITRD_FNV_PRIME) & _MASK
    return h


def payload(n):
    words = (n + 7) // 8
    return struct.pack(f"<{words}Q", *(protocol.INITRD_PATTERN | w for w in range(words)))[:n]


def contents():
    body = payload(SIZE - protocol.INITRD_HEADER_SIZE)
    head = struct.pack("<4Q", protocol.INITRD_MAGIC, SIZE, fnv1a64(body), 0)
    return head + body


def make(outdir):
    path = os.path.join(outdir, NAME)
    with open(path, "wb") as f:
        f.write(contents())
    return path
