// SPDX-License-Identifier: MIT
/*
 * selftest suite: proves the harness's own safety nets on the platform at
 * hand. Runs only when asked (suites=selftest): one case takes an
 * unexpected exception, one hangs until the watchdog ends it, and the case
 * after them must still run. The runner's tests expect exactly those
 * failures.
 */
#include "boot/cpu.h"
#include "runtime/check.h"
#include "runtime/watchdog.h"

static void case_unexpected_exception(struct test_ctx *t)
{
	note(t, "executing UDF: the case must end here, failed, with the exception decoded");
	cpu_undefined_instruction();
	finding(t, "udf_ends_case", "execution continued past UDF");
}

static void case_hang(struct test_ctx *t)
{
	require(t, watchdog_usable(), "watchdog_usable", "no watchdog; not hanging on purpose");
	for (;;)
		cpu_wait();
}

/* A liveness marker: its "ok" line exists only if the run went on. */
static void case_runs_after(struct test_ctx *t)
{
	evidence(t, "run_goes_on", "the run went on after the failures above");
}

static const struct test_case cases[] = {
	CASE(unexpected_exception),
	CASE(hang),
	CASE(runs_after),
};

SUITE(90, selftest, cases, .on_request = 1);
