// SPDX-License-Identifier: MIT
/*
 * Interrupt costs on the boot CPU, one event per sample, polled with IRQs
 * masked: an SGI to self from the write of the SGI register to its
 * acknowledge, the EOI of that SGI and of INTID 1023 (ignored: the write
 * alone), and the virtual timer from its deadline
 * to the acknowledge (its INTID the one the watchdog proved).
 */
#include "runtime/irq.h"
#include <stddef.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/smp.h"
#include "runtime/watchdog.h"
#include "tests/bench/bench.h"

#define IRQ_SAMPLES   64
#define SGI_BENCH     9
#define WAIT_US	      50000
#define TIMER_LEAD_US 50

static uint64_t lat[IRQ_SAMPLES], eoi[IRQ_SAMPLES];

static uint64_t net(uint64_t ticks, uint64_t overhead)
{
	return ticks > overhead ? ticks - overhead : 0;
}

static int sgi_self(struct test_ctx *t, uint64_t ov)
{
	gic_enable(SGI_BENCH);
	for (unsigned n = 0; n < IRQ_SAMPLES; n++) {
		uint64_t t0 = cpu_counter(), t1;
		gic_send_sgi(SGI_BENCH, SGI_TO_SELF, 0);
		uint32_t iar = bench_ack(WAIT_US, &t1);
		subject_push(t, "sgi", "%d", SGI_BENCH);
		int came = check(t, gic_intid(iar) == SGI_BENCH, "sgi_to_self_arrives",
				 "SGI %d to self: INTID %u came instead (%u ms)", SGI_BENCH,
				 gic_intid(iar), WAIT_US / 1000);
		subject_pop(t);
		if (!came) {
			if (gic_intid(iar) != GIC_SPURIOUS)
				gic_eoi(iar);
			return 0;
		}
		uint64_t e0 = cpu_counter();
		gic_eoi(iar);
		eoi[n] = net(cpu_counter() - e0, ov);
		lat[n] = net(t1 - t0, ov);
	}
	struct bench_stats s;
	bench_from_ticks(lat, IRQ_SAMPLES, ov, &s);
	bench_report(t, "irq", "sgi_self:send_to_ack", &s);
	bench_from_ticks(eoi, IRQ_SAMPLES, ov, &s);
	bench_report(t, "irq", "eoi:sgi", &s);
	return 1;
}

/* An EOI of INTID 1023, which the GIC ignores: the CPU interface write alone (as kvm-unit-tests).
 */
static void eoi_spurious(const void *arg)
{
	(void)arg;
	gic_eoi(GIC_SPURIOUS);
}

static int timer(struct test_ctx *t, uint32_t intid)
{
	for (unsigned n = 0; n < IRQ_SAMPLES; n++) {
		uint64_t t1, deadline = cpu_counter() + smp_us_to_ticks(TIMER_LEAD_US);
		cpu_vtimer_arm(deadline);
		uint32_t iar = bench_ack(WAIT_US, &t1);
		cpu_vtimer_stop();
		if (gic_intid(iar) != GIC_SPURIOUS)
			gic_eoi(iar);
		subject_push(t, "intid", "%u", intid);
		int came = check(t, gic_intid(iar) == intid, "vtimer_arrives",
				 "virtual timer: INTID %u came instead of INTID %u (%u ms)",
				 gic_intid(iar), intid, WAIT_US / 1000);
		subject_pop(t);
		if (!came)
			return 0;
		lat[n] = t1 > deadline ? t1 - deadline : 0;
	}
	struct bench_stats s;
	bench_from_ticks(lat, IRQ_SAMPLES, 0, &s);
	bench_report(t, "irq", "vtimer:deadline_to_ack", &s);
	return 1;
}

void case_interrupts(struct test_ctx *t)
{
	if (irq_unusable()) {
		skip(t, irq_unusable());
		return;
	}
	/* The loop's cost here: the two counter reads around nothing. */
	uint64_t ov = bench_overhead_ticks(1);
	int was_masked = cpu_irq_masked();
	cpu_irq_mask();
	sgi_self(t, ov);
	struct bench_stats s;
	bench_loop(eoi_spurious, NULL, BENCH_BATCH, &s);
	bench_report(t, "irq", "eoi:1023", &s);
	if (watchdog_intid())
		timer(t, watchdog_intid());
	else
		bench_untimed("irq", "vtimer:deadline_to_ack", NULL,
			      "the watchdog did not prove the timer's INTID");
	if (!was_masked)
		cpu_irq_unmask();
}
