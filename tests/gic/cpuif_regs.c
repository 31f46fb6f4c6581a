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
#include "drivers/gic_its.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "spec/icc_fields.h"
#include "tests/gic/cpuif.h"
#include "tests/gic/gic.h"

#define CPU_WAIT 1000000 /* us: a CPU's share is a few dozen register accesses */

/* Writable bits take ones then zeros; read-only fields hold across a write of their complement. */
static void plain(struct cpu_run *r, const struct icc_fields *f, uint64_t orig)
{
	uint64_t v, keep = orig & ~(f->writable | f->ro);

	if (cpuif_wr(r, f, keep | f->writable | (~orig & f->ro)) || cpuif_rd(r, f, &v))
		return;
	cpuif_expect_bits(r, f, "ones_take", v, f->writable, f->writable, "writable bits");
	cpuif_expect_bits(r, f, "ro_bits_hold", v, orig, f->ro, "read-only");
	cpuif_expect_bits(r, f, "res0_reads_zero", v, 0, f->res0, "RES0");
	if (cpuif_wr(r, f, keep | (orig & f->ro)) || cpuif_rd(r, f, &v))
		return;
	cpuif_expect_bits(r, f, "zeros_take", v, 0, f->writable, "writable bits");
}

/* PMR: 0xff leaves the implemented priority bits, k of them from bit 7; ICC_CTLR says k. */
static void priority(struct cpu_run *r, const struct icc_fields *f)
{
	uint64_t v;

	if (cpuif_wr(r, f, 0xff) || cpuif_rd(r, f, &v))
		return;
	int k = icc_prio_bits(v);
	r->prio_bits = k;
	struct cpuif_obs *o = cpuif_add(r, f, "impl_bits_in_range", k < 4);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "4 to 8 priority bits from bit 7");
		snprintf(o->observed, sizeof(o->observed), "0x%llx after writing 0xff",
			 (unsigned long long)v);
	}
	/* With two Security states a Non-secure PMR shows one bit less (its view is shifted). */
	unsigned pri = (unsigned)(r->ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7) + 1;
	o = cpuif_add(r, f, "ctlr_pribits_match",
		      k >= 0 && (unsigned)k != pri && (r->ds || (unsigned)k + 1 != pri));
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "%u bits (ICC_CTLR PRIbits %u)%s", pri,
			 pri - 1, r->ds ? "" : " or one less");
		snprintf(o->observed, sizeof(o->observed), "%d bits: 0x%llx after writing 0xff", k,
			 (unsigned long long)v);
	}
	if (cpuif_wr(r, f, 0) || cpuif_rd(r, f, &v))
		return;
	cpuif_expect_bits(r, f, "zeros_take", v, 0, 0xff, "priority bits");
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
		if (cpuif_wr(r, f, w) || cpuif_rd(r, f, &got[w]))
			return;
	int m = (int)got[0];
	int bad = 0;
	for (unsigned w = 0; w < 8; w++)
		bad |= got[w] != (w < (unsigned)m ? (uint64_t)m : w);
	struct cpuif_obs *o = cpuif_add(r, f, "binpoint_range", bad || m > 7);
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
				    : cpuif_add(r, f, "bpr1_min_follows_bpr0",
						m != r->bpr0_min && m != r->bpr0_min + 1);
		if (o) {
			snprintf(o->expect, sizeof(o->expect),
				 "minimum %d or %d (BPR0's, plus one)", r->bpr0_min,
				 r->bpr0_min + 1);
			snprintf(o->observed, sizeof(o->observed), "minimum %d", m);
		}
	} else {
		r->bpr0_min = m;
		o = cpuif_add(r, f, "binpoint_min_in_range", m < lo);
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

	if ((r->ctlr & ICC_CTLR_CBPR) || r->bpr0_min < 0 || r->bpr0_min > 5 ||
	    cpuif_rd(r, ctl, &c) || cpuif_rd(r, bpr0, &b0) || cpuif_rd(r, bpr1, &b1))
		return;
	if (cpuif_wr(r, bpr1, 7) || cpuif_wr(r, bpr0, (uint64_t)r->bpr0_min) ||
	    cpuif_wr(r, ctl, c | ICC_CTLR_CBPR) || cpuif_rd(r, ctl, &v))
		goto restore;
	r->cbpr = (v & ICC_CTLR_CBPR) ? 1 : 0;
	if (!r->cbpr)
		goto restore;
	if (!cpuif_rd(r, bpr1, &v)) {
		uint64_t b = (uint64_t)r->bpr0_min;
		struct cpuif_obs *o =
			cpuif_add(r, bpr1, "cbpr_bpr1_reads_bpr0", v != b && v != b + 1);
		if (o) {
			snprintf(o->expect, sizeof(o->expect), "BPR0's %llu (or plus one)",
				 (unsigned long long)b);
			snprintf(o->observed, sizeof(o->observed), "%llu with CBPR set",
				 (unsigned long long)v);
		}
	}
	if (cpuif_wr(r, bpr1, 6) || cpuif_wr(r, ctl, c) || cpuif_rd(r, bpr1, &v))
		goto restore;
	cpuif_expect_bits(r, bpr1, "cbpr_bpr1_write_ignored", v, 7, 0x7,
			  "BPR1 written 6 under CBPR, then read");
restore:
	if (!cpuif_wr(r, ctl, c) && !cpuif_rd(r, ctl, &v))
		cpuif_expect_bits(r, ctl, "restored", v, c, ~0ull, "the original");
	if (!cpuif_wr(r, bpr0, b0) && !cpuif_rd(r, bpr0, &v))
		cpuif_expect_bits(r, bpr0, "restored", v, b0, ~0ull, "the original");
	if (!cpuif_wr(r, bpr1, b1) && !cpuif_rd(r, bpr1, &v))
		cpuif_expect_bits(r, bpr1, "restored", v, b1, ~0ull, "the original");
}

