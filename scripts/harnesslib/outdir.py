# SPDX-License-Identifier: MIT
"""A run's output folder (--out) holds one run's files, never a mix of two:
a run clears the files an earlier run wrote there before it writes its own.
Only the names below are removed, and only plain files. A folder holding
anything else is refused unless its run.json marks it an earlier run's
(then what else is there stays): the runner cannot tell whose it is."""
import os

from .errors import OptionError

RECORD = "run.json"  # run_record.py: what the run was; its presence marks a run's folder
# Every file a run may write into its folder (integration.py holds each
# integration run to this list, so that a new file cannot be forgotten here).
RUN_FILES = (
    RECORD,
    "console.log",
    "ktap.txt",
    "junit.xml",
    "timing.txt",  # runner.py
    "list.txt",  # listing.py (--list)
    "memory-map.md",
    "memory-map.svg",  # memmap/report.py
    "mmio-findings.md",  # mmio_report.py
    "bench.json",
    "bench.csv",  # bench/report.py
    "disk.img",  # scratch_disk.py (qemu.py, --virtio blk)
    "pci-disk.img",  # scratch_disk.py (qemu.py, --pci blk)
    "fw_cfg.bin",  # fwcfg_file.py (qemu.py)
    "initrd.bin",  # initrd_file.py (qemu.py, xen.py)
    "baseline.txt",
    "ktap-baselined.txt",  # baseline/run.py
    "qemu.dtb",
    "user.dtb",
    "user.dtb.edit",
    "harness-dtb.bin",  # qemu.py
    "host.dts",
    "host.dtb",  # xen.py (and its qemu.dtb)
    "domu-partial.dtb",  # xen.py (--domu-dtb of a .dts)
    "runner-error.txt",  # runner.py: the traceback of the runner's own fault
)
RUNNER_ERROR = "runner-error.txt"
PROBE_PREFIX = ".scripts-run-probe-"


def check(out):
    """Refuse (OptionError, status 2) a folder that holds a file no run
    writes, unless its run.json says an earlier run wrote there."""
    try:
        entries = os.listdir(out)
    except FileNotFoundError:
        return
    # Another scripts/run's writability probe (options/checks.py), there for a moment only.
    foreign = sorted(e for e in set(entries) - set(RUN_FILES) if not e.startswith(PROBE_PREFIX))
    if foreign and RECORD not in entries:
        shown = ", ".join(foreign[:3]) + (
            f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        )
        raise OptionError(
            "--out",
            out,
            (
                f"holds {shown}, which no run writes, and no {RECORD}: not a "
                "folder of an earlier run's, whose files a run may replace"
            ),
            f"a new or empty directory, or one an earlier scripts/run wrote (it has {RECORD})",
        )


def clear(out):
    """Remove the files an earlier run wrote into out; returns their names."""
    removed = []
    for name in RUN_FILES:
        path = os.path.join(out, name)
        if os.path.islink(path) or os.path.isfile(path):
            os.remove(path)
            removed.append(name)
    return removed
