// SPDX-License-Identifier: MIT
/*
 * gic suite, cpuif_regs: the GICv3 CPU interface's system registers at bit
 * level (spec/icc_fields.h), on every CPU the DT lists (through the SMP
 * runtime; the registers are per PE). Each register is read, written where
 * the contract says what a write does, read back and put back as it was,
 * with the CPU's IRQs masked. The boot CPU's fields are then judged against
 * the distributor: INTID bits against GICD_TYPER.IDbits, A3V when a DT CPU
 * has a non-zero Aff3, and the priority bits against those the
 * redistributor's SGI 15 priority byte implements (evidence).
 */
#include <stdio.h>

#include "boot/cpu.h"
#include "boot/icc.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "spec/icc_fields.h"
#include "tests/gic/gic.h"

#define OBS_MAX	 12
#define CPU_WAIT 1000000 /* us: a CPU's share is a few dozen register accesses */

struct obs {
	const char *check;
	const struct icc_fields *f;
	char expect[48];
	char observed[64];
};

struct cpu_run {
	int legacy_absent; /* in: the DT describes no legacy CPU interface (GICC) */
	int ds;		   /* in: GICD_CTLR.DS (one Security state) */
	/* in: Group 0's registers are ours to touch: one Security state, or no EL3 (with
	 * two, EL3 may own Group 0 and trap them, SCR_EL3.FIQ; IHI 0069 ICC_BPR0_EL1). */
	int g0_ok;
	/* Out. */
	unsigned n, held, regs;
	struct obs o[OBS_MAX];
	uint64_t ctlr, sre;
	int prio_bits, bpr0_min, bpr1_min;
	int cbpr; /* 1: CBPR took and BPR1 was judged under it; 0: it did not take; -1: not tried */
	int ran;
	const char *problem; /* a started CPU's irq_cpu_setup() */
};

static struct obs *add(struct cpu_run *r, const struct icc_fields *f, const char *check, int bad)
{
	if (!bad) {
		r->held++;
		return NULL;
	}
	for (unsigned i = 0; i < r->n; i++)
		if (r->o[i].check == check && r->o[i].f == f)
			return NULL; /* one finding per check and register: the first */
	if (r->n >= OBS_MAX)
		return NULL;
	struct obs *o = &r->o[r->n++];
	o->check = check;
	o->f = f;
	o->expect[0] = o->observed[0] = 0;
	return o;
}

/* A comparison under a mask: a finding when (got ^ want) & mask. */
static void expect_bits(struct cpu_run *r, const struct icc_fields *f, const char *check,
			uint64_t got, uint64_t want, uint64_t mask, const char *what)
{
	if (!mask)
		return;
	struct obs *o = add(r, f, check, ((got ^ want) & mask) != 0);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "%s 0x%llx under 0x%llx", what,
			 (unsigned long long)(want & mask), (unsigned long long)mask);
		snprintf(o->observed, sizeof(o->observed), "0x%llx", (unsigned long long)got);
	}
}

/* An access that faults is a finding: the spec defines these accesses at EL1. */
static int rd(struct cpu_run *r, const struct icc_fields *f, uint64_t *v)
{
	struct probe_outcome o;

	if (!icc_read(f->reg, &o)) {
		*v = o.value;
		return 0;
	}
	struct obs *ob = add(r, f, "reads", 1);
	if (ob) {
		snprintf(ob->expect, sizeof(ob->expect), "the read completes");
		probe_format(&o, PROBE_VALUE, ob->observed, sizeof(ob->observed));
	}
	return -1;
}

static int wr(struct cpu_run *r, const struct icc_fields *f, uint64_t v)
{
	struct probe_outcome o;

	if (!icc_write(f->reg, v, &o))
		return 0;
	struct obs *ob = add(r, f, "writes", 1);
	if (ob) {
		snprintf(ob->expect, sizeof(ob->expect), "a write of 0x%llx completes",
			 (unsigned long long)v);
		probe_format(&o, PROBE_VALUE, ob->observed, sizeof(ob->observed));
	}
	return -1;
}