/* SRE: set (the harness uses the system registers); RAO/WI where legacy is not supported. */
static void sre(struct cpu_run *r, const struct icc_fields *f, uint64_t orig)
{
	uint64_t v;

	r->sre = orig;
	cpuif_expect_bits(r, f, "sre_set", orig, ICC_SRE_SRE, ICC_SRE_SRE, "SRE");
	if (!r->legacy_absent || !(orig & ICC_SRE_SRE))
		return;
	if (cpuif_wr(r, f, orig & ~(uint64_t)ICC_SRE_SRE) || cpuif_rd(r, f, &v))
		return;
	cpuif_expect_bits(r, f, "sre_rao_wi", v, ICC_SRE_SRE, ICC_SRE_SRE, "SRE after writing 0");
}

/*
 * Nothing active and nothing of ours pending (IRQs masked, no case's
 * interrupt left active): RPR 0xff, AP<n>R 0, HPPIR1 1023 - or an INTID
 * that reads enabled, since a source the guest enabled (its timer's PPI)
 * may be pending while IRQs are masked; that one is said in the evidence.
 */
static void idle(struct cpu_run *r, const struct icc_fields *f, uint64_t v)
{
	uint64_t id = v & ICC_INTID_MASK;

	if (f->reg == ICC_REG_HPPIR1 && id != ICC_INTID_SPURIOUS &&
	    (id >= GIC_FIRST_LPI || (id < GIC_MAX_LINES && gic_enabled((uint32_t)id)))) {
		r->hppir_idle = (int64_t)id;
		r->held++;
		return;
	}
	cpuif_expect_bits(r, f, "idle_value", v, f->idle, ~f->res0 & 0xffffffffull,
			  "with nothing active or pending");
}

