// SPDX-License-Identifier: MIT
/*
 * gic suite, cpuif_regs: the CPU interface's state registers with state in
 * them, on the CPU running it (IRQs masked on entry and exit).
 *
 * Running priority: SGI 13 at priority 0xa0 sent to self and taken through
 * the IRQ handler; inside it ICC_RPR reads that priority (its group
 * priority at the most preemption bits) and ICC_AP1R<n> holds its one bit;
 * after the EOI RPR reads 0xff and the AP1R<n> 0 again (IHI 0069 ICC_RPR_EL1,
 * ICC_AP1R<n>_EL1, 4.8 "Preemption": the active priorities).
 *
 * Highest pending: SGI 14 at priority 0x40 sent to self with PMR 0x40 (the
 * interrupt is not signalled: its priority is not higher than the mask);
 * ICC_HPPIR1 names it all the same (IHI 0069 ICC_HPPIR1_EL1: the highest
 * priority pending Group 1 interrupt; PMR decides signalling, not this).
 * PMR put back, the SGI is acknowledged and EOIed: HPPIR1 reads 1023 again.
 *
 * Every wait has its deadline; each SGI's priority and enable are put back.
 */
#include <stdio.h>

#include "boot/cpu.h"
#include "boot/icc.h"
#include "boot/probe.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "runtime/irq.h"
#include "tests/gic/cpuif.h"
#include "tests/gic/gic.h"

#define PRIO_RUNNING 0xa0u /* low four bits zero: the same group priority at 4..8 bits */
#define PRIO_MASKED  0x40u
/* An SGI to self: GIC_TEST_WAIT_US and irq_expect's grace (a wait that ends when it comes). */
#define ACTIVE_WAIT ((unsigned)GIC_TEST_WAIT_US * (1 + IRQ_GRACE_FACTOR))

/* What the handler saw; one CPU at a time runs this. */
static struct {
	volatile int taken;
	uint64_t rpr;
	uint64_t ap1r[4];
	int faulted; /* a read in the handler faulted (reported after, by reading again) */
} inside;

static void on_running(uint32_t iar, void *arg)
{
	const struct cpu_run *r = arg;
	struct probe_outcome o;

	(void)iar;
	inside.faulted |= icc_read(ICC_REG_RPR, &o);
	inside.rpr = o.value;
	for (unsigned n = 0; n < r->aprs && n < 4; n++) {
		inside.faulted |= icc_read((enum icc_reg)(ICC_REG_AP1R0 + n), &o);
		inside.ap1r[n] = o.value;
	}
	__atomic_store_n(&inside.taken, 1, __ATOMIC_RELEASE);
}

/* An SGI's priority byte in this CPU's redistributor SGI frame (GICR_IPRIORITYR). */
static uintptr_t prio_addr(uint32_t sgi)
{
	uintptr_t rd = gic_redist_base();

	return rd ? rd + GICR_SGI_OFFSET + GICD_IPRIORITYR + sgi : 0;
}

struct sgi_state {
	uint32_t sgi;
	int enabled;
	int prio; /* -1: unreadable */
};

/* Priority prio and enabled; the priority the GIC shows back (prio if unreadable). */
static unsigned sgi_arm(struct sgi_state *s, uint32_t sgi, unsigned prio)
{
	uintptr_t a = prio_addr(sgi);
	struct probe_outcome o;

	s->sgi = sgi;
	s->enabled = gic_enabled(sgi);
	s->prio = a && !probe_read(a, 8, &o) ? (int)o.value : -1;
	gic_set_priority(sgi, (uint8_t)prio);
	unsigned seen = a && !probe_read(a, 8, &o) ? (unsigned)o.value : prio;
	gic_enable(sgi);
	return seen;
}

static void sgi_restore(const struct sgi_state *s)
{
	if (!s->enabled)
		gic_disable(s->sgi);
	if (s->prio >= 0)
		gic_set_priority(s->sgi, (uint8_t)s->prio);
}

