# SPDX-License-Identifier: MIT
"""The verdict of a run: a report is trusted only when it is whole, adds up,
and agrees with the harness's exit code (lib/runtime/protocol.h GUEST_EXIT_*).
The answer is one of the runner's own exit statuses (status.py)."""
from . import selftest, status
from .protocol import GUEST_EXIT_FAIL, GUEST_EXIT_FATAL, GUEST_EXIT_NO_CONSOLE, GUEST_EXIT_PASS


SELFTEST_AS_DESIGNED = (  # the verdict's name when only selftest failed, as designed
    "selftest as designed"
)


def _selftest(rep):
    """(the selftest suite or None, whether any other suite failed)."""
    sel = next((s for s in rep.suites if s.name == selftest.SUITE), None)
    others = any(
        s.status == "fail" or any(c.status == "fail" for c in s.cases)
        for s in rep.suites
        if s is not sel
    )
    return sel, others


def _failures(rep):
    sel, others = _selftest(rep)
    if sel is None or sel.status != "fail":
        return "some tests failed"
    dev = selftest.deviations(sel)
    if not others:
        return (
            "the selftest suite's safety nets work: its cases failed as designed"
            f" ({selftest.DESIGN})"
            if not dev
            else "the selftest suite's safety nets did not work as designed: " + "; ".join(dev)
        )
    return "some tests failed" + (
        "; the selftest suite's failures are as designed"
        if not dev
        else "; and the selftest suite's safety nets did not work as designed: " + "; ".join(dev)
    )


def name(code, rep):
    """The verdict's name: the status's, but for a report whose only failures
    are the selftest suite's designed ones (still status 1: the report has
    its "not ok" lines and the harness exited 1)."""
    if code == status.TEST_FAILED:
        sel, others = _selftest(rep)
        if sel is not None and sel.status == "fail" and not others and not selftest.deviations(sel):
            return SELFTEST_AS_DESIGNED
    return status.NAMES[code]


def judge(cap, rep, ktap_lines, harness_exit):
    """(status, reason) from the capture, the parsed report, its lines and the
    harness's exit code (None when the platform does not pass one back)."""
    if cap.start_error:
        return status.CRASH, f"the platform did not start: {cap.start_error}"
    if harness_exit == GUEST_EXIT_FATAL and not rep.complete:
        return status.TRUNCATED, "the harness stopped on a fatal error outside any test case"
    if harness_exit == GUEST_EXIT_NO_CONSOLE:
        return status.NO_CONSOLE, (
            "the device tree gave the harness no console; it reported through semihosting"
            if rep.complete
            else "the harness found no usable console"
        )
    if rep.complete:
        c = rep.counts()
        failed = c["fail"] or any(s.status == "fail" for s in rep.suites)
        broken = rep.inconsistencies()
        if broken:
            return status.TRUNCATED, "the report ended but does not add up: " + "; ".join(broken)
        if harness_exit is not None and harness_exit not in (GUEST_EXIT_PASS, GUEST_EXIT_FAIL):
            return status.CRASH, f"report complete but the platform exited with {harness_exit}"
        if harness_exit == GUEST_EXIT_FAIL and not failed:
            return status.TRUNCATED, "the harness exited 'failed' but the report shows no failure"
        if not failed:
            return status.PASS, "all passed"
        return status.TEST_FAILED, _failures(rep)
    if not ktap_lines:
        # QEMU that will not start (a bad option, a file it cannot load, RAM
        # it cannot allocate) exits at once, 1, with its own error line: that
        # is the platform failing, not a silent guest.
        if cap.program_errors and not cap.timed_out:
            return status.CRASH, f"the platform did not start: {cap.program_errors[0]}"
        if cap.timed_out:
            return status.SILENT, "no KTAP output before the timeout"
        if cap.returncode not in (None, GUEST_EXIT_PASS, GUEST_EXIT_FAIL):
            return (
                status.CRASH,
                f"the platform exited with status {cap.returncode} before any report",
            )
        return status.SILENT, "the platform stopped without printing a report"
    if cap.timed_out:
        return status.HANG, "the report stopped and the timeout expired"
    return status.TRUNCATED, "the report began but never completed"


def colour_of(code, label):
    """The verdict line's colour: green a pass, yellow the selftest suite's
    designed failures, red every other status."""
    if code == status.PASS:
        return "green"
    return "yellow" if label == SELFTEST_AS_DESIGNED else "red"


def line(code, label, why, colour=False):
    """scripts/run's last line: the verdict, coloured on a terminal."""
    from .progress import paint

    text = f"verdict: {label} (status {code}): {why}"
    return paint(text, colour_of(code, label), colour)
