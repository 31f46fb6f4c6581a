# SPDX-License-Identifier: MIT
"""Host tests of scripts/check-spdx: which files it covers, what --fix writes
in each comment style and where (after a #! and a coding line), that it
leaves generated files and the others alone, and that a second run is clean."""
import io
import os
import shutil
import tempfile
import unittest
from contextlib import redirect_stdout

from harnesslib import spdx

TREE = {
    "Makefile": "GENERATED := drivers/gen.h\nall:\n",
    "tests/harness/host.mk": "# host tests\nHOST_CC ?= gcc\n",
    "boot/a.c": '#include "boot/a.h"\n',
    "boot/a.h": "/*\n * a header\n */\n#ifndef A_H\n#define A_H\n#endif\n",
    "boot/head.S": "\t.globl _start\n_start:\n",
    "linker/harness.ld": "ENTRY(_start)\n",
    "dts/lies/x.dts": "/* a lie */\n// status: 0\n/dts-v1/;\n/ { };\n",
    "dts/base.dtsi": "/dts-v1/;\n",
    "scripts/run": '#!/usr/bin/env python3\n"""doc"""\n',
    "scripts/setup": "#!/bin/sh\n# usage\nset -eu\n",
    "scripts/harnesslib/m.py": "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nX = 1\n",
    "scripts/harnesslib/n.py": "",
    "drivers/gen.h": "/* generated */\n",
    "tests/baselines/x.txt": "case a/b\n",
    "docs/x.md": "# doc\n",
    "build/obj/x.c": "int x;\n",
    "tests/harness/fuzz/crashes/c.dtb": "\xd0\x0d\0\0",
}
MIT = "SPDX-License-Identifier: MIT"


class CheckSpdx(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.root)
        for path, text in TREE.items():
            full = os.path.join(self.root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="latin-1") as f:
                f.write(text)
        os.chmod(os.path.join(self.root, "scripts/run"), 0o755)

    def run_check(self, *args):
        out = io.StringIO()
        with redirect_stdout(out):
            code = spdx.main(["--root", self.root] + list(args))
        return code, out.getvalue()

    def text(self, path):
        with open(os.path.join(self.root, path)) as f:
            return f.read()

    def test_lists_the_files_that_lack_the_line(self):
        code, out = self.run_check()
        self.assertEqual(code, 1)
        for path in (
            "Makefile",
            "tests/harness/host.mk",
            "boot/a.c",
            "boot/a.h",
            "boot/head.S",
            "linker/harness.ld",
            "dts/lies/x.dts",
            "dts/base.dtsi",
            "scripts/run",
            "scripts/setup",
            "scripts/harnesslib/m.py",
            "scripts/harnesslib/n.py",
        ):
            self.assertIn(f"check-spdx: {path}: no SPDX-License-Identifier: line", out)
        self.assertIn("drivers/gen.h: generated", out)
        for path in ("tests/baselines/x.txt", "docs/x.md", "build/obj/x.c", "c.dtb"):
            self.assertNotIn(path, out)
        self.assertIn("13 files, 0 with the line, 13 without", out)
        self.assertEqual(
            self.text("boot/a.c"), TREE["boot/a.c"], "without --fix nothing is written"
        )

    def test_fix_writes_each_style_in_its_place(self):
        code, out = self.run_check("--fix")
        self.assertEqual(code, 1, out)  # the generated file is still without it
        self.assertIn("12 fixed, 1 without", out)
        want = {
            "Makefile": f"# {MIT}\nGENERATED",
            "tests/harness/host.mk": f"# {MIT}\n# host tests",
            "boot/a.c": f"// {MIT}\n#include",
            "boot/a.h": f"/* {MIT} */\n/*\n * a header",
            "boot/head.S": f"/* {MIT} */\n\t.globl",
            "linker/harness.ld": f"/* {MIT} */\nENTRY",
            "dts/lies/x.dts": f"// {MIT}\n/* a lie */",
            "dts/base.dtsi": f"// {MIT}\n/dts-v1/;",
            "scripts/run": f'#!/usr/bin/env python3\n# {MIT}\n"""doc',
            "scripts/setup": f"#!/bin/sh\n# {MIT}\n# usage",
            "scripts/harnesslib/m.py": (
                f"#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# {MIT}\nX = 1"
            ),
            "scripts/harnesslib/n.py": f"# {MIT}\n",
        }
        for path, start in want.items():
            with self.subTest(path=path):
                self.assertTrue(self.text(path).startswith(start), self.text(path))
        self.assertEqual(self.text("drivers/gen.h"), TREE["drivers/gen.h"])
        self.assertTrue(
            os.access(os.path.join(self.root, "scripts/run"), os.X_OK), "the mode is kept"
        )
        code, out = self.run_check()
        self.assertIn("13 files, 12 with the line, 1 without", out)
        self.run_check("--fix")
        self.assertEqual(self.text("boot/a.c").count(MIT), 1, "a second --fix adds nothing")


if __name__ == "__main__":
    unittest.main()