/* Writable bits take ones then zeros; read-only fields hold across a write of their complement. */
static void plain(struct cpu_run *r, const struct icc_fields *f, uint64_t orig)
{
	uint64_t v, keep = orig & ~(f->writable | f->ro);

	if (wr(r, f, keep | f->writable | (~orig & f->ro)) || rd(r, f, &v))
		return;
	expect_bits(r, f, "ones_take", v, f->writable, f->writable, "writable bits");
	expect_bits(r, f, "ro_bits_hold", v, orig, f->ro, "read-only");
	expect_bits(r, f, "res0_reads_zero", v, 0, f->res0, "RES0");
	if (wr(r, f, keep | (orig & f->ro)) || rd(r, f, &v))
		return;
	expect_bits(r, f, "zeros_take", v, 0, f->writable, "writable bits");
}

/* PMR: 0xff leaves the implemented priority bits, k of them from bit 7; ICC_CTLR says k. */
static void priority(struct cpu_run *r, const struct icc_fields *f)
{
	uint64_t v;

	if (wr(r, f, 0xff) || rd(r, f, &v))
		return;
	int k = icc_prio_bits(v);
	r->prio_bits = k;
	struct obs *o = add(r, f, "impl_bits_in_range", k < 4);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "4 to 8 priority bits from bit 7");
		snprintf(o->observed, sizeof(o->observed), "0x%llx after writing 0xff",
			 (unsigned long long)v);
	}
	/* With two Security states a Non-secure PMR shows one bit less (its view is shifted). */
	unsigned pri = (unsigned)(r->ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7) + 1;
	o = add(r, f, "ctlr_pribits_match",
		k >= 0 && (unsigned)k != pri && (r->ds || (unsigned)k + 1 != pri));
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "%u bits (ICC_CTLR PRIbits %u)%s", pri,
			 pri - 1, r->ds ? "" : " or one less");
		snprintf(o->observed, sizeof(o->observed), "%d bits: 0x%llx after writing 0xff", k,
			 (unsigned long long)v);
	}
	if (wr(r, f, 0) || rd(r, f, &v))
		return;
	expect_bits(r, f, "zeros_take", v, 0, 0xff, "priority bits");
}

/*
 * A binary point: writing m..7 reads them, writing below the minimum m reads
 * m (IHI 0069: "set to the minimum"). The minimum is at least 7 minus the
 * priority bits (no more preemption bits than priority bits); BPR1's is
 * BPR0's or one more (the Non-secure minimum).
 */
static void binpoint(struct cpu_run *r, const struct icc_fields *f)
{
	uint64_t got[8];
	int bpr1 = f->reg == ICC_REG_BPR1;

	if (bpr1 && (r->ctlr & ICC_CTLR_CBPR))
		return; /* BPR1 follows BPR0 (CBPR): said by the report */
	for (unsigned w = 0; w < 8; w++)
		if (wr(r, f, w) || rd(r, f, &got[w]))
			return;
	int m = (int)got[0];
	int bad = 0;
	for (unsigned w = 0; w < 8; w++)
		bad |= got[w] != (w < (unsigned)m ? (uint64_t)m : w);
	struct obs *o = add(r, f, "binpoint_range", bad || m > 7);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "writes 0-7 read max(value, %d)", m);
		snprintf(o->observed, sizeof(o->observed),
			 "%llx %llx %llx %llx %llx %llx %llx %llx", (unsigned long long)got[0],
			 (unsigned long long)got[1], (unsigned long long)got[2],
			 (unsigned long long)got[3], (unsigned long long)got[4],
			 (unsigned long long)got[5], (unsigned long long)got[6],
			 (unsigned long long)got[7]);
	}
	int pri = (int)(r->ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7) + 1, lo = 7 - pri < 0 ? 0 : 7 - pri;
	if (bpr1) {
		r->bpr1_min = m;
		o = r->bpr0_min < 0 ? NULL /* BPR0 not touched: nothing to compare */
				    : add(r, f, "bpr1_min_follows_bpr0",
					  m != r->bpr0_min && m != r->bpr0_min + 1);
		if (o) {
			snprintf(o->expect, sizeof(o->expect),
				 "minimum %d or %d (BPR0's, plus one)", r->bpr0_min,
				 r->bpr0_min + 1);
			snprintf(o->observed, sizeof(o->observed), "minimum %d", m);
		}
	} else {
		r->bpr0_min = m;
		o = add(r, f, "binpoint_min_in_range", m < lo);
		if (o) {
			snprintf(o->expect, sizeof(o->expect), "minimum >= %d (%d priority bits)",
				 lo, pri);
			snprintf(o->observed, sizeof(o->observed), "minimum %d", m);
		}
	}
}

