# SPDX-License-Identifier: MIT
"""Run the integration tests: the blocks of tests/harness/integration/*.tests
and one test per test tree (dts/broken/*.dts as broken-NAME, dts/lies/*.dts
as lie-NAME, the byte-level broken DTBs of scripts/make-broken-dtbs as
broken-NAME). A test tree's expectations live in the tree and nowhere else;
a .tests block may not hand over a test tree.

.tests files, one block per test:

    test NAME
      run ARGS...            arguments for scripts/run (shell-quoted)
      status N               expected exit status of scripts/run (default 0)
      ktap "TEXT"            TEXT must appear in ktap.txt; a result ("ok 3 xen",
                             "not ok 5 mmio # ...") must be a whole line
      ktap-not "TEXT"        TEXT must not appear in ktap.txt
      console "TEXT"         TEXT must appear in console.log
      output "TEXT"          TEXT must appear in what scripts/run printed (stdout, stderr)
      file NAME "TEXT"       TEXT must appear in the output file NAME
      prove                  `prove -e cat` must accept the report: ktap-baselined.txt
                             when a baseline applied (known failures are TODO), else ktap.txt
      needs TOOL             skip (with the reason printed) when TOOL is absent

Test trees carry `// key: value` lines (anywhere in the file; by convention
in its opening comment). The run is `scripts/run --dtb TREE`, plus:

    // run: ARGS...          more scripts/run arguments (shell-quoted; no --dtb)
    // status: N             expected exit status of scripts/run (required)
    // expect: SUITE/CASE CHECK [KEY=VALUE ...]
                             a problem the platform model finds: ktap.txt must
                             have a finding of case SUITE/CASE (SUITE alone: of
                             the suite's own) with check=CHECK and exactly this
                             subject (its fields in the report's order, values
                             as the report writes them), whatever its text; and
                             tests/harness/unit/check-dts.py requires the host
                             model (dtcheck) to find the same
    // expect-run: SUITE/CASE CHECK [KEY=VALUE ...]
                             a finding only a run makes: ktap.txt has it, as above
    // note: TEXT            ktap.txt has the diagnostic "# TEXT"
    // ktap: TEXT            as ktap above (no quotes: the rest of the line)
    // ktap-not: TEXT        as ktap-not above
    // console: TEXT         as console above
    // output: TEXT          as output above
    // file: NAME TEXT       as file above
    // prove:                as prove above
    // needs: TOOL           as needs above

A tree without a status line or without any expectation is an error, as is
an unknown key or an expect line that is no identity (the error names the
tree and the line). A finding's text is never matched: keep it, for people,
in a `//` line that is no key (e.g. `// (text: ...)`). Every run that
starts must write a junit.xml that validates against
tests/harness/schema/junit-10.xsd (xmllint), write no file that
outdir.RUN_FILES does not name, and report no two findings with one
identity (a known one would hide the other); a matrix run (--matrix) is held to that in
each config's folder, and its matrix-junit.xml must validate too. Each
test's files go to build/test/NAME (a matrix's config NAME/CONFIG; `file`
names CONFIG/FILE there). The byte-level broken DTBs are made first, in
build/dts, by `make broken-dtbs`.
Ends with "N passed, N failed, N skipped"; exit status 0 when none failed, 1
when some did, 2 when the tests cannot be read or none matches -k, 8 when
the byte-level broken DTBs cannot be made (a tool missing).
"""
import argparse
import collections
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import time

from . import findings, junit_schema, outdir, paths, records, status, testspec


def in_ktap(text, ktap_text, ktap_lines):
    """A result ("ok 3 xen", "not ok 5 mmio") must be a whole line, so that
    "ok 3 xen" does not match "not ok 3 xen" or "ok 3 xen # SKIP ..."; any
    other text may appear anywhere."""
    if text.startswith("ok ") or text.startswith("not ok "):
        return text in ktap_lines
    return text in ktap_text


def read(path):
    try:
        return open(path, errors="replace").read()
    except OSError:
        return ""


def junit_problems(out, returncode):
    """Every run that started writes junit.xml, and it must validate against
    the JUnit schema (junit_schema.py); a run refused before it started
    (usage 2, missing tool 8) writes none."""
    path = os.path.join(out, "junit.xml")
    if not os.path.exists(path):
        return [] if returncode in (status.USAGE, status.SETUP) else ["no junit.xml"]
    found = junit_schema.problems(path)
    shown = found[:5] + ([f"... {len(found) - 5} more"] if len(found) > 5 else [])
    return (
        [
            "junit.xml does not validate against "
            + paths.rel(paths.JUNIT_SCHEMA)
            + ":\n      "
            + "\n      ".join(shown)
        ]
        if found
        else []
    )


