# SPDX-License-Identifier: MIT
"""Regenerate docs/memory-map/: the guest memory map of each documented
platform, as the harness finds it (memmap suite; see scripts/harnesslib/
memmap/report.py). One directory per configuration with memory-map.md and
memory-map.svg, and an index (docs/memory-map/README.md). Each run runs
every suite, so that the map shows every suite's findings, each held
against the platform's baseline (known deviations apart from new ones).

Xen configurations need `scripts/run --platform xen` (scripts/harnesslib/
xen.py); without it they are listed as not generated and the old documents,
if any, are left as they are.
"""
import argparse
import os
import shutil
import subprocess
import sys

from . import paths
from .baseline import run as baseline_run
from .memmap import place as memmap_place
from .memmap import report as memmap_report
from .options import parse as options
from .options.checks import image_or_usage

DOCS = os.path.join(paths.ROOT, "docs", "memory-map")

# directory, title, scripts/run arguments
CONFIGS = [
    (
        "qemu-7.2-virt-gicv3",
        "QEMU 7.2 virt, GICv3, 2 vCPUs, 512 MiB",
        ["--gic", "3", "--smp", "2", "--mem", "512M"],
    ),
    (
        "qemu-7.2-virt-gicv2",
        "QEMU 7.2 virt, GICv2, 2 vCPUs, 512 MiB",
        ["--gic", "2", "--smp", "2", "--mem", "512M"],
    ),
    (
        "xen-4.17-domu-gicv3",
        "Xen 4.17 dom0less domU, GICv3, 1 vCPU, 256 MiB",
        ["--platform", "xen", "--gic", "3", "--domu-mem", "256M"],
    ),
    (
        "xen-4.17-domu-gicv2",
        "Xen 4.17 dom0less domU, GICv2, 1 vCPU, 256 MiB",
        ["--platform", "xen", "--gic", "2", "--domu-mem", "256M"],
    ),
    # Above 3 GiB Xen populates GUEST_RAM1 too: the second RAM window in use.
    (
        "xen-4.17-domu-gicv3-4G",
        "Xen 4.17 dom0less domU, GICv3, 1 vCPU, 4 GiB (RAM0 and RAM1)",
        ["--platform", "xen", "--gic", "3", "--mem", "6G", "--domu-mem", "4G", "--timeout", "120"],
    ),
]


def _n(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/docs",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--image",
        default=paths.IMAGE,
        help=(
            f"the harness image to run (default {paths.rel(paths.IMAGE)}; make docs passes $(O)'s)"
        ),
    )
    a = ap.parse_args(argv)
    image_or_usage(ap, a.image)
    have_xen = os.path.exists(os.path.join(paths.SCRIPTS, "harnesslib", "xen.py"))
    index, failed = [], 0
    for name, title, args in CONFIGS:
        if "--platform" in args and not have_xen:
            kept = os.path.exists(os.path.join(DOCS, name, "memory-map.md"))
            print(
                f"docs: {name}: not regenerated (needs scripts/run --platform xen)"
                + ("; the committed documents stay" if kept else "")
            )
            index.append(
                (
                    name,
                    title,
                    (
                        f"[table]({name}/memory-map.md), [picture]({name}/memory-map.svg); "
                        if kept
                        else ""
                    )
                    + "not regenerated here: needs `scripts/run --platform xen`",
                )
            )
            continue
        out = os.path.join(paths.BUILD, "docs", name)
        shutil.rmtree(out, ignore_errors=True)
        run_args = ["--quiet", "--out", out, "--image", a.image] + args
        r = subprocess.run(
            [sys.executable, paths.script("run")] + run_args, capture_output=True, text=True
        )
        ktap_path = os.path.join(out, "ktap.txt")
        lines = open(ktap_path).read().splitlines() if os.path.exists(ktap_path) else []
        # Held as scripts/run held it (a report it did not trust: against nothing).
        held = (
            baseline_run.hold(options.parse(run_args, ""), lines)[0]
            if r.returncode in (0, 1)
            else None
        )
        written = memmap_report.write(lines, out, title=title, timing=False, held=held)
        if len(written) < 2:
            failed += 1
            print(
                f"docs: {name}: no memory map (scripts/run status"
                f" {r.returncode})\n{r.stdout[-600:]}"
            )
            index.append((name, title, f"generation failed (scripts/run status {r.returncode})"))
            continue
        dest = os.path.join(DOCS, name)
        os.makedirs(dest, exist_ok=True)
        for p in written:
            shutil.copyfile(p, os.path.join(dest, os.path.basename(p)))
        placed = memmap_place.place(lines, [], held)
        known = sum(p.status == memmap_place.KNOWN for p in placed)
        verdict = (
            "no finding"
            if not placed
            else (
                f"{_n(len(placed), 'finding')} ({_n(known, 'known deviation')},"
                f" {len(placed) - known} new): see the picture"
            )
        )
        files = ", ".join(paths.rel(os.path.join(dest, os.path.basename(p))) for p in written)
        print(f"docs: {name}: {verdict} ({files})")
        index.append(
            (
                name,
                title,
                f"[table]({name}/memory-map.md), [picture]({name}/memory-map.svg); {verdict}",
            )
        )
    os.makedirs(DOCS, exist_ok=True)
    with open(os.path.join(DOCS, "README.md"), "w") as f:
        f.write(
            "# Guest memory maps\n\nWhat each platform's documentation says its guest memory map"
            " is, what its device tree\ndescribes, what answers when the guest reads there, and"
            " every suite's findings on it\n(known deviations of the baseline apart from new ones)."
            " Generated by `make docs`\n(scripts/docs) from a run of every suite; do not edit by"
            " hand.\n\nDocumentation held against: Xen 4.17 `public/arch-arm.h` `GUEST_*` (profile"
            " generated\nfrom the header by scripts/gen-xen-profile) and QEMU 7.2 `hw/arm/virt.c`"
            " (profile\nlib/spec/profiles/qemu-virt-7.2.c).\n\n| Platform | Documents"
            " |\n|---|---|\n"
        )
        for name, title, what in index:
            f.write(f"| {title} | {what} |\n")
    return 1 if failed else 0
