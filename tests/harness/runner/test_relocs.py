# SPDX-License-Identifier: MIT
"""scripts/pack-relocs: the packed table names exactly the places the
linker's relocations name, and a packed image relocated as head.S does it
equals the linker's image relocated entry by entry."""
import os
import random
import shutil
import struct
import subprocess
import tempfile
import unittest

from harnesslib import paths, relocs

IMAGES = [  # (the ELF make links, its objcopy)
    (os.path.join(paths.ROOT, "build", "harness.elf"), "aarch64-linux-gnu-objcopy"),
    (os.path.join(paths.ROOT, "build", "arm", "harness.elf"), "arm-none-eabi-objcopy"),
]


def relocated_by_table(image, start, bits, base):
    """What boot/<arch>/head.S makes of a packed image loaded at base."""
    word, fmt = bits // 8, "<Q" if bits == 64 else "<I"
    mask = (1 << bits) - 1
    words = []
    at = start
    while True:
        (w,) = struct.unpack_from(fmt, image, at)
        at += word
        if w == 0:
            break
        words.append(w)
    out = bytearray(image[:start])
    for where in relocs.decode(words, bits):
        (v,) = struct.unpack_from(fmt, out, where)
        struct.pack_into(fmt, out, where, (v + base) & mask)
    return bytes(out)


def relocated_by_entries(elf, image, bits, base):
    """The unpacked image with each RELATIVE entry applied."""
    fmt = "<Q" if bits == 64 else "<I"
    mask = (1 << bits) - 1
    _, secs = relocs.sections(elf)
    rel = [s for s in secs if s[0] in (".rela.dyn", ".rel.dyn")][0]
    out = bytearray(image[: rel[3]])
    for where, addend in relocs.places(elf, bits, rel):
        if addend is None:
            (addend,) = struct.unpack_from(fmt, out, where)
        struct.pack_into(fmt, out, where, (addend + base) & mask)
    return bytes(out)


class Encoding(unittest.TestCase):
    def test_decode_gives_back_every_place(self):
        rng = random.Random(7)
        for bits in (32, 64):
            word = bits // 8
            for density in (0.01, 0.2, 0.9, 1.0):
                with self.subTest(bits=bits, density=density):
                    places = sorted(
                        {w * word for w in range(1, 5000) if rng.random() < density}
                    )
                    words = relocs.encode(places, bits)
                    self.assertEqual(relocs.decode(words, bits), places)
                    self.assertNotIn(0, words)  # zero ends the table
                    self.assertLessEqual(len(words), len(places))

    def test_a_run_of_places_takes_two_words(self):
        places = [8 * i for i in range(1, 65)]  # one place, then 63 after it
        self.assertEqual(len(relocs.encode(places, 64)), 2)
        self.assertEqual(len(relocs.encode([4 * i for i in range(1, 33)], 32)), 2)


class Images(unittest.TestCase):
    def built(self, elf_path, objcopy):
        if not os.path.exists(elf_path) or not shutil.which(objcopy):
            self.skipTest(f"{paths.rel(elf_path)} not built (make) or no {objcopy}")
        with tempfile.TemporaryDirectory() as d:
            raw = os.path.join(d, "raw.bin")
            subprocess.run([objcopy, "-O", "binary", elf_path, raw], check=True)
            with open(elf_path, "rb") as f, open(raw, "rb") as g:
                return f.read(), g.read()

    def test_packed_image_relocates_as_the_linker_said(self):
        for elf_path, objcopy in IMAGES:
            with self.subTest(image=paths.rel(elf_path)):
                elf, raw = self.built(elf_path, objcopy)
                packed, n, words = relocs.pack(elf, raw)
                bits, secs = relocs.sections(elf)
                start = [s for s in secs if s[0] in (".rela.dyn", ".rel.dyn")][0][3]
                self.assertGreater(n, 100)
                self.assertLess(len(packed), len(raw))
                for base in (0x40080000, 0x47E00000):
                    want = bytearray(relocated_by_entries(elf, raw, bits, base))
                    if raw[relocs.ZIMAGE_MAGIC_OFFSET : relocs.ZIMAGE_MAGIC_OFFSET + 4] == (
                        struct.pack("<I", relocs.ZIMAGE_MAGIC)
                    ):  # a zImage's end field says the packed file's size
                        struct.pack_into("<I", want, relocs.ZIMAGE_END_OFFSET, len(packed))
                    self.assertEqual(relocated_by_table(packed, start, bits, base), bytes(want))

    def test_refuses_what_head_cannot_apply(self):
        elf_path, objcopy = IMAGES[0]
        elf, raw = self.built(elf_path, objcopy)
        _, secs = relocs.sections(elf)
        rel = [s for s in secs if s[0] == ".rela.dyn"][0]
        other = bytearray(elf)
        struct.pack_into("<Q", other, rel[4] + 8, 257)  # R_AARCH64_ABS64
        with self.assertRaisesRegex(relocs.PackError, "type 257 .* not RELATIVE"):
            relocs.pack(bytes(other), raw)
        with self.assertRaisesRegex(relocs.PackError, "last contents"):
            relocs.pack(elf, raw + b"\0" * 8)
        with self.assertRaisesRegex(relocs.PackError, "not a little-endian ELF"):
            relocs.pack(raw, raw)


if __name__ == "__main__":
    unittest.main()
