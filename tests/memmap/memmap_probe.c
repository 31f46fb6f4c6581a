/*
 * memmap suite, targeted probes: documented devices the DT describes must
 * answer; RAM banks must hold what is written and end where the DT says;
 * gaps between documented regions, and documented regions the DT leaves
 * out, must fault (first, middle and last page of each).
 */
#include <stdio.h>

#include "runtime/harness.h"
#include "tests/memmap/memmap.h"

#define PAGE 0x1000ull

/*
 * A device's reg must answer. A bus window only hands addresses to children:
 * a PCIe host answers unclaimed reads, an empty simple-bus need not, so a
 * window's outcome is recorded, never a finding.
 */
static void probe_range_base(struct test_ctx *t, const char *node, uint64_t base, uint64_t size,
			     int is_window, int *answered, int *faulted)
{
	struct probe_outcome o;
	int ri = mm_region_containing(base, size);

	if (base >= mm.limit) {
		note(t, "probe: %s 0x%llx is above the mapped PA size, not probed", node,
		     (unsigned long long)base);
		return;
	}
	probe_read((uintptr_t)base, 32, &o);
	note(t, "probe: %s 0x%llx read32 -> %s", node, (unsigned long long)base, mm_outcome(&o));
	/* Outside the documented devices: dt_regions said so. Reserved space (a
	 * grant table the guest has not mapped yet) need not answer either. */
	if (ri < 0 || mm.regions[ri].doc->kind != REGION_MMIO) {
		if (ri >= 0 && o.faulted)
			(*faulted)++;
		else if (ri >= 0)
			(*answered)++;
		return;
	}
	if (o.faulted) {
		(*faulted)++;
		if (!is_window)
			mm_finding(t, ri, "%s 0x%llx in documented device region %s does not answer a read: %s",
				   node, (unsigned long long)base, mm.regions[ri].doc->name,
				   mm_outcome_short(&o));
	} else {
		(*answered)++;
	}
}

void mm_probe_mmio(struct test_ctx *t)
{
	const struct platform *p = &t->h->plat;
	int answered = 0, faulted = 0;

	if (!mm_prepare(t)) {
		skip(t, "no profile");
		return;
	}
	for (int ri = 0; ri < mm.nregions; ri++) {
		int a0 = answered, f0 = faulted;
		uint64_t rb = mm.regions[ri].doc->base, rs = mm.regions[ri].doc->size;
		if (mm.regions[ri].doc->kind == REGION_RAM || mm.regions[ri].doc->kind == REGION_ABSENT ||
		    !mm.regions[ri].described)
			continue;
		for (int i = 0; i < p->ndevices; i++)
			for (int k = 0; p->devices[i].enabled && k < p->devices[i].nreg; k++) {
				const struct addr_range *g = &p->devices[i].reg[k];
				if (mm_region_containing(g->base, g->size) == ri && g->base >= rb && g->base < rb + rs)
					probe_range_base(t, p->devices[i].path, g->base, g->size, 0, &answered,
							 &faulted);
			}
		for (int w = 0; w < mm.nwindows; w++) {
			const struct addr_range *g = &mm.windows[w].range;
			if (mm_region_containing(g->base, g->size) == ri)
				probe_range_base(t, mm.windows[w].dev->path, g->base, g->size, 1, &answered,
						 &faulted);
		}
		int a = answered - a0, f = faulted - f0;
		mm_set_probe(ri, "%s", a && !f ? "answered" : f && !a ? "faulted" : a ? "partial" : "not-probed");
	}
	/* What the DT puts outside the documented map: does anything answer there? */
	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; p->devices[i].enabled && k < p->devices[i].nreg; k++) {
			const struct addr_range *g = &p->devices[i].reg[k];
			struct probe_outcome o;
			if (mm_region_overlapping(g->base, g->size) >= 0 || g->base >= mm.limit)
				continue;
			probe_read((uintptr_t)g->base, 32, &o);
			note(t, "probe: %s 0x%llx read32 -> %s", p->devices[i].path,
			     (unsigned long long)g->base, mm_outcome(&o));
			if (!o.faulted)
				mm_finding(t, -1, "undocumented accessible address 0x%llx (the DT's %s): %s",
					   (unsigned long long)g->base, p->devices[i].path, mm_outcome_short(&o));
		}
	note(t, "documented device ranges probed: %d answered, %d faulted", answered, faulted);
	check(t, answered + faulted > 0, "the DT describes no documented device to probe");
}

static int in_range(uint64_t a, uint64_t base, uint64_t size)
{
	return a >= base && a - base < size;
}

