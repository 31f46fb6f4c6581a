// SPDX-License-Identifier: MIT
/*
 * memmap suite, the sweep: read the whole guest physical address space the
 * identity map covers, coarsely (every 1 GiB up to the highest documented or
 * described address, every 64 GiB past it (1 GiB with depth=full) and the
 * last GiB, and every 2 MiB
 * in the 64 MiB around each documented or described edge, but not between
 * the first and last 2 MiB inside a DT reg or bank), and report every
 * address that answers outside the documented map. The outcomes are kept as sw->runs (same
 * region, same answer) for the map. Timed with the generic counter.
 */
#include <stdio.h>
#include <stdlib.h>

#include "boot/cpu.h"
#include "boot/esr.h"
#include "runtime/record.h"
#include "tests/memmap/memmap.h"

#define COARSE (1ull << 30)
/*
 * Past the highest documented or described address nothing is said to be,
 * and each read there faults the same way: a 44-bit space (QEMU's Cortex-A57)
 * is 15 TiB of it, 15,000 reads at COARSE that were most of the sweep's time
 * under TCG, for the same evidence a read every FAR gives.
 */
#define FAR	  (64ull << 30)
#define FINE	  (2ull << 20)
#define EDGE_SPAN (32ull << 20) /* each side of an edge */

static void add(struct memmap *mm, uint64_t a)
{
	struct mm_sweep *sw = &mm->sweep;

	if (a >= mm->limit)
		return;
	if (sw->npoints < MM_MAX_POINTS)
		sw->points[sw->npoints++] = a;
	else
		sw->points_dropped++;
}

static void add_edge(struct memmap *mm, uint64_t e)
{
	uint64_t lo = e > EDGE_SPAN ? (e - EDGE_SPAN) & ~(FINE - 1) : 0;

	for (uint64_t a = lo; a < e + EDGE_SPAN && a < mm->limit; a += FINE)
		add(mm, a);
}

/* The larger of top and the end of base+size, saturating. */
static uint64_t max_end(uint64_t top, uint64_t base, uint64_t size)
{
	uint64_t end = base + size < base ? UINT64_MAX : base + size;

	return end > top ? end : top;
}

/* Is a FINE step inside [base, base + size) on both sides of a? */
static int inside(uint64_t a, uint64_t base, uint64_t size)
{
	return a >= base && a - base >= FINE && size > FINE && a - base < size - FINE;
}

/*
 * A point with a point inside the same DT reg or bank on either side: it
 * says nothing that range's edges and its probe (probe_mmio, probe_ram) do
 * not, and reading it is costly: the first read of each 2 MiB of a flash or
 * RAM QEMU has not touched costs a host page (about 10 ms on a loaded host).
 */
static int described_interior(const struct platform *p, uint64_t a)
{
	for (int b = 0; b < p->nbanks; b++)
		if (inside(a, p->banks[b].base, p->banks[b].size))
			return 1;
	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);)
		if (inside(a, it.r->base, it.r->size))
			return 1;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* far: the step past the highest documented or described address (FAR, or COARSE with
 * depth=full). */
static void build_points(struct memmap *mm, const struct platform *p, uint64_t far)
{
	struct mm_sweep *sw = &mm->sweep;
	uint64_t top = 0; /* the highest documented or described end */

	for (int i = 0; i < mm->nregions; i++)
		top = max_end(top, mm->regions[i].doc->base, mm->regions[i].doc->size);
	for (int b = 0; b < p->nbanks; b++)
		top = max_end(top, p->banks[b].base, p->banks[b].size);
	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);)
		top = max_end(top, it.r->base, it.r->size);
	for (uint64_t a = 0; a < mm->limit; a += a < top ? COARSE : far)
		add(mm, a);
	if (mm->limit >= COARSE)
		add(mm, mm->limit - COARSE);
	for (int i = 0; i < mm->nregions; i++) {
		add_edge(mm, mm->regions[i].doc->base);
		add_edge(mm, mm->regions[i].doc->base + mm->regions[i].doc->size);
	}
	for (int b = 0; b < p->nbanks; b++) {
		add_edge(mm, p->banks[b].base);
		add_edge(mm, p->banks[b].base + p->banks[b].size);
	}
	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);) {
		add_edge(mm, it.r->base & ~(FINE - 1));
		add_edge(mm, it.r->base + it.r->size);
	}
	qsort(sw->points, sw->npoints, sizeof(sw->points[0]), cmp);
	int n = 0;
	for (int i = 0; i < sw->npoints; i++)
		if (!i || sw->points[i - 1] != sw->points[i]) { /* sorted: each once */
			if (described_interior(p, sw->points[i]))
				sw->interior_left++;
			else
				sw->points[n++] = sw->points[i];
		}
	sw->npoints = n;
}

/* Undocumented answers are findings, one per run of answering points. */
static void close_run(struct test_ctx *t, const struct mm_run *r, uint64_t value)
{
	if (r->region >= 0 || !r->answered)
		return;
	mm_push_addr(t, r->first);
	memmap_finding(t, "undocumented_address_faults", -1,
		       "undocumented accessible address 0x%llx: read 0x%llx (%u sweep points to "
		       "0x%llx answer)",
		       (unsigned long long)r->first, (unsigned long long)value, r->points,
		       (unsigned long long)r->last);
	subject_pop(t);
}