static void one(struct cpu_run *r, const struct icc_fields *f)
{
	uint64_t orig, v;

	if (f->kind == ICC_SGI_GEN) { /* write-only: nothing to read or put back */
		if (!cpuif_wr(r, f, ICC_SGI_NO_TARGET))
			cpuif_add(r, f, "writes", 0); /* held */
		return;
	}
	if (cpuif_rd(r, f, &orig))
		return;
	cpuif_expect_bits(r, f, "res0_reads_zero", orig, 0, f->res0, "RES0");
	switch (f->kind) {
	case ICC_PLAIN: plain(r, f, orig); break;
	case ICC_PRIORITY: priority(r, f); break;
	case ICC_BINPOINT: binpoint(r, f); break;
	case ICC_SRE_RAO: sre(r, f, orig); break;
	case ICC_ACTIVE: idle(r, f, orig); break;
	case ICC_STATUS: idle(r, f, orig); return; /* read-only: nothing to restore */
	}
	if (cpuif_wr(r, f, orig) || cpuif_rd(r, f, &v))
		return;
	cpuif_expect_bits(r, f, "restored", v, orig, ~0ull, "the original");
}

/*
 * Whether Group 0's registers are this CPU's to touch at Non-secure EL1
 * (IHI 0069 / DDI 0487 access rules for ICC_IGRPEN0_EL1, ICC_BPR0_EL1,
 * ICC_AP0R<n>_EL1: with ICC_SRE_EL1.SRE set, ICH_HCR_EL2.TALL0 traps to EL2,
 * HCR_EL2.FMO gives the virtual register, else SCR_EL3.FIQ 1 traps to EL3,
 * else the register itself - GICD_CTLR.DS is no term of it). A guest cannot
 * read SCR_EL3; with no EL3 there is none. With EL3, SCR_EL3.FIQ 1 also
 * makes Non-secure priority accesses go through the Non-secure view, where
 * the lowest implemented priority written to PMR reads back 0 (shifted down
 * past the implemented bits): the probe Linux uses (gic_has_group0). PMR is
 * put back.
 */
static int group0_ours(const struct cpu_run *r)
{
	unsigned bits = (unsigned)(r->ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7) + 1;
	struct probe_outcome pmr, o;

	if (!r->el3)
		return 1;
	if (icc_read(ICC_REG_PMR, &pmr) || icc_write(ICC_REG_PMR, 1u << (8 - bits), &o))
		return 0; /* PMR faults: the finding is its own; Group 0 left alone */
	int ours = !icc_read(ICC_REG_PMR, &o) && o.value != 0;
	icc_write(ICC_REG_PMR, pmr.value, &o);
	return ours;
}

/* ICC_AP0R<n>/AP1R<n>'s n. */
static unsigned apr_n(enum icc_reg reg)
{
	return reg >= ICC_REG_AP1R0 ? reg - ICC_REG_AP1R0 : reg - ICC_REG_AP0R0;
}

/*
 * Every register on this CPU; CTLR first, the others read its PRIbits and
 * CBPR. Group 0's only where they are the guest's; AP<n>R only for the n
 * that exist (IHI 0069: the others are UNDEFINED). Then the registers with
 * an interrupt active and one pending (cpuif_active.c).
 */
