/* SPDX-License-Identifier: MIT */
/*
 * The gic suite's cpuif_regs case, what its files share (tests/gic/
 * cpuif_regs.c: the registers one by one; cpuif_active.c: the registers
 * with an interrupt active or pending). One CPU's run collects its
 * observations here; the boot CPU reports them for every CPU in turn.
 */
#ifndef TESTS_GIC_CPUIF_H
#define TESTS_GIC_CPUIF_H

#include <stdint.h>

#include "spec/icc_fields.h"

#define CPUIF_OBS_MAX 12
/* The SGIs cpuif_active sends to self (no other case uses them): one taken through the IRQ
 * handler, one left pending under PMR. */
#define CPUIF_SGI_RUNNING 13u
#define CPUIF_SGI_MASKED  14u

struct cpuif_obs {
	const char *check;
	const struct icc_fields *f;
	char expect[64];
	char observed[64];
};

struct cpu_run {
	int legacy_absent; /* in: the DT describes no legacy CPU interface (GICC) */
	int ds;		   /* in: GICD_CTLR.DS (one Security state) */
	int el3;	   /* in: EL3 implemented (ID_AA64PFR0_EL1.EL3, ID_PFR1.Security) */
	/*
	 * Group 0's registers are ours to touch, and priorities are not seen
	 * through the Non-secure view: no EL3, or EL3 does not route FIQs to
	 * itself (SCR_EL3.FIQ 0). Set per CPU by group0_ours() (cpuif_regs.c).
	 */
	int g0_ok;
	/* Out. */
	unsigned n, held, regs, dropped; /* dropped: failed past CPUIF_OBS_MAX, not recorded */
	struct cpuif_obs o[CPUIF_OBS_MAX];
	uint64_t ctlr, sre;
	int prio_bits, bpr0_min, bpr1_min;
	int cbpr; /* 1: CBPR took and BPR1 was judged under it; 0: it did not take; -1: not tried */
	unsigned aprs; /* ICC_AP1R<n> (and AP0R<n>) registers implemented, by ICC_CTLR.PRIbits */
	/* cpuif_active: what the handler saw (RPR, AP1R0..3), what HPPIR1 showed with the
	 * masked SGI pending; -1 where not observed. */
	int64_t rpr_in, hppir_masked;
	int64_t hppir_idle; /* an enabled INTID HPPIR1 named when idle, or -1 */
	uint64_t ap1r_in[4];
	int ran;
	const char *problem; /* a started CPU's irq_cpu_setup() */
};

/* cpuif_obs.c. The contract of register reg (NULL when icc_fields has none). */
const struct icc_fields *cpuif_fields(enum icc_reg reg);
/* A check on f: counted as held, or kept as an observation to fill in (NULL: held, or one
 * already kept for this check and register, or past CPUIF_OBS_MAX: counted in dropped). */
struct cpuif_obs *cpuif_add(struct cpu_run *r, const struct icc_fields *f, const char *check,
			    int bad);
/* A comparison under a mask: an observation when (got ^ want) & mask. */
void cpuif_expect_bits(struct cpu_run *r, const struct icc_fields *f, const char *check,
		       uint64_t got, uint64_t want, uint64_t mask, const char *what);
/* One access; a fault is an observation (reads, writes) and -1. */
int cpuif_rd(struct cpu_run *r, const struct icc_fields *f, uint64_t *v);
int cpuif_wr(struct cpu_run *r, const struct icc_fields *f, uint64_t v);

/* cpuif_active.c: this CPU, its IRQs masked, the registers judged idle. */
void cpuif_active(struct cpu_run *r);

#endif