static void record(struct test_ctx *t, uint64_t a, const struct probe_outcome *o,
		   uint64_t *first_value)
{
	struct memmap *mm = t->state;
	struct mm_sweep *sw = &mm->sweep;
	int region = mm_region_containing(mm, a, 1);
	struct mm_run *r = sw->nruns ? &sw->runs[sw->nruns - 1] : NULL;

	if (r && r->region == region && r->answered == !o->faulted && r->esr == (uint32_t)o->esr) {
		r->last = a;
		r->points++;
		return;
	}
	if (r)
		close_run(t, r, *first_value);
	if (sw->nruns == MM_MAX_RUNS) { /* keep going, coarser: fold into the last run */
		sw->runs_merged++;
		r->last = a;
		r->points++;
		/* ...but an undocumented answer is never folded away. */
		if (!o->faulted && region < 0) {
			mm_push_addr(t, a);
			memmap_finding(t, "undocumented_address_faults", -1,
				       "undocumented accessible address 0x%llx: read 0x%llx",
				       (unsigned long long)a, (unsigned long long)o->value);
			subject_pop(t);
		}
		return;
	}
	sw->runs[sw->nruns++] = (struct mm_run){ a, a, region, !o->faulted, (uint32_t)o->esr, 1 };
	*first_value = o->value;
}

void case_sweep(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	struct mm_sweep *sw = &mm->sweep;

	uint64_t first_value = 0;
	unsigned answered = 0;
	const char *cannot = unassigned_reads_zero(t);

	if (cannot) {
		skip(t, cannot);
		return;
	}

	sw->interior_left = 0;
	if (mm->limit < 1ull << t->boot->pa_bits)
		note(t, "the MMU reaches 0x%llx of the 2^%u PA space: the sweep stops there",
		     (unsigned long long)mm->limit, t->boot->pa_bits);
	else if (t->boot->mapped_pa_bits < t->boot->pa_bits)
		note(t, "above 2^%u the sweep reads through a window (runtime/window.h) per point",
		     t->boot->mapped_pa_bits);
	build_points(mm, t->plat, t->opt->depth_full ? COARSE : FAR);
	uint64_t freq = cpu_counter_hz();
	uint64_t t0 = cpu_counter();
	for (int i = 0; i < sw->npoints; i++) {
		struct probe_outcome o;
		mm_read(mm, sw->points[i], 32, &o);
		answered += !o.faulted;
		record(t, sw->points[i], &o, &first_value);
	}
	uint64_t t1 = cpu_counter();
	if (sw->nruns)
		close_run(t, &sw->runs[sw->nruns - 1], first_value);
	sw->sweep_us = freq ? (t1 - t0) * 1000000 / freq : 0;
	sw->swept = 1;
	struct record rec;
	record_start(&rec, 2, RECORD_MEMMAP_SWEEP);
	record_field(&rec, "points", "%d", sw->npoints);
	record_field(&rec, "answered", "%u", answered);
	record_field(&rec, "time_us", "%llu", (unsigned long long)sw->sweep_us);
	record_emit(&rec);
	if (sw->interior_left)
		note(t,
		     "%d points inside DT regs and banks not read: each such range is read at its "
		     "edges (within 2 MiB) and by probe_mmio and probe_ram",
		     sw->interior_left);
	check(t, sw->points_dropped == 0, "sweep_points_kept",
	      "%d sweep points beyond the %d the harness keeps were not probed", sw->points_dropped,
	      MM_MAX_POINTS);
	check(t, freq != 0, "counter_frequency_known",
	      CPU_REG_CNTFRQ " is 0: the sweep could not be timed");
	mm_reached(t);
}

/* One word for the map line: "0x96000010/data-abort-same-EL/synchronous-external-abort". */
static void esr_word(uint32_t esr, char *buf, size_t len)
{
	struct esr_info d;

	esr_decode(esr, &d);
	snprintf(buf, len, "0x%08x/%s/%s", (unsigned)esr, esr_class_name(d.ec),
		 d.is_abort ? esr_fault_text(&d) : "-");
	/* One word: each run of spaces, commas and colons becomes one '-'. */
	char *out = buf;
	for (const char *in = buf; *in; in++) {
		int sep = *in == ' ' || *in == ',' || *in == ':';
		if (!sep)
			*out++ = *in;
		else if (out > buf && out[-1] != '-')
			*out++ = '-';
	}
	*out = 0;
}

void mm_print_sweep(struct test_ctx *t)
{
	const struct memmap *mm = t->state;
	const struct mm_sweep *sw = &mm->sweep;
	char esr[128];
	struct record rec;

	if (!sw->swept) {
		record_start(&rec, 2, RECORD_MEMMAP_SWEEP);
		record_field(&rec, "outcome", "not-run");
		record_emit(&rec);
		return;
	}
	for (int i = 0; i < sw->nruns; i++) {
		const struct mm_run *r = &sw->runs[i];
		if (r->answered)
			snprintf(esr, sizeof(esr), "-");
		else
			esr_word(r->esr, esr, sizeof(esr));
		record_start(&rec, 2, RECORD_MEMMAP_SWEEP);
		record_field(&rec, "first", "0x%llx", (unsigned long long)r->first);
		record_field(&rec, "last", "0x%llx", (unsigned long long)r->last);
		record_field(&rec, "outcome", "%s", r->answered ? "answered" : "faulted");
		record_field(&rec, "region", "%s", mm_region_name(mm, r->region));
		record_field(&rec, "points", "%u", r->points);
		record_field(&rec, "esr", "%s", esr);
		record_emit(&rec);
	}
	if (sw->runs_merged) { /* further changes folded into the last run */
		record_start(&rec, 2, RECORD_MEMMAP_SWEEP);
		record_field(&rec, "folded", "%d", sw->runs_merged);
		record_emit(&rec);
	}
}
