# SPDX-License-Identifier: MIT
"""A command run in a pseudo terminal of a given size, and what a person
sees of it: the rows it fills once long lines wrap at the terminal's width
and a carriage return or an erase-line rewrote a row in place.

The screen model knows what scripts/run writes: text, \\n, \\r, CSI K
(erase the line) and SGR colour codes (CSI ... m, no width). Any other
escape sequence is kept as a problem, so that a view that starts to use
one is seen here rather than drawn wrong."""
import fcntl
import os
import pty
import re
import select
import struct
import termios
import time

CSI = re.compile(r"\x1b\[([0-9;]*)([A-Za-z])")


def run(argv, cols=120, rows=50, env=None, timeout=300.0, cwd=None):
    """(exit status, raw output) of argv run on a pseudo terminal cols x rows."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty's other end
        try:
            if cwd:
                os.chdir(cwd)
            os.execvpe(argv[0], argv, env if env is not None else os.environ)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not data:
                break
            chunks.append(data)
        else:
            os.kill(pid, 9)
    finally:
        _, st = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(st), b"".join(chunks).decode("utf-8", "replace")


class Screen:
    """The rows a terminal of `cols` columns shows of some output, from
    its first row (a scrolling terminal: every row written, in order).
    rows: the text of each; colours: the SGR codes seen on each row;
    problems: escape sequences this model does not know."""

    def __init__(self, text, cols=120):
        self.cols, self.rows, self.problems = cols, [""], []
        self.colours: list[set[str]] = [set()]
        text = text.replace("\r\n", "\n")
        i = 0
        while i < len(text):
            ch = text[i]
            m = CSI.match(text, i) if ch == "\x1b" else None
            if m:
                if m.group(2) == "m":
                    self.colours[-1].add(m.group(1))
                elif m.group(2) == "K":
                    self.rows[-1] = ""
                else:
                    self.problems.append(repr(m.group(0)))
                i = m.end()
                continue
            if ch == "\x1b":
                self.problems.append(repr(text[i : i + 4]))
            elif ch == "\n":
                self.rows.append("")
                self.colours.append(set())
            elif ch == "\r":
                self.rows[-1] = ""  # what follows writes over it (scripts/run erases it too)
            elif len(self.rows[-1]) == cols:
                self.rows.append(ch)  # the row is full: the terminal wraps
                self.colours.append(set())
            else:
                self.rows[-1] += ch
            i += 1
        while self.rows and self.rows[-1] == "":
            self.rows.pop()
            self.colours.pop()

    def last(self):
        return self.rows[-1] if self.rows else ""
