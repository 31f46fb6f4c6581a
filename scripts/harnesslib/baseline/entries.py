# SPDX-License-Identifier: MIT
"""A platform's baseline: its known deviations, read from a line-oriented
file (the format is in tests/baselines/README.md):

    case SUITE/CASE          an entry: the case its findings belong to
                             (SUITE alone: the suite's own findings)
      when KEY=VALUE[|VALUE...]  only on runs where this holds, one of the
                             values (WHEN_KEYS); N..M is a range of numbers
      finding CHECK [KEY=VALUE ...]
                             one finding, by its identity: its check and its
                             subject, keys in the order the report writes
                             them; a value `*` matches any value of its key
        text TEXT            its wording when the entry was written (for
                             people, never matched), at most one per finding
      reason TEXT            why the platform does this
      reference TEXT         the spec section, the platform's source or change

An entry has one or more finding lines, one reason and one or more reference
lines. An unchecked entry lists claims of the tree no check holds (claim
coverage, claims.py), with why:

    unchecked NODE PROP      the node's path (`(header)` for the header's) and
                             the property; each an fnmatch glob (`*`, `?`,
                             `[...]`), e.g. `unchecked /virtio_mmio@* dma-coherent`
      when KEY=VALUE         as above, optional
      reason TEXT            why no check can hold it, exactly one
      reference TEXT         optional

`#` lines and blank lines are comments. Every mistake is a BaselineError
that names the file and line.
"""
import fnmatch
import os
import re

from .. import paths, protocol
from ..options.facts import MACHINE_PROPS
from ..findings import Pattern, PatternError

# What a `when` may test: the run's facts (baseline_check.facts) and their values.
WHEN_KEYS = {
    "gic": ("2", "3"),  # the GIC version the platform was booted with (--gic)
    "vpl011": ("yes", "no"),  # Xen: the domU has its emulated UART (not --no-vpl011)
    # QEMU: the virtio-mmio transports' version (--virtio modern), or none behind them
    "virtio": ("legacy", "modern", "none"),
    "enhanced": ("yes", "no"),  # Xen: the domU has /hypervisor (not --no-enhanced)
    "cpus": tuple(str(n) for n in range(1, 513)),  # the guest's CPUs (--smp, or Xen's --vcpus)
    "initrd": ("yes", "no"),  # the runner gave the harness its ramdisk (not --no-initrd)
    "arch": ("aarch64", "arm"),  # the image's architecture (--arch): arm is the 32-bit guest
    "boot": ("kernel", "uboot"),
    # Xen: the domU's RAM fills GUEST_RAM0's 3 GiB window (full), or leaves part of it
    # unpopulated (partial), which the memmap suite's probes of the window then reach
    "ram0": ("partial", "full"),  # QEMU: what loaded the image (--boot): -kernel or U-Boot
    # QEMU: the machine type (--machine type=, default virt-7.2), for older types' compat
    "machine": MACHINE_PROPS["type"],
}
NEVER_KNOWN = frozenset(protocol.VALUES["CHECKS_NEVER_KNOWN"].split())
CLAIM_HEADER_NODE = protocol.VALUES["CLAIM_HEADER_NODE"]
KEYWORDS = ("case", "unchecked", "when", "finding", "text", "reason", "reference")
CASE = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?$")


class BaselineError(Exception):
    pass


class Known:
    """A finding line of an entry: the identity it matches (Pattern), where
    it is written (file:line) and its optional text line."""

    def __init__(self, pattern, at):
        self.pattern, self.at, self.text = pattern, at, None

    def matches(self, finding):
        return self.pattern.matches(finding.check, finding.subject)

    @property
    def id_text(self):
        """CHECK key=value ... as written (`*` kept)."""
        return str(self.pattern)


def _expand(value):
    """A when value's alternatives: A|B|..., each one a value or a range of numbers A..B."""
    out = []
    for alt in value.split("|"):
        lo, dots, hi = alt.partition("..")
        if dots and lo.isdigit() and hi.isdigit() and int(lo) <= int(hi):
            out += [str(n) for n in range(int(lo), int(hi) + 1)]
        else:
            out.append(alt)
    return out


def _accepted(values):
    """A when key's values as the error message lists them (a long run of numbers as a range)."""
    if len(values) > 8 and all(v.isdigit() for v in values):
        return f"{values[0]}..{values[-1]}"
    return "|".join(values)


class Entry:
    def __init__(self, suite, case, where):
        self.suite, self.case, self.where = suite, case, where
        self.when = {}  # KEY -> the values it may have (a tuple)
        self.findings = []  # Known
        self.reason = None
        self.references = []

    def applies(self, facts):
        return all(facts.get(k) in vs for k, vs in self.when.items())


class Unlisted:
    """An unchecked entry: claims (claims.Claim) known to go unchecked, by a
    glob over the node's path and one over the property, with why."""

    def __init__(self, node, prop, where):
        self.node, self.prop, self.where = node, prop, where
        self.when = {}  # KEY -> the values it may have (a tuple)
        self.reason = None
        self.references = []

    def applies(self, facts):
        return all(facts.get(k) in vs for k, vs in self.when.items())

    def matches(self, claim):
        return fnmatch.fnmatchcase(claim.node, self.node) and fnmatch.fnmatchcase(
            claim.prop, self.prop
        )

    @property
    def name(self):
        return f"{self.node} {self.prop}"


class Baseline:
    def __init__(self, path, entries, unchecked=()):
        self.path, self.entries = path, entries
        self.unchecked = list(unchecked)  # Unlisted, in the file's order


