// SPDX-License-Identifier: MIT
/* Timing an operation into figures, and the lines they are printed as. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/record.h"
#include "tests/bench/bench.h"

static uint64_t samples[BENCH_SAMPLES];

/* Each figure's median, kept for the summary case: from run-time memory, not the image. */
static struct kept_figure {
	char op[24], target[64];
	uint64_t median;
} * kept;
static unsigned nkept, ndropped;

uint64_t bench_tick_ps(void)
{
	uint64_t hz = cpu_counter_hz();

	return hz ? 1000000000000ull / hz : 0;
}

static void sort(uint64_t *v, unsigned n)
{
	for (unsigned i = 1; i < n; i++) {
		uint64_t x = v[i];
		unsigned j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void nothing(const void *arg)
{
	(void)arg;
	__asm__ volatile("" ::: "memory");
}

/* Raw ticks per batch into samples[]. */
static void run_batches(void (*op)(const void *), const void *arg, unsigned batch)
{
	for (unsigned w = 0; w < BENCH_WARMUP * batch; w++)
		op(arg);
	for (unsigned s = 0; s < BENCH_SAMPLES; s++) {
		uint64_t t0 = cpu_counter();
		for (unsigned k = 0; k < batch; k++)
			op(arg);
		samples[s] = cpu_counter() - t0;
	}
}

/* Measured afresh for each figure: a host whose load changes moves both alike. */
uint64_t bench_overhead_ticks(unsigned batch)
{
	run_batches(nothing, NULL, batch);
	sort(samples, BENCH_SAMPLES);
	return samples[BENCH_SAMPLES / 2];
}

static uint64_t per_op_ps(uint64_t ticks, uint64_t overhead, unsigned batch)
{
	uint64_t hz = cpu_counter_hz(), net = ticks > overhead ? ticks - overhead : 0;

	return hz ? mul_div_u64(net, 1000000000000ull, hz) / batch : 0;
}

static void stats_of(uint64_t *v, unsigned n, uint64_t overhead, unsigned batch,
		     struct bench_stats *out)
{
	sort(v, n);
	out->samples = n;
	out->batch = batch;
	out->min = per_op_ps(v[0], overhead, batch);
	out->p10 = per_op_ps(v[n / 10], overhead, batch);
	out->median = per_op_ps(v[n / 2], overhead, batch);
	out->p90 = per_op_ps(v[n * 9 / 10], overhead, batch);
	out->p99 = per_op_ps(v[n * 99 / 100], overhead, batch);
	out->max = per_op_ps(v[n - 1], overhead, batch);
	out->loop = per_op_ps(overhead, 0, batch);
}

void bench_loop(void (*op)(const void *arg), const void *arg, unsigned batch,
		struct bench_stats *out)
{
	uint64_t overhead = bench_overhead_ticks(batch);

	run_batches(op, arg, batch);
	stats_of(samples, BENCH_SAMPLES, overhead, batch, out);
}

void bench_from_ticks(uint64_t *ticks, unsigned n, uint64_t overhead, struct bench_stats *out)
{
	stats_of(ticks, n, 0, 1, out);
	out->loop = per_op_ps(overhead, 0, 1);
}

const char *bench_ns(char *buf, unsigned len, uint64_t ps)
{
	snprintf(buf, len, "%llu.%02llu", (unsigned long long)(ps / 1000),
		 (unsigned long long)(ps % 1000 / 10));
	return buf;
}

/* bytes / median in MB/s (10^6 bytes) with two decimals, into buf. */
static const char *mb_per_s(char *buf, unsigned len, uint32_t bytes, uint64_t ps)
{
	uint64_t centi = ps ? mul_div_u64(bytes, 100000000ull, ps) : 0;

	snprintf(buf, len, "%llu.%02llu", (unsigned long long)(centi / 100),
		 (unsigned long long)(centi % 100));
	return buf;
}

static void report(struct test_ctx *t, const char *op, const char *target, const char *role,
		   const struct bench_stats *s, uint32_t bytes)
{
	char ns[24];
	struct record r;

	(void)t;
	record_start(&r, 2, RECORD_BENCH);
	record_field(&r, "op", "%s", op);
	record_field(&r, "target", "%s", target);
	record_field(&r, "samples", "%u", s->samples);
	record_field(&r, "batch", "%u", s->batch);
	record_field(&r, "min_ns", "%s", bench_ns(ns, sizeof(ns), s->min));
	record_field(&r, "p10_ns", "%s", bench_ns(ns, sizeof(ns), s->p10));
	record_field(&r, "median_ns", "%s", bench_ns(ns, sizeof(ns), s->median));
	record_field(&r, "p90_ns", "%s", bench_ns(ns, sizeof(ns), s->p90));
	record_field(&r, "p99_ns", "%s", bench_ns(ns, sizeof(ns), s->p99));
	record_field(&r, "max_ns", "%s", bench_ns(ns, sizeof(ns), s->max));
	record_field(&r, "loop_ns", "%s", bench_ns(ns, sizeof(ns), s->loop));
	if (bytes) {
		record_field(&r, "bytes", "%u", bytes);
		record_field(&r, "median_mb_s", "%s", mb_per_s(ns, sizeof(ns), bytes, s->median));
	}
	if (role)
		record_field(&r, "role", "%s", role);
	record_emit(&r);
	if (!kept)
		kept = arena_alloc(BENCH_KEPT * sizeof(*kept), _Alignof(struct kept_figure));
	if (kept && nkept < BENCH_KEPT) {
		snprintf(kept[nkept].op, sizeof(kept[nkept].op), "%s", op);
		snprintf(kept[nkept].target, sizeof(kept[nkept].target), "%s", target);
		kept[nkept++].median = s->median;
	} else {
		ndropped++;
	}
}

void bench_report(struct test_ctx *t, const char *op, const char *target,
		  const struct bench_stats *s)
{
	report(t, op, target, NULL, s, 0);
}

void bench_report_role(struct test_ctx *t, const char *op, const char *target, const char *role,
		       const struct bench_stats *s)
{
	report(t, op, target, role, s, 0);
}

void bench_report_bytes(struct test_ctx *t, const char *op, const char *target,
			const struct bench_stats *s, uint32_t bytes)
{
	report(t, op, target, NULL, s, bytes);
}

void bench_untimed(const char *op, const char *target, const char *device, const char *fmt, ...)
{
	struct record r;
	va_list ap;

	record_start(&r, 2, RECORD_BENCH_UNTIMED);
	record_field(&r, "op", "%s", op);
	if (target)
		record_field(&r, "target", "%s", target);
	if (device)
		record_field(&r, "device", "%s", device);
	va_start(ap, fmt);
	record_vtext(&r, "", fmt, ap);
	va_end(ap);
	record_emit(&r);
}

void bench_summary(const char *name, const char *value, const char *fmt, ...)
{
	struct record r;
	va_list ap;

	record_start(&r, 2, RECORD_BENCH_SUMMARY);
	record_field(&r, "name", "%s", name);
	if (value)
		record_field(&r, "value", "%s", value);
	va_start(ap, fmt);
	record_vtext(&r, "", fmt, ap);
	va_end(ap);
	record_emit(&r);
}

uint64_t bench_median_of(const char *op, const char *target_prefix)
{
	for (unsigned i = nkept; i-- > 0;)
		if (!strcmp(kept[i].op, op) &&
		    !strncmp(kept[i].target, target_prefix, strlen(target_prefix)))
			return kept[i].median;
	return 0;
}

const char *bench_ratio(char *buf, unsigned len, uint64_t a, uint64_t b)
{
	uint64_t r = b ? a * 100 / b : 0;

	snprintf(buf, len, "%llu.%02llu", (unsigned long long)(r / 100),
		 (unsigned long long)(r % 100));
	return buf;
}

unsigned bench_dropped(void)
{
	return ndropped;
}

int bench_kept(unsigned i, const char **op, const char **target, uint64_t *median)
{
	if (i >= nkept)
		return 0;
	*op = kept[i].op;
	*target = kept[i].target;
	*median = kept[i].median;
	return 1;
}

uint32_t bench_ack(uint64_t timeout_us, uint64_t *when)
{
	struct wait w;

	/* No pause between looks: the acknowledge's time is what is measured. */
	wait_begin_tight(&w, timeout_us);
	for (;;) {
		enum wait_end end = wait_look(&w);
		uint32_t iar = gic_ack();
		if (gic_intid(iar) != GIC_SPURIOUS || end != WAIT_ON) {
			*when = cpu_counter();
			return iar;
		}
	}
}

static volatile uint64_t ram_word;

static void ram_load(const void *arg)
{
	(void)arg;
	(void)ram_word;
}

/* The counter, the loop, and a RAM load: what every other figure stands on. */
void case_baseline(struct test_ctx *t)
{
	struct bench_stats s;
	struct record r;
	char a[24];
	uint64_t hz = cpu_counter_hz();
	if (!hz) {
		skip(t, CPU_REG_CNTFRQ " is 0: no time base");
		return;
	}
	record_start(&r, 2, RECORD_BENCH_INFO);
	record_field(&r, "counter_hz", "%llu", (unsigned long long)hz);
	record_field(&r, "resolution_ns", "%s", bench_ns(a, sizeof(a), bench_tick_ps()));
	record_field(&r, "loop_ticks_batch1", "%llu", (unsigned long long)bench_overhead_ticks(1));
	record_field(&r, "batch", "%u", BENCH_BATCH);
	record_field(&r, "loop_ticks_per_batch", "%llu",
		     (unsigned long long)bench_overhead_ticks(BENCH_BATCH));
	record_text(&r, "the loop's own cost, subtracted from every sample");
	record_emit(&r);
	bench_loop(ram_load, NULL, BENCH_BATCH, &s);
	bench_report(t, "ram_load", "bss", &s);
	passed(t);
}
