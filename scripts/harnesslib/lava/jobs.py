# SPDX-License-Identifier: MIT
"""scripts/lava: a LAVA job for one harness configuration (scripts/run's options),
and with --run, the job run by lava-run and what LAVA recorded held against
the KTAP report in the serial output LAVA captured.

usage: scripts/lava [--out DIR] [--url-base URL] [--run] [RUN_OPTION...]
       scripts/lava --test [--out DIR] [--image FILE]

The folder (--out, default build/lava/<config>) gets job.yaml (the job
definition), device.jinja2 (its device dictionary: the machine scripts/run
boots), device.yaml (the dictionary rendered with LAVA's qemu.jinja2, for
lava-run --device), dispatcher.yaml (lava-run's downloads stay in the folder)
and the files the job deploys: harness.bin, and for Xen the hypervisor (xen)
and the host DTB scripts/run writes for this configuration (host.dtb, which
holds the image's size and the bootargs). The job fetches them from
--url-base (default: the folder's file:// URL); to run it on a LAVA server,
publish the files there, install device.jinja2 as a device of type qemu and
submit job.yaml.

--run runs the job with lava-run (its log: lava-run.log), then checks that
LAVA recorded exactly the report's cases: the same names (LAVA's case ids),
in the same order, with the same results, as many; that the report is
complete (the sentinel, plans and summary agree); and that LAVA's monitor saw
the report's end. --test does that for the default QEMU and the default Xen
configuration and the 32-bit image's default QEMU one (make lava-test, a stage
of make test; the 32-bit image is the one beside --image, in its folder's
arm/), in parallel, and counts each job as one test.

Exit status: 0 written (and with --run, LAVA matches the report), 1 a
mismatch or a job LAVA did not complete, 2 usage, 8 a missing tool (lava-run,
LAVA's templates, python3-jinja2/python3-yaml: scripts/setup installs them).
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

from .. import outdir, paths, qemu, runner, status
from ..lava import device as lava_device
from ..lava import job as lava_job
from ..lava import results as lava_results
from ..options import table as option_table
from ..options import parse as options
from ..errors import OptionError, RunError, SetupError, UsageError

PROG = "scripts/lava"
JOB, DICTIONARY, DEVICE, DISPATCHER, LOG = (
    "job.yaml",
    "device.jinja2",
    "device.yaml",
    "dispatcher.yaml",
    "lava-run.log",
)
IMAGE, XEN = "harness.bin", "xen"
RUN_DIR, TMP_PREFIX = "lava-run", "tmp-"  # lava-run --output-dir; its downloads (tmp-<job id>)
# Every file scripts/lava may write into its folder: its own, and what the
# platform writes while it builds the command (host.dtb, disk.img, ...: one of
# outdir.RUN_FILES, the list of what a run writes).
FILES = (JOB, DICTIONARY, DEVICE, DISPATCHER, LOG, IMAGE, XEN) + outdir.RUN_FILES
# scripts/run options that mean nothing for a LAVA job.
RUN_ONLY = {
    "--junit": "junit",
    "--baseline": "baseline",
    "--no-baseline": "no_baseline",
    "--accept-vanished": "accept_vanished",
    "--strict-claims": "strict_claims",
    "--dry-run": "dry_run",
    "--quiet": "quiet",
    "-v": "verbose",
}
# What make lava-test runs: the default configuration of each platform.
TEST_CONFIGS: tuple[tuple[str, list[str]], ...] = (
    ("qemu", []),
    ("xen", ["--platform", "xen"]),
    ("qemu-arm", ["--arch", "arm"]),  # the 32-bit image, beside --image: <its folder>/arm/
)
# Characters LAVA's command line carries unquoted (it joins with spaces, then
# splits): the folder's path ends up in it, inside QEMU option lists too.
SAFE_PATH = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._+-")
LAVA_RUN = "lava-run"


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)  # one line of ours, status 2


def lava_options(argv):
    p = Parser(prog=PROG, add_help=False, allow_abbrev=False)
    p.add_argument("-h", "--help", action="store_true")
    p.add_argument("--out", metavar="DIR")
    p.add_argument("--url-base", metavar="URL")
    p.add_argument("--run", action="store_true")
    p.add_argument("--test", action="store_true")
    return p.parse_known_args(argv)


def help_text():
    return (
        __doc__
        + "\noptions:\n"
        "  --out DIR       the job's folder (default build/lava/<config>; with --test build/lava)\n"
        "  --url-base URL  where the job fetches its files: an http://, https:// or file:// URL\n"
        "                  (default file://<the folder>)\n"
        "  --run           run the job with lava-run and check what LAVA recorded\n"
        "  --test          --run for the default QEMU and Xen configurations (of --image)\n"
        "                  and the 32-bit default QEMU one (of <its folder>/arm/harness.bin)\n"
        "  RUN_OPTION      scripts/run's options (scripts/run --help), but "
        + ", ".join(RUN_ONLY)
        + "\n"
    )


# scripts/run's own options that are not a configuration's (matrix/runs.py).
MATRIX_ONLY = ("--matrix", "-j", "--jobs")
URL_SCHEMES = ("http://", "https://", "file://")


def run_config(argv):
    """scripts/run's checked configuration of argv."""
    flag = next((w.split("=", 1)[0] for w in argv if w.split("=", 1)[0] in MATRIX_ONLY), None)
    if flag:
        raise OptionError(
            flag,
            None,
            "is for scripts/run --matrix: a LAVA job is one configuration",
            "scripts/lava once for each line of the matrix",
        )
    raw = option_table.parser(PROG).parse_args(argv)
    for flag, dest in RUN_ONLY.items():
        if getattr(raw, dest):
            raise OptionError(
                flag, None, "is for scripts/run, not for a LAVA job", "scripts/run's other options"
            )
    return options.validate(raw)


