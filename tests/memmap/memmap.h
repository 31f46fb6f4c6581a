/*
 * State the memmap suite's cases share: the active profile, what the DT and
 * the probe said about each documented region, and the findings, so that
 * the last case can print the map the runner turns into documents.
 */
#ifndef MEMMAP_H
#define MEMMAP_H

#include "dt/windows.h"
#include "boot/probe.h"
#include "spec/profile.h"
#include "runtime/suite.h"

#define MM_MAX_REGIONS 48
#define MM_MAX_FINDINGS 128
#define MM_PROBE_LEN 48

struct mm_region {
	const struct profile_region *doc;
	int described;          /* a bank, reg or bus window of the DT lies in it */
	struct addr_range dt;   /* span of what the DT put there */
	char probe[MM_PROBE_LEN];
	int findings;
};

struct mm_finding {
	int region; /* index in mm.regions, -1 when outside the documented map */
	char text[176];
};

struct memmap {
	const struct profile *prof;
	struct mm_region regions[MM_MAX_REGIONS];
	int nregions;
	struct dt_window windows[DT_MAX_WINDOWS];
	int nwindows;
	struct mm_finding findings[MM_MAX_FINDINGS];
	int nfindings, findings_dropped;
	uint64_t limit; /* 2^mapped_pa_bits: what can be probed */
};

extern struct memmap mm;

/* Build mm for this run (once); returns 0 when there is no profile. */
int mm_prepare(struct test_ctx *t);
/* Index of the applicable region that contains [base, base + size), else -1. */
int mm_region_containing(uint64_t base, uint64_t size);
/* Index of the first applicable region overlapping [base, base + size), else -1. */
int mm_region_overlapping(uint64_t base, uint64_t size);
/* A disagreement: fails the case and is kept for the map. */
void mm_finding(struct test_ctx *t, int region, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Does the DT put anything (bank, reg, window) at [base, base + size)? */
int mm_dt_describes(const struct platform *p, uint64_t base, uint64_t size);
void mm_set_probe(int region, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "read 0x..." or "abort ESR ... decoded", for diagnostics. */
const char *mm_outcome(const struct probe_outcome *o);
/* "read 0x..." or "abort ESR 0x... (fault name)", for findings. */
const char *mm_outcome_short(const struct probe_outcome *o);

/* Cases in memmap_probe.c and memmap_sweep.c. */
void mm_probe_mmio(struct test_ctx *t);
void mm_probe_ram(struct test_ctx *t);
void mm_probe_undescribed(struct test_ctx *t);
void mm_sweep(struct test_ctx *t);
void mm_print_sweep(struct test_ctx *t);

#endif