/* Is addr in a bank or a device reg? (Not an extended region: that is free space.) */
static int bank_or_device_at(const struct platform *p, uint64_t addr)
{
	for (int b = 0; b < p->nbanks; b++)
		if (in_range(addr, p->banks[b].base, p->banks[b].size))
			return 1;
	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; p->devices[i].enabled && k < p->devices[i].nreg; k++) {
			int ri = mm_region_containing(p->devices[i].reg[k].base, p->devices[i].reg[k].size);
			if (in_range(addr, p->devices[i].reg[k].base, p->devices[i].reg[k].size) &&
			    !(ri >= 0 && mm.regions[ri].doc->kind == REGION_RAM))
				return 1;
		}
	return 0;
}

/*
 * Only a bank inside a documented RAM window that overlaps no described
 * device is written: a lying memory node must not make the harness write
 * into a UART, flash or fw_cfg (dt_memory reports such a bank).
 */
static const char *bank_unsafe(const struct platform *p, const struct addr_range *b)
{
	int ri = mm_region_containing(b->base, b->size);

	if (ri < 0 || mm.regions[ri].doc->kind != REGION_RAM)
		return "not inside a documented RAM window";
	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; p->devices[i].enabled && k < p->devices[i].nreg; k++) {
			const struct addr_range *g = &p->devices[i].reg[k];
			int gi = mm_region_containing(g->base, g->size);
			if (ranges_overlap(g->base, g->size, b->base, b->size) &&
			    !(gi >= 0 && mm.regions[gi].doc->kind == REGION_RAM))
				return "overlaps a described device";
		}
	return NULL;
}

/* Write, read back, restore: the word may be the DTB, the image or the stack.
 * With write = 0 the word is only read. */
static int ram_word(struct test_ctx *t, uint64_t a, int bank, int write)
{
	struct probe_outcome o, w, r;
	const struct harness *h = t->h;
	const char *what = in_range(a, h->image_base, h->image_end - h->image_base) ? " (image)"
			   : in_range(a, (uintptr_t)h->plat.fdt, h->plat.fdt_size) ? " (dtb)" : "";
	uint64_t pattern;
	int ok;

	__asm__ volatile("msr daifset, #2" ::: "memory");
	if (probe_read((uintptr_t)a, 64, &o)) {
		__asm__ volatile("msr daifclr, #2" ::: "memory");
		mm_finding(t, mm_region_overlapping(a, 8), "RAM bank%d word 0x%llx does not read: %s", bank,
			   (unsigned long long)a, mm_outcome_short(&o));
		return 0;
	}
	if (!write) {
		__asm__ volatile("msr daifclr, #2" ::: "memory");
		note(t, "probe: bank%d 0x%llx %s (not written)", bank, (unsigned long long)a,
		     mm_outcome(&o));
		return 0;
	}
	pattern = ~o.value ^ (a << 7);
	probe_write((uintptr_t)a, 64, pattern, &w);
	probe_read((uintptr_t)a, 64, &r);
	probe_write((uintptr_t)a, 64, o.value, &w);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
	ok = !w.faulted && !r.faulted && r.value == pattern;
	note(t, "probe: bank%d 0x%llx%s wrote 0x%llx read back %s", bank, (unsigned long long)a, what,
	     (unsigned long long)pattern, mm_outcome(&r));
	if (!ok)
		mm_finding(t, mm_region_overlapping(a, 8),
			   "RAM bank%d word 0x%llx does not hold what was written (0x%llx): %s", bank,
			   (unsigned long long)a, (unsigned long long)pattern, mm_outcome_short(&r));
	return ok;
}

void mm_probe_ram(struct test_ctx *t)
{
	const struct platform *p = &t->h->plat;
	char bad[MM_MAX_REGIONS] = {0};

	if (!mm_prepare(t)) {
		skip(t, "no profile");
		return;
	}
	for (int b = 0; b < p->nbanks; b++) {
		uint64_t base = p->banks[b].base, end = base + p->banks[b].size;
		int ri = mm_region_overlapping(base, p->banks[b].size);
		if (end > mm.limit) {
			note(t, "bank%d ends above the mapped PA size; not probed", b);
			continue;
		}
		const char *unsafe = bank_unsafe(p, &p->banks[b]);
		if (unsafe)
			note(t, "bank%d 0x%llx+0x%llx is %s: read, not written", b, (unsigned long long)base,
			     (unsigned long long)p->banks[b].size, unsafe);
		int ok = ram_word(t, base, b, !unsafe) & ram_word(t, (end - 8) & ~7ull, b, !unsafe);
		struct probe_outcome o;
		if (bank_or_device_at(p, end)) {
			note(t, "probe: bank%d end 0x%llx is described by the DT (not expected to fault)", b,
			     (unsigned long long)end);
		} else if (end < mm.limit) {
			probe_read((uintptr_t)end, 8, &o);
			note(t, "probe: bank%d end 0x%llx read8 -> %s", b, (unsigned long long)end, mm_outcome(&o));
			if (!o.faulted) {
				ok = 0;
				mm_finding(t, mm_region_overlapping(end, 1),
					   "RAM bank%d 0x%llx+0x%llx: the first byte past it answers: %s", b,
					   (unsigned long long)base, (unsigned long long)p->banks[b].size,
					   mm_outcome_short(&o));
			}
		}
		if (ri >= 0 && ri < MM_MAX_REGIONS && mm.regions[ri].doc->kind == REGION_RAM) {
			bad[ri] |= !ok; /* a window is ram-ok only when every bank in it is */
			mm_set_probe(ri, "%s", bad[ri] ? "ram-bad" : "ram-ok");
		}
	}
	check(t, p->nbanks > 0, "no memory bank to probe");
}

