# SPDX-License-Identifier: MIT
"""Run a platform process, capture its console, stop at the sentinel or a timeout.
What the platform program says of itself (QEMU's error_report lines,
"qemu-system-aarch64: ...") is kept apart, so that a platform that would not
start is told from one that started and stayed silent (verdict.py). Each
captured line keeps the time it arrived (the only clock the host has for the
guest's cases: junit.py)."""
import fcntl
import os
import re
import selectors
import subprocess
import time

from .protocol import REPORT_SENTINEL


class Capture:
    def __init__(self):
        self.lines, self.returncode, self.timed_out, self.sentinel = [], None, False, False
        self.times = []  # seconds from the start to each line's arrival, parallel to lines
        self.elapsed, self.first_line_at, self.sentinel_at = 0.0, None, None
        self.start_error = None  # the program could not be executed at all (OSError)
        self.program_errors = []  # the program's own error lines, "NAME: message"
        self.program_lines = []  # everything the program said of itself (errors and warnings)


def program_line(prog, text):
    """A line the program prints of itself, not the guest's: it stays in
    console.log and out of the guest's lines (a QEMU warning in the middle of
    the report is not report text)."""
    return text.startswith(prog + ": ")


def program_error(prog, text):
    """An error line of the program itself: QEMU's error_report() writes
    "qemu-system-aarch64: message"; its warnings and the note it prints when
    it is stopped by a signal are not errors."""
    if not text.startswith(prog + ": "):
        return False
    rest = text[len(prog) + 2 :]
    return not rest.startswith("warning:") and not rest.startswith("terminating on signal")


def one_cr(chunk, held=b""):
    """(what console.log keeps of chunk, the CRs held back for the next chunk).
    Xen's console ends its lines with "\r\n" and keeps the "\r" the guest
    printed before its "\n", so a guest line arrives ending "\r\r\n": the
    log keeps one "\r" before each "\n", as the guest printed it. CRs at the
    end of a chunk wait, since the "\n" may come in the next one."""
    data = re.sub(rb"\r+\n", b"\r\n", held + chunk)
    kept = data.rstrip(b"\r")
    return kept, data[len(kept) :]


def run(
    cmd,
    log_path,
    timeout,
    transform=lambda line: line,
    on_line=None,
    linger=3.0,
    stop_pattern=None,
    exits=True,
):
    """Start cmd; every console line goes to log_path and, transformed, into
    the capture. Ends `linger` seconds after the sentinel or the platform's
    stop_pattern, when the process exits, or after `timeout` s. exits: the
    process ends by itself after the report (QEMU's semihosting exit, whose
    status is the harness's): it is waited for, up to `linger` s. Otherwise
    (Xen: SYSTEM_OFF only pauses the domain) it is killed when the linger is over."""
    cap = Capture()
    prog = os.path.basename(cmd[0])
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError as e:
        cap.start_error = f"cannot execute {cmd[0]}: {e.strerror or e}"
        open(log_path, "wb").close()
        return cap
    _widen(proc.stdout)
    try:
        _read(
            proc,
            cap,
            start,
            log_path,
            timeout,
            transform,
            on_line,
            linger,
            stop_pattern,
            prog,
            exits,
        )
    finally:
        # Whatever ends the reading (the end, a timeout, ^C), the platform
        # does not outlive the run: it runs in a session of its own.
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return cap


def _widen(pipe):
    """The pipe as wide as Linux allows (1 MiB, a whole report). QEMU makes its
    stdout non-blocking, and stderr shares that open file here, so a write
    of semihosting output to a full pipe is dropped: with the runner slow to
    read (a loaded host), lines of the report were lost."""
    try:
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (AttributeError, OSError):
        pass  # not Linux, or a smaller limit: the default pipe still works


def _read(
    proc, cap, start, log_path, timeout, transform, on_line, linger, stop_pattern, prog, exits
):
    # One stream, stdout and stderr together (QEMU writes semihosting output
    # to stderr): the guest's lines stay in the order they were written.
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    buf, held = b"", b""
    with open(log_path, "wb") as log:
        deadline = start + timeout
        while True:
            now = time.monotonic()
            if now >= deadline:
                cap.timed_out = not cap.sentinel
                break
            events = sel.select(timeout=min(0.2, deadline - now))
            if not events:
                if proc.poll() is not None:
                    break
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            arrived = time.monotonic() - start  # every line of the chunk arrived now
            kept, held = one_cr(chunk, held)
            log.write(kept)
            log.flush()
            buf += chunk
            if b"\n" not in buf and len(buf) > 4096:
                buf += b"\n"  # a guest that never ends its line is still read, 4 KiB at a time
            while b"\n" in buf:
                raw, buf = buf.split(b"\n", 1)
                text = raw.decode("utf-8", "replace").rstrip("\r")
                if program_error(prog, text):
                    cap.program_errors.append(text)
                if program_line(prog, text):
                    cap.program_lines.append(text)
                    continue
                line = transform(text)
                # Raw lines the transform drops (a hypervisor's own) may still end the run.
                if stop_pattern and stop_pattern(text):
                    deadline = min(deadline, time.monotonic() + linger)
                if line is None:
                    continue
                if cap.first_line_at is None:
                    cap.first_line_at = arrived
                cap.lines.append(line)
                cap.times.append(arrived)
                if on_line:
                    on_line(line)
                if line == REPORT_SENTINEL and not cap.sentinel:
                    cap.sentinel = True
                    cap.sentinel_at = arrived
                    deadline = min(deadline, time.monotonic() + linger)
        log.write(held)
        if buf:
            text = buf.decode("utf-8", "replace").rstrip("\r")
            if program_error(prog, text):
                cap.program_errors.append(text)
            line = None if program_line(prog, text) else transform(text)
            if program_line(prog, text):
                cap.program_lines.append(text)
            if line is not None:
                cap.lines.append(line)
                cap.times.append(time.monotonic() - start)
    if exits and proc.poll() is None and not cap.timed_out:
        # Output ended (sentinel or EOF): give the process time to exit by itself,
        # since its exit status carries the harness's verdict.
        try:
            proc.wait(timeout=linger)
        except subprocess.TimeoutExpired:
            pass
    cap.elapsed = time.monotonic() - start
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    else:
        cap.returncode = proc.returncode