def check_folder(out):
    """Make the folder; clear what an earlier scripts/lava wrote there. A
    folder holding anything else is refused unless it has a job.yaml."""
    bad = sorted(c for c in out if c not in SAFE_PATH)
    if bad:
        raise OptionError(
            "--out",
            out,
            f"holds {''.join(bad)!r}, which LAVA's command line cannot carry",
            "a path of letters, digits and / . _ + -",
        )
    try:
        os.makedirs(out, exist_ok=True)
        entries = os.listdir(out)
    except OSError as e:
        raise OptionError(
            "--out", out, e.strerror or str(e), "a directory that can be created or written"
        )
    ours = set(FILES) | {RUN_DIR}
    foreign = [e for e in entries if e not in ours and not e.startswith(TMP_PREFIX)]
    if foreign and JOB not in entries:
        raise OptionError(
            "--out",
            out,
            (
                f"holds {', '.join(sorted(foreign)[:3])}, which scripts/lava does not "
                f"write, and no {JOB}"
            ),
            "a new or empty directory, or one scripts/lava wrote",
        )
    for entry in entries:
        path = os.path.join(out, entry)
        if entry in FILES and (os.path.isfile(path) or os.path.islink(path)):
            os.remove(path)
        elif (
            (entry == RUN_DIR or entry.startswith(TMP_PREFIX))
            and os.path.isdir(path)
            and not os.path.islink(path)
        ):
            shutil.rmtree(path)


def write_yaml(path, data):
    try:
        import yaml
    except ImportError:
        raise SetupError("python3-yaml is not installed (the job is YAML); run scripts/setup")
    with open(path, "w") as f:
        yaml.safe_dump(data, f, sort_keys=False, default_flow_style=False, width=1000)


def write_job(a, out, url_base=None):
    """Write the job's folder for configuration a; returns (config, platform)."""
    config = runner.config_name(a)
    check_folder(out)
    notes: list[str] = []
    plat = runner.PLATFORMS[a.platform](a, out, notes)
    cmd = plat.command()  # writes what the platform needs into out (host.dtb, disk.img, ...)
    for n in notes:
        print(f"note: {n}")
    files = {a.image: IMAGE, paths.XEN: XEN}
    files.update({os.path.join(out, e): e for e in os.listdir(out) if e in FILES})
    machine, images = lava_job.split_command(cmd, files)
    for src, name in ((a.image, IMAGE), (paths.XEN, XEN)):
        if any(i[1] == name for i in images):
            shutil.copyfile(src, os.path.join(out, name))
    with open(os.path.join(out, DICTIONARY), "w") as f:
        f.write(lava_job.device_dictionary(config, machine))
    job = lava_job.job(
        config,
        a.platform,
        images,
        url_base or "file://" + os.path.abspath(out),
        a.timeout,
        arch="arm" if cmd[0] == qemu.QEMU_ARM else "arm64",
    )
    write_yaml(os.path.join(out, JOB), job)
    with open(os.path.join(out, DEVICE), "w") as f:
        f.write(lava_device.render(os.path.join(out, DICTIONARY), job["context"]))
    # lava-run downloads into /var/lib/lava/dispatcher/tmp/<prefix><job id>, or
    # into <prefix><job id> when the prefix is absolute.
    write_yaml(
        os.path.join(out, DISPATCHER), {"prefix": os.path.join(os.path.abspath(out), TMP_PREFIX)}
    )
    print(
        f"lava {config}: {paths.rel(os.path.join(out, JOB))} and {DEVICE} written "
        f"({len(images)} images: {', '.join(i[0] for i in images)})"
    )
    return config, plat


