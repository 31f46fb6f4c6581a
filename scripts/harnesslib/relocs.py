# SPDX-License-Identifier: MIT
"""Pack the image's self-relocations (make, after objcopy): the linker writes
one R_AARCH64_RELATIVE (24 bytes) or R_ARM_RELATIVE (8 bytes) entry per
pointer, about 10% of the image. RELR (the packed form of the generic ABI's
DT_RELR, which binutils 2.40 cannot write for Arm) lists the same places in
one word per run of up to 63 (31) pointers: boot/<arch>/head.S applies it.

The encoding, in words of the image's pointer size: an even word is the
offset of a place to relocate; an odd word is a bitmap of the W-1 words
after the last place covered (bit i: the word i-1 after it); a zero word
ends the table. Every place holds its addend (the link-time address), so
relocating adds the load address in place.

usage: scripts/pack-relocs ELF BIN: BIN (objcopy -O binary of ELF) is
rewritten with the table where the relocation section was, and ends there.
"""
import struct
import sys

RELATIVE = {64: 1027, 32: 23}  # R_AARCH64_RELATIVE, R_ARM_RELATIVE
ZIMAGE_MAGIC_OFFSET, ZIMAGE_END_OFFSET = 0x24, 0x2C
ZIMAGE_MAGIC = 0x016F2818


class PackError(Exception):
    pass


def sections(elf):
    """(name, type, flags, addr, offset, size) of each section of an ELF file."""
    if elf[:4] != b"\x7fELF" or elf[5] != 1:
        raise PackError("not a little-endian ELF file")
    bits = {1: 32, 2: 64}.get(elf[4])
    if bits is None:
        raise PackError(f"ELF class {elf[4]} is neither 32 nor 64 bits")
    if bits == 64:
        shoff, = struct.unpack_from("<Q", elf, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
        fmt = "<IIQQQQ"
    else:
        shoff, = struct.unpack_from("<I", elf, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x2E)
        fmt = "<IIIIII"
    raw = [struct.unpack_from(fmt, elf, shoff + i * shentsize) for i in range(shnum)]
    strtab = raw[shstrndx][4]

    def name(off):
        return elf[strtab + off : elf.index(b"\0", strtab + off)].decode()

    return bits, [(name(n), t, f, a, o, s) for n, t, f, a, o, s in raw]


SHT_RELA, SHT_REL, SHT_NOBITS, SHF_ALLOC = 4, 9, 8, 2


def places(elf, bits, sec):
    """The offsets a relocation section relocates, and their addends (None: in place)."""
    _, kind, _, _, off, size = sec
    entry = {(64, SHT_RELA): 24, (32, SHT_REL): 8}.get((bits, kind))
    if entry is None:
        raise PackError(f"{sec[0]}: a {bits}-bit image with relocations of section type {kind}")
    out = []
    for at in range(off, off + size, entry):
        if bits == 64:
            where, info, addend = struct.unpack_from("<QQq", elf, at)
            rtype = info & 0xFFFFFFFF
        else:
            where, info = struct.unpack_from("<II", elf, at)
            rtype, addend = info & 0xFF, None
        if rtype != RELATIVE[bits]:
            raise PackError(f"{sec[0]}: relocation type {rtype} at {where:#x} is not RELATIVE")
        out.append((where, addend))
    return out


def encode(offsets, bits):
    """RELR words for sorted, word-aligned offsets (see the module's comment)."""
    word = bits // 8
    out, i = [], 0
    while i < len(offsets):
        base = offsets[i]
        out.append(base)
        i += 1
        base += word  # the first word a bitmap covers
        while i < len(offsets) and offsets[i] - base < (bits - 1) * word:
            bitmap = 1
            while i < len(offsets) and offsets[i] - base < (bits - 1) * word:
                bitmap |= 1 << ((offsets[i] - base) // word + 1)
                i += 1
            out.append(bitmap)
            base += (bits - 1) * word
    return out


def decode(words, bits):
    """The offsets a RELR table relocates (the host tests' check of encode)."""
    word = bits // 8
    out, base = [], 0
    for w in words:
        if w & 1 == 0:
            out.append(w)
            base = w + word
        else:
            out += [base + (b - 1) * word for b in range(1, bits) if w >> b & 1]
            base += (bits - 1) * word
    return out


def pack(elf, image):
    """The image with its relocations packed; PackError says why it cannot be."""
    bits, secs = sections(elf)
    word, fmt = bits // 8, "<Q" if bits == 64 else "<I"
    rel = [s for s in secs if s[0] in (".rela.dyn", ".rel.dyn")]
    if len(rel) != 1:
        raise PackError("no single .rela.dyn or .rel.dyn section")
    rel = rel[0]
    start, end = rel[3], rel[3] + rel[5]
    if end != len(image):
        raise PackError(
            f"{rel[0]} ends at {end:#x}, the image at {len(image):#x}: it must be the image's"
            " last contents (linker script)"
        )
    later = [s[0] for s in secs if s[2] & SHF_ALLOC and s[1] != SHT_NOBITS and s[3] >= end and s[5]]
    if later:
        raise PackError(f"{', '.join(later)} after {rel[0]} would be cut off (linker script)")
    out = bytearray(image)
    offsets = []
    for where, addend in places(elf, bits, rel):
        if where % word or where + word > start:
            raise PackError(f"a relocation at {where:#x}: no word of the image before {rel[0]}")
        if addend is not None:
            struct.pack_into(fmt, out, where, addend)
        offsets.append(where)
    offsets.sort()
    if len(set(offsets)) != len(offsets):
        raise PackError("a place relocated twice")
    table = encode(offsets, bits) + [0]
    del out[start:]
    out += b"".join(struct.pack(fmt, w) for w in table)
    if struct.unpack_from("<I", out, ZIMAGE_MAGIC_OFFSET)[0] == ZIMAGE_MAGIC:
        # A zImage says its file size (loaders copy start..end): the packed one's.
        struct.pack_into("<I", out, ZIMAGE_END_OFFSET, len(out))
    return bytes(out), len(offsets), len(table)


def main(argv):
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(argv) != 2:
        print("usage: scripts/pack-relocs ELF BIN (scripts/pack-relocs --help)", file=sys.stderr)
        return 2
    elf_path, bin_path = argv
    try:
        with open(elf_path, "rb") as f:
            elf = f.read()
        with open(bin_path, "rb") as f:
            image = f.read()
        packed, n, words = pack(elf, image)
    except (OSError, PackError, struct.error) as e:
        print(f"scripts/pack-relocs: {e}", file=sys.stderr)
        return 1
    with open(bin_path, "wb") as f:
        f.write(packed)
    return 0
