# SPDX-License-Identifier: MIT
"""scripts/run's baseline step: which baseline a run is held against, the
verdict that follows, and the files and lines that show it.

The baseline is --baseline FILE, or tests/baselines/PROFILE.txt for the
profile the report names (the memmap suite's memmap-profile record, name=)
unless bootargs forced it (forced=yes), or else the platform's own profile
(PLATFORM_PROFILE). --no-baseline holds the run against nothing.

Writes, beside the untouched ktap.txt: ktap-baselined.txt (the report with
each known failure marked TODO and every FAIL line said known or new) and
baseline.txt (the lines the terminal shows). The run passes (0) when every
failure is known and no known deviation vanished (--accept-vanished lets
vanished ones pass); it fails (1) otherwise. A run the verdict did not
trust (status 2..9) keeps its status.

Then the claims (judge_claims): the report's claim coverage (claims.py)
against the baseline's unchecked entries, a line on the terminal and its
part of baseline.txt; with --strict-claims an unchecked claim no entry lists
fails the run (1), unless only some suites ran (coverage is partial: not
judged).
"""
import os
import sys

from .. import claims, findings, paths, records, status
from ..baseline import entries as baseline
from ..baseline import check as baseline_check
from ..baseline.entries import shown
from ..errors import OptionError, UsageError
from ..qemu import machine_type

BASELINES = os.path.join(paths.ROOT, "tests", "baselines")
# The profile a platform's runs are documented by (lib/spec/profiles/).
PLATFORM_PROFILE = {"xen": "xen-4.17", "qemu": "qemu-virt-7.2"}
PROFILE_RECORD = records.protocol.VALUES["RECORD_MEMMAP_PROFILE"]
OUTPUTS = ("ktap-baselined.txt", "baseline.txt")


def default_path(profile):
    return os.path.join(BASELINES, f"{profile}.txt")


def _load(path):
    try:
        return baseline.load(path)
    except baseline.BaselineError as e:
        raise UsageError(str(e)) from None


def prepare(a):
    """Check --baseline, --no-baseline and --accept-vanished before the run
    starts, and read the baseline that will apply if the report names no
    other profile (a malformed file stops the run here, status 2)."""
    if a.baseline is not None and a.no_baseline:
        raise OptionError(
            "--no-baseline", None, "contradicts --baseline", "one of --baseline and --no-baseline"
        )
    if a.accept_vanished and a.no_baseline:
        raise OptionError(
            "--accept-vanished",
            None,
            "needs a baseline, and --no-baseline holds none",
            "without --no-baseline",
        )
    if a.baseline is not None:
        if a.baseline == "" or not os.path.isfile(a.baseline):
            raise OptionError(
                "--baseline",
                a.baseline,
                "no such file" if not os.path.exists(a.baseline) else "not a regular file",
                "a baseline file (format: tests/baselines/README.md)",
            )
        try:
            return {a.baseline: baseline.load(a.baseline)}
        except baseline.BaselineError as e:
            raise OptionError(
                "--baseline", a.baseline, str(e), "a baseline file (tests/baselines/README.md)"
            ) from None
    path = default_path(PLATFORM_PROFILE[a.platform])
    return {path: _load(path)} if not a.no_baseline and os.path.exists(path) else {}


def choose(a, ktap_lines):
    """(path, why) of the baseline for this report, path None for none."""
    if a.no_baseline:
        return None, "--no-baseline"
    if a.baseline is not None:
        return a.baseline, "--baseline"
    named = next(iter(records.of_lines(ktap_lines, PROFILE_RECORD)), None)
    if named and named.get("forced") != "yes":
        profile, why = named.get("name"), "the report's profile"
    else:
        profile = PLATFORM_PROFILE[a.platform]
        why = (
            "the platform's profile (bootargs forced another)"
            if named
            else "the platform's profile (the report names none)"
        )
    path = default_path(profile)
    if not os.path.exists(path):
        return None, f"no baseline for {why} {profile} ({shown(path)})"
    return path, f"{why} {profile}"


def facts(a):
    """What a baseline entry's `when` may test (baseline.WHEN_KEYS)."""
    f = {
        "gic": str(a.gic),
        "initrd": "yes" if getattr(a, "initrd", True) else "no",
        "arch": getattr(a, "arch", None) or "aarch64",
    }
    if a.platform == "xen":
        f["vpl011"] = "no" if a.no_vpl011 else "yes"
        f["enhanced"] = "no" if getattr(a, "no_enhanced", False) else "yes"
        f["cpus"] = str(getattr(a, "vcpus", 1))
        # public/arch-arm.h GUEST_RAM0_SIZE: 3 GiB below 4 GiB, the rest in RAM1
        f["ram0"] = "full" if (getattr(a, "domu_mem_bytes", 0) or 0) >= 3 << 30 else "partial"
    else:
        virtio = getattr(a, "virtio", None)
        if virtio is not None and not set(virtio) - {"modern"}:
            f["virtio"] = "none"  # --virtio none: transports with no device behind them
        else:
            f["virtio"] = "modern" if "modern" in (virtio or ()) else "legacy"
        f["cpus"] = str(getattr(a, "smp", 2))
        f["boot"] = getattr(a, "boot", None) or "kernel"
        f["machine"] = machine_type(getattr(a, "machine", "")) or "virt-7.2"
    return f


