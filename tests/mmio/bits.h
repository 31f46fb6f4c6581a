/* SPDX-License-Identifier: MIT */
/*
 * The mmio suite's write-then-read engine (bits.c): one register, one CPU,
 * judged against its bit-level contract (spec/fields.h). A run records its
 * observations in place, so that a CPU other than the one writing the report
 * can make them (banked registers); bits_report() says them.
 */
#ifndef TESTS_MMIO_BITS_H
#define TESTS_MMIO_BITS_H

#include "tests/mmio/mmio.h"

#define BITS_MAX_OBS 12

struct bits_obs {
	const char *check;
	int deviation;
	int aborted;
	char expect[48];
	char observed[64];
};

struct bits_run {
	/* In: what to exercise. */
	const struct reg_fields *f;
	uintptr_t a;	  /* the word (doubleword with FB_64) */
	uint32_t off;	  /* its offset in the node's reg range */
	uintptr_t clear;  /* FB_SET: the clear view's word */
	uint64_t touch;	  /* the bits a write may change (INTIDs nothing uses) */
	unsigned ncpus;	  /* the CPU interfaces GICD_TYPER counts (IMPL_CPUS) */
	uint64_t aff;	  /* IROUTER: the affinity of a CPU the DT lists */
	uintptr_t beyond; /* FB_BEYOND: a word past the implemented INTIDs, or 0 */
	/* GICv2 SPIs: their 8 ITARGETSR words, pointed at this CPU while a state is set (a
	 * pending SPI with no target is pending on no CPU interface, IHI 0048B 4.3.12), or 0. */
	uintptr_t targets;
	uint32_t own;
	/* Out. */
	unsigned n, held;
	struct bits_obs o[BITS_MAX_OBS];
};

/* Exercise one register (IRQs masked while it runs). */
void bits_exercise(struct bits_run *r);
/* Say a run's deviations as findings (cpu < 0: not banked); what held is counted by the caller. */
void bits_report(struct test_ctx *t, const struct mmio_target *tg, const struct bits_run *r,
		 int cpu);

/* An interrupt mask: leave the bits whose raw status is set (f->raw_status) untouched. */
void bits_spare_raised(struct bits_run *r, uintptr_t base);
/* A part's unbanked registers as one evidence. */
void bits_report_part(struct test_ctx *t, const struct mmio_target *tg, unsigned regs,
		      unsigned held, unsigned failed);
/* One CPU's (or redistributor frame's) banked registers as one evidence. */
void bits_report_cpu(struct test_ctx *t, const struct mmio_target *tg, int cpu, unsigned regs,
		     unsigned held, unsigned failed);

/* The GIC's INTID choice (bits_gic.c): fill r->a, touch, clear, beyond; 0, or -1 (a note). */
int bits_gic_place(struct test_ctx *t, const struct mmio_target *tg, struct bits_run *r,
		   uintptr_t base);
/* The case's per-target parts. */
void bits_banked(struct test_ctx *t, const struct mmio_target *tg);
void bits_selectors(struct test_ctx *t, const struct mmio_target *tg);

#endif
