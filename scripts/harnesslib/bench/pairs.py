# SPDX-License-Identifier: MIT
"""A run's figures, keyed so that two platforms' figures of one thing share
a key, and the run's label.

An MMIO figure's target is its DT path, register and width
("/intc@8000000:GICD_TYPER:32"), and the path differs between QEMU and Xen
("/interrupt-controller@3001000"). A figure that carries its device part's
role (bench.json "role", the contract's part) is keyed by role, register
and width instead: "distributor GICD_TYPER:32"; the n-th device of one role
(QEMU's 32 virtio transports) by "transport#n ...". A figure without a role
(another op, or a bench.json older than the role) keeps its target.

A run is labelled by its folder (the one holding bench.json; a file's own
name when it is not called bench.json), so that two runs of one config are
told apart; two folders of one name get their parents' names too."""
import json
import os
from dataclasses import dataclass, field

from ..errors import InputError


@dataclass
class Run:
    label: str
    config: str
    figs: dict = field(default_factory=dict)  # (op, key) -> figure
    where: dict = field(default_factory=dict)  # (op, key) -> DT path, for role-keyed figures


def key_of(fig, seen):
    """(op, key) of one figure; seen counts the devices of each role so far."""
    op, target, role = fig["op"], fig["target"], fig.get("role")
    parts = target.rsplit(":", 2)
    if not role or len(parts) != 3 or not target.startswith("/"):
        return (op, target), None
    path, reg, width = parts
    devices = seen.setdefault(role, [])
    if path not in devices:
        devices.append(path)
    n = devices.index(path) + 1
    who = role if n == 1 else f"{role}#{n}"
    return (op, f"{who} {reg}:{width}"), path


def bench_file(path):
    return os.path.join(path, "bench.json") if os.path.isdir(path) else path


def folder_parts(path):
    """The names a run may be labelled by, nearest first: its folder's (or
    its file's stem when the file is not bench.json), then its parents'."""
    f = os.path.abspath(bench_file(path))
    head, name = os.path.split(f)
    parts = [] if name == "bench.json" else [os.path.splitext(name)[0]]
    while head and head != os.path.dirname(head):
        head, name = os.path.split(head)
        parts.append(name)
    return parts


def load(path):
    f = bench_file(path)
    try:
        doc = json.load(open(f))
        run = Run(label="", config=doc.get("config") or "?")
        seen: dict = {}
        for x in doc["figures"]:
            k, where = key_of(x, seen)
            run.figs[k] = x
            if where:
                run.where[k] = where
        return run
    except OSError as e:
        raise InputError(f"{f}: {e.strerror}")
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise InputError(f"{f}: not a bench.json of scripts/run ({type(e).__name__}: {e})")


def labels(paths, given=None):
    """One distinct label per run: given ones (InputError when their count is
    wrong or two are equal), else each run's folder name, with as many
    parents as tell them apart, and "A: ", "B: " when nothing does."""
    if given is not None:
        if len(given) != len(paths):
            raise InputError(f"--names has {len(given)} names for {len(paths)} runs")
        if len(set(given)) < len(given):
            raise InputError("--names gives two runs one name")
        return list(given)
    parts = [folder_parts(p) for p in paths]
    depth = [1] * len(paths)
    while True:
        out = ["/".join(reversed(p[:n])) for p, n in zip(parts, depth)]
        clash = [i for i, x in enumerate(out) if out.count(x) > 1]
        grow = [i for i in clash if depth[i] < len(parts[i])]
        if not clash:
            return out
        if not grow:  # one run given twice: only its place tells them apart
            return [f"{chr(65 + i)}: {p[0] if p else '?'}" for i, p in enumerate(parts)]
        for i in grow:
            depth[i] += 1
