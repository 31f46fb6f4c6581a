// SPDX-License-Identifier: MIT
/*
 * The seed's question per platform: what an MMIO exit costs against a
 * hypercall exit (the ratio of medians), and whether some devices' MMIO is
 * dearer than others' (the cheapest and dearest 32-bit read: a hypervisor's
 * handler lookup, or a device model's work, shows as the spread).
 */
#include <stdio.h>
#include <string.h>

#include "runtime/check.h"
#include "tests/bench/bench.h"

static int is_read32(const char *op, const char *target)
{
	size_t n = strlen(target);

	return !strcmp(op, "mmio_read") && n > 3 && !strcmp(target + n - 3, ":32");
}

void case_summary(struct test_ctx *t)
{
	static uint64_t reads[BENCH_KEPT];
	const char *op, *target, *lo_t = NULL, *hi_t = NULL;
	uint64_t m, lo = ~0ull, hi = 0;
	unsigned n = 0;

	for (unsigned i = 0; bench_kept(i, &op, &target, &m); i++) {
		if (!is_read32(op, target) || n >= BENCH_KEPT)
			continue;
		reads[n++] = m;
		if (m < lo)
			lo = m, lo_t = target;
		if (m > hi)
			hi = m, hi_t = target;
	}
	if (bench_dropped()) {
		char dropped[16];
		snprintf(dropped, sizeof(dropped), "%u", bench_dropped());
		bench_summary("dropped", dropped,
			      "figures past the first %u kept are left out of the summary",
			      BENCH_KEPT);
	}
	if (!n) {
		skip(t, "no 32-bit MMIO read was timed");
		return;
	}
	/* The median of the reads' medians: many transports of one kind do not weigh it. */
	for (unsigned i = 1; i < n; i++)
		for (unsigned j = i; j > 0 && reads[j - 1] > reads[j]; j--) {
			uint64_t x = reads[j];
			reads[j] = reads[j - 1];
			reads[j - 1] = x;
		}
	uint64_t mid = reads[n / 2], hvc = bench_median_of("smccc", "hvc:PSCI_VERSION");
	if (!hvc)
		hvc = bench_median_of("smccc", "smc:PSCI_VERSION");
	char a[24], b[24], c[24], d[24];
	bench_summary("mmio_read_32_ns", bench_ns(a, sizeof(a), mid),
		      "the median over %u registers; cheapest %s %s ns, dearest %s %s ns (%sx)", n,
		      lo_t, bench_ns(b, sizeof(b), lo), hi_t, bench_ns(c, sizeof(c), hi),
		      bench_ratio(d, sizeof(d), hi, lo));
	if (hvc) {
		char e[24], f[24], g[24], h[24];
		bench_summary("mmio_exit/hypercall_exit", bench_ratio(e, sizeof(e), mid, hvc),
			      "median 32-bit MMIO read %s ns / PSCI_VERSION %s ns; from %s to %s "
			      "over the devices",
			      a, bench_ns(f, sizeof(f), hvc), bench_ratio(g, sizeof(g), lo, hvc),
			      bench_ratio(h, sizeof(h), hi, hvc));
	} else {
		bench_summary("mmio_exit/hypercall_exit", NULL,
			      "no PSCI_VERSION figure: no MMIO/hypercall ratio");
	}
	passed(t);
}