def identity_problems(out):
    """Two findings of one run with one identity: a known deviation would hide
    the other, so each check must name what tells them apart in its subject."""
    path = os.path.join(out, "ktap.txt")
    if not os.path.exists(path):
        return []
    with open(path, errors="replace") as f:
        try:
            rep = findings.read(f.read().splitlines())
        except records.RecordError as e:
            return [f"ktap.txt breaks protocol.h: {e}"]
    seen = collections.Counter(f.identity for f in rep.findings())
    return [
        f"{n} findings share the identity {f.name()}: their subject must tell them apart"
        for f in rep.findings()
        for n in [seen.pop(f.identity, 0)]
        if n > 1
    ]


def run_folder_problems(out, returncode):
    """A run folder: its junit.xml validates, it holds only what outdir.RUN_FILES
    names, and no two of its findings share an identity."""
    problems = junit_problems(out, returncode) + identity_problems(out)
    unknown = sorted(set(os.listdir(out) if os.path.isdir(out) else []) - set(outdir.RUN_FILES))
    if unknown:
        problems.append(
            "files outdir.RUN_FILES does not name (a later run would not clear them): "
            f"{', '.join(unknown)}"
        )
    return problems


def matrix_problems(out, returncode):
    """A matrix run: matrix-junit.xml validates, and so does each config's folder."""
    if returncode in (status.USAGE, status.SETUP):
        return []  # refused before any config started
    path = os.path.join(out, "matrix-junit.xml")
    if not os.path.exists(path):
        return ["no matrix-junit.xml"]
    found = junit_schema.problems(path)
    problems = ["matrix-junit.xml does not validate: " + "; ".join(found[:3])] if found else []
    try:
        with open(os.path.join(out, "matrix.json")) as f:
            names = [c["name"] for c in json.load(f)["configs"]]
    except (OSError, ValueError, KeyError) as e:
        return problems + [f"matrix.json unreadable: {e}"]
    for name in names:
        problems += [f"{name}/: {p}" for p in run_folder_problems(os.path.join(out, name), None)]
    return problems


def problems_of(t, out, returncode, output=""):
    problems = []
    if returncode != t.status:
        problems.append(f"scripts/run exited {returncode}, expected {t.status}")
    matrix = any(w == "--matrix" or w.startswith("--matrix=") for w in t.run)
    problems += matrix_problems(out, returncode) if matrix else run_folder_problems(out, returncode)
    ktap_text, console = read(os.path.join(out, "ktap.txt")), read(os.path.join(out, "console.log"))
    ktap_lines = {line.strip() for line in ktap_text.splitlines()}
    report = None  # the findings of ktap.txt, read when an expect line asks
    for kind, fname, text in t.checks:
        if kind == "finding":
            if report is None:
                try:
                    report = findings.read(ktap_text.splitlines())
                except records.RecordError as e:
                    problems.append(f"ktap.txt unreadable: {e}")
                    report = findings.Report([], False)
            if not text.found(report):
                problems.append(f"ktap.txt lacks the finding {text} ({text.where})")
        elif kind == "ktap" and not in_ktap(text, ktap_text, ktap_lines):
            problems.append(f"ktap.txt lacks: {text}")
        elif kind == "ktap-not" and in_ktap(text, ktap_text, ktap_lines):
            problems.append(f"ktap.txt has: {text}")
        elif kind == "console" and text not in console:
            problems.append(f"console.log lacks: {text}")
        elif kind == "output" and text not in output:
            problems.append(f"scripts/run's output lacks: {text}")
        elif kind == "file" and text not in read(os.path.join(out, fname)):
            problems.append(f"{fname} lacks: {text}")
        elif kind == "prove":
            baselined = os.path.exists(os.path.join(out, "ktap-baselined.txt"))
            name = "ktap-baselined.txt" if baselined else "ktap.txt"
            p = subprocess.run(
                ["prove", "-e", "cat", os.path.join(out, name)], capture_output=True, text=True
            )
            if p.returncode and t.status == 0:
                problems.append(f"prove rejected {name}:\n" + p.stdout[-400:])
            elif "Parse errors" in p.stdout:
                problems.append("prove found parse errors:\n" + p.stdout[-400:])
    return problems


