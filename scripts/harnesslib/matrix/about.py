# SPDX-License-Identifier: MIT
"""What the matrix page's header says of where its results came from: the
date, the harness's commit, and the QEMU and Xen versions the runs used
(QEMU's from its --version, Xen's from the banner a Xen run's console
printed: the version that ran, not one installed elsewhere)."""
import os
import re
import subprocess
import time

from .. import paths

XEN_BANNER = re.compile(r"Xen version (\S+)")
UNKNOWN = "unknown"


def _first_line(cmd):
    try:
        r = subprocess.run(
            cmd, capture_output=True, text=True, timeout=10, cwd=paths.ROOT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return r.stdout.splitlines()[0].strip() if r.returncode == 0 and r.stdout.strip() else None


def commit():
    head = _first_line(["git", "rev-parse", "--short=12", "HEAD"])
    if head is None:
        return UNKNOWN
    dirty = _first_line(["git", "status", "--porcelain", "--untracked-files=no"])
    return head + (" (with uncommitted changes)" if dirty else "")


def qemu_version():
    line = _first_line(["qemu-system-aarch64", "--version"])
    m = re.search(r"version (\S+)", line or "")
    return m.group(1) if m else UNKNOWN


def xen_version(outcomes):
    """The version a Xen run's console named, or None when no Xen run did."""
    for o in outcomes:
        if o.record.get("platform") != "xen":
            continue
        try:
            with open(os.path.join(o.folder, "console.log"), errors="replace") as f:
                m = XEN_BANNER.search(f.read(200_000))
        except OSError:
            continue
        if m:
            return m.group(1)
    return None


def facts(outcomes):
    """[(name, value)] for the header."""
    xen = xen_version(outcomes)
    return [
        ("date", time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
        ("harness commit", commit()),
        ("QEMU", qemu_version()),
        ("Xen", xen if xen else "no Xen run in this matrix"),
    ]
