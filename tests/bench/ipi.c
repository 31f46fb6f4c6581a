// SPDX-License-Identifier: MIT
/*
 * SGIs to another CPU, which polls with IRQs masked. Round trip: the boot
 * CPU sends SGI_PING, the other CPU acknowledges it and sends SGI_PONG back;
 * from the send to the acknowledge of the reply. One way: SGI_MARK, which
 * the other CPU answers by a store the boot CPU waits for (kvm-unit-tests'
 * ipi, there with an interrupt handler): from the send to the store seen.
 */
#include <stddef.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "tests/bench/bench.h"

#define ROUND_TRIPS 64
#define SGI_PING    10
#define SGI_PONG    11
#define SGI_MARK    12
#define WAIT_US	    100000

static struct {
	uint32_t boot_token, token;
	volatile int ready, answered, marked;
	const char *problem;
} peer;
static uint64_t rtt[ROUND_TRIPS];

static void answer(struct smp_slot *s)
{
	(void)s;
	peer.problem = irq_cpu_setup();
	if (peer.problem)
		return;
	gic_enable(SGI_PING);
	gic_enable(SGI_MARK);
	peer.token = gic_cpu_token();
	__atomic_store_n(&peer.ready, 1, __ATOMIC_RELEASE);
	while (peer.answered < ROUND_TRIPS || peer.marked < ROUND_TRIPS) {
		uint64_t when;
		uint32_t iar = bench_ack(WAIT_US, &when);
		if (gic_intid(iar) == GIC_SPURIOUS)
			return;
		gic_eoi(iar);
		if (gic_intid(iar) == SGI_PING) {
			gic_send_sgi(SGI_PONG, SGI_TO_CPU, peer.boot_token);
			peer.answered++;
		} else if (gic_intid(iar) == SGI_MARK) {
			__atomic_store_n(&peer.marked, peer.marked + 1, __ATOMIC_RELEASE);
		}
	}
}

static int other_cpu(const struct platform *p)
{
	for (int i = 0; i < p->ncpus; i++)
		if (dt_cpu_index(p, cpu_mpidr()) != i && dt_cpu_startable(p, i))
			return i;
	return -1;
}

static void ping(struct test_ctx *t, struct smp_slot *s)
{
	uint64_t ov = bench_overhead_ticks(1);

	if (!check(t, smp_wait(s, SLOT_RUNNING, SMP_START_WAIT_US) == 0, "cpu_runs",
		   "the other CPU did not run within %u ms", SMP_START_WAIT_US / 1000))
		return;
	(void)WAIT_UNTIL(__atomic_load_n(&peer.ready, __ATOMIC_ACQUIRE) || s->state >= SLOT_DONE,
			 WAIT_US);
	if (!check(t, peer.ready, "cpu_ready", "the other CPU did not get ready: %s",
		   peer.problem ? peer.problem : "no answer"))
		return;
	gic_enable(SGI_PONG);
	for (unsigned n = 0; n < ROUND_TRIPS; n++) {
		uint64_t t0 = cpu_counter();
		gic_send_sgi(SGI_PING, SGI_TO_CPU, peer.token);
		uint64_t t1;
		uint32_t iar = bench_ack(WAIT_US, &t1);
		if (gic_intid(iar) != GIC_SPURIOUS)
			gic_eoi(iar);
		if (!check(t, gic_intid(iar) == SGI_PONG, "round_trip_answered",
			   "round trip %u: INTID %u came back, not SGI %d", n, gic_intid(iar),
			   SGI_PONG))
			return;
		rtt[n] = t1 - t0 > ov ? t1 - t0 - ov : 0;
	}
	struct bench_stats st;
	bench_from_ticks(rtt, ROUND_TRIPS, ov, &st);
	bench_report(t, "irq", "sgi_round_trip:other_cpu", &st);
	for (unsigned n = 0; n < ROUND_TRIPS; n++) {
		uint64_t t0 = cpu_counter(), t1;
		struct wait w;
		gic_send_sgi(SGI_MARK, SGI_TO_CPU, peer.token);
		/* No pause between looks: the store's arrival is what is measured. */
		wait_begin_tight(&w, WAIT_US);
		while (__atomic_load_n(&peer.marked, __ATOMIC_ACQUIRE) <= (int)n &&
		       wait_look(&w) == WAIT_ON)
			;
		t1 = cpu_counter();
		if (!check(t, peer.marked > (int)n, "one_way_seen",
			   "SGI %d %u: the other CPU did not see it", SGI_MARK, n))
			return;
		rtt[n] = t1 - t0 > ov ? t1 - t0 - ov : 0;
	}
	bench_from_ticks(rtt, ROUND_TRIPS, ov, &st);
	bench_report(t, "irq", "sgi_one_way:other_cpu", &st);
}

void case_cross_cpu(struct test_ctx *t)
{
	if (!smp_usable(t))
		return;
	const struct platform *p = t->plat;
	int other = other_cpu(p);
	int64_t rc;

	if (irq_unusable() || other < 0) {
		skip(t, irq_unusable() ? irq_unusable() : "the DT lists one CPU");
		return;
	}
	if (smp_lost(p, other)) {
		skip(t, smp_lost(p, other));
		return;
	}
	peer.boot_token = gic_cpu_token();
	peer.ready = peer.answered = peer.marked = 0;
	peer.problem = NULL;
	int was_masked = cpu_irq_masked();
	cpu_irq_mask(); /* before the other CPU can send anything */
	struct smp_slot *s = smp_start(p, other, answer, NULL, &rc);
	subject_push(t, "cpu", "%d", other);
	if (check(t, s != NULL, "cpu_starts", "cpu %d did not start (%s)", other,
		  psci_error_name(rc))) {
		ping(t, s);
		check(t, smp_wait(s, SLOT_DONE, WAIT_US * 2) == 0, "cpu_finishes",
		      "cpu %d did not finish", other);
		smp_release(p, s, WAIT_US);
	}
	subject_pop(t);
	if (!was_masked)
		cpu_irq_unmask();
}