def execute(t, image=None, arch=None):
    missing = [
        n for n in t.needs if not (shutil.which(n) or os.path.exists(os.path.join(paths.ROOT, n)))
    ]
    if missing:
        return "skip", f"needs {', '.join(missing)}", 0.0
    out = os.path.join(paths.BUILD, "test", t.name)
    shutil.rmtree(out, ignore_errors=True)
    start = time.monotonic()
    cmd = (
        [sys.executable, paths.script("run"), "--quiet", "--out", out]
        + (["--image", image] if image else [])
        + (["--arch", arch] if arch else [])
    )
    r = subprocess.run(cmd + t.run, capture_output=True, text=True, cwd=paths.ROOT)
    took = time.monotonic() - start
    problems = problems_of(t, out, r.returncode, r.stdout + r.stderr)
    if problems:
        # What the harness found says why more often than the runner's last lines.
        try:
            found = [
                f"{f.name()}: {f.text}"
                for f in findings.read(read(os.path.join(out, "ktap.txt")).splitlines()).findings()
            ]
        except records.RecordError as e:
            found = [f"ktap.txt unreadable: {e}"]
        shown = found[:8] + ([f"... {len(found) - 8} more findings"] if len(found) > 8 else [])
        tail = "\n".join("      | " + l for l in shown + r.stdout.splitlines()[-6:])
        return "fail", "\n    ".join(problems) + ("\n" + tail if tail else ""), took
    return "pass", "", took


BROKEN_DTBS = os.path.join(paths.BUILD, "dts")  # where testspec.byte_level_tests finds them


def build_broken_dtbs(tests):
    """Make the byte-level broken trees the tests boot (`make broken-dtbs`:
    a fresh clone after a plain `make` has none); None, or why not."""
    if not any((getattr(t, "tree", None) or "").startswith(BROKEN_DTBS + os.sep) for t in tests):
        return None
    cmd = [
        os.environ.get("MAKE", "make"),
        "--no-print-directory",
        "-C",
        paths.ROOT,
        "O=" + paths.rel(paths.BUILD),
        "broken-dtbs",
    ]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return f"cannot run {cmd[0]}: {e.strerror}"
    if r.returncode:
        tail = "\n".join((r.stdout + r.stderr).strip().splitlines()[-4:])
        return (
            f"`make broken-dtbs` failed (status {r.returncode}); `scripts/setup --check` says what"
            " is missing"
            + (":\n" + tail if tail else "")
        )
    return None


def main(argv):
    if argv[:1] == ["--reworded"]:
        from . import reworded  # the rewording proof: a program of its own

        return reworded.main(argv[1:])
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "files",
        nargs="*",
        help="test files (.tests) or test trees (default: every .tests file and every tree)",
    )
    ap.add_argument("-k", "--filter", help="run only tests whose name contains this")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="runs at a time (default 2)")
    ap.add_argument(
        "--list", action="store_true", help="print the tests' names and scripts/run arguments"
    )
    ap.add_argument(
        "--image",
        help="the harness image every run boots (default: scripts/run's, build/harness.bin)",
    )
    ap.add_argument(
        "--arch",
        choices=("aarch64", "arm"),
        help=(
            "give every run scripts/run --arch ARCH; with no files, arm runs the 32-bit set "
            "(tests/harness/integration/arm32.tests and the lies that apply, testspec.ARCH_SETS)"
        ),
    )
    ap.add_argument(
        "--reworded",
        action="store_true",
        help=(
            "instead of the tests: the rewording proof (first argument; its own options in "
            "--reworded --help): make REWORD=1's image, whose every finding text is reworded, "
            "must give the results the normal image gives"
        ),
    )
    a = ap.parse_args(argv)
    try:
        tests = testspec.load(a.files, a.arch)
    except (testspec.SpecError, OSError) as e:
        print(f"scripts/integration: {e}", file=sys.stderr)
        return status.USAGE
    if a.filter:
        tests = [t for t in tests if a.filter in t.name]
        if not tests:
            print(
                f"scripts/integration: no test matches {a.filter!r} (--list shows the names)",
                file=sys.stderr,
            )
            return status.USAGE
    if a.list:
        for t in tests:
            print(f"{t.name:40} {' '.join(t.run)}")
        return 0
    why = build_broken_dtbs(tests)
    if why:
        print(
            (
                "scripts/integration: cannot build the byte-level broken trees in"
                f" {paths.rel(BROKEN_DTBS)}: {why}"
            ),
            file=sys.stderr,
        )
        return status.SETUP
    counts = {"pass": 0, "fail": 0, "skip": 0}
    failed = []
    print(f"running {len(tests)} integration tests, {a.jobs} at a time")
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        futures = {pool.submit(execute, t, a.image, a.arch): t for t in tests}
        for i, f in enumerate(concurrent.futures.as_completed(futures), 1):
            t = futures[f]
            verdict, why, took = f.result()
            counts[verdict] += 1
            label = {"pass": "ok", "fail": "FAIL", "skip": "SKIP"}[verdict]
            print(
                f"[{i}/{len(tests)}] {label:4} {t.name} ({took:.1f} s){': ' + why if why else ''}"
            )
            sys.stdout.flush()
            if verdict == "fail":
                failed.append((t.name, why))
    # Repeated last, where a log's tail shows them.
    for name, why in failed:
        print(f"FAILED {name}: {why}")
    print(f"{counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    return 1 if counts["fail"] else 0
