# SPDX-License-Identifier: MIT
"""scripts/check-spdx: the repository's own source files that lack an SPDX
license line, and with --fix the line added to each.

usage: scripts/check-spdx [--fix] [--root DIR]

The files: C (.c), headers (.h), assembly (.S), Python (.py), executables
with a #! line (scripts/ entry points, .ci/run, ...), Makefile and .mk,
device trees (.dts, .dtsi) and linker scripts (.ld); those git tracks when
DIR is a git work tree, else every such file under DIR but build/ and .git/.
A file has the line when one of its first 5 lines holds
`SPDX-License-Identifier:`. Generated files (the Makefile's GENERATED) are
listed apart: their generator must write the line, or the check that
regenerates them fails.

--fix adds `SPDX-License-Identifier: MIT` as the first comment line, in the
file's own comment style: `// ...` in .c, .dts and .dtsi; `/* ... */` in .h,
.S and .ld (GNU ld has no // comments); `# ...` in Python, shell and make
files, after the #! line and a Python coding line when there are any. It
leaves generated files alone.

Exit status: 0 every file has the line (generated ones aside), 1 some lack
it (after --fix: some could not be fixed), 2 usage.
"""
import argparse
import os
import re
import subprocess
import sys

from . import paths

LICENSE = "MIT"
TAG = "SPDX-License-Identifier:"
HEAD_LINES = 5  # where the line is looked for
SKIP_DIRS = {".git", "build"}
# (suffix, line written by --fix)
STYLES = {
    ".c": "// {tag} {lic}",
    ".dts": "// {tag} {lic}",
    ".dtsi": "// {tag} {lic}",
    ".h": "/* {tag} {lic} */",
    ".S": "/* {tag} {lic} */",
    ".ld": "/* {tag} {lic} */",
    ".py": "# {tag} {lic}",
    ".mk": "# {tag} {lic}",
}
HASH = "# {tag} {lic}"
CODING = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+")


def style_of(path, head):
    """The line --fix writes into path (head: its first line), or None when
    the file is none of those the check covers."""
    name = os.path.basename(path)
    suffix = os.path.splitext(name)[1]
    if suffix in STYLES:
        return STYLES[suffix]
    if name == "Makefile" or head.startswith("#!"):
        return HASH
    return None


def candidates(root):
    """The files under root the check may cover, relative to root."""
    top = subprocess.run(
        ["git", "-C", root, "rev-parse", "--show-toplevel"], capture_output=True, text=True
    )
    if top.returncode == 0 and os.path.realpath(top.stdout.strip()) == os.path.realpath(root):
        r = subprocess.run(
            ["git", "-C", root, "ls-files", "-z"], capture_output=True, text=True, check=True
        )
        return sorted(
            p
            for p in r.stdout.split("\0")
            if p
            and os.path.isfile(os.path.join(root, p))
            and not os.path.islink(os.path.join(root, p))
        )
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if not (dirpath == root and d in SKIP_DIRS) and d != ".git"
        )
        out += [
            os.path.relpath(os.path.join(dirpath, f), root)
            for f in files
            if not os.path.islink(os.path.join(dirpath, f))
        ]
    return sorted(out)


def generated(root):
    """The Makefile's GENERATED files (their generators own their text)."""
    try:
        with open(os.path.join(root, "Makefile")) as f:
            m = re.search(r"^GENERATED\s*:?=\s*(.*)$", f.read(), re.M)
    except OSError:
        return set()
    return set(m.group(1).split()) if m else set()


def read_head(path):
    """The first HEAD_LINES lines of a text file, or None for a binary one."""
    try:
        with open(path, "rb") as f:
            data = f.read(4096)
    except OSError:
        return None
    if b"\0" in data:
        return None
    return data.decode("utf-8", "replace").splitlines()[:HEAD_LINES]


def covered(root):
    """[(path, line to add)] of every file the check covers."""
    out = []
    for rel in candidates(root):
        head = read_head(os.path.join(root, rel))
        if head is None:
            continue
        style = style_of(rel, head[0] if head else "")
        if style is not None:
            out.append((rel, style.format(tag=TAG, lic=LICENSE)))
    return out


def has_line(path):
    return any(TAG in line for line in read_head(path) or [])


def add_line(path, line):
    """Write line into path as its first comment line: after a #! line and,
    in Python, after a coding line (which must stay among the first two)."""
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    lines = text.splitlines(keepends=True)
    at = 0
    if lines and lines[0].startswith("#!"):
        at = 1
    if line.startswith("#") and len(lines) > at and CODING.match(lines[at]):
        at += 1
    if at and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, line + newline)
    mode = os.stat(path).st_mode
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(lines))
    os.chmod(path, mode)


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/check-spdx",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--fix", action="store_true", help="add the line to each file that lacks it")
    ap.add_argument(
        "--root", default=paths.ROOT, help="the tree to check (default: this repository)"
    )
    a = ap.parse_args(argv)
    root = os.path.abspath(a.root)
    if not os.path.isdir(root):
        ap.error(f"--root {a.root}: not a directory")
    gen = generated(root)
    files = covered(root)
    lacking = [(p, l) for p, l in files if not has_line(os.path.join(root, p))]
    mine = [(p, l) for p, l in lacking if p not in gen]
    theirs = [p for p, _ in lacking if p in gen]
    failed = []
    for p, l in mine:
        if a.fix:
            try:
                add_line(os.path.join(root, p), l)
                print(f"check-spdx: {p}: added {l}")
                continue
            except (OSError, UnicodeDecodeError) as e:
                failed.append(p)
                print(f"check-spdx: {p}: could not add the line: {e}", file=sys.stderr)
                continue
        print(f"check-spdx: {p}: no {TAG} line")
    for p in theirs:
        print(f"check-spdx: {p}: generated, no {TAG} line: its generator must write it")
    left = list(failed) if a.fix else [p for p, _ in mine]
    left += theirs
    fixed = len(mine) - len(failed) if a.fix else 0
    print(
        f"check-spdx: {len(files)} files, {len(files) - len(lacking)} with the line"
        + (f", {fixed} fixed" if a.fix else "")
        + f", {len(left)} without"
    )
    return 1 if left else 0
