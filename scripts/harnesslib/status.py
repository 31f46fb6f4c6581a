# SPDX-License-Identifier: MIT
"""Exit statuses of scripts/run: one per way a run can end."""
PASS = 0  # every test passed or skipped, report complete
TEST_FAILED = 1  # the report is complete and some test failed
USAGE = 2  # bad options or missing files
SILENT = 3  # the platform printed nothing the harness wrote
TRUNCATED = 4  # a report began but never completed (the guest died or stopped)
HANG = 5  # output stopped and the timeout expired before the report completed
CRASH = 6  # the platform itself failed (QEMU error, Xen panic, domain crash)
NO_CONSOLE = 7  # the harness found no console and said so through its exit code
SETUP = 8  # a tool the run needs is missing
DOMAIN_CRASH = 9  # the hypervisor crashed the guest's domain (Xen domain_crash)
RUNNER_ERROR = 12  # the runner's own fault (a bug, or a report it cannot read): not the platform's

NAMES = {
    PASS: "pass",
    TEST_FAILED: "test failures",
    USAGE: "usage error",
    SILENT: "silence",
    TRUNCATED: "truncated report",
    HANG: "hang (timeout)",
    CRASH: "platform crash",
    NO_CONSOLE: "harness found no console",
    SETUP: "missing tool",
    DOMAIN_CRASH: "domain crashed",
    RUNNER_ERROR: "runner error",
}