static void exercise(struct cpu_run *r)
{
	int masked = cpu_irq_masked();
	struct probe_outcome o;

	cpu_irq_mask();
	r->n = r->held = r->regs = r->dropped = 0;
	r->prio_bits = r->bpr0_min = r->bpr1_min = -1;
	r->rpr_in = r->hppir_masked = r->hppir_idle = -1;
	r->ctlr = icc_read(ICC_REG_CTLR, &o) ? 0 : o.value;
	r->aprs = icc_apr_count(r->ctlr);
	r->g0_ok = group0_ours(r);
	const struct icc_fields *by[ICC_REG_COUNT] = { 0 };
	for (unsigned i = 0; i < icc_nfields; i++) {
		const struct icc_fields *f = &icc_fields[i];
		if (((f->flags & ICC_F_GROUP0) && !r->g0_ok) ||
		    ((f->flags & ICC_F_APR) && apr_n(f->reg) >= r->aprs))
			continue;
		one(r, f);
		by[f->reg] = f;
		r->regs++;
	}
	r->cbpr = -1;
	if (by[ICC_REG_BPR0] && by[ICC_REG_BPR1] && by[ICC_REG_CTLR])
		common_binpoint(r, by[ICC_REG_BPR0], by[ICC_REG_BPR1], by[ICC_REG_CTLR]);
	cpuif_active(r);
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

/* A value observed, or "not observed". */
static const char *hex_or_none(char *buf, size_t n, int64_t v)
{
	if (v < 0)
		return "not observed";
	snprintf(buf, n, "0x%llx", (unsigned long long)v);
	return buf;
}

static void report_cpu(struct test_ctx *t, const struct cpu_run *r, int cpu)
{
	subject_push(t, "cpu", "%d", cpu);
	for (unsigned i = 0; i < r->n; i++) {
		const struct cpuif_obs *o = &r->o[i];
		const struct field fl[] = { { "expect", o->expect },
					    { "spec", o->f->spec },
					    { "observed", o->observed } };
		subject_push(t, "reg", "%s", icc_name(o->f->reg));
		finding_fields(t, fl, 3, o->check, "%s: expected %s, observed %s (%s)",
			       icc_name(o->f->reg), o->expect, o->observed, o->f->spec);
		subject_pop(t);
	}
	if (r->dropped)
		note(t,
		     "cpu %d: %u more failed checks past the first %u not recorded (their count is "
		     "in the evidence's failed)",
		     cpu, r->dropped, CPUIF_OBS_MAX);
	evidence(t, "cpuif_regs_cpu",
		 "cpu %d: %u registers, %u checks held, %u failed; ICC_CTLR 0x%llx (PRIbits %llu, "
		 "IDbits %u), ICC_SRE 0x%llx, PMR priority bits %d, BPR0 minimum %d, BPR1 minimum "
		 "%d%s",
		 cpu, r->regs, r->held, r->n + r->dropped, (unsigned long long)r->ctlr,
		 (unsigned long long)(r->ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7), icc_idbits(r->ctlr),
		 (unsigned long long)r->sre, r->prio_bits, r->bpr0_min, r->bpr1_min,
		 (r->ctlr & ICC_CTLR_CBPR) ? " (CBPR set: BPR1 not written)"
		 : r->cbpr == 1		   ? "; CBPR: BPR1 judged under it"
		 : r->cbpr == 0		   ? "; CBPR does not take: not judged"
					   : "");
	char rpr[24], hp[24], hpi[24];
	evidence(t, "cpuif_active_cpu",
		 "cpu %d: AP<n>R registers %u (AP0R %s); in the handler of SGI %u: RPR %s, AP1R0 "
		 "0x%llx, AP1R1 0x%llx; HPPIR1 with SGI %u pending under PMR: %s; idle HPPIR1 %s",
		 cpu, r->aprs, r->g0_ok ? "exercised" : "not touched", CPUIF_SGI_RUNNING,
		 hex_or_none(rpr, sizeof(rpr), r->rpr_in), (unsigned long long)r->ap1r_in[0],
		 (unsigned long long)r->ap1r_in[1], CPUIF_SGI_MASKED,
		 hex_or_none(hp, sizeof(hp), r->hppir_masked),
		 r->hppir_idle >= 0 ? hex_or_none(hpi, sizeof(hpi), r->hppir_idle) : "1023");
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

/*
 * No legacy CPU interface when reg holds only GICD and the
 * #redistributor-regions GICR regions (IHI 0069 binding: then GICC, GICH,
 * GICV, each optional).
 */
static int legacy_absent(const struct platform *p)
{
	int nredist = p->gic_redist_regions > 0 ? p->gic_redist_regions : 1;

	return p->gic->nreg <= 1 + nredist;
}

void case_cpuif_regs(struct test_ctx *t)
{
	/* One CPU at a time (each is waited for), so one run's record serves each in turn. */
	static struct cpu_run run, boot_run;
	const struct platform *p = t->plat;
	const struct dt_device *gic = p->gic;
	int typer_ok, ctlr_ok, boot = -1;

	if (p->gic_version != 3) {
		skip(t, "GICv2: its CPU interface is memory-mapped (the mmio suite's write_read)");
		return;
	}
	uintptr_t dist = (uintptr_t)gic->reg[0].base;
	uint32_t typer = rd32(dist + GICD_TYPER, &typer_ok),
		 ctlr = rd32(dist + GICD_CTLR, &ctlr_ok);
	check(t, typer_ok, "gicd_typer_reads",
	      "GICD_TYPER (0x%llx) faulted: the CPU interface is not judged against it",
	      (unsigned long long)(dist + GICD_TYPER));
	check(t, ctlr_ok, "gicd_ctlr_reads",
	      "GICD_CTLR (0x%llx) faulted: DS taken as 0 (two Security states)",
	      (unsigned long long)(dist + GICD_CTLR));
	struct cpu_run in = { .legacy_absent = legacy_absent(p), .ds = !!(ctlr & GICD_CTLR_DS) };

	in.el3 = cpu_el3_implemented();
	note(t,
	     "GICD_CTLR 0x%x (DS %d), EL3 %s: ICC_BPR0, ICC_IGRPEN0, ICC_AP0R<n> %s; the DT "
	     "(%d reg, %d GICR regions) %s: SRE %s",
	     ctlr, in.ds, in.el3 ? "implemented" : "not implemented",
	     in.el3 ? "exercised where PMR shows no Non-secure view (SCR_EL3.FIQ 0)" : "exercised",
	     gic->nreg, p->gic_redist_regions,
	     in.legacy_absent ? "describes no legacy CPU interface (GICC)"
			      : "describes a legacy CPU interface (GICC)",
	     in.legacy_absent ? "must be RAO/WI" : "not written");
	for (int i = 0; i < p->ncpus && i < PLAT_MAX_CPUS; i++) {
		int64_t rc;
		run = in;
		if (smp_dt_cpu_is_self(p, i)) {
			exercise(&run);
			boot = i;
			boot_run = run;
		} else if (!dt_cpu_startable(p, i)) {
			note(t, "cpu %d: not run (DT status %s)", i,
			     dt_cpu_status_name(p->cpu_status[i]));
			continue;
		} else if (smp_lost(p, i)) {
			/* Lost by an earlier case, which made that finding: not asked again. */
			note(t, "cpu %d: not run (%s)", i, smp_lost(p, i));
			continue;
		} else if (smp_reserve()) {
			/* No run-time memory for a CPU's stack: boot's runtime_memory says why. */
			note(t, "cpu %d: not run (%s)", i, smp_reserve());
			continue;
		} else {
			struct smp_slot *s = smp_start(p, i, cpu_fn, &run, &rc);
			int came = s && !smp_wait(s, SLOT_DONE, CPU_WAIT);
			subject_push(t, "cpu", "%d", i);
			check(t, came, "cpu_runs_registers",
			      "cpu %d did not run its CPU interface registers within %u ms (CPU_ON "
			      "%lld%s)",
			      i, CPU_WAIT / 1000, (long long)rc, s ? "" : ", not started");
			if (came && run.problem)
				finding(t, irq_problem_check(run.problem),
					"cpu %d: its CPU interface was not set up (%s): not run", i,
					run.problem);
			subject_pop(t);
			if (!came && s && s->state == SLOT_RUNNING) {
				/* Still at it, on the one record: the next CPU would share it. */
				note(t, "cpu %d still runs: CPUs after it are not started", i);
				break;
			}
			if (!came)
				continue;
			smp_release(p, s, CPU_WAIT);
		}
		if (run.ran)
			report_cpu(t, &run, i);
	}
	if (boot >= 0 && typer_ok)
		against_distributor(t, &boot_run, typer);
}
