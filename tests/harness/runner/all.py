#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The runner's host tests: every test_*.py in this folder.

usage: PYTHONPATH=scripts python3 tests/harness/runner/all.py
"""
import os
import sys
import unittest


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
    result = unittest.TextTestRunner(verbosity=1).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(
        f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed,"
        f" {len(result.skipped)} skipped"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