static int one_bit(const uint64_t *w, unsigned n, unsigned *bit)
{
	int ones = 0;

	for (unsigned i = 0; i < n; i++)
		for (unsigned b = 0; b < 32; b++)
			if (w[i] >> b & 1) {
				*bit = 32 * i + b;
				ones++;
			}
	return ones == 1;
}

/* After the EOI: nothing active. */
static void idle_after(struct cpu_run *r, const char *rpr_check, const char *apr_check)
{
	const struct icc_fields *rpr = cpuif_fields(ICC_REG_RPR);
	uint64_t v;

	if (!cpuif_rd(r, rpr, &v))
		cpuif_expect_bits(r, rpr, rpr_check, v, ICC_RPR_IDLE, 0xff, "after the EOI");
	for (unsigned n = 0; n < r->aprs && n < 4; n++) {
		const struct icc_fields *f = cpuif_fields((enum icc_reg)(ICC_REG_AP1R0 + n));
		if (!cpuif_rd(r, f, &v))
			cpuif_expect_bits(r, f, apr_check, v, 0, 0xffffffffull, "after the EOI");
	}
}

static void running_priority(struct cpu_run *r)
{
	const struct icc_fields *rpr = cpuif_fields(ICC_REG_RPR);
	const struct icc_fields *ap1r0 = cpuif_fields(ICC_REG_AP1R0);
	struct sgi_state st;
	struct cpuif_obs *o;
	struct wait w;

	if (irq_register(CPUIF_SGI_RUNNING, on_running, r)) {
		/* Another handler holds it (a harness fault): the check could not run. */
		o = cpuif_add(r, rpr, "sgi_taken", 1);
		if (o) {
			snprintf(o->expect, sizeof(o->expect),
				 "SGI %u taken by this case's handler", CPUIF_SGI_RUNNING);
			snprintf(o->observed, sizeof(o->observed), "its handler slot is taken");
		}
		return;
	}
	inside.taken = inside.faulted = 0;
	unsigned prio = sgi_arm(&st, CPUIF_SGI_RUNNING, PRIO_RUNNING);
	gic_send_sgi(CPUIF_SGI_RUNNING, SGI_TO_SELF, 0);
	cpu_irq_unmask();
	wait_begin(&w, ACTIVE_WAIT);
	for (;;) {
		enum wait_end end = wait_look(&w);
		if (__atomic_load_n(&inside.taken, __ATOMIC_ACQUIRE) || end != WAIT_ON)
			break;
	}
	cpu_irq_mask();
	irq_unregister(CPUIF_SGI_RUNNING);
	int taken = __atomic_load_n(&inside.taken, __ATOMIC_ACQUIRE);
	o = cpuif_add(r, rpr, "sgi_taken", !taken);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "SGI %u (priority 0x%x) taken within %u ms",
			 CPUIF_SGI_RUNNING, prio, ACTIVE_WAIT / 1000);
		snprintf(o->observed, sizeof(o->observed), "not taken (PMR 0x%x)", gic_pmr());
	}
	if (taken && !inside.faulted) {
		/*
		 * Two Security states (DS 0) without the Non-secure view (SCR_EL3.FIQ 0):
		 * the CPU interface shows the priority as the GIC keeps a Non-secure write
		 * of it, shifted right with bit 7 set; GICR_IPRIORITYR shows it back as
		 * written (IHI 0069, the Non-secure view of priorities).
		 */
		unsigned kept = !r->ds && r->el3 && r->g0_ok ? (prio >> 1) | 0x80 : prio;
		unsigned bit = icc_apr_bit(kept, r->ctlr), want = icc_apr_prio(bit, r->ctlr), got;
		r->rpr_in = (int64_t)inside.rpr;
		for (unsigned n = 0; n < 4; n++)
			r->ap1r_in[n] = n < r->aprs ? inside.ap1r[n] : 0;
		cpuif_expect_bits(r, rpr, "rpr_is_running_priority", inside.rpr, want, 0xff,
				  "in the handler: the SGI's group priority");
		/* Through the Non-secure view (two Security states) the bit is the
		 * shifted priority's: only that one bit is set is judged then. */
		int one = one_bit(inside.ap1r, r->aprs, &got);
		o = cpuif_add(r, ap1r0, "ap1r_bit_for_priority", !one || (r->g0_ok && got != bit));
		if (o) {
			if (r->g0_ok)
				snprintf(o->expect, sizeof(o->expect),
					 "in the handler: only bit %u (AP1R%u bit %u)", bit,
					 bit / 32, bit % 32);
			else
				snprintf(o->expect, sizeof(o->expect), "in the handler: one bit");
			snprintf(o->observed, sizeof(o->observed),
				 "AP1R0..%u 0x%llx 0x%llx 0x%llx 0x%llx", r->aprs - 1,
				 (unsigned long long)inside.ap1r[0],
				 (unsigned long long)inside.ap1r[1],
				 (unsigned long long)inside.ap1r[2],
				 (unsigned long long)inside.ap1r[3]);
		}
	} else if (taken) {
		/* A faulting read: the same read outside the handler makes the finding. */
		uint64_t v;
		cpuif_rd(r, rpr, &v);
	}
	if (taken)
		idle_after(r, "rpr_idle_after_eoi", "ap1r_clear_after_eoi");
	sgi_restore(&st);
}