/* Probe the first, middle and last page of [base, end); returns how many answered. */
static int expect_faults(struct test_ctx *t, const char *what, int region, uint64_t base, uint64_t end)
{
	uint64_t a[3] = {base, base + ((end - base) / 2 & ~(PAGE - 1)), (end - 1) & ~(PAGE - 1)};
	int n = end - base <= PAGE ? 1 : 3, answered = 0, probed = 0;
	struct probe_outcome first = {0};

	for (int i = 0; i < n; i++) {
		struct probe_outcome o;
		if (a[i] < base || a[i] >= mm.limit || (i && a[i] == a[i - 1]))
			continue;
		probe_read((uintptr_t)a[i], 32, &o);
		if (!probed++)
			first = o;
		if (!o.faulted) {
			answered++;
			mm_finding(t, region, "%s 0x%llx+0x%llx answers a read at 0x%llx: %s", what,
				   (unsigned long long)base, (unsigned long long)(end - base),
				   (unsigned long long)a[i], mm_outcome_short(&o));
		}
	}
	if (!probed) {
		note(t, "memmap-gap: 0x%llx+0x%llx %s above the mapped PA size, not probed",
		     (unsigned long long)base, (unsigned long long)(end - base), what);
		return 0;
	}
	note(t, "memmap-gap: 0x%llx+0x%llx %s probes=%d faulted=%d first=%s", (unsigned long long)base,
	     (unsigned long long)(end - base), what, probed, probed - answered, mm_outcome(&first));
	return answered;
}

void mm_probe_undescribed(struct test_ctx *t)
{
	const struct platform *p = &t->h->plat;
	int order[MM_MAX_REGIONS], n = 0, answered = 0, probed = 0;

	if (!mm_prepare(t)) {
		skip(t, "no profile");
		return;
	}
	for (int i = 0; i < mm.nregions; i++) { /* by base, insertion sort */
		int j = n++;
		for (; j > 0 && mm.regions[order[j - 1]].doc->base > mm.regions[i].doc->base; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	uint64_t cursor = 0;
	for (int k = 0; k <= n && cursor < mm.limit; k++) {
		uint64_t next = k < n ? mm.regions[order[k]].doc->base : mm.limit;
		if (next > mm.limit)
			next = mm.limit;
		if (next > cursor) { /* whatever the DT says: dt_regions reports that */
			answered += expect_faults(t, "undocumented gap", -1, cursor, next);
			probed++;
		}
		if (k < n) {
			const struct profile_region *r = mm.regions[order[k]].doc;
			if (r->base + r->size > cursor)
				cursor = r->base + r->size;
		}
	}
	for (int i = 0; i < mm.nregions; i++) {
		const struct profile_region *r = mm.regions[i].doc;
		char what[64];
		if (!mm.regions[i].described) {
			snprintf(what, sizeof(what), "region %s, not in the DT,", r->name);
			int a = expect_faults(t, what, i, r->base, r->base + r->size);
			answered += a, probed++;
			if (r->base < mm.limit)
				mm_set_probe(i, "%s", a ? "answered" : "faulted");
			continue;
		}
		if (r->kind != REGION_RAM)
			continue;
		/* The part of a RAM window no bank covers is not RAM. */
		for (uint64_t c = r->base; c < r->base + r->size && c < mm.limit;) {
			uint64_t stop = r->base + r->size, skip_to = 0;
			for (int b = 0; b < p->nbanks; b++) {
				uint64_t bb = p->banks[b].base, be = bb + p->banks[b].size;
				if (bb <= c && be > c)
					skip_to = be;
				else if (bb > c && bb < stop)
					stop = bb;
			}
			if (skip_to) {
				c = skip_to;
				continue;
			}
			snprintf(what, sizeof(what), "%s outside the banks", r->name);
			answered += expect_faults(t, what, i, c, stop);
			probed++;
			c = stop;
		}
	}
	note(t, "ranges probed: %d, answering where nothing is described: %d", probed, answered);
	check(t, probed > 0, "nothing to probe");
}