/*
 * ICC_CTLR.CBPR = 1: BPR1 reads BPR0's value (a Non-secure read: plus one, at
 * most 7) and ignores writes (IHI 0069 ICC_BPR1_EL1, ICC_CTLR_EL1.CBPR).
 * BPR1 is set to 7 and BPR0 to its minimum first, so that the two differ.
 * A CBPR that does not take (read-only where EL3 owns it) is not judged.
 */
static void common_binpoint(struct cpu_run *r, const struct icc_fields *bpr0,
			    const struct icc_fields *bpr1, const struct icc_fields *ctl)
{
	uint64_t c, b0, b1, v;

	if ((r->ctlr & ICC_CTLR_CBPR) || r->bpr0_min < 0 || r->bpr0_min > 5 || rd(r, ctl, &c) ||
	    rd(r, bpr0, &b0) || rd(r, bpr1, &b1))
		return;
	if (wr(r, bpr1, 7) || wr(r, bpr0, (uint64_t)r->bpr0_min) || wr(r, ctl, c | ICC_CTLR_CBPR) ||
	    rd(r, ctl, &v))
		goto restore;
	r->cbpr = (v & ICC_CTLR_CBPR) ? 1 : 0;
	if (!r->cbpr)
		goto restore;
	if (!rd(r, bpr1, &v)) {
		uint64_t b = (uint64_t)r->bpr0_min;
		struct obs *o = add(r, bpr1, "cbpr_bpr1_reads_bpr0", v != b && v != b + 1);
		if (o) {
			snprintf(o->expect, sizeof(o->expect), "BPR0's %llu (or plus one)",
				 (unsigned long long)b);
			snprintf(o->observed, sizeof(o->observed), "%llu with CBPR set",
				 (unsigned long long)v);
		}
	}
	if (wr(r, bpr1, 6) || wr(r, ctl, c) || rd(r, bpr1, &v))
		goto restore;
	expect_bits(r, bpr1, "cbpr_bpr1_write_ignored", v, 7, 0x7,
		    "BPR1 written 6 under CBPR, then read");
restore:
	if (!wr(r, ctl, c) && !rd(r, ctl, &v))
		expect_bits(r, ctl, "restored", v, c, ~0ull, "the original");
	if (!wr(r, bpr0, b0) && !rd(r, bpr0, &v))
		expect_bits(r, bpr0, "restored", v, b0, ~0ull, "the original");
	if (!wr(r, bpr1, b1) && !rd(r, bpr1, &v))
		expect_bits(r, bpr1, "restored", v, b1, ~0ull, "the original");
}

/* SRE: set (the harness uses the system registers); RAO/WI where legacy is not supported. */
static void sre(struct cpu_run *r, const struct icc_fields *f, uint64_t orig)
{
	uint64_t v;

	r->sre = orig;
	expect_bits(r, f, "sre_set", orig, ICC_SRE_SRE, ICC_SRE_SRE, "SRE");
	if (!r->legacy_absent || !(orig & ICC_SRE_SRE))
		return;
	if (wr(r, f, orig & ~(uint64_t)ICC_SRE_SRE) || rd(r, f, &v))
		return;
	expect_bits(r, f, "sre_rao_wi", v, ICC_SRE_SRE, ICC_SRE_SRE, "SRE after writing 0");
}

static void one(struct cpu_run *r, const struct icc_fields *f)
{
	uint64_t orig, v;

	if (rd(r, f, &orig))
		return;
	expect_bits(r, f, "res0_reads_zero", orig, 0, f->res0, "RES0");
	switch (f->kind) {
	case ICC_PLAIN: plain(r, f, orig); break;
	case ICC_PRIORITY: priority(r, f); break;
	case ICC_BINPOINT: binpoint(r, f); break;
	case ICC_SRE_RAO: sre(r, f, orig); break;
	}
	if (wr(r, f, orig) || rd(r, f, &v))
		return;
	expect_bits(r, f, "restored", v, orig, ~0ull, "the original");
}

