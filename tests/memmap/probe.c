// SPDX-License-Identifier: MIT
/*
 * memmap suite, targeted probes: documented devices the DT describes must
 * answer; gaps between documented regions, and documented regions the DT
 * leaves out, must fault (first, middle and last page of each).
 */
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/record.h"
#include "tests/memmap/memmap.h"
#include "util/util.h"

/*
 * A device's reg must answer (returns 1: its outcome was judged). A bus window only hands addresses
 * to children: a PCIe host answers unclaimed reads, an empty simple-bus need not, so a window's
 * outcome is recorded, never a finding.
 */
static int probe_range_base(struct test_ctx *t, const char *node, uint64_t base, uint64_t size,
			    int is_window, int *answered, int *faulted)
{
	struct memmap *mm = t->state;
	struct probe_outcome o;
	int ri = mm_region_containing(mm, base, size);

	if (base >= mm->limit) {
		note(t, "probe: %s 0x%llx is above the mapped PA size, not probed", node,
		     (unsigned long long)base);
		return 0;
	}
	mm_read(mm, base, 32, &o);
	note(t, "probe: %s 0x%llx read32 -> %s", node, (unsigned long long)base,
	     outcome_text(&o, PROBE_DECODED));
	/* Outside the documented devices: dt_regions said so. Reserved space (a
	 * grant table the guest has not mapped yet) need not answer either. */
	if (ri < 0 || mm->regions[ri].doc->kind != REGION_MMIO) {
		if (ri >= 0 && o.faulted)
			(*faulted)++;
		else if (ri >= 0)
			(*answered)++;
		return 0;
	}
	if (o.faulted) {
		(*faulted)++;
		if (!is_window) {
			subject_push(t, "node", "%s", node);
			mm_push_addr(t, base);
			memmap_finding(t, "described_device_answers", ri,
				       "%s 0x%llx in documented device region %s does not answer a "
				       "read: %s",
				       node, (unsigned long long)base, mm->regions[ri].doc->name,
				       outcome_text(&o, PROBE_BRIEF));
			subject_pop(t);
			subject_pop(t);
		}
	} else {
		(*answered)++;
	}
	return !is_window; /* a device's reg was judged: it must answer, and did or did not */
}

/* What a region's probes came to: "answered", "faulted", "partial" or "not-probed". */
static const char *probe_summary(int answered, int faulted)
{
	if (answered && faulted)
		return "partial";
	if (answered)
		return "answered";
	return faulted ? "faulted" : "not-probed";
}

void case_probe_mmio(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	int answered = 0, faulted = 0;
	static int judged[PLAT_MAX_DEVICES]; /* each device's reg ranges judged by a probe */

	memset(judged, 0, sizeof(judged));
	for (int ri = 0; ri < mm->nregions; ri++) {
		int a0 = answered, f0 = faulted;
		uint64_t rb = mm->regions[ri].doc->base, rs = mm->regions[ri].doc->size;
		if (mm->regions[ri].doc->kind == REGION_RAM ||
		    mm->regions[ri].doc->kind == REGION_ABSENT || !mm->regions[ri].described)
			continue;
		for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);)
			if (mm_region_containing(mm, it.r->base, it.r->size) == ri &&
			    it.r->base >= rb && it.r->base < rb + rs)
				judged[it.d - p->devices] +=
					probe_range_base(t, it.d->path, it.r->base, it.r->size, 0,
							 &answered, &faulted);
		for (int w = 0; w < mm->nwindows; w++) {
			const struct addr_range *g = &mm->windows[w].range;
			if (mm_region_containing(mm, g->base, g->size) == ri)
				probe_range_base(t, mm->windows[w].dev->path, g->base, g->size, 1,
						 &answered, &faulted);
		}
		int a = answered - a0, f = faulted - f0;
		mm_set_probe(mm, ri, "%s", probe_summary(a, f));
	}
	/* A device whose every reg range a probe judged holds its reg against the platform. */
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].nreg && judged[i] == p->devices[i].nreg)
			claim_hold(p->devices[i].node, "reg", CLAIM_PROBE);
	/* What the DT puts outside the documented map: does anything answer there? */
	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);) {
		const struct addr_range *g = it.r;
		struct probe_outcome o;
		if (mm_region_overlapping(mm, g->base, g->size) >= 0 || g->base >= mm->limit)
			continue;
		mm_read(mm, g->base, 32, &o);
		note(t, "probe: %s 0x%llx read32 -> %s", it.d->path, (unsigned long long)g->base,
		     outcome_text(&o, PROBE_DECODED));
		if (o.faulted)
			continue;
		subject_push(t, "node", "%s", it.d->path);
		mm_push_addr(t, g->base);
		memmap_finding(t, "undocumented_address_faults", -1,
			       "undocumented accessible address 0x%llx (the DT's %s): %s",
			       (unsigned long long)g->base, it.d->path,
			       outcome_text(&o, PROBE_BRIEF));
		subject_pop(t);
		subject_pop(t);
	}
	note(t, "documented device ranges probed: %d answered, %d faulted", answered, faulted);
	check(t, answered + faulted > 0, "documented_devices_probed",
	      "the DT describes no documented device to probe");
	mm_reached(t);
}