static void highest_pending(struct cpu_run *r)
{
	const struct icc_fields *hppir = cpuif_fields(ICC_REG_HPPIR1);
	uint32_t pmr = gic_pmr(), iar;
	struct sgi_state st;
	struct cpuif_obs *o;
	struct wait w;
	uint64_t v = ICC_INTID_SPURIOUS;
	int faulted = 0;

	gic_set_pmr(PRIO_MASKED);
	unsigned prio = sgi_arm(&st, CPUIF_SGI_MASKED, PRIO_MASKED);
	gic_send_sgi(CPUIF_SGI_MASKED, SGI_TO_SELF, 0);
	/* Until it shows (an SGI is delivered some time after the write), within the wait. */
	wait_begin(&w, ACTIVE_WAIT);
	for (;;) {
		enum wait_end end = wait_look(&w);
		if ((faulted = cpuif_rd(r, hppir, &v)) != 0 ||
		    (v & ICC_INTID_MASK) == CPUIF_SGI_MASKED || end != WAIT_ON)
			break;
	}
	if (!faulted) {
		r->hppir_masked = (int64_t)(v & ICC_INTID_MASK);
		o = cpuif_add(r, hppir, "hppir1_names_masked_sgi",
			      (v & ICC_INTID_MASK) != CPUIF_SGI_MASKED);
		if (o) {
			snprintf(o->expect, sizeof(o->expect),
				 "INTID %u within %u ms (priority 0x%x, PMR 0x%x)",
				 CPUIF_SGI_MASKED, ACTIVE_WAIT / 1000, prio, PRIO_MASKED);
			snprintf(o->observed, sizeof(o->observed), "0x%llx", (unsigned long long)v);
		}
	}
	/* Cleared by taking it: PMR back, acknowledged, EOIed. */
	gic_set_pmr(pmr);
	uint32_t got = gic_test_expect(GIC_TEST_WAIT_US, &iar);
	if (got != GIC_SPURIOUS)
		gic_eoi(iar);
	o = cpuif_add(r, hppir, "masked_sgi_taken_after_pmr", got != CPUIF_SGI_MASKED);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "SGI %u acknowledged once PMR is 0x%x",
			 CPUIF_SGI_MASKED, pmr);
		snprintf(o->observed, sizeof(o->observed), "INTID %u", got);
	}
	if (!faulted && !cpuif_rd(r, hppir, &v)) {
		o = cpuif_add(r, hppir, "hppir1_clear_after_eoi",
			      (v & ICC_INTID_MASK) == CPUIF_SGI_MASKED);
		if (o) {
			snprintf(o->expect, sizeof(o->expect), "not INTID %u once it was taken",
				 CPUIF_SGI_MASKED);
			snprintf(o->observed, sizeof(o->observed), "0x%llx", (unsigned long long)v);
		}
	}
	sgi_restore(&st);
}

void cpuif_active(struct cpu_run *r)
{
	running_priority(r);
	highest_pending(r);
}
