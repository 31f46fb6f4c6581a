# SPDX-License-Identifier: MIT
"""Boot the harness on a platform, capture its KTAP report and judge the run.

Writes run.json (what the run was, and its verdict), console.log (what the
platform printed), ktap.txt (clean KTAP) and junit.xml into --out, and
memory-map.md and memory-map.svg when the memmap suite printed its map,
list.txt with --list (the image's suites and cases, also printed),
bench.json and bench.csv when the bench suite (suites=bench) printed figures,
disk.img (the scratch disk) with --virtio blk, fw_cfg.bin (the file QEMU's fw_cfg
serves the dma suite) on QEMU; the folder holds that run's
files only (outdir.py).
Exit status: 0 pass, 1 test failures, 2 usage, 3 silence, 4 truncated report,
5 hang, 6 platform crash (QEMU error, Xen panic), 7 harness found no console,
8 missing tool, 9 the hypervisor crashed the guest's domain.

With --matrix FILE, many configs in parallel and one report (matrix/runs.py):
  scripts/run --matrix FILE [-j N] [--timeout S] [--out DIR] [--image FILE] [--dry-run] [--quiet]
FILE holds one config a line, NAME OPTION... (tests/matrix/README.md; the
default matrix is tests/matrix/default.txt). -j N: configs at a time
(default: the machine's cores); --timeout S: each config's (default 30);
--out DIR (default build/matrix/<FILE's name>): a folder per config, its
output in NAME.log, and matrix.md, matrix.html, matrix-junit.xml, matrix.json.
Exit status 0 when every config passed its baseline, 1 otherwise, 2 usage.
"""
import os
import re
import signal
import sys

from . import outdir, paths, qemu, status, xen
from .options import parse as options
from .baseline import run as baseline_run
from .errors import RunError
from .options.checks import VIRTIO_DEFAULT

# Both platforms' classes have the interface a run drives (command, the capture's
# hooks, the verdict's refinements); there is no base class to name it.
PLATFORMS: dict[str, type[qemu.Platform] | type[xen.Platform]] = {
    "qemu": qemu.Platform,
    "xen": xen.Platform,
}


RUN_JSON_NOTE = " (whole: run.json)"


def config_name(a):
    if a.platform == "xen":
        name = f"xen-gicv{a.gic}-vcpus{a.vcpus}-{a.domu_mem}"
        name += "-novpl011" if a.no_vpl011 else ""
        name += "-noenhanced" if a.no_enhanced else ""
        name += "-noinitrd" if a.no_initrd else ""
        name += "-domudtb" if getattr(a, "domu_dtb", None) else ""
        name += "-arm" if getattr(a, "arch", "aarch64") == "arm" else ""
    else:
        name = f"qemu-gicv{a.gic}-smp{a.smp}-{a.mem}" + ("-el2" if a.el == 2 else "")
        name += (
            "-" + re.sub(r"[^A-Za-z0-9._-]", "_", a.machine.replace(",", "-").replace("=", ""))
            if a.machine
            else ""
        )  # a folder name, whatever the properties hold
        name += f"-{a.cpu}" if a.cpu != "cortex-a57" else ""
        name += f"-numa{a.numa}" if getattr(a, "numa", 0) else ""
        name += "-uboot" if getattr(a, "boot", "kernel") == "uboot" else ""
        # The devices in any order; a transport that is not modern is named so.
        name += (
            (
                "-virtio-" + "-".join(a.virtio) + ("" if "modern" in a.virtio else "-legacy")
                if a.virtio
                else "-novirtio"
            )
            if set(a.virtio) != set(VIRTIO_DEFAULT)
            else ""
        )
        name += (
            ("-pci-" + "-".join(a.pci) if a.pci else "-nopci")
            if a.pci != ("testdev", "edu", "virtio", "blk", "bridge")
            else ""
        )
    if a.load_addr is not None:
        name += f"-at{a.load_addr:#x}"
    if a.no_dtb:
        name += "-nodtb"
    elif a.platform == "qemu" and a.no_initrd:
        name += "-noinitrd"
    if a.dtb:
        name += "-" + os.path.splitext(os.path.basename(a.dtb))[0]
    if a.list:
        name += "-list"  # a listing's folder is not the same configuration's run's
    return name


def protocol_disk():
    from . import protocol

    return protocol.DISK_WRITE_COUNT


def disk_verdict(out, ktap_lines, code, why):
    """The scratch disk, checked on the host: a problem fails a run that passed."""
    from . import scratch_disk

    problems = scratch_disk.check(out, ktap_lines)
    for p in problems:
        print(f"scratch disk: {p}")
    if not problems and scratch_disk.guest_wrote(ktap_lines):
        print(
            f"scratch disk: the {protocol_disk()} sectors the guest rewrote hold what it wrote; "
            "every other sector is unchanged"
        )
    if problems and code == status.PASS:
        return status.TEST_FAILED, "the scratch disk does not hold what the guest wrote"
    return code, why


