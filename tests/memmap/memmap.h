/* SPDX-License-Identifier: MIT */
/*
 * The memmap suite's state, built by its init and passed to every case
 * (t->state): the active profile, what the DT and the probe said about each
 * documented region, how many findings each has, and the sweep's runs,
 * so that the last case can print the map the runner turns into documents.
 */
#ifndef TESTS_MEMMAP_H
#define TESTS_MEMMAP_H

#include "boot/probe.h"
#include "dt/windows.h"
#include "runtime/check.h"
#include "spec/profile.h"

#define MM_MAX_REGIONS 48
#define MM_PROBE_LEN   48
#define MM_MAX_POINTS  24576
#define MM_MAX_RUNS    160

struct mm_region {
	const struct profile_region *doc; /* the documented region, or moved */
	struct profile_region moved;	  /* a floating region where the DT placed it */
	int described;			  /* a bank, reg or bus window of the DT lies in it */
	struct addr_range dt;		  /* span of what the DT put there */
	char probe[MM_PROBE_LEN];
	int findings;
};

/* One run of sweep points: same region, same answer. */
struct mm_run {
	uint64_t first, last;
	int region;
	int answered;
	uint32_t esr;
	unsigned points;
};

struct mm_sweep {
	uint64_t points[MM_MAX_POINTS];
	int npoints, points_dropped;
	int interior_left; /* points inside a DT reg or bank, not read (sweep.c) */
	struct mm_run runs[MM_MAX_RUNS];
	int nruns, runs_merged;
	uint64_t sweep_us;
	int swept;
};

struct memmap {
	const struct profile *prof;
	struct mm_region regions[MM_MAX_REGIONS];
	int nregions;
	struct dt_window windows[DT_MAX_WINDOWS];
	int nwindows;
	int nfindings;	    /* the suite's findings so far */
	int profile_said;   /* the memmap-profile record is in the report */
	uint64_t limit;	    /* the first PA a probe cannot reach (runtime/window.h) */
	unsigned unreached; /* probes below it no window reached (mm_read), not yet reported */
	int razwi_known;    /* unassigned_reads_zero() has looked ... */
	const char *razwi;  /* ... and why fault-based probes cannot judge, or NULL */
	struct mm_sweep sweep;
};

/*
 * probe_read/probe_write of a PA below mm->limit: through the identity map
 * or a window (runtime/window.h). One no window reached reads as faulted and
 * is counted; mm_reached() reports the count as a failure of the case.
 */
int mm_read(struct memmap *mm, uint64_t pa, unsigned width, struct probe_outcome *o);
int mm_write(struct memmap *mm, uint64_t pa, unsigned width, uint64_t v, struct probe_outcome *o);
void mm_reached(struct test_ctx *t);

/* Build the state for this run (state.c); returns why there is none, or NULL. */
const char *memmap_build(struct memmap *mm, const struct test_ctx *t);
/* Index of the applicable region that contains [base, base + size), else -1. */
int mm_region_containing(const struct memmap *mm, uint64_t base, uint64_t size);
/* Index of the first applicable region overlapping [base, base + size), else -1. */
int mm_region_overlapping(const struct memmap *mm, uint64_t base, uint64_t size);
/*
 * A finding (runtime/check.h) of the check named check, counted for the map
 * under its region: its subject is what the caller pushed, then
 * region=NAME of the documented region (index region; -1: outside the
 * documented map, no region field).
 */
void memmap_finding(struct test_ctx *t, const char *check, int region, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Subject fields: range=0xBASE+0xSIZE, addr=0xADDR (undone by subject_pop). */
void mm_push_range(struct test_ctx *t, uint64_t base, uint64_t size);
void mm_push_addr(struct test_ctx *t, uint64_t addr);
/* The name of region i, or "-" (i < 0). */
const char *mm_region_name(const struct memmap *mm, int i);
/* The memmap-profile record, once per run of the suite (describe.c). */
void mm_say_profile(struct test_ctx *t);
void mm_set_probe(struct memmap *mm, int region, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * Do addresses nothing is at read as zero instead of faulting (QEMU virt 2.10
 * and older: ignore_memory_transaction_failures)? Then a probe that expects a
 * fault cannot judge: returns why, else NULL.
 */
const char *unassigned_reads_zero(struct test_ctx *t);
/* probe_format() into a buffer of its own, for one format argument. */
const char *outcome_text(const struct probe_outcome *o, enum probe_style style);
/* The sweep's runs as memmap-sweep records (sweep.c). */
void mm_print_sweep(struct test_ctx *t);

/* The cases, in the order they run. */
void case_profile(struct test_ctx *t);
void case_dt_regions(struct test_ctx *t);
void case_dt_interrupts(struct test_ctx *t);
void case_dt_memory(struct test_ctx *t);
void case_dt_properties(struct test_ctx *t);
/* ppi_mask.c: a GICv2 PPI's CPU mask names the CPUs of /cpus (dt_interrupts). */
void memmap_check_ppi_masks(struct test_ctx *t);
/* values.c: the profile's values asked of the nodes they name; how many were asked. */
unsigned memmap_check_values(struct test_ctx *t, const struct profile *prof);
/* Hold each node's place against where the profile writes its nodes (places.c); how many
 * were asked. */
unsigned memmap_check_places(struct test_ctx *t, const struct profile *prof);
/* Hold /cpus/cpu-map against the topology the runner gave (topology.c); how many nodes were
 * asked. */
unsigned memmap_check_topology(struct test_ctx *t, const struct profile *prof);
/* numa.c: numa-node-id and /distance-map against the runner's vm_numa=; 1 when asked. */
unsigned memmap_check_numa(struct test_ctx *t, const struct profile *prof);
/* numa_layout.c: with vm_numa=N, the nodes in the runner's layout (protocol.h). */
void memmap_check_numa_layout(struct test_ctx *t, const struct profile *prof, unsigned nodes);
/* Hold each CPU node's compatible against the model the documentation writes (cpu_model.c). */
unsigned memmap_check_cpu_model(struct test_ctx *t, const struct profile *prof);
/* The tree in order, each node with its path (walk.c): memmap_walk_start, then
 * memmap_walk_next until 0; the root first. Disabled nodes only when asked for. */
struct memmap_walk {
	int node, depth, disabled_too;
	/* The path's length at each depth (each level adds 2 bytes or more). */
	uint8_t len[PLAT_PATH_LEN / 2];
	char path[PLAT_PATH_LEN];
};
void memmap_walk_start(struct memmap_walk *w, int disabled_too);
int memmap_walk_next(const void *fdt, struct memmap_walk *w);
/* Is the node (an offset; negative: none) compatible with one of a space-separated list? */
int memmap_node_listed(const void *fdt, int node, const char *list);
/* A path from / with unit addresses left out: "/cpus/cpu" names /cpus/cpu@1. */
int memmap_path_matches(const char *path, const char *pattern);
/* Is the entry this run's? One written for a guest of the other width is not (a 32-bit
 * image's CPU is AArch32). */
int memmap_value_for_guest(const struct profile_value *w);
/* pci_values.c: a VALUE_PCI_* value of a PCIe host node (value v, len bytes). */
void memmap_check_pci_value(struct test_ctx *t, int node, const struct profile_value *w,
			    const uint8_t *v, int len);
void case_probe_mmio(struct test_ctx *t);
void case_probe_ram(struct test_ctx *t);
void case_probe_undescribed(struct test_ctx *t);
void case_sweep(struct test_ctx *t);
void case_map(struct test_ctx *t);

#endif