/* Every register on this CPU; CTLR first, the others read its PRIbits and CBPR. */
static void exercise(struct cpu_run *r)
{
	int masked = cpu_irq_masked();
	struct probe_outcome o;

	cpu_irq_mask();
	r->n = r->held = r->regs = 0;
	r->prio_bits = r->bpr0_min = r->bpr1_min = -1;
	r->ctlr = icc_read(ICC_REG_CTLR, &o) ? 0 : o.value;
	const struct icc_fields *by[ICC_REG_COUNT] = { 0 };
	for (unsigned i = 0; i < icc_nfields; i++) {
		if (icc_fields[i].reg == ICC_REG_BPR0 && !r->g0_ok)
			continue;
		one(r, &icc_fields[i]);
		by[icc_fields[i].reg] = &icc_fields[i];
		r->regs++;
	}
	r->cbpr = -1;
	if (by[ICC_REG_BPR0] && by[ICC_REG_BPR1] && by[ICC_REG_CTLR])
		common_binpoint(r, by[ICC_REG_BPR0], by[ICC_REG_BPR1], by[ICC_REG_CTLR]);
	r->ran = 1;
	if (!masked)
		cpu_irq_unmask();
}

/* A started CPU: its CPU interface set up as the runtime does for any started CPU (SRE set,
 * the redistributor awake), then exercised; a setup problem is said instead. */
static void cpu_fn(struct smp_slot *s)
{
	struct cpu_run *r = s->arg;

	r->problem = irq_cpu_setup();
	if (!r->problem)
		exercise(r);
}

static void report_cpu(struct test_ctx *t, const struct cpu_run *r, int cpu)
{
	subject_push(t, "cpu", "%d", cpu);
	for (unsigned i = 0; i < r->n; i++) {
		const struct obs *o = &r->o[i];
		const struct field fl[] = { { "expect", o->expect },
					    { "spec", o->f->spec },
					    { "observed", o->observed } };
		subject_push(t, "reg", "%s", icc_name(o->f->reg));
		finding_fields(t, fl, 3, o->check, "%s: expected %s, observed %s (%s)",
			       icc_name(o->f->reg), o->expect, o->observed, o->f->spec);
		subject_pop(t);
	}
	evidence(t, "cpuif_regs_cpu",
		 "cpu %d: %u registers, %u checks held, %u failed; ICC_CTLR 0x%llx (PRIbits %llu, "
		 "IDbits %u), ICC_SRE 0x%llx, PMR priority bits %d, BPR0 minimum %d, BPR1 minimum "
		 "%d%s",
		 cpu, r->regs, r->held, r->n, (unsigned long long)r->ctlr,
		 (unsigned long long)(r->ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7), icc_idbits(r->ctlr),
		 (unsigned long long)r->sre, r->prio_bits, r->bpr0_min, r->bpr1_min,
		 (r->ctlr & ICC_CTLR_CBPR) ? " (CBPR set: BPR1 not written)"
		 : r->cbpr == 1		   ? "; CBPR: BPR1 judged under it"
		 : r->cbpr == 0		   ? "; CBPR does not take: not judged"
					   : "");
	subject_pop(t);
}

static uint32_t rd32(uintptr_t a, int *ok)
{
	struct probe_outcome o;

	*ok = !probe_read(a, 32, &o);
	return *ok ? (uint32_t)o.value : 0;
}

/* The priority bits SGI 15's byte takes in this CPU's redistributor SGI frame (nothing sends
 * SGI 15); -1 when unreadable. */
static int dist_prio_bits(void)
{
	uintptr_t rd_base = gic_redist_base();
	struct probe_outcome o;

	if (!rd_base)
		return -1;
	uintptr_t a = rd_base + 0x10000 + 0x400 + 15;
	if (probe_read(a, 8, &o))
		return -1;
	uint64_t orig = o.value;
	if (probe_write(a, 8, 0xff, &o) || probe_read(a, 8, &o))
		return -1;
	int k = icc_prio_bits(o.value);
	probe_write(a, 8, orig, &o);
	return k;
}