def terminated(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    """Every input is checked before anything starts (options/parse.py); whatever
    still goes wrong ends as one line and a status, never a traceback: 2
    before the platform starts, 6 once it has (the platform's failure)."""
    started: list[str] = []
    # SIGTERM (a CI's time limit, the matrix stopping a config) ends a run as
    # ^C does, so that the platform, in a session of its own, ends with it.
    signal.signal(signal.SIGTERM, terminated)
    try:
        return run(argv, started)
    except RunError as e:
        print(f"scripts/run: {e}", file=sys.stderr)
        return e.status
    except BrokenPipeError:
        raise  # a reader that stopped early: cli.run ends quietly
    except KeyboardInterrupt:
        print("scripts/run: interrupted", file=sys.stderr)
        return 130
    except (
        Exception
    ) as e:  # the runner's own fault, never the platform's: one line, the traceback kept
        return runner_error(e, started[-1] if started else None)


def runner_error(e, out):
    """An exception inside the runner (a bug, or a report line that breaks
    protocol.h's declarations): one line naming where it happened, the
    traceback in the run's folder, and its own status (status.RUNNER_ERROR),
    so that it never reads as the platform's crash."""
    import traceback  # only here: the usual path does without its imports

    frames = traceback.extract_tb(e.__traceback__)
    where = f" ({os.path.basename(frames[-1].filename)}:{frames[-1].lineno})" if frames else ""
    kept = ""
    if out:
        path = os.path.join(out, outdir.RUNNER_ERROR)
        try:
            with open(path, "w") as f:
                f.write("".join(traceback.format_exception(type(e), e, e.__traceback__)))
            kept = f"; traceback in {path}"
        except OSError:
            pass
    print(f"scripts/run: runner error: {type(e).__name__}: {e}{where}{kept}", file=sys.stderr)
    return status.RUNNER_ERROR


def list_verdict(out, ktap_lines, code, why):
    """--list: the image's listing printed and written to list.txt; the run
    passes only when the report is trusted and lists at least one suite."""
    from . import listing

    if code not in (status.PASS, status.TEST_FAILED):
        return code, why
    try:
        suites = listing.parse(ktap_lines)
    except listing.ListingError as e:
        return status.TRUNCATED, f"the listing does not add up: {e}"
    if not suites:
        if any('unknown key "list"' in line for line in ktap_lines):
            return (
                status.TEST_FAILED,
                "the image does not know the bootarg list (it is older than --list)",
            )
        return (
            status.TEST_FAILED if code == status.TEST_FAILED else status.TRUNCATED,
            "the image listed no suite" + ("; " + why if code == status.TEST_FAILED else ""),
        )
    text = listing.table(suites)
    with open(os.path.join(out, listing.FILE), "w") as f:
        f.write("\n".join(text) + "\n")
    print("\n".join(text))
    return code, (
        why
        if code != status.PASS
        else (f"listed {len(suites)} suites, {sum(len(s.cases) for s in suites)} cases")
    )


def run(argv, started):
    if any(x.split("=")[0] in ("--matrix", "-j", "--jobs") for x in argv) and not {
        "-h",
        "--help",
    } & set(argv):
        from .matrix import runs as matrix

        return matrix.main(argv)
    a = options.parse(argv, __doc__)
    name = config_name(a)
    known = baseline_run.prepare(a)  # --baseline and its file checked before anything starts
    made = options.check_files(a, os.path.join(paths.BUILD, "run", name))
    out = a.out
    if a.dry_run:
        for d in reversed(made):
            os.rmdir(d)
        print(f"scripts/run: options valid: {name}")
        for key in (
            "platform",
            "gic",
            "smp",
            "mem",
            "el",
            "load_addr",
            "no_dtb",
            "dtb",
            "vcpus",
            "domu_mem",
            "domu_dtb",
            "no_vpl011",
            "no_enhanced",
            "no_initrd",
            "virtio",
            "pci",
            "list",
            "strict_claims",
            "bootargs",
            "timeout",
            "out",
            "junit",
            "image",
        ):
            value = getattr(a, key)
            print(
                f"  {key.replace('_', '-')}:"
                f" {hex(value) if key == 'load_addr' and value is not None else value}"
            )
        return status.PASS
    # What a run needs beyond the checks, imported only when one goes ahead.
    from . import capture, findings_view, junit, ktap, mmio_report, outdir, run_record, verdict
    from .bench import report as bench_report
    from .memmap import report as memmap_report
    from .progress import Progress, use_colour

    notes: list[str] = []
    outdir.clear(
        out
    )  # the folder holds this run's files only (options.check_files refused any other)
    started.append(out)  # from here on, a failure of QEMU's (dumpdtb included) is the platform's
    plat = PLATFORMS[a.platform](a, out, notes)
    record = run_record.describe(name, a.platform, None, plat.bootargs(), a.image)
    run_record.write(out, record)  # marks the folder a run's before the platform writes into it
    cmd = record["command"] = plat.command()
    record["bootargs"] = plat.bootargs()  # the command may drop the ramdisk (vm_initrd=)
    run_record.write(out, record)
    for n in notes:
        print(f"note: {n}")
    if not a.quiet:  # on a terminal one row (run.json keeps the command whole)
        from .findings_view import fit
        from .progress import width

        w = width(sys.stdout)
        line = f"run {name}: {' '.join(cmd)}"
        print(fit(line, w - len(RUN_JSON_NOTE)) + RUN_JSON_NOTE if w and len(line) > w else line)
    progress = Progress(a.quiet, a.verbose)
    cap = capture.run(
        cmd,
        os.path.join(out, "console.log"),
        a.timeout,
        transform=plat.transform,
        on_line=progress,
        stop_pattern=plat.stop_pattern,
        linger=plat.linger,
        exits=plat.exits,
    )
    progress.end()  # the line a terminal showed in place while the run went
    if not a.quiet:  # what the platform program said of itself: in console.log, not the report
        for line in cap.program_lines:
            print(f"platform: {line}")
    first, stop = ktap.span(cap.lines)
    ktap_lines = ktap.extract(cap.lines)
    with open(os.path.join(out, "ktap.txt"), "w") as f:
        f.write("\n".join(ktap_lines) + ("\n" if ktap_lines else ""))
    mmio_report.write(out, name)  # mmio-findings.md when the mmio suite ran
    bench_report.write(ktap_lines, out, name)  # bench.json/.csv when the bench suite ran
    rep = ktap.parse(ktap_lines, cap.times[first:stop])
    code, why = verdict.judge(cap, rep, ktap_lines, plat.harness_exit(cap))
    code, why = plat.refine(cap, code, why)
    if "blk" in getattr(a, "virtio", ()):
        code, why = disk_verdict(out, ktap_lines, code, why)
    plat.after(cap, rep)
    held = None  # the baseline the report was held against, for the picture and junit.xml
    how = "a listing holds no finding"  # why no baseline applied
    claimed = None  # the claim coverage judged against it (baseline_check.ClaimsJudgement)
    # The bootarg list given by hand is a listing too: its report runs no case, and
    # held as a run it would pass with nothing run.
    if a.list or "list" in (a.bootargs or "").split():
        code, why = list_verdict(out, ktap_lines, code, why)
    else:  # known deviations pass
        code, why, held, how = baseline_run.apply(a, known, out, ktap_lines, code, why)
    if not a.quiet:  # the suites, then each finding once, grouped (findings_view.py)
        findings_view.show(progress, ktap_lines, held, how, baseline_run.facts(a))
    if not (a.list or "list" in (a.bootargs or "").split()):
        code, why, claimed = baseline_run.judge_claims(a, out, ktap_lines, held, code, why)
    record["claims"] = baseline_run.claims_record(claimed)
    memmap_report.write(ktap_lines, out, held=held)  # memory-map.md/.svg when the memmap suite ran
    label = verdict.name(code, rep)
    for path in [p for p in (os.path.join(out, "junit.xml"), a.junit) if p]:
        junit.write(
            rep,
            path,
            name,
            (code, label, why),
            timestamp=record["date"].rstrip("Z"),
            properties=run_record.properties(record) + baseline_run.claims_properties(claimed),
            held=held,
            claims=(claimed, a.strict_claims),
        )
    c = rep.counts()
    if code not in (status.PASS, status.TEST_FAILED):
        print(f"--- last console lines ({os.path.join(out, 'console.log')}):")
        for line in (
            open(os.path.join(out, "console.log"), errors="replace").read().splitlines()[-15:]
        ):
            print(f"  | {line}")
    if cap.sentinel_at is not None:
        with open(os.path.join(out, "timing.txt"), "w") as f:
            f.write(f"first_line_s {cap.first_line_at:.3f}\nverdict_s {cap.sentinel_at:.3f}\n")
    run_record.write(out, record, (code, label, why, cap.elapsed))
    if not a.list:  # a listing runs no case: its counts are all 0
        print(f"{c['pass']} passed, {c['fail']} failed, {c['skip']} skipped")  # CI reads it
    print(f"files in {out}; {cap.elapsed:.2f} s")
    print(verdict.line(code, label, why, use_colour(sys.stdout)))  # last, coloured on a terminal
    return code