/* A range probed for a fault (kind: RECORD_MEMMAP_GAP's), as the map lists it. */
static void say_gap(struct test_ctx *t, const char *kind, int region, uint64_t base, uint64_t end,
		    int probed, int answered, const struct probe_outcome *first, const char *what)
{
	struct record r;

	record_start(&r, 2, RECORD_MEMMAP_GAP);
	record_field(&r, "range", "0x%llx+0x%llx", (unsigned long long)base,
		     (unsigned long long)(end - base));
	record_field(&r, "kind", "%s", kind);
	if (region >= 0)
		record_field(&r, "region", "%s", mm_region_name(t->state, region));
	if (!probed) {
		record_text(&r, "%s above the mapped PA size, not probed", what);
	} else {
		record_field(&r, "probes", "%d", probed);
		record_field(&r, "faulted", "%d", probed - answered);
		record_field(&r, "first", "%s", outcome_text(first, PROBE_DECODED));
		record_text(&r, "%s", what);
	}
	record_emit(&r);
}

/*
 * Probe the first, middle and last page of [base, end); returns how many
 * answered. kind and what: the range's kind (say_gap) and its words.
 */
static int expect_faults(struct test_ctx *t, const char *kind, const char *what, int region,
			 uint64_t base, uint64_t end)
{
	struct memmap *mm = t->state;
	uint64_t a[3] = { base, base + ALIGN_DOWN((end - base) / 2, PAGE_SIZE),
			  ALIGN_DOWN(end - 1, PAGE_SIZE) };
	int n = end - base <= PAGE_SIZE ? 1 : 3, answered = 0, probed = 0;
	struct probe_outcome first = { 0 };

	for (int i = 0; i < n; i++) {
		struct probe_outcome o;
		if (a[i] < base || a[i] >= mm->limit || (i && a[i] == a[i - 1]))
			continue;
		mm_read(mm, a[i], 32, &o);
		if (!probed++)
			first = o;
		if (o.faulted)
			continue;
		answered++;
		mm_push_range(t, base, end - base);
		mm_push_addr(t, a[i]);
		memmap_finding(t, "undescribed_faults", region,
			       "%s 0x%llx+0x%llx answers a read at 0x%llx: %s", what,
			       (unsigned long long)base, (unsigned long long)(end - base),
			       (unsigned long long)a[i], outcome_text(&o, PROBE_BRIEF));
		subject_pop(t);
		subject_pop(t);
	}
	say_gap(t, kind, region, base, end, probed, answered, &first, what);
	return answered;
}

/* A device only ACPI describes: present or not, the DT has nothing to say about it. */
static void acpi_only(struct test_ctx *t, int i)
{
	struct memmap *mm = t->state;
	const struct profile_region *r = mm->regions[i].doc;
	struct probe_outcome o;

	if (r->base >= mm->limit)
		return;
	mm_read(mm, r->base, 32, &o);
	char what[96];
	snprintf(what, sizeof(what),
		 "region %s, described only by ACPI (present with firmware and ACPI)", r->name);
	say_gap(t, "acpi-only", i, r->base, r->base + r->size, 1, !o.faulted, &o, what);
	mm_set_probe(mm, i, "%s", o.faulted ? "faulted" : "answered");
}