def parse(text, name):
    """The Baseline in a file's text; name is how errors name the file."""
    entries = []
    unchecked = []
    seen: dict[tuple, str] = {}  # (suite, case, check, subject pattern, when) -> where first given

    def close(e):
        if e is None:
            return
        if isinstance(e, Unlisted):
            if e.reason is None:
                raise BaselineError(f"{e.where}: the entry unchecked {e.name} has no reason line")
            key = ("unchecked", e.node, e.prop, tuple(sorted(e.when.items())))
            if key in seen:
                raise BaselineError(f"{e.where}: the same unchecked entry as {seen[key]}")
            seen[key] = e.where
            unchecked.append(e)
            return
        for what, ok in (
            ("finding", e.findings),
            ("reason", e.reason),
            ("reference", e.references),
        ):
            if not ok:
                raise BaselineError(
                    f"{e.where}: the entry for {e.suite}{'/' + e.case if e.case else ''} "
                    f"has no {what} line"
                )
        for k in e.findings:
            key = (e.suite, e.case) + k.pattern.key + (tuple(sorted(e.when.items())),)
            if key in seen:
                raise BaselineError(f"{k.at}: the same finding as {seen[key]}")
            seen[key] = k.at
        entries.append(e)

    e, prev = None, None  # the entry open, the keyword of the line before
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{name}:{n}"
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(" ")
        value = value.strip()
        if key not in KEYWORDS:
            raise BaselineError(f"{where}: unknown keyword {key!r} (known: {', '.join(KEYWORDS)})")
        if not value:
            raise BaselineError(f"{where}: {key} needs a value")
        prev, key_before = key, prev
        if key == "case":
            close(e)
            if not CASE.match(value):
                raise BaselineError(f"{where}: case takes SUITE or SUITE/CASE, not {value!r}")
            suite, _, case = value.partition("/")
            e = Entry(suite, case or None, where)
            continue
        if key == "unchecked":
            close(e)
            e = _unlisted(value, where)
            continue
        if e is None:
            raise BaselineError(f"{where}: {key} before any 'case' or 'unchecked' line")
        if isinstance(e, Unlisted) and key in ("finding", "text"):
            raise BaselineError(
                f"{where}: an unchecked entry lists claims, not findings: it takes when, "
                "reason and reference lines"
            )
        if key == "when":
            k, eq, v = value.partition("=")
            vs = tuple(sorted(set(_expand(v))))
            if not eq or k not in WHEN_KEYS or not all(x in WHEN_KEYS[k] for x in vs):
                raise BaselineError(
                    f"{where}: when takes KEY=VALUE[|VALUE...], one of "
                    + ", ".join(f"{k}={_accepted(vs)}" for k, vs in WHEN_KEYS.items())
                )
            if k in e.when:
                raise BaselineError(f"{where}: a second 'when {k}=' in one entry")
            e.when[k] = vs
        elif key == "finding":
            try:
                pattern = Pattern(value, wildcard=True)
            except PatternError as err:
                # A finding's whole text was the old form: say how to turn it into identities.
                old = " " in value and "=" not in value.split()[1]
                raise BaselineError(
                    f"{where}: finding takes CHECK [KEY=VALUE ...], the identity the "
                    f"report gives (check=CHECK and its subject fields): {err}"
                    + (
                        " (a finding's text is the old form: scripts/convert-baseline turns "
                        "it into identities, given runs that show it)"
                        if old
                        else ""
                    )
                ) from None
            if pattern.check in NEVER_KNOWN:
                raise BaselineError(
                    f"{where}: check {pattern.check} is one no baseline may know (protocol.h "
                    "CHECKS_NEVER_KNOWN): it stands for findings the harness could not tell "
                    "apart, and a known one would hide them"
                )
            e.findings.append(Known(pattern, where))
        elif key == "text":
            if key_before not in ("finding", "text"):
                raise BaselineError(
                    f"{where}: text belongs under a 'finding' line (the wording of "
                    "the finding it follows)"
                )
            if e.findings[-1].text is not None:
                raise BaselineError(
                    f"{where}: a second text for the finding of {e.findings[-1].at}"
                )
            e.findings[-1].text = value
        elif key == "reason":
            if e.reason is not None:
                raise BaselineError(f"{where}: a second reason in one entry")
            e.reason = value
        else:
            e.references.append(value)
    close(e)
    return Baseline(name, entries, unchecked)


# A glob over a node path or a property name: printable ASCII but the space.
GLOB = re.compile(r"^[!-~]+$")


def _unlisted(value, where):
    words = value.split()
    if len(words) != 2 or not all(GLOB.match(w) for w in words):
        raise BaselineError(
            f"{where}: unchecked takes NODE PROP, a node path (or `(header)`) and a "
            f"property, each an fnmatch glob, not {value!r}"
        )
    node, prop = words
    if not (node.startswith("/") or node[0] in "*?[" or node == CLAIM_HEADER_NODE):
        raise BaselineError(
            f"{where}: unchecked {node}: a node is a path from / (or {CLAIM_HEADER_NODE}, "
            "the header's claims), or a glob over one"
        )
    return Unlisted(node, prop, where)


def shown(path):
    """A path as the user reads it: relative to the repository when inside it."""
    rel = os.path.relpath(os.path.abspath(path), paths.ROOT)
    return path if rel.startswith("..") else rel


def load(path):
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        raise BaselineError(f"{shown(path)}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{shown(path)}: not a text file") from None
    return parse(text, shown(path))
