// SPDX-License-Identifier: MIT
/*
 * bench suite, on request only (suites=bench): what a trap costs on this
 * platform, per device, per hypercall and per interrupt, and how fast DMA
 * and a data register move bytes (throughput.c). Figures are not
 * verdicts: a case fails only when what it times does not behave (an SGI
 * that does not come). Method: tests/bench/bench.h; the runner gathers the
 * "bench:" lines into bench.json and bench.csv.
 */
#include "runtime/check.h"
#include "tests/bench/bench.h"

static const struct test_case cases[] = {
	CASE(baseline),	  CASE(mmio_devices), CASE(hypercalls), CASE(system_registers),
	CASE(interrupts), CASE(cross_cpu),    CASE(throughput), CASE(summary),
};
SUITE(95, bench, cases, .on_request = 1);
