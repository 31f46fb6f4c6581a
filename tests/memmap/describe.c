/*
 * memmap suite, the DT against the documentation: the profile chosen, every
 * device reg and bus window inside the documented region for its kind, at
 * its documented base and size; interrupts on their documented INTIDs;
 * memory banks inside documented RAM windows, totalling what the VM has.
 */
#include <stdio.h>
#include <string.h>

#include "tests/memmap/memmap.h"

void profile(struct test_ctx *t)
{
	struct memmap *mm = t->state;

	note(t, "profile: %s (%s)%s", mm->prof->name, mm->prof->document,
	     t->opt->profile_forced ? ", forced by bootargs" : "");
	note(t, "documented regions: %d for GICv%d", mm->nregions, t->plat->gic_version);
	check(t, mm->nregions > 0, "the profile documents no region for this GIC version");
}

/* One DT address range against the documentation. */
static void check_range(struct test_ctx *t, const struct dt_device *d, const struct addr_range *g,
			int is_window)
{
	struct memmap *mm = t->state;
	const char *what = is_window ? "bus window" : "reg";
	int ri = mm_region_containing(mm, g->base, g->size);

	if (ri < 0) {
		int o = mm_region_overlapping(mm, g->base, g->size);
		if (o < 0)
			memmap_finding(t, -1,
				       "%s %s 0x%llx+0x%llx lies outside every documented region",
				       d->path, what, (unsigned long long)g->base,
				       (unsigned long long)g->size);
		else
			memmap_finding(
				t, o,
				"%s %s 0x%llx+0x%llx straddles the edge of documented region %s",
				d->path, what, (unsigned long long)g->base,
				(unsigned long long)g->size, mm->regions[o].doc->name);
		return;
	}
	const struct profile_region *r = mm->regions[ri].doc;
	int listed = 0;
	for (const char *c = dt_compat_next(d, NULL); c; c = dt_compat_next(d, c))
		listed |= profile_compat_listed(r->compat, c);
	if (r->kind == REGION_ABSENT) {
		memmap_finding(
			t, ri,
			"%s %s 0x%llx is in %s, documented as never populated for this guest",
			d->path, what, (unsigned long long)g->base, r->name);
		return;
	}
	if (r->kind == REGION_RAM && !listed) {
		memmap_finding(t, ri, "%s %s 0x%llx+0x%llx is a device inside RAM window %s",
			       d->path, what, (unsigned long long)g->base,
			       (unsigned long long)g->size, r->name);
		return;
	}
	if (!listed && r->compat)
		memmap_finding(t, ri, "%s (compatible %s) is in %s, documented for %s", d->path,
			       d->compat ? d->compat : "none", r->name, r->compat);
	else if (!listed)
		memmap_finding(
			t, ri,
			"%s (compatible %s) is in %s, where the documentation places no device",
			d->path, d->compat ? d->compat : "none", r->name);
	if (is_window || r->kind == REGION_RAM)
		return;
	uint64_t unit = r->slot ? r->slot : r->size;
	uint64_t want = r->slot ? r->base + (g->base - r->base) / r->slot * r->slot : r->base;
	if ((r->flags & PR_FIX_BASE) && g->base != want)
		memmap_finding(t, ri, "%s reg base 0x%llx is not the documented base 0x%llx of %s",
			       d->path, (unsigned long long)g->base, (unsigned long long)want,
			       r->name);
	else if ((r->flags & PR_FIX_SIZE) && g->size != unit)
		memmap_finding(t, ri, "%s reg size 0x%llx is not the documented size 0x%llx of %s",
			       d->path, (unsigned long long)g->size, (unsigned long long)unit,
			       r->name);
}

void dt_regions(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	unsigned before = t->failures;
	int n = 0;

	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it); n++) {
		const struct dt_device *d = it.d;
		const struct addr_range *g = it.r;
		int ri = mm_region_containing(mm, g->base, g->size);
		int where = mm_region_overlapping(mm, g->base, g->size);
		note(t, "memmap-dt: node=%s reg=0x%llx+0x%llx region=%s", d->path,
		     (unsigned long long)g->base, (unsigned long long)g->size,
		     ri >= 0 ? mm->regions[ri].doc->name : "-");
		check_range(t, d, g, 0);
		/* Each pair once: only devices after this one; a child may nest in its parent. */
		for (struct dt_reg_iter e = dt_regs_overlapping(p, g->base, g->size);
		     dt_next_reg(&e);)
			if (e.d > d && !dt_paths_related(d->path, e.d->path))
				memmap_finding(t, where,
					       "DT regions overlap: %s reg 0x%llx+0x%llx and %s "
					       "reg 0x%llx+0x%llx",
					       d->path, (unsigned long long)g->base,
					       (unsigned long long)g->size, e.d->path,
					       (unsigned long long)e.r->base,
					       (unsigned long long)e.r->size);
		for (int b = 0; b < p->nbanks; b++)
			if (ranges_overlap(g->base, g->size, p->banks[b].base, p->banks[b].size))
				memmap_finding(
					t, where,
					"%s reg 0x%llx+0x%llx overlaps RAM bank 0x%llx+0x%llx",
					d->path, (unsigned long long)g->base,
					(unsigned long long)g->size,
					(unsigned long long)p->banks[b].base,
					(unsigned long long)p->banks[b].size);
	}
	for (int w = 0; w < mm->nwindows; w++, n++) {
		int ri = mm_region_containing(mm, mm->windows[w].range.base,
					      mm->windows[w].range.size);
		note(t, "memmap-dt: node=%s window=0x%llx+0x%llx region=%s",
		     mm->windows[w].dev->path, (unsigned long long)mm->windows[w].range.base,
		     (unsigned long long)mm->windows[w].range.size,
		     ri >= 0 ? mm->regions[ri].doc->name : "-");
		check_range(t, mm->windows[w].dev, &mm->windows[w].range, 1);
	}
	check(t, n > 0, "the DT describes no device address");
	if (t->failures == before)
		note(t, "all %d DT address ranges lie where %s documents them", n, mm->prof->name);
}

