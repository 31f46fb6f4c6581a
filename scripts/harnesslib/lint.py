# SPDX-License-Identifier: MIT
"""`make python-lint`: Debian's pyflakes3 and mypy over the runner's Python,
the entry points in scripts/, harnesslib and tests/harness/runner.

usage: PYTHONPATH=scripts python3 -m harnesslib.lint [--cache-dir DIR]

pyflakes3 finds names unused, undefined or imported twice; mypy
(scripts/mypy.ini: the bodies of unannotated functions too) finds calls
and attributes that cannot work. Each tool's complaints are shown, then a
count per tool and "N passed, N failed" (a tool with a complaint, or
missing, fails). Exit status 0 when both are clean, 1 otherwise.
"""
import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize

from . import paths

MYPY_INI = os.path.join(paths.SCRIPTS, "mypy.ini")
DEBIAN_PYTHON = "/usr/bin/python3"  # python3-mypy is Debian's python's module


def entry_points():
    """scripts/'s executables written in Python (the shell ones aside)."""
    out = []
    for name in sorted(os.listdir(paths.SCRIPTS)):
        path = os.path.join(paths.SCRIPTS, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            with open(path, errors="replace") as f:
                if re.match(r"#!.*\bpython", f.readline()):
                    out.append(paths.rel(path))
    return out


def targets():
    return entry_points() + [
        paths.rel(os.path.join(paths.SCRIPTS, "harnesslib")),
        paths.rel(os.path.join(paths.ROOT, "tests", "harness", "runner")),
    ]


def mypy_command():
    """A Python that has mypy: this one, else Debian's (python3 may be another)."""
    for python in dict.fromkeys([sys.executable, DEBIAN_PYTHON]):
        if (
            os.path.exists(python)
            and subprocess.run([python, "-c", "import mypy"], capture_output=True).returncode == 0
        ):
            return [python, "-m", "mypy"]
    return None


def run(name, cmd, count):
    """Run one tool in the repository root, show its output; its complaint count."""
    print(f"lint: {name}: {' '.join(cmd[:3])} ...", flush=True)
    r = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True)
    out = (r.stdout + r.stderr).rstrip()
    if out:
        print(out, flush=True)
    return count(out, r.returncode)


MAX_COLUMNS = 100


def python_files(targets):
    for t in targets:
        path = os.path.join(paths.ROOT, t)
        if os.path.isdir(path):
            for d, _, names in sorted(os.walk(path)):
                yield from (os.path.join(d, n) for n in sorted(names) if n.endswith(".py"))
        else:
            yield path


def fixture_lines(text):
    """Line numbers inside multi-line string literals that are lines of a
    report (a KTAP diagnostic, "# ..."): test fixtures quote the harness's
    output as it is, whatever its length."""
    out: set[int] = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                out.update(range(tok.start[0], tok.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):
        return set()
    lines = text.splitlines()
    return {n for n in out if lines[n - 1].lstrip().startswith("# ")}


def long_lines(targets):
    """Every line past MAX_COLUMNS, but report fixtures; prints each."""
    n = 0
    for path in python_files(targets):
        with open(path) as f:
            text = f.read()
        exempt = fixture_lines(text)
        for i, line in enumerate(text.splitlines(), 1):
            if len(line) > MAX_COLUMNS and i not in exempt:
                print(f"{paths.rel(path)}:{i}: {len(line)} columns (at most {MAX_COLUMNS})")
                n += 1
    return n


def pyflakes_count(out, rc):
    return len([l for l in out.splitlines() if l.strip()]) or (1 if rc else 0)


def mypy_count(out, rc):
    m = re.search(r"^Found (\d+) errors? in", out, re.M)
    return int(m.group(1)) if m else (1 if rc else 0)


def main(argv):
    ap = argparse.ArgumentParser(
        prog="harnesslib.lint",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--cache-dir",
        default=os.path.join("build", "mypy-cache"),
        help="mypy's cache, from the repository root (default %(default)s)",
    )
    a = ap.parse_args(argv)
    files = targets()
    results = []
    if shutil.which("pyflakes3"):
        n = run("pyflakes", ["pyflakes3"] + files, pyflakes_count)
        results.append(("pyflakes", n, f"{n} complaints"))
    else:
        results.append(
            ("pyflakes", None, "pyflakes3 is missing: run `make setup` (Debian's pyflakes3)")
        )
    mypy = mypy_command()
    if mypy:
        n = run(
            "mypy",
            mypy
            + [
                "--config-file",
                paths.rel(MYPY_INI),
                "--cache-dir",
                a.cache_dir,
                "--scripts-are-modules",
            ]
            + files,
            mypy_count,
        )
        results.append(("mypy", n, f"{n} errors"))
    else:
        results.append(("mypy", None, "mypy is missing: run `make setup` (Debian's python3-mypy)"))
    n = long_lines(files)
    results.append(("line length", n, f"{n} lines past {MAX_COLUMNS} columns"))
    for name, _, what in results:
        print(f"lint: {name}: {what}")
    failed = sum(1 for _, n, _ in results if n != 0)
    print(f"lint: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
