// SPDX-License-Identifier: MIT
/*
 * SGIs between CPUs: to one other CPU (GICv2 target list, GICv3 affinity in
 * ICC_SGI1R_EL1) and to all but self (GICv2 filter 1, GICv3 IRM). The other
 * CPUs are started by PSCI and poll for what arrives; the boot CPU checks
 * that each got what was sent to it and nothing else. On GICv2 each SGI's
 * acknowledge also names its sender (GICC_IAR.CPUID, IHI 0048B 4.4.4): the
 * boot CPU's interface for what it sent, and the listener's own for an SGI
 * each listener first sends itself (the check kvm-unit-tests' ipi test makes).
 */
#include <string.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "tests/gic/gic.h"

#define SGI_ONE	   9
#define SGI_OTHERS 10
#define SGI_OWN	   11 /* GICv2: the one each listener sends itself */
#define LISTEN_US  500000
#define READY_US   2000000 /* for every listener to be ready, from the first start */

struct listener {
	uint32_t token;
	int iface; /* GICv2: its CPU interface number (-1: GICv3, or not known) */
	volatile int ready;
	uint32_t seen;	/* bit per SGI that arrived */
	int source[16]; /* GICv2: each arrived SGI's GICC_IAR.CPUID */
	uint32_t own;	/* the INTID that came for SGI_OWN (GIC_SPURIOUS: none) */
	int own_source;
	const char *problem;
};

static struct listener listeners[SMP_SLOTS];
/* Set once the boot CPU has sent: each listener's window runs from when it sees this. */
static int sgis_sent;

static void heard(struct listener *l, uint32_t sgi, uint32_t iar)
{
	if (sgi >= 16)
		return;
	l->seen |= 1u << sgi;
	l->source[sgi] = gic_sgi_source(iar);
}

static void listen(struct smp_slot *s)
{
	struct listener *l = s->arg;
	struct wait w;
	int sent_seen = 0;
	uint32_t iar;

	l->problem = irq_cpu_setup();
	if (l->problem)
		return;
	gic_enable(SGI_ONE);
	gic_enable(SGI_OTHERS);
	l->token = gic_cpu_token();
	l->iface = gic_token_interface(l->token);
	l->own = GIC_SPURIOUS;
	if (l->iface >= 0) {
		int masked = cpu_irq_masked();
		cpu_irq_mask(); /* taken here, not by the dispatcher */
		gic_enable(SGI_OWN);
		gic_send_sgi(SGI_OWN, SGI_TO_SELF, 0);
		l->own = gic_test_expect(GIC_TEST_WAIT_US, &iar);
		if (l->own != GIC_SPURIOUS) {
			l->own_source = gic_sgi_source(iar);
			gic_eoi(iar);
		}
		if (!masked)
			cpu_irq_unmask();
	}
	__atomic_store_n(&l->ready, 1, __ATOMIC_RELEASE);
	/*
	 * A vCPU the hypervisor runs late still listens LISTEN_US after the
	 * send, so that a late SGI is not taken by the next case as a stray.
	 */
	wait_begin(&w, 2 * READY_US);
	while (!(l->seen & (1u << SGI_OTHERS))) {
		if (!sent_seen && __atomic_load_n(&sgis_sent, __ATOMIC_ACQUIRE)) {
			sent_seen = 1;
			wait_begin(&w, LISTEN_US);
		}
		if (wait_look(&w) != WAIT_ON)
			break;
		/* One acknowledge a look: a wait inside a wait would multiply their bounds. */
		uint32_t got = gic_test_take(0, &iar);
		if (got == GIC_SPURIOUS)
			continue;
		gic_eoi(iar);
		heard(l, got, iar);
	}
	/* What came after all-but-self (a late duplicate) counts too. */
	uint32_t got = gic_test_take(2000, &iar);
	if (got != GIC_SPURIOUS) {
		gic_eoi(iar);
		heard(l, got, iar);
	}
}

/* One SGI's source against its sender's interface (GICv2; subject cpu pushed). */
static void source_is(struct test_ctx *t, uint32_t sgi, int source, int sender, int cpu)
{
	subject_push(t, "intid", "%u", sgi);
	if (check(t, source == sender, "sgi_source_is_sender",
		  "cpu %d: SGI %u sent by CPU interface %d was acknowledged with source CPUID %d "
		  "(GICC_IAR[12:10])",
		  cpu, sgi, sender, source) &&
	    sgi == SGI_OWN)
		evidence(t, "sgi_source_is_sender",
			 "cpu %d: the SGI it sent itself names CPU interface %d", cpu, source);
	subject_pop(t);
}

/*
 * GICv2: the listener's own SGI came and names it; what the boot CPU (interface
 * sender) sent names the boot CPU. Not judged where an interface is unknown.
 */
static void sources(struct test_ctx *t, const struct listener *l, int cpu, int sender)
{
	if (l->iface < 0)
		return;
	subject_push(t, "intid", "%u", SGI_OWN);
	int came =
		check(t, l->own == SGI_OWN, "own_sgi_arrives",
		      "cpu %d: the SGI %u it sent itself: INTID %u arrived", cpu, SGI_OWN, l->own);
	subject_pop(t);
	if (came)
		source_is(t, SGI_OWN, l->own_source, l->iface, cpu);
	if (sender < 0)
		return;
	for (uint32_t sgi = SGI_ONE; sgi <= SGI_OTHERS; sgi++)
		if (l->seen & (1u << sgi))
			source_is(t, sgi, l->source[sgi], sender, cpu);
}

