// SPDX-License-Identifier: MIT
/* The memmap suite's state: built once, then looked up and added to by the cases. */
#include <stdarg.h>
#include <stdio.h>

#include "runtime/window.h"
#include "spec/profile_select.h"
#include "tests/memmap/memmap.h"

int mm_region_containing(const struct memmap *mm, uint64_t base, uint64_t size)
{
	for (int i = 0; i < mm->nregions; i++) {
		const struct profile_region *r = mm->regions[i].doc;
		if (base >= r->base && base - r->base < r->size &&
		    size <= r->size - (base - r->base))
			return i;
	}
	return -1;
}

int mm_region_overlapping(const struct memmap *mm, uint64_t base, uint64_t size)
{
	for (int i = 0; i < mm->nregions; i++)
		if (ranges_overlap(base, size ? size : 1, mm->regions[i].doc->base,
				   mm->regions[i].doc->size))
			return i;
	return -1;
}

const char *mm_region_name(const struct memmap *mm, int i)
{
	return i >= 0 ? mm->regions[i].doc->name : "-";
}

void mm_push_range(struct test_ctx *t, uint64_t base, uint64_t size)
{
	subject_push(t, "range", "0x%llx+0x%llx", (unsigned long long)base,
		     (unsigned long long)size);
}

void mm_push_addr(struct test_ctx *t, uint64_t addr)
{
	subject_push(t, "addr", "0x%llx", (unsigned long long)addr);
}

void memmap_finding(struct test_ctx *t, const char *check, int region, const char *fmt, ...)
{
	struct memmap *mm = t->state;
	char text[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (region >= 0)
		subject_push(t, "region", "%s", mm->regions[region].doc->name);
	finding(t, check, "%s", text);
	if (region >= 0) {
		subject_pop(t);
		mm->regions[region].findings++;
	}
	mm->nfindings++;
}

void mm_set_probe(struct memmap *mm, int region, const char *fmt, ...)
{
	va_list ap;

	if (region < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(mm->regions[region].probe, MM_PROBE_LEN, fmt, ap);
	va_end(ap);
}

/* Is nothing at a: no documented device or reserved region, no DT bank, reg or
 * window? (A RAM window's part without a bank holds nothing.) */
static int nothing_at(const struct memmap *mm, const struct platform *p, uint64_t a)
{
	int ri = mm_region_overlapping(mm, a, 1);

	if (a >= mm->limit || (ri >= 0 && mm->regions[ri].doc->kind != REGION_RAM) ||
	    dt_reserved_at(p, a, 1))
		return 0;
	for (int b = 0; b < p->nbanks; b++)
		if (ranges_overlap(a, 1, p->banks[b].base, p->banks[b].size))
			return 0;
	struct dt_reg_iter it = dt_regs_overlapping(p, a, 1);
	it.include_disabled = 1;
	if (dt_next_reg(&it))
		return 0;
	for (int w = 0; w < mm->nwindows; w++)
		if (ranges_overlap(a, 1, mm->windows[w].range.base, mm->windows[w].range.size))
			return 0;
	return 1;
}

const char *unassigned_reads_zero(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	uint64_t probe[4];
	int n = 0, zero = 0;

	if (mm->razwi_known)
		return mm->razwi;
	mm->razwi_known = 1;
	/* Far apart: past the first bank, and past the first documented regions. */
	if (p->nbanks && nothing_at(mm, p, p->banks[0].base + p->banks[0].size))
		probe[n++] = p->banks[0].base + p->banks[0].size;
	for (int i = 0; i < mm->nregions && n < 4; i++) {
		uint64_t a = mm->regions[i].doc->base + mm->regions[i].doc->size;
		if (nothing_at(mm, p, a))
			probe[n++] = a;
	}
	for (int i = 0; i < n; i++) {
		struct probe_outcome o;
		mm_read(mm, probe[i], 32, &o);
		zero += !o.faulted && o.value == 0;
	}
	if (n >= 2 && zero == n)
		mm->razwi = "addresses where nothing is read as zero instead of faulting (as QEMU "
			    "virt 2.10 and older do: ignore_memory_transaction_failures): a probe "
			    "that expects a fault cannot judge";
	return mm->razwi;
}

const char *outcome_text(const struct probe_outcome *o, enum probe_style style)
{
	static char buf[160];

	probe_format(o, style, buf, sizeof(buf));
	return buf;
}

/* Widen the region's record of what the DT put there. */
static void record_dt(struct memmap *mm, int region, uint64_t base, uint64_t size)
{
	struct mm_region *r = &mm->regions[region];
	uint64_t end = base + size;

	if (!r->described) {
		r->dt = (struct addr_range){ base, size };
	} else {
		uint64_t lo = base < r->dt.base ? base : r->dt.base;
		uint64_t hi = end > r->dt.base + r->dt.size ? end : r->dt.base + r->dt.size;
		r->dt = (struct addr_range){ lo, hi - lo };
	}
	r->described = 1;
}

/* Does a DT range (a device of the region's compatibles, or a bus window) sit where
 * the floating region may: at or above its documented floor, aligned to its size? */
static int may_float_to(const struct profile_region *r, const struct dt_device *d, uint64_t base)
{
	int listed = !r->compat;

	for (const char *c = dt_compat_next(d, NULL); c && !listed; c = dt_compat_next(d, c))
		listed = profile_compat_listed(r->compat, c);
	return listed && base >= r->base && base % r->size == 0;
}

/*
 * A floating region (PR_FLOATING) is where the DT puts the first range that
 * may be it; the documentation then fixes only its size and alignment. The
 * moved copy replaces the documented one for the rest of the run.
 */
static void place_floating(struct memmap *mm, const struct platform *p, struct mm_region *m)
{
	const struct profile_region *r = m->doc;
	uint64_t at = 0;

	/* A range of its own at the documented base: the region has not moved. */
	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);)
		if (it.r->size <= r->size && may_float_to(r, it.d, it.r->base)) {
			if (it.r->base == r->base)
				return;
			at = at ? at : it.r->base;
		}
	for (int w = 0; w < mm->nwindows; w++) {
		const struct addr_range *g = &mm->windows[w].range;
		if (g->size <= r->size && may_float_to(r, mm->windows[w].dev, g->base)) {
			if (g->base == r->base)
				return;
			at = at ? at : g->base;
		}
	}
	if (!at)
		return;
	m->moved = *r;
	m->moved.base = at;
	m->doc = &m->moved;
}