/* What the DT puts in region i: its banks (a RAM window) or its device regs and windows. */
static int region_cover(struct test_ctx *t, int i, int ram, struct addr_range *cover, int max)
{
	const struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	const struct profile_region *r = mm->regions[i].doc;
	int n = 0;

	if (ram) {
		for (int b = 0; b < p->nbanks && n < max; b++)
			cover[n++] = p->banks[b];
		return n;
	}
	for (struct dt_reg_iter it = dt_regs_overlapping(p, r->base, r->size);
	     dt_next_reg(&it) && n < max;)
		cover[n++] = *it.r;
	for (int w = 0; w < mm->nwindows && n < max; w++)
		if (ranges_overlap(r->base, r->size, mm->windows[w].range.base,
				   mm->windows[w].range.size))
			cover[n++] = mm->windows[w].range;
	return n;
}

/* Probe each part of region i that the DT's ranges leave out; returns how many answered. */
static int probe_uncovered(struct test_ctx *t, int i, int ram, int *probed)
{
	const struct memmap *mm = t->state;
	const struct profile_region *r = mm->regions[i].doc;
	struct addr_range cover[PLAT_MAX_BANKS + 64];
	int n = region_cover(t, i, ram, cover, (int)ARRAY_SIZE(cover));
	int answered = 0;
	char what[64];

	snprintf(what, sizeof(what), ram ? "%s outside the banks" : "%s outside the DT's regs",
		 r->name);
	for (uint64_t c = r->base; c < r->base + r->size && c < mm->limit;) {
		uint64_t stop = r->base + r->size, skip_to = 0;
		for (int k = 0; k < n; k++) {
			uint64_t cb = cover[k].base, ce = cb + cover[k].size;
			if (cb <= c && ce > c)
				skip_to = ce > skip_to ? ce : skip_to;
			else if (cb > c && cb < stop)
				stop = cb;
		}
		if (skip_to) {
			c = skip_to;
			continue;
		}
		answered +=
			expect_faults(t, ram ? "outside-banks" : "outside-regs", what, i, c, stop);
		(*probed)++;
		c = stop;
	}
	return answered;
}

void case_probe_undescribed(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const char *cannot = unassigned_reads_zero(t);

	if (cannot) {
		skip(t, cannot);
		return;
	}
	int order[MM_MAX_REGIONS] = { 0 }, n = 0, answered = 0, probed = 0;

	for (int i = 0; i < mm->nregions; i++) { /* by base, insertion sort */
		int j = n++;
		for (; j > 0 && mm->regions[order[j - 1]].doc->base > mm->regions[i].doc->base; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	uint64_t cursor = 0;
	for (int k = 0; k <= n && cursor < mm->limit; k++) {
		uint64_t next = k < n ? mm->regions[order[k]].doc->base : mm->limit;
		if (next > mm->limit)
			next = mm->limit;
		if (next > cursor) { /* whatever the DT says: dt_regions reports that */
			answered += expect_faults(t, "gap", "undocumented gap", -1, cursor, next);
			probed++;
		}
		if (k < n) {
			const struct profile_region *r = mm->regions[order[k]].doc;
			if (r->base + r->size > cursor)
				cursor = r->base + r->size;
		}
	}
	for (int i = 0; i < mm->nregions; i++) {
		const struct profile_region *r = mm->regions[i].doc;
		if (!mm->regions[i].described && (r->flags & PR_ACPI_ONLY)) {
			acpi_only(t, i);
			continue;
		}
		if (!mm->regions[i].described) {
			char what[64];
			snprintf(what, sizeof(what), "region %s, not in the DT,", r->name);
			int a = expect_faults(t, "not-in-dt", what, i, r->base, r->base + r->size);
			answered += a, probed++;
			if (r->base < mm->limit)
				mm_set_probe(mm, i, "%s", a ? "answered" : "faulted");
			continue;
		}
		/* What the DT leaves out of a region it describes in part is not there:
		 * of a RAM window, what no bank covers; of a device region, what no reg
		 * or bus window covers. */
		if (r->kind == REGION_RAM || r->kind == REGION_MMIO) {
			int a = probe_uncovered(t, i, r->kind == REGION_RAM, &probed);
			answered += a;
		}
	}
	note(t, "ranges probed: %d, answering where nothing is described: %d", probed, answered);
	check(t, probed > 0, "ranges_probed", "nothing to probe");
	mm_reached(t);
}
