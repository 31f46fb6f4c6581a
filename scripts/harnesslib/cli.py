# SPDX-License-Identifier: MIT
"""What every entry point in scripts/ shares: call the module's main with the
command-line arguments and exit with its status. A reader that stops early
(`scripts/integration --list | head`) ends the program quietly."""
import os
import sys


def run(main):
    try:
        code = main(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:
        # Python's own advice: point stdout at /dev/null so that the flush at
        # exit does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code)