/* The boot CPU's ICC_CTLR against the distributor's GICD_TYPER (IHI 0069 12.9, GICD_TYPER). */
static void against_distributor(struct test_ctx *t, const struct cpu_run *r, uint32_t typer)
{
	const struct platform *p = t->plat;
	unsigned cpu_bits = icc_idbits(r->ctlr), dist_bits = GICD_TYPER_IDBITS(typer);
	int aff3 = 0;

	check(t, cpu_bits != 0, "ctlr_idbits_defined",
	      "ICC_CTLR IDbits %llu: a reserved value (0b000 16 bits, 0b001 24 bits; IHI 0069 "
	      "ICC_CTLR_EL1)",
	      (unsigned long long)(r->ctlr >> ICC_CTLR_IDBITS_SHIFT & 7));
	if (cpu_bits)
		check(t, dist_bits <= cpu_bits, "idbits_cover_distributor",
		      "GICD_TYPER.IDbits gives %u INTID bits, ICC_CTLR.IDbits only %u: the CPU "
		      "interface cannot name every INTID the distributor may signal",
		      dist_bits, cpu_bits);
	for (int i = 0; i < p->ncpus; i++)
		aff3 |= (p->cpu_mpidr[i] >> 32 & 0xff) != 0;
	if (aff3) {
		check(t, (typer & GICD_TYPER_A3V) && (r->ctlr & ICC_CTLR_A3V), "a3v_for_dt_aff3",
		      "a DT CPU has a non-zero Aff3, yet A3V reads GICD_TYPER %u, ICC_CTLR %u",
		      !!(typer & GICD_TYPER_A3V), !!(r->ctlr & ICC_CTLR_A3V));
	}
	int dk = dist_prio_bits();
	evidence(t, "cpuif_against_distributor",
		 "INTID bits: ICC_CTLR %u, GICD_TYPER %u; A3V: ICC_CTLR %u, GICD_TYPER %u%s; SEIS: "
		 "ICC_CTLR %u, GICD_TYPER %u; priority bits: PMR %d, redistributor SGI 15 byte %d",
		 cpu_bits, dist_bits, !!(r->ctlr & ICC_CTLR_A3V), !!(typer & GICD_TYPER_A3V),
		 aff3 ? "" : " (no DT CPU has a non-zero Aff3)", !!(r->ctlr & ICC_CTLR_SEIS),
		 !!(typer & GICD_TYPER_SEIS), r->prio_bits, dk);
}

static int is_boot_cpu(const struct platform *p, int i)
{
	return (p->cpu_mpidr[i] & 0xff00ffffffull) == (cpu_mpidr() & 0xff00ffffffull);
}

void case_cpuif_regs(struct test_ctx *t)
{
	/* One CPU at a time (each is waited for), so one run's record serves each in turn. */
	static struct cpu_run run, boot_run;
	const struct platform *p = t->plat;
	const struct dt_device *gic = p->gic;
	int ok, boot = -1;

	if (p->gic_version != 3) {
		skip(t, "GICv2: its CPU interface is memory-mapped (the mmio suite's write_read)");
		return;
	}
	uintptr_t dist = (uintptr_t)gic->reg[0].base;
	uint32_t typer = rd32(dist + GICD_TYPER, &ok), ctlr = rd32(dist + GICD_CTLR, &ok);
	struct cpu_run in = { .legacy_absent = gic->nreg <= 2, .ds = !!(ctlr & GICD_CTLR_DS) };

	in.g0_ok = in.ds || !cpu_el3_implemented();
	note(t, "GICD_CTLR 0x%x (DS %d), EL3 %s: ICC_BPR0 %s; the DT %s: SRE %s", ctlr, in.ds,
	     cpu_el3_implemented() ? "implemented" : "not implemented",
	     in.g0_ok ? "exercised" : "not touched (EL3 may own Group 0)",
	     in.legacy_absent ? "describes no legacy CPU interface (GICC)"
			      : "may describe a legacy CPU interface (GICC)",
	     in.legacy_absent ? "must be RAO/WI" : "not written");
	for (int i = 0; i < p->ncpus && i < PLAT_MAX_CPUS; i++) {
		int64_t rc;
		run = in;
		if (is_boot_cpu(p, i)) {
			exercise(&run);
			boot = i;
			boot_run = run;
		} else if (!dt_cpu_startable(p, i)) {
			note(t, "cpu %d: not run (DT status %s)", i,
			     dt_cpu_status_name(p->cpu_status[i]));
			continue;
		} else if (smp_lost(p, i)) {
			note(t, "cpu %d: not run (%s)", i, smp_lost(p, i));
			continue;
		} else {
			struct smp_slot *s = smp_start(p, i, cpu_fn, &run, &rc);
			if (!s || smp_wait(s, SLOT_DONE, CPU_WAIT)) {
				note(t,
				     "cpu %d did not run its CPU interface registers (CPU_ON %lld)",
				     i, (long long)rc);
				continue;
			}
			smp_release(p, s, CPU_WAIT);
		}
		if (run.problem)
			note(t, "cpu %d: its CPU interface was not set up (%s): not run", i,
			     run.problem);
		if (run.ran)
			report_cpu(t, &run, i);
	}
	if (boot >= 0)
		against_distributor(t, &boot_run, typer);
}
