/* SPDX-License-Identifier: MIT */
/*
 * The bench suite's shared parts (tests/bench/): timing an operation into
 * per-sample figures, and the one line each figure is printed as.
 *
 * A sample times a batch of operations between two ISB-fenced reads of the
 * virtual counter; its figure is (ticks - the loop's own cost) / batch, so
 * operations cheaper than a counter tick are resolved. The loop's cost is
 * the median of the same loop around an empty operation. Interrupt
 * latencies are timed one event per sample (batch 1).
 */
#ifndef TESTS_BENCH_BENCH_H
#define TESTS_BENCH_BENCH_H

#include <stdint.h>

#include "runtime/case.h"

#define BENCH_SAMPLES 256
#define BENCH_BATCH   16
#define BENCH_WARMUP  2	  /* batches run untimed first */
#define BENCH_KEPT    192 /* figures kept for the summary */

/* Figures in picoseconds per operation. */
struct bench_stats {
	uint64_t min, p10, median, p90, p99, max;
	uint64_t loop; /* what was subtracted per operation: the loop, or the counter reads */
	unsigned samples, batch;
};

/* Time op(arg) in BENCH_SAMPLES batches of batch; the loop's cost is subtracted. */
void bench_loop(void (*op)(const void *arg), const void *arg, unsigned batch,
		struct bench_stats *out);
/* Figures from tick samples of one event each (sorted in place), overhead already subtracted. */
void bench_from_ticks(uint64_t *ticks, unsigned n, uint64_t overhead, struct bench_stats *out);
/* The loop's own cost per batch, in ticks (median of empty batches). */
uint64_t bench_overhead_ticks(unsigned batch);
/* ps as nanoseconds with two decimals, into buf. */
const char *bench_ns(char *buf, unsigned len, uint64_t ps);
/* a / b as "N.NN", into buf. */
const char *bench_ratio(char *buf, unsigned len, uint64_t a, uint64_t b);
/* Picoseconds in a counter tick. */
uint64_t bench_tick_ps(void);

/*
 * The figure's record (runtime/protocol.h RECORD_BENCH), which scripts/run
 * collects into bench.json and bench.csv: "bench: op=OP target=TARGET
 * samples=N batch=B min_ns=.. p10_ns=.. median_ns=.. p90_ns=.. p99_ns=..
 * max_ns=.. loop_ns=..". loop_ns is what was subtracted per operation (a
 * peer that does not subtract its loop, as kvm-unit-tests, compares with
 * median_ns + loop_ns).
 */
void bench_report(struct test_ctx *t, const char *op, const char *target,
		  const struct bench_stats *s);
/*
 * The same with " role=ROLE" after it: the device part the figure is of
 * ("distributor", "uart": the contract's part), which scripts/bench-compare
 * pairs two platforms' figures by, with the register, not by DT path.
 */
void bench_report_role(struct test_ctx *t, const char *op, const char *target, const char *role,
		       const struct bench_stats *s);
/*
 * A transfer's figure: the same line, each sample one transfer of bytes,
 * with " bytes=N median_mb_s=M" after it (MB: 10^6 bytes, from the median).
 */
void bench_report_bytes(struct test_ctx *t, const char *op, const char *target,
			const struct bench_stats *s, uint32_t bytes);
/*
 * What was not timed, and why: a bench-untimed record (op=OP, target= and
 * device= when not NULL, text= why), which bench.json lists.
 */
void bench_untimed(const char *op, const char *target, const char *device, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A figure of the summary: a bench-summary record (value NULL: none). */
void bench_summary(const char *name, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The last figure reported with this op and target prefix, or 0 (the summary uses these). */
uint64_t bench_median_of(const char *op, const char *target_prefix);
/* The i-th figure reported (op, target, median in ps): 0 past the last. */
int bench_kept(unsigned i, const char **op, const char **target, uint64_t *median);
/* Figures reported past what is kept (the summary says it covers fewer). */
unsigned bench_dropped(void);
/*
 * Poll the acknowledge with no pause (a pause would add to the figure) for up
 * to timeout_us (boot/wait.h, tight): the IAR, and when.
 */
uint32_t bench_ack(uint64_t timeout_us, uint64_t *when);

/* The cases, by file. */
void case_baseline(struct test_ctx *t);		/* sample.c */
void case_mmio_devices(struct test_ctx *t);	/* mmio.c */
void case_hypercalls(struct test_ctx *t);	/* calls.c */
void case_system_registers(struct test_ctx *t); /* calls.c, after hypercalls */
void case_interrupts(struct test_ctx *t);	/* irq.c */
void case_cross_cpu(struct test_ctx *t);	/* ipi.c */
void case_throughput(struct test_ctx *t);	/* throughput.c */
void case_summary(struct test_ctx *t);		/* summary.c */

#endif
