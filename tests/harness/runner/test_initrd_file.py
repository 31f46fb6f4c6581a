# SPDX-License-Identifier: MIT
"""The runner's ramdisk holds what the guest checks (protocol.h INITRD_*), and
each platform gives it where the boot suite's initrd case looks: QEMU's
-initrd, Xen's multiboot,ramdisk module, /chosen of a --dtb tree."""
import os
import shutil
import struct
import subprocess
import tempfile
import types
import unittest

from harnesslib import initrd_file, protocol, qemu, xen

HAVE_FDT = all(shutil.which(t) for t in ("dtc", "fdtput", "fdtget"))


class Contents(unittest.TestCase):
    def test_header_and_hash(self):
        with tempfile.TemporaryDirectory() as d:
            with open(initrd_file.make(d), "rb") as f:
                data = f.read()
        self.assertEqual(len(data), protocol.INITRD_FILE_SIZE)
        magic, length, digest, zero = struct.unpack_from("<4Q", data)
        self.assertEqual((magic, length, zero), (protocol.INITRD_MAGIC, len(data), 0))
        self.assertEqual(digest, initrd_file.fnv1a64(data[protocol.INITRD_HEADER_SIZE :]))
        # the pattern: word w of the payload is INITRD_PATTERN | w, little-endian
        self.assertEqual(
            struct.unpack_from("<Q", data, protocol.INITRD_HEADER_SIZE + 8)[0],
            protocol.INITRD_PATTERN | 1,
        )

    def test_fnv1a64_known_value(self):
        # FNV-1a 64 of "a" (the reference test vector)
        self.assertEqual(initrd_file.fnv1a64(b"a"), 0xAF63DC4C8601EC8C)

    def test_size_no_multiple_of_a_word_or_page(self):
        # an end rounded up to a word or a page would pass unseen otherwise
        self.assertTrue(initrd_file.SIZE % 8 and initrd_file.SIZE % 4096)


def args(**kw):
    base = dict(
        initrd=True, no_dtb=False, dtb=None, load_addr=None, mem_bytes=512 << 20, image="I"
    )
    base.update(kw)
    return types.SimpleNamespace(**base)


class Qemu(unittest.TestCase):
    def test_kernel_boot_passes_initrd(self):
        with tempfile.TemporaryDirectory() as d:
            a = args(gic=3, smp=1, mem="512M", el=1, virtio=())
            cmd = qemu.command_line(a, d, lambda: "x", [])
            self.assertEqual(cmd[cmd.index("-initrd") + 1], os.path.join(d, initrd_file.NAME))
            a.initrd = False
            self.assertNotIn("-initrd", qemu.command_line(a, d, lambda: "x", []))

    @unittest.skipUnless(HAVE_FDT, "dtc, fdtput, fdtget")
    def test_tree_named_unless_it_names_its_own(self):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "t.dts")
            for own in (False, True):
                props = "linux,initrd-start = <0x1234>; linux,initrd-end = <0x2234>;" if own else ""
                with open(src, "w") as f:
                    f.write(f"/dts-v1/; / {{ chosen {{ {props} }}; }};")
                dtb = os.path.join(d, "t.dtb")
                subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb, src], check=True)
                a = args(dtb=src)
                notes: list[str] = []
                extra = qemu.initrd_beside_tree(a, d, dtb, lambda: "vm_initrd=yes", notes)
                addr = qemu.user_initrd_addr(dtb)
                self.assertEqual(addr, qemu.USER_DTB_ADDR + (2 << 20))
                self.assertIn(f"addr={addr:#x}", extra[1])
                got = subprocess.run(
                    ["fdtget", "-t", "x", dtb, "/chosen", "linux,initrd-start"],
                    capture_output=True,
                    text=True,
                ).stdout.split()
                self.assertEqual(got, ["1234"] if own else ["0", f"{addr:x}"])
                self.assertTrue(a.initrd)

    @unittest.skipUnless(HAVE_FDT, "dtc, fdtput, fdtget")
    def test_no_room_gives_none(self):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "t.dts")
            with open(src, "w") as f:
                f.write("/dts-v1/; / { chosen { }; };")
            dtb = os.path.join(d, "t.dtb")
            subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb, src], check=True)
            a = args(dtb=src, mem_bytes=50 << 20)
            notes: list[str] = []
            self.assertEqual(qemu.initrd_beside_tree(a, d, dtb, lambda: "x", notes), [])
            self.assertFalse(a.initrd)
            self.assertIn("no room", notes[0])
            r = subprocess.run(
                ["fdtget", dtb, "/chosen", "linux,initrd-start"], capture_output=True
            )
            self.assertNotEqual(r.returncode, 0)


class Xen(unittest.TestCase):
    def test_module_after_the_image(self):
        self.assertEqual(xen.initrd_addr(1), xen.IMAGE_ADDR + (2 << 20))
        self.assertEqual(xen.initrd_addr(2 << 20), xen.IMAGE_ADDR + (2 << 20))
        self.assertEqual(xen.initrd_addr((2 << 20) + 1), xen.IMAGE_ADDR + (4 << 20))


if __name__ == "__main__":
    unittest.main()
