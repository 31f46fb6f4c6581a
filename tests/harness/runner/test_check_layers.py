# SPDX-License-Identifier: MIT
"""Host tests of the layer check: a small tree of layer folders, compiled
with the host's gcc, must pass when it points down and fail, with the
exact problem named, for each way of pointing up or round."""
import io
import os
import shutil
import subprocess
import tempfile
import unittest
from contextlib import redirect_stdout

from harnesslib import check_layers

CLEAN = {
    "boot/cpu.h": "int cpu_id(void);\n",
    "boot/aarch64/cpu.c": '#include "boot/cpu.h"\nint cpu_id(void) { return 0; }\n',
    "drivers/uart.h": "void uart_put(int c);\n",
    "drivers/uart.c": (
        '#include "drivers/uart.h"\n#include "boot/cpu.h"\n'
        "void uart_put(int c) { (void)c; (void)cpu_id(); }\n"
    ),
    "lib/dt/model.h": "int model_size(void);\n",
    "lib/dt/model.c": '#include "dt/model.h"\nint model_size(void) { return 1; }\n',
    "lib/runtime/main.c": (
        '#include "drivers/uart.h"\n#include "dt/model.h"\n'
        "void run(void) { uart_put(model_size()); }\n"
    ),
    "tests/alpha.c": '#include "dt/model.h"\nint alpha(void) { return model_size(); }\n',
}


@unittest.skipUnless(shutil.which("gcc") and shutil.which("nm"), "needs the host's gcc and nm")
class LayerCheck(unittest.TestCase):
    def check(self, extra=None, drop=()):
        """Build the tree (CLEAN changed by extra, without drop) and check it."""
        files = {k: v for k, v in CLEAN.items() if k not in drop}
        files.update(extra or {})
        root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, root)
        objs = []
        for path, text in files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
        for path in files:
            if path.endswith(".c"):
                obj = os.path.join(root, "obj", path + ".o")
                os.makedirs(os.path.dirname(obj), exist_ok=True)
                subprocess.run(
                    [
                        "gcc",
                        "-c",
                        "-I",
                        root,
                        "-I",
                        os.path.join(root, "lib"),
                        os.path.join(root, path),
                        "-o",
                        obj,
                    ],
                    check=True,
                )
                objs.append(obj)
        out = io.StringIO()
        with redirect_stdout(out):
            code = check_layers.main(
                ["--nm", "nm", "--root", root, "--obj-dir", os.path.join(root, "obj")] + objs
            )
        return code, out.getvalue()

    def assertProblem(self, result, text):
        code, out = result
        self.assertEqual(code, 1, out)
        self.assertIn(text, out)

    def test_a_tree_that_points_down_passes(self):
        code, out = self.check()
        self.assertEqual(code, 0, out)
        self.assertIn("0 problems", out)

    def test_an_include_up_a_layer_fails(self):
        self.assertProblem(
            self.check(
                {
                    "lib/dt/model.c": (
                        '#include "dt/model.h"\n#include "drivers/uart.h"\n'
                        '#include "runtime/x.h"\nint model_size(void) { return 1; }\n'
                    ),
                    "lib/runtime/x.h": "\n",
                }
            ),
            'lib/dt/model.c: #include "runtime/x.h" points up from dt to runtime',
        )

    def test_an_include_that_does_not_name_its_layer_fails(self):
        self.assertProblem(
            self.check(
                {"drivers/uart.c": '#include "uart.h"\nvoid uart_put(int c) { (void)c; }\n'}
            ),
            'drivers/uart.c: #include "uart.h" does not name its layer (write "drivers/uart.h")',
        )

    def test_a_call_up_a_layer_fails(self):
        self.assertProblem(
            self.check(
                {
                    "drivers/uart.c": (
                        '#include "drivers/uart.h"\nvoid run(void);\n'
                        "void uart_put(int c) { (void)c; run(); }\n"
                    )
                }
            ),
            "drivers/uart.c: calls run (lib/runtime/main.c), up from drivers to runtime",
        )

    def test_reaching_into_the_architecture_fails(self):
        self.assertProblem(
            self.check(
                {
                    "boot/aarch64/regs.h": "#define R 1\n",
                    "drivers/uart.c": (
                        '#include "drivers/uart.h"\n#include "boot/aarch64/regs.h"\n'
                        "void uart_put(int c) { (void)c; }\n"
                    ),
                }
            ),
            '#include "boot/aarch64/regs.h" reaches into the architecture; use boot/*.h',
        )

    def test_an_undeclared_architecture_symbol_fails(self):
        self.assertProblem(
            self.check(
                {
                    "boot/aarch64/cpu.c": (
                        '#include "boot/cpu.h"\nint cpu_id(void) { return 0; }\n'
                        "int cpu_secret(void) { return 1; }\n"
                    ),
                    "drivers/uart.c": (
                        '#include "drivers/uart.h"\nint cpu_secret(void);\n'
                        "void uart_put(int c) { (void)c; (void)cpu_secret(); }\n"
                    ),
                }
            ),
            "drivers/uart.c: uses cpu_secret of boot/aarch64/cpu.c, which no boot/*.h declares",
        )

    def test_a_circle_fails(self):
        self.assertProblem(
            self.check(
                {
                    "lib/dt/a.h": "int a(void);\n",
                    "lib/dt/b.h": "int b(void);\n",
                    "lib/dt/a.c": (
                        '#include "dt/a.h"\n#include "dt/b.h"\nint a(void) { return b(); }\n'
                    ),
                    "lib/dt/b.c": (
                        '#include "dt/b.h"\n#include "dt/a.h"\nint b(void) { return 0; }\n'
                        "int c(void) { return a(); }\n"
                    ),
                }
            ),
            "circle: lib/dt/a <-> lib/dt/b",
        )

    def test_one_suite_calling_another_fails(self):
        self.assertProblem(
            self.check({"tests/beta.c": "int alpha(void);\nint beta(void) { return alpha(); }\n"}),
            "tests/beta.c: calls alpha in another suite (tests/alpha.c)",
        )

    def test_every_layer_may_include_util(self):
        code, out = self.check(
            {
                "lib/util/util.h": "#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))\n",
                "boot/aarch64/cpu.c": (
                    '#include "boot/cpu.h"\n#include "util/util.h"\n'
                    "int cpu_id(void) { static const int t[2]; return (int)ARRAY_SIZE(t); }\n"
                ),
                "tests/alpha.c": (
                    '#include "dt/model.h"\n#include "util/util.h"\n'
                    "int alpha(void) { return model_size(); }\n"
                ),
            }
        )
        self.assertEqual(code, 0, out)
        self.assertIn("0 util     lib/util/", out)
        self.assertIn("uses util", out)

    def test_util_including_a_layer_fails(self):
        self.assertProblem(
            self.check({"lib/util/util.h": '#include "boot/cpu.h"\n'}),
            'lib/util/util.h: #include "boot/cpu.h" points up from util to arch',
        )

    def test_code_in_util_fails(self):
        self.assertProblem(
            self.check({"lib/util/util.c": "int util_x(void) { return 0; }\n"}),
            "lib/util/util.c: lib/util/ holds headers only",
        )

    def test_an_own_test_in_the_image_fails(self):
        self.assertProblem(
            self.check({"tests/harness/unit/t.c": "int unit(void) { return 0; }\n"}),
            "one of the harness's own tests is linked into the image",
        )


if __name__ == "__main__":
    unittest.main()
