# SPDX-License-Identifier: MIT
"""The selftest suite's designed outcome (tests/selftest.c, run only with
suites=selftest): its first two cases fail on purpose, to show that the
harness's safety nets hold, and the third shows that the run went on. A
report where they failed just so is the nets working, not a test failure."""
from .findings import is_finding

SUITE = "selftest"
DESIGN = (
    "unexpected_exception's exception was contained, hang was ended by the watchdog, runs_after ran"
)


def _finding(case):
    return any(is_finding(d) for d in case.diags)


def deviations(suite):
    """What of the suite's cases did not go as designed ([] when all did)."""
    cases = {c.name: c for c in suite.cases}
    out = []
    c = cases.get("unexpected_exception")
    if c is None or c.status != "fail" or c.directive or _finding(c):
        # failed without a finding of its own: the exception ended it (the
        # case's finding says the UDF did not trap; a TIMEOUT that it hung)
        out.append(
            "unexpected_exception "
            + ("is missing" if c is None else "did not fail by its exception")
        )
    c = cases.get("hang")
    if c is None or c.status != "fail" or c.directive != "TIMEOUT":
        out.append(
            "hang " + ("is missing" if c is None else "was not ended by the watchdog (# TIMEOUT)")
        )
    c = cases.get("runs_after")
    if c is None or c.status != "pass":
        out.append("runs_after " + ("is missing" if c is None else "did not pass"))
    return out