def lava_run(out, timeout, job_id):
    """Run the job; returns lava-run's exit status (its log in out/lava-run.log)."""
    tool = shutil.which(LAVA_RUN)
    if not tool:
        raise SetupError(f"{LAVA_RUN} not found (Debian's lava-dispatcher); run scripts/setup")
    cmd = [
        tool,
        "--job-id",
        str(job_id),
        "--output-dir",
        os.path.join(out, RUN_DIR),
        "--device",
        os.path.join(out, DEVICE),
        "--dispatcher",
        os.path.join(out, DISPATCHER),
        os.path.join(out, JOB),
    ]
    with open(os.path.join(out, LOG), "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # its own session: lava-run and the QEMU it started
            proc.wait()
            return None


def check(out, config, plat, timeout, job_id=1):
    """Run the job and hold LAVA's record against the report; returns the problems."""
    start = time.monotonic()
    rc = lava_run(out, timeout, job_id)
    took = time.monotonic() - start
    log = paths.rel(os.path.join(out, LOG))
    if rc is None:
        return [f"lava-run did not end within {timeout:.0f} s (log: {log})"], took
    try:
        entries = lava_results.read_log(os.path.join(out, LOG))
    except lava_results.LogError as e:
        return [str(e)], took
    rep = lava_results.report(lava_results.console(entries), plat.transform)
    got, own = lava_results.recorded(entries)
    want = lava_results.expected(rep)
    problems = []
    if rc:
        problems.append(f"lava-run exited with status {rc} (log: {log})")
    job = own.get("job")
    if job is None or job[0] != "pass":
        problems.append(
            "LAVA's job result is "
            + (f"{job[0]}" + (f" ({job[1]})" if job[1] else "") if job else "missing")
            + f" (log: {log})"
        )
    monitor = own.get("lava-test-monitor")
    if monitor is None or monitor[0] != "pass":
        problems.append(
            "LAVA's monitor did not see the report's end: lava-test-monitor "
            + (monitor[0] if monitor else "missing")
        )
    if not rep.complete:
        problems.append("the console LAVA captured holds no complete report (no sentinel)")
    problems += [f"the report: {w}" for w in rep.inconsistencies()] if rep.complete else []
    problems += lava_results.compare(want, got)
    c = rep.counts()
    print(
        f"lava {config}: lava-run {took:.1f} s; LAVA recorded {len(got)} cases, the report has"
        f" {len(want)} ({c['pass']} pass, {c['fail']} fail, {c['skip']} skip)"
    )
    return problems, took


def check_url_base(url):
    """--url-base: where LAVA fetches the files, so a URL it can fetch from."""
    if url is None:
        return
    scheme, _, place = url.partition("://")
    if scheme + "://" not in URL_SCHEMES or not place or any(c.isspace() for c in url):
        raise OptionError(
            "--url-base",
            url,
            "not a URL LAVA fetches from",
            "http://, https:// or file:// and a place, no spaces",
        )


def one(argv, lo):
    check_url_base(lo.url_base)
    a = run_config(argv)
    out = lo.out or os.path.join(paths.BUILD, "lava", runner.config_name(a))
    config, plat = write_job(a, out, lo.url_base)
    if not lo.run:
        return status.PASS
    problems, _ = check(out, config, plat, a.timeout + 180)
    for p in problems:
        print(f"lava {config}: {p}")
    print(f"lava {config}: {'LAVA recorded exactly the report' if not problems else 'FAILED'}")
    return status.TEST_FAILED if problems else status.PASS


def test(lo, image_args):
    """The default QEMU and Xen jobs, written one after the other (each boots
    QEMU for its tree), run in parallel."""
    base = lo.out or os.path.join(paths.BUILD, "lava")
    image = image_args[1] if image_args else paths.IMAGE
    arm_image = ["--image", os.path.join(os.path.dirname(image), "arm", "harness.bin")]
    jobs = []
    for name, argv in TEST_CONFIGS:
        a = run_config(argv + (arm_image if "--arch" in argv else image_args))
        out = os.path.join(base, name)
        jobs.append((name, out, a) + write_job(a, out))
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(
            pool.map(
                lambda n: check(
                    jobs[n][1], jobs[n][3], jobs[n][4], jobs[n][2].timeout + 180, n + 1
                ),
                range(len(jobs)),
            )
        )
    failed = 0
    for (name, out, a, config, _), (problems, took) in zip(jobs, results):
        for p in problems:
            print(f"lava {config}: {p}")
        print(f"lava {config}: {'ok' if not problems else 'FAILED'} ({took:.1f} s)")
        failed += bool(problems)
    print(f"lava: {len(jobs) - failed} passed, {failed} failed, 0 skipped")
    return status.TEST_FAILED if failed else status.PASS


def main(argv):
    try:
        lo, rest = lava_options(argv)
        if lo.help:
            print(help_text())
            return status.PASS
        if lo.test:
            if lo.run or lo.url_base or (rest and (len(rest) != 2 or rest[0] != "--image")):
                raise UsageError("--test takes no other options but --out DIR and --image FILE")
            return test(lo, rest)
        return one(rest, lo)
    except RunError as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return e.status
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: one line, where it happened
        import traceback

        where = traceback.extract_tb(e.__traceback__)[-1]
        print(
            (
                f"{PROG}: internal error: {type(e).__name__}:"
                f" {e} ({os.path.basename(where.filename)}:{where.lineno})"
            ),
            file=sys.stderr,
        )
        return status.CRASH