void case_sgi_others(struct test_ctx *t)
{
	if (!smp_usable(t))
		return;
	const struct platform *p = t->plat;
	struct smp_slot *slot[SMP_SLOTS] = { 0 };
	int cpu[SMP_SLOTS], n = 0, boot = dt_cpu_index(p, cpu_mpidr());
	int64_t rc;
	uint32_t iar;

	int sender = gic_token_interface(gic_cpu_token());

	memset(listeners, 0, sizeof(listeners));
	__atomic_store_n(&sgis_sent, 0, __ATOMIC_RELEASE);
	for (int i = 0; i < p->ncpus && n < SMP_SLOTS - 1; i++) {
		if (i == boot || p->cpu_enable[i] != ENABLE_PSCI || !dt_cpu_startable(p, i))
			continue;
		slot[n] = smp_start(p, i, listen, &listeners[n], &rc);
		subject_push(t, "cpu", "%d", i);
		int started = check(t, slot[n] != NULL, "cpu_starts",
				    "cpu %d did not start (CPU_ON %lld)", i, (long long)rc);
		subject_pop(t);
		if (started)
			cpu[n++] = i;
	}
	if (n == 0) {
		skip(t, "no other CPU to send to");
		return;
	}
	struct wait w;
	int ready[SMP_SLOTS] = { 0 }, one = -1;
	wait_begin(&w, READY_US);
	for (int k = 0; k < n; k++) {
		/* One that does not start in time is abandoned: it will not listen late. */
		subject_push(t, "cpu", "%d", cpu[k]);
		check(t, smp_wait(slot[k], SLOT_RUNNING, SMP_START_WAIT_US) == 0, "cpu_runs",
		      "cpu %d did not run within %u ms", cpu[k], SMP_START_WAIT_US / 1000);
		subject_pop(t);
		/* One wait for them all, from the first start. */
		while (!__atomic_load_n(&listeners[k].ready, __ATOMIC_ACQUIRE) &&
		       slot[k]->state < SLOT_DONE && wait_look(&w) == WAIT_ON)
			;
		ready[k] = __atomic_load_n(&listeners[k].ready, __ATOMIC_ACQUIRE);
		if (ready[k] && one < 0)
			one = k;
	}
	cpu_irq_mask();
	gic_enable(SGI_OTHERS);
	/* To one that listens: an unready listener's token is not yet its own. */
	if (one >= 0)
		gic_send_sgi(SGI_ONE, SGI_TO_CPU, listeners[one].token);
	gic_send_sgi(SGI_OTHERS, SGI_TO_OTHERS, 0);
	__atomic_store_n(&sgis_sent, 1, __ATOMIC_RELEASE);
	uint32_t self = gic_test_take(GIC_TEST_WAIT_US / 5, &iar);
	if (self != GIC_SPURIOUS)
		gic_eoi(iar);
	cpu_irq_unmask();
	subject_push(t, "intid", "%u", SGI_OTHERS);
	check(t, self == GIC_SPURIOUS, "others_skips_sender",
	      "SGI %u to all but self reached the sender (INTID %u)", SGI_OTHERS, self);
	subject_pop(t);
	for (int k = 0; k < n; k++) {
		struct listener *l = &listeners[k];
		subject_push(t, "cpu", "%d", cpu[k]);
		if (!check(t, smp_wait(slot[k], SLOT_DONE, LISTEN_US * 2 + READY_US) == 0,
			   "cpu_finishes", "cpu %d did not finish listening", cpu[k]) ||
		    !check(t, !l->problem, l->problem ? irq_problem_check(l->problem) : "",
			   "cpu %d: %s", cpu[k], l->problem ? l->problem : "")) {
			subject_pop(t);
			continue;
		}
		if (!ready[k]) {
			/* A vCPU run late is no fault of the GIC: what it saw is not judged. */
			note(t, "cpu %d was not listening %u ms after the first start: not checked",
			     cpu[k], READY_US / 1000);
			smp_release(p, slot[k], LISTEN_US);
			subject_pop(t);
			continue;
		}
		int want_one = k == one;
		subject_push(t, "intid", "%u", SGI_ONE);
		check(t, !!(l->seen & (1u << SGI_ONE)) == want_one, "targeted_sgi_routed",
		      "cpu %d: SGI %u sent to %s %s", cpu[k], SGI_ONE,
		      want_one ? "it" : "another CPU",
		      want_one ? "did not arrive" : "arrived here");
		subject_pop(t);
		subject_push(t, "intid", "%u", SGI_OTHERS);
		check(t, l->seen & (1u << SGI_OTHERS), "others_sgi_arrives",
		      "cpu %d: SGI %u to all but self did not arrive", cpu[k], SGI_OTHERS);
		subject_pop(t);
		/* SGI_OWN it sent itself: one late is own_sgi_arrives's, not a stray. */
		check(t, !(l->seen & ~((1u << SGI_ONE) | (1u << SGI_OTHERS) | (1u << SGI_OWN))),
		      "no_unsent_sgis", "cpu %d: SGIs nobody sent arrived (mask 0x%x)", cpu[k],
		      l->seen);
		sources(t, l, cpu[k], sender);
		smp_release(p, slot[k], LISTEN_US);
		subject_pop(t);
	}
	if (one < 0) {
		note(t, "none of the %d other CPUs was listening within %u ms", n, READY_US / 1000);
		skip(t,
		     "no other CPU was listening in time (a hypervisor that ran its vCPUs late)");
		return;
	}
	note(t, "sgi to one: cpu %d; to all but self: %d CPUs listening", cpu[one], n);
	if (n < p->ncpus - 1)
		note(t, "%d of the %d other CPUs listened (%d start slots)", n, p->ncpus - 1,
		     SMP_SLOTS);
}