static void check_irq(struct test_ctx *t, int ri, const struct dt_device *d, const struct dt_irq *q,
		      uint32_t want_lo, uint32_t want_hi, const char *what)
{
	if (q->intid >= want_lo && q->intid <= want_hi)
		return;
	if (want_lo == want_hi)
		memmap_finding(t, ri, "%s interrupt INTID %u (%s %u), documented INTID %u (%s)",
			       d->path, (unsigned)q->intid, q->kind == IRQ_PPI ? "PPI" : "SPI",
			       (unsigned)q->number, (unsigned)want_lo, what);
	else
		memmap_finding(t, ri, "%s interrupt INTID %u, documented INTIDs %u..%u (%s)",
			       d->path, (unsigned)q->intid, (unsigned)want_lo, (unsigned)want_hi,
			       what);
}

/* Does the profile's interrupt table name one of d's compatibles? */
static int irq_table_names(const struct memmap *mm, const struct dt_device *d)
{
	for (unsigned i = 0; i < mm->prof->nirqs; i++)
		if (dt_compat_has(d, mm->prof->irqs[i].compat))
			return 1;
	return 0;
}

void dt_interrupts(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	int checked = 0;

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || d->nreg < 1)
			continue;
		int ri = mm_region_containing(mm, d->reg[0].base, d->reg[0].size);
		if (ri < 0)
			continue;
		if (!mm->regions[ri].doc->intid) {
			/* The GIC's own interrupt is its maintenance PPI; the profile's
			 * interrupt table covers nodes like the timer and the hypervisor. */
			if (d->nirq && d != p->gic && !irq_table_names(mm, d))
				memmap_finding(t, ri,
					       "%s has interrupt INTID %u; the documentation gives "
					       "%s none",
					       d->path, (unsigned)d->irq[0].intid,
					       mm->regions[ri].doc->name);
			continue;
		}
		const struct profile_region *r = mm->regions[ri].doc;
		uint32_t lo = r->intid, hi = r->intid + r->nintid - 1;
		if (r->slot) {
			lo = hi = r->intid + (uint32_t)((d->reg[0].base - r->base) / r->slot);
			if (r->nintid >
			    1) /* a pool of SPIs shared by the slots (Xen virtio-mmio) */
				lo = r->intid, hi = r->intid + r->nintid - 1;
		}
		if (d->nirq == 0 && (r->flags & PR_FIX_BASE))
			memmap_finding(t, ri, "%s has no interrupt, documented INTID %u (%s)",
				       d->path, (unsigned)lo, r->name);
		for (int k = 0; k < d->nirq; k++, checked++)
			check_irq(t, ri, d, &d->irq[k], lo, hi, r->name);
	}
	for (unsigned i = 0; i < mm->prof->nirqs; i++) {
		const struct profile_irq *q = &mm->prof->irqs[i];
		const struct dt_device *d = platform_find_compatible(p, q->compat, 0);
		if (!d) {
			note(t, "%s: no %s node, INTID %u not checked", q->name, q->compat,
			     (unsigned)q->intid);
			continue;
		}
		if ((int)q->index >= d->nirq) {
			memmap_finding(t, -1,
				       "%s has %d interrupts, the documentation gives %s as number "
				       "%u (INTID %u)",
				       d->path, d->nirq, q->name, q->index + 1, (unsigned)q->intid);
			continue;
		}
		checked++;
		check_irq(t, -1, d, &d->irq[q->index], q->intid, q->intid, q->name);
	}
	note(t, "interrupts checked: %d", checked);
	check(t, checked > 0, "no DT interrupt could be held against the documentation");
}

void dt_memory(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	uint64_t want = t->opt->vm_mem;

	check(t, p->nbanks > 0, "no memory bank");
	for (int b = 0; b < p->nbanks; b++) {
		const struct addr_range *g = &p->banks[b];
		int ri = mm_region_containing(mm, g->base, g->size);
		note(t, "memmap-dt: node=memory bank=0x%llx+0x%llx region=%s",
		     (unsigned long long)g->base, (unsigned long long)g->size,
		     ri >= 0 ? mm->regions[ri].doc->name : "-");
		if (ri < 0 || mm->regions[ri].doc->kind != REGION_RAM)
			memmap_finding(t, ri < 0 ? mm_region_overlapping(mm, g->base, g->size) : ri,
				       "memory bank 0x%llx+0x%llx is not inside a documented RAM "
				       "window%s%s",
				       (unsigned long long)g->base, (unsigned long long)g->size,
				       ri >= 0 ? ": it is in " : "",
				       ri >= 0 ? mm->regions[ri].doc->name : "");
	}
	uint64_t total = platform_ram_total(p);
	note(t, "ram_total: 0x%llx", (unsigned long long)total);
	if (!t->opt->vm_mem_known) {
		note(t, "no vm_mem in bootargs: the RAM size the VM was given is unknown");
		return;
	}
	if (total != want)
		memmap_finding(t, -1, "RAM banks total 0x%llx bytes, the VM was given 0x%llx",
			       (unsigned long long)total, (unsigned long long)want);
}
