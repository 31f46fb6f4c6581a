# SPDX-License-Identifier: MIT
"""Check that the image's layers only point down (docs/architecture.md).

usage: scripts/check-layers [--nm NM] [--root DIR] OBJECT...

OBJECT: the image's object files, build/obj/<source>.o (the Makefile passes
them). Sources are every .c/.h/.S under the layer folders of --root.

Fails (exit 1, one line per problem) on:
  - an include that does not name its layer ("gic.h" instead of "drivers/gic.h"),
    that names no file, or that points up a layer;
  - an include of the architecture's insides (boot/<arch>/) from outside boot/:
    the layers above see only boot/*.h;
  - a call (an undefined symbol of one object defined by another) that points
    up a layer, or from one suite into another;
  - a symbol of boot/ used above it that no boot/*.h declares;
  - a circle between modules (a module: one .c with its .h), by include or call;
  - code (.c, .S) in lib/util/, which is headers only;
  - an object of the harness's own tests (tests/harness/) in the image.
Exit 0 prints the layers, their sizes and what each one uses.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

from . import paths

# Lowest first. A file's layer is the first whose folder holds it. util is
# headers only (ARRAY_SIZE, PAGE_SIZE, ALIGN_UP, MIN, ...): every layer may
# include it, and it holds no code, so no call can reach it.
LAYERS = [
    ("util", "lib/util/"),
    ("arch", "boot/"),
    ("drivers", "drivers/"),
    ("dt", "lib/dt/"),
    ("spec", "lib/spec/"),
    ("runtime", "lib/runtime/"),
    ("suites", "tests/"),
]
OWN_TESTS = "tests/harness/"
UTIL = 0
ARCH = 1
# Include roots (the compiler's -I. -Ilib): "dt/platform.h" is lib/dt/platform.h.
INCLUDE_ROOTS = ["", "lib/"]
# Calls up a layer that are the layering's contract, each with its reason.
UPCALLS = {
    "harness_main": "the architecture's entry code starts the runtime, as crt0 calls main()",
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(path):
    if path.startswith(OWN_TESTS):
        return None
    for i, (_, folder) in enumerate(LAYERS):
        if path.startswith(folder):
            return i
    return None


def module_of(path):
    return os.path.splitext(path)[0]


def suite_of(path):
    """tests/mmio/targets.c -> tests/mmio; tests/boot.c -> tests/boot."""
    parts = path.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else module_of(path)


def sources(root):
    out = []
    for _, folder in LAYERS:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            rel = os.path.relpath(dirpath, root)
            if (rel + "/").startswith(OWN_TESTS):
                continue
            out += [os.path.join(rel, f) for f in files if f.endswith((".c", ".h", ".S"))]
    return sorted(out)


def resolve(root, inc, includer):
    """The file an include names, as the compiler finds it: beside the
    includer first (a quoted include), then under each include root."""
    here = os.path.dirname(includer)
    if "/" not in inc and os.path.isfile(os.path.join(root, here, inc)):
        return os.path.join(here, inc)
    for r in INCLUDE_ROOTS:
        if os.path.isfile(os.path.join(root, r, inc)):
            return r + inc
    return None


def read(root, path):
    with open(os.path.join(root, path), errors="replace") as f:
        return f.read()


def check_includes(root, files, problems, edges, uses):
    for f in files:
        if layer_of(f) == UTIL and not f.endswith(".h"):
            problems.append(
                f"{f}: {LAYERS[UTIL][1]} holds headers only (macros and inline functions)"
            )
        for inc in INCLUDE.findall(read(root, f)):
            target = resolve(root, inc, f)
            if target is None:
                problems.append(f'{f}: #include "{inc}" names no file under a layer folder')
                continue
            if "/" not in inc:
                problems.append(f'{f}: #include "{inc}" does not name its layer (write "{target}")')
            lf, lt = layer_of(f), layer_of(target)
            if lt is None:
                problems.append(f"{f}: includes {target}, one of the harness's own tests")
                continue
            if lt > lf:
                problems.append(
                    f'{f}: #include "{inc}" points up from {LAYERS[lf][0]} to {LAYERS[lt][0]}'
                )
            if target.startswith("boot/") and target.count("/") > 1 and not f.startswith("boot/"):
                problems.append(
                    f'{f}: #include "{inc}" reaches into the architecture; use boot/*.h'
                )
            if lf == lt == len(LAYERS) - 1 and suite_of(f) != suite_of(target):
                problems.append(f'{f}: #include "{inc}" reaches into another suite')
            if module_of(target) != module_of(f):
                edges[module_of(f)].add(module_of(target))
            uses[lf].add(lt)


def _nm(nm, objects, which):
    """{object: set of symbols} from one `nm -A` run over all objects."""
    r = subprocess.run([nm, "-A", "-g", which] + objects, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"check-layers: {nm} failed: {r.stderr.strip()}")
    out: dict[str, set[str]] = {o: set() for o in objects}
    for line in r.stdout.splitlines():
        path, _, rest = line.rpartition(".o:")
        if rest.split():
            out.setdefault(path + ".o", set()).add(rest.split()[-1])
    return out


def symbols(nm, objects, obj_dir):
    """{object source: (defined, undefined)} from nm."""
    defined = _nm(nm, objects, "--defined-only")
    undefined = _nm(nm, objects, "--undefined-only")
    out = {}
    for o in objects:
        src = os.path.relpath(o, obj_dir)[:-2] if o.startswith(obj_dir) else o
        out[src] = (defined[o], undefined[o])
    return out


def check_calls(root, syms, problems, edges, uses):
    where: dict[str, str] = {}
    for src, (defined, _) in syms.items():
        for s in defined:
            where.setdefault(s, src)
    interface = "".join(
        read(root, os.path.join("boot", f))
        for f in os.listdir(os.path.join(root, "boot"))
        if f.endswith(".h")
    )
    for src, (_, undefined) in syms.items():
        lf = layer_of(src)
        if lf is None:
            problems.append(f"{src}: one of the harness's own tests is linked into the image")
            continue
        for s in sorted(undefined):
            dst = where.get(s)
            if dst is None:
                continue  # libfdt, picolibc, libgcc, the linker script
            lt = layer_of(dst)
            if lt is None:
                continue
            if lt > lf and s not in UPCALLS:
                problems.append(
                    f"{src}: calls {s} ({dst}), up from {LAYERS[lf][0]} to {LAYERS[lt][0]}"
                )
            if lf == lt == len(LAYERS) - 1 and suite_of(src) != suite_of(dst):
                problems.append(f"{src}: calls {s} in another suite ({dst})")
            if lt == ARCH and lf > ARCH and not re.search(r"\b%s\b" % re.escape(s), interface):
                problems.append(f"{src}: uses {s} of {dst}, which no boot/*.h declares")
            if s in UPCALLS:
                continue
            if module_of(dst) != module_of(src):
                edges[module_of(src)].add(module_of(dst))
            uses[lf].add(lt)


def circles(edges):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
        if v not in index:
            visit(v)
    return out


def line_count(root, files):
    return sum(read(root, f).count("\n") for f in files)


def main(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/check-layers",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--nm",
        default="aarch64-linux-gnu-nm",
        help="the nm that reads OBJECTs (default %(default)s)",
    )
    ap.add_argument("--root", default=paths.ROOT, help="the repository (default %(default)s)")
    ap.add_argument("--obj-dir", default=None, help="where OBJECTs live (default ROOT/build/obj)")
    ap.add_argument(
        "objects",
        nargs="*",
        metavar="OBJECT",
        help=(
            "the image's objects, whose calls are "
            "checked (at least one: make check-layers passes them all)"
        ),
    )
    a = ap.parse_args(argv)
    root = os.path.abspath(a.root)
    obj_dir = os.path.abspath(a.obj_dir or os.path.join(root, "build", "obj")) + "/"
    if not a.objects:
        ap.error("no object files given (run it through `make check-layers`)")
    objects = [os.path.abspath(o) for o in a.objects]
    missing = [o for o in objects if not os.path.isfile(o)]
    if missing:
        sys.exit(f"check-layers: no such object: {missing[0]} (build first)")
    files = sources(root)
    problems: list[str] = []
    edges: dict[str, set[str]] = collections.defaultdict(set)
    uses: dict[int, set[int]] = collections.defaultdict(set)
    check_includes(root, files, problems, edges, uses)
    check_calls(root, symbols(a.nm, objects, obj_dir), problems, edges, uses)
    for comp in circles(edges):
        problems.append("circle: " + " <-> ".join(comp))
    for p in problems:
        print(f"check-layers: {p}")
    for i, (name, folder) in enumerate(LAYERS):
        mine = [f for f in files if layer_of(f) == i]
        below = ", ".join(LAYERS[j][0] for j in sorted(uses[i]) if j != i) or "nothing"
        print(
            f"  {i} {name:<8} {folder:<13} {len(mine):3} files {line_count(root, mine):6} lines "
            f" uses {below}"
        )
    print(f"check-layers: {len(files)} files, {len(objects)} objects, {len(problems)} problems")
    return 1 if problems else 0