class Held:
    """A report held against a baseline, for the files drawn from the run
    (junit.py, memmap/report.py): the baseline as shown (path), the
    judgement (baseline_check.Judgement), the baseline itself and whether
    vanished entries pass."""

    def __init__(self, path, judgement, base, accept_vanished):
        self.path, self.judgement, self.base = path, judgement, base
        self.accept_vanished = accept_vanished
        self.claims = None  # baseline_check.ClaimsJudgement, once judge_claims ran


def hold(a, ktap_lines, loaded=None):
    """(Held, how): the report against the baseline that applies to it, or
    (None, why there is none)."""
    path, how = choose(a, ktap_lines)
    if path is None:
        return None, how
    base = (loaded or {}).get(path) or _load(path)
    j = baseline_check.judge(findings.read(ktap_lines), base, facts(a))
    return Held(shown(path), j, base, a.accept_vanished), how


def apply(a, loaded, out, ktap_lines, code, why):
    """(status, reason, Held or None, how): the run once held against its
    baseline, and the writing of its files; how: which baseline and why
    (or why none). A run the verdict did not trust is held against
    nothing. The terminal shows the judgement (findings_view.py)."""
    for name in OUTPUTS:  # a previous run's, in a reused folder
        if os.path.exists(os.path.join(out, name)):
            os.remove(os.path.join(out, name))
    if code not in (status.PASS, status.TEST_FAILED):
        return code, why, None, "the verdict does not trust the report"
    held, how = hold(a, ktap_lines, loaded)
    if held is None:
        return code, why, None, how
    path, j = held.path, held.judgement
    head = f"baseline {path} ({how}): {baseline_check.tally(j)}"
    text = [head] + baseline_check.lines_of(j)
    with open(os.path.join(out, "baseline.txt"), "w") as f:
        f.write("\n".join(text) + "\n")
    with open(os.path.join(out, "ktap-baselined.txt"), "w") as f:
        f.write("\n".join(baseline_check.annotate(ktap_lines, j, held.base)) + "\n")
    code, why = verdict(j, a.accept_vanished, path, code, why)
    return code, why, held, how


def verdict(j, accept_vanished, path, code, why):
    if j.new:
        parts = [f"{len(j.new)} new (not in {path})"]
        parts += [f"{len(j.vanished)} known vanished"] if j.vanished else []
        return status.TEST_FAILED, "; ".join(parts)
    if j.vanished and not accept_vanished:
        return (
            status.TEST_FAILED,
            (
                f"{len(j.vanished)} known deviation(s) of {path} vanished "
                "(--accept-vanished lets them pass)"
            ),
        )
    if code == status.TEST_FAILED:
        return status.PASS, (
            "every failure is a known deviation of"
            f" {path} ({len(j.known)} finding{'' if len(j.known) == 1 else 's'})"
            + (f"; {len(j.vanished)} vanished, accepted" if j.vanished else "")
        )
    return code, why + (
        f"; {len(j.vanished)} known deviation(s) vanished, accepted" if j.vanished else ""
    )


def judge_claims(a, out, ktap_lines, held, code, why):
    """(status, why, ClaimsJudgement or None): the report's claim coverage
    held against the baseline's unchecked entries (held: the Held of apply,
    None when no baseline applied); the terminal's line (not with --quiet)
    and, with a baseline, its part of baseline.txt. A run the verdict did
    not trust is not judged (None)."""
    if code not in (status.PASS, status.TEST_FAILED):
        return code, why, None
    cj = baseline_check.judge_claims(claims.read(ktap_lines), held.base if held else None, facts(a))
    if held is not None:
        held.claims = cj
        path = os.path.join(out, "baseline.txt")
        if os.path.exists(path):
            with open(path, "a") as f:
                f.write("\n".join(baseline_check.claims_lines_of(cj)) + "\n")
    if not a.quiet:
        from ..progress import paint, use_colour

        on = use_colour(sys.stdout)
        print(
            "\n".join(
                paint(line, "red", on) if line.startswith("  unlisted ") else line
                for line in baseline_check.claims_terminal_lines(cj)
            )
        )
    code, why = baseline_check.claims_verdict(cj, getattr(a, "strict_claims", False), code, why)
    return code, why, cj


def claims_record(cj):
    """run.json's "claims": the counts, the baseline's part and each
    unchecked claim no entry lists; None when not judged."""
    if cj is None:
        return None
    c = cj.coverage
    if c is None:
        return {"reported": False, "why": claims.NONE_WHY}
    return dict(
        reported=True,
        **c.counts,
        held=c.held,
        total=c.total,
        dropped=c.dropped,
        unnamed=c.unnamed,
        suites=c.suites,
        partial=c.partial,
        problems=c.problems,
        baseline=cj.path,
        listed=len(cj.listed),
        unlisted=[
            dict(node=x.node, prop=x.prop, **({"index": x.entry} if x.entry else {}), why=x.why)
            for x in cj.unlisted
        ],
    )


def claims_properties(cj):
    """junit.xml's properties: the counts (none when not judged)."""
    if cj is None:
        return []
    c = cj.coverage
    if c is None:
        return [("claims", "none reported")]
    return [(f"claims_{k}", str(v)) for k, v in c.counts.items()] + [
        ("claims_held", str(c.held)),
        ("claims_total", str(c.total)),
        ("claims_dropped", str(c.dropped)),
        ("claims_unnamed", str(c.unnamed)),
        ("claims_listed", str(len(cj.listed))),
        ("claims_unlisted", str(len(cj.unlisted))),
        ("claims_suites", str(c.suites)),
    ]