const char *memmap_build(struct memmap *mm, const struct test_ctx *t)
{
	const struct platform *p = t->plat;
	const char *why;

	*mm = (struct memmap){ 0 };
	mm->prof = profile_select(p, t->opt->profile_forced ? t->opt->profile : NULL, &why);
	if (!mm->prof)
		return why;
	mm->limit = window_reach();
	for (unsigned i = 0; i < mm->prof->nregions && mm->nregions < MM_MAX_REGIONS; i++)
		if (profile_region_applies(&mm->prof->regions[i], p->gic_version))
			mm->regions[mm->nregions++].doc = &mm->prof->regions[i];
	mm->nwindows = dt_bus_windows(p, mm->windows, DT_MAX_WINDOWS);
	for (int i = 0; i < mm->nregions; i++)
		if (mm->regions[i].doc->flags & PR_FLOATING)
			place_floating(mm, p, &mm->regions[i]);
	for (int i = 0; i < mm->nregions; i++)
		snprintf(mm->regions[i].probe, MM_PROBE_LEN, "not-probed");
	for (int i = 0; i < mm->nregions; i++) {
		const struct profile_region *r = mm->regions[i].doc;
		for (int b = 0; b < p->nbanks; b++)
			if (ranges_overlap(r->base, r->size, p->banks[b].base, p->banks[b].size))
				record_dt(mm, i, p->banks[b].base, p->banks[b].size);
		/* A RAM window is described by banks; a device reg there (Xen's extended
		 * regions) marks free space, which dt_regions judges. */
		for (struct dt_reg_iter it = dt_regs_overlapping(p, r->base, r->size);
		     r->kind != REGION_RAM && dt_next_reg(&it);)
			record_dt(mm, i, it.r->base, it.r->size);
		for (int w = 0; r->kind != REGION_RAM && w < mm->nwindows; w++)
			if (ranges_overlap(r->base, r->size, mm->windows[w].range.base,
					   mm->windows[w].range.size))
				record_dt(mm, i, mm->windows[w].range.base,
					  mm->windows[w].range.size);
	}
	return NULL;
}

static int unreached(struct memmap *mm, uint64_t pa, struct probe_outcome *o)
{
	mm->unreached++;
	*o = (struct probe_outcome){ .faulted = 1, .far = pa };
	return -1;
}

int mm_read(struct memmap *mm, uint64_t pa, unsigned width, struct probe_outcome *o)
{
	int rc = window_probe_read(pa, width, o);
	return rc == -2 ? unreached(mm, pa, o) : rc;
}

int mm_write(struct memmap *mm, uint64_t pa, unsigned width, uint64_t v, struct probe_outcome *o)
{
	int rc = window_probe_write(pa, width, v, o);
	return rc == -2 ? unreached(mm, pa, o) : rc;
}

void mm_reached(struct test_ctx *t)
{
	struct memmap *mm = t->state;

	check(t, !mm->unreached, "probe_reached",
	      "%u probes below 0x%llx were not made: no window reached them (read as faults)",
	      mm->unreached, (unsigned long long)mm->limit);
	mm->unreached = 0;
}
