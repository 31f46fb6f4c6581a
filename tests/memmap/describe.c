// SPDX-License-Identifier: MIT
/*
 * memmap suite, the DT against the documentation: the profile chosen, every
 * device reg and bus window inside the documented region for its kind, at
 * its documented base and size; interrupts on their documented INTIDs;
 * memory banks inside documented RAM windows, totalling what the VM has.
 */
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/record.h"
#include "tests/memmap/memmap.h"

/* The profile the report is held to: the runner picks its baseline by it (forced: no). */
void mm_say_profile(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	struct record r;

	if (mm->profile_said)
		return;
	mm->profile_said = 1;
	record_start(&r, 2, RECORD_MEMMAP_PROFILE);
	record_field(&r, "name", "%s", mm->prof->name);
	record_field(&r, "gic", "%d", t->plat->gic_version);
	record_field(&r, "pa_bits", "%u", t->boot->pa_bits);
	record_field(&r, "mapped_pa_bits", "%u", t->boot->mapped_pa_bits);
	/* What the probes reach, windows included (runtime/window.h), when more than the map. */
	unsigned reach = 0;
	while (reach < 63 && (1ull << (reach + 1)) <= mm->limit)
		reach++;
	if (reach > t->boot->mapped_pa_bits)
		record_field(&r, "reach_bits", "%u", reach);
	record_field(&r, "document", "%s", mm->prof->document);
	record_field(&r, "forced", "%s", t->opt->profile_forced ? "yes" : "no");
	record_text(&r, "profile: %s (%s)%s", mm->prof->name, mm->prof->document,
		    t->opt->profile_forced ? ", forced by bootargs" : "");
	record_emit(&r);
}

void case_profile(struct test_ctx *t)
{
	struct memmap *mm = t->state;

	mm_say_profile(t);
	note(t, "documented regions: %d for GICv%d", mm->nregions, t->plat->gic_version);
	check(t, mm->nregions > 0, "profile_has_regions",
	      "the profile documents no region for this GIC version");
}

/* One DT address range against the documentation (the subject: its node and range). */
static void check_range_in(struct test_ctx *t, const struct dt_device *d,
			   const struct addr_range *g, int is_window)
{
	struct memmap *mm = t->state;
	const char *what = is_window ? "bus window" : "reg";
	int ri = mm_region_containing(mm, g->base, g->size);

	if (ri < 0) {
		int o = mm_region_overlapping(mm, g->base, g->size);
		if (o < 0)
			memmap_finding(t, "inside_documented_region", -1,
				       "%s %s 0x%llx+0x%llx lies outside every documented region",
				       d->path, what, (unsigned long long)g->base,
				       (unsigned long long)g->size);
		else
			memmap_finding(
				t, "within_one_region", o,
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
			t, "not_in_absent_region", ri,
			"%s %s 0x%llx is in %s, documented as never populated for this guest",
			d->path, what, (unsigned long long)g->base, r->name);
		return;
	}
	if (r->kind == REGION_RAM && !listed) {
		memmap_finding(t, "no_device_in_ram", ri,
			       "%s %s 0x%llx+0x%llx is a device inside RAM window %s", d->path,
			       what, (unsigned long long)g->base, (unsigned long long)g->size,
			       r->name);
		return;
	}
	if (!listed && r->compat)
		memmap_finding(t, "compatible_as_documented", ri,
			       "%s (compatible %s) is in %s, documented for %s", d->path,
			       d->compat ? d->compat : "none", r->name, r->compat);
	else if (!listed)
		memmap_finding(
			t, "region_documents_a_device", ri,
			"%s (compatible %s) is in %s, where the documentation places no device",
			d->path, d->compat ? d->compat : "none", r->name);
	if (is_window || r->kind == REGION_RAM)
		return;
	uint64_t unit = r->slot ? r->slot : r->size;
	uint64_t want = r->slot ? r->base + (g->base - r->base) / r->slot * r->slot : r->base;
	if ((r->flags & PR_FIX_BASE) && g->base != want)
		memmap_finding(t, "documented_base", ri,
			       "%s reg base 0x%llx is not the documented base 0x%llx of %s",
			       d->path, (unsigned long long)g->base, (unsigned long long)want,
			       r->name);
	else if ((r->flags & PR_FIX_SIZE) && g->size != unit)
		memmap_finding(t, "documented_size", ri,
			       "%s reg size 0x%llx is not the documented size 0x%llx of %s",
			       d->path, (unsigned long long)g->size, (unsigned long long)unit,
			       r->name);
}

static void check_range(struct test_ctx *t, const struct dt_device *d, const struct addr_range *g,
			int is_window)
{
	subject_push(t, "node", "%s", d->path);
	mm_push_range(t, g->base, g->size);
	check_range_in(t, d, g, is_window);
	/* Every range of the property goes through here (dt_regions): held against the profile. */
	claim_hold(d->node, is_window ? "ranges" : "reg", CLAIM_DOC);
	subject_pop(t);
	subject_pop(t);
}

/* A DT range as the map lists it: kind is reg, window or bank. */
static void say_dt(struct test_ctx *t, const char *node, const char *kind,
		   const struct addr_range *g, int region)
{
	struct record r;

	record_start(&r, 2, RECORD_MEMMAP_DT);
	record_field(&r, "node", "%s", node);
	record_field(&r, kind, "0x%llx+0x%llx", (unsigned long long)g->base,
		     (unsigned long long)g->size);
	record_field(&r, "region", "%s", mm_region_name(t->state, region));
	record_emit(&r);
}

void case_dt_regions(struct test_ctx *t)
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
		say_dt(t, d->path, "reg", g, ri);
		check_range(t, d, g, 0);
		subject_push(t, "node", "%s", d->path);
		mm_push_range(t, g->base, g->size);
		/* Each pair once: only devices after this one; a child may nest in its parent. */
		for (struct dt_reg_iter e = dt_regs_overlapping(p, g->base, g->size);
		     dt_next_reg(&e);) {
			if (e.d <= d || dt_paths_related(d->path, e.d->path))
				continue;
			/* The other device and which of its reg entries (it may give several): not
			 * addr=, which places a finding on the map. */
			subject_push(t, "device", "%s", e.d->path);
			subject_push(t, "target", "0x%llx", (unsigned long long)e.r->base);
			memmap_finding(t, "dt_ranges_disjoint", where,
				       "DT regions overlap: %s reg 0x%llx+0x%llx and %s "
				       "reg 0x%llx+0x%llx",
				       d->path, (unsigned long long)g->base,
				       (unsigned long long)g->size, e.d->path,
				       (unsigned long long)e.r->base,
				       (unsigned long long)e.r->size);
			subject_pop(t);
			subject_pop(t);
		}
		for (int b = 0; b < p->nbanks; b++) {
			if (!ranges_overlap(g->base, g->size, p->banks[b].base, p->banks[b].size))
				continue;
			subject_push(t, "bank", "%d", b);
			memmap_finding(t, "reg_outside_ram_banks", where,
				       "%s reg 0x%llx+0x%llx overlaps RAM bank 0x%llx+0x%llx",
				       d->path, (unsigned long long)g->base,
				       (unsigned long long)g->size,
				       (unsigned long long)p->banks[b].base,
				       (unsigned long long)p->banks[b].size);
			subject_pop(t);
		}
		subject_pop(t);
		subject_pop(t);
	}
	for (int w = 0; w < mm->nwindows; w++, n++) {
		int ri = mm_region_containing(mm, mm->windows[w].range.base,
					      mm->windows[w].range.size);
		say_dt(t, mm->windows[w].dev->path, "window", &mm->windows[w].range, ri);
		check_range(t, mm->windows[w].dev, &mm->windows[w].range, 1);
	}
	check(t, n > 0, "dt_has_ranges", "the DT describes no device address");
	if (t->failures == before)
		note(t, "all %d DT address ranges lie where %s documents them", n, mm->prof->name);
}

/* Its trigger (flags[3:0]) against the documented one, where the documentation gives it. */
static void check_trigger(struct test_ctx *t, int ri, const struct dt_device *d,
			  const struct dt_irq *q, unsigned trigger, const char *what)
{
	if (!trigger || q->kind == IRQ_OTHER || (q->flags & 0xf) == trigger)
		return;
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "intid", "%u", (unsigned)q->intid);
	memmap_finding(
		t, "trigger_documented", ri,
		"%s interrupt INTID %u has trigger flags 0x%x, documented 0x%x (%s: 1 rising "
		"edge, 4 high level, 8 low level)",
		d->path, (unsigned)q->intid, (unsigned)(q->flags & 0xf), trigger, what);
	subject_pop(t);
	subject_pop(t);
}

/* The subject: the node and the INTID the DT gives (then the region, if any). */
static void check_irq(struct test_ctx *t, int ri, const struct dt_device *d, const struct dt_irq *q,
		      uint32_t want_lo, uint32_t want_hi, unsigned trigger, const char *what)
{
	check_trigger(t, ri, d, q, trigger, what);
	if (q->intid >= want_lo && q->intid <= want_hi)
		return;
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "intid", "%u", (unsigned)q->intid);
	if (want_lo == want_hi)
		memmap_finding(t, "intid_documented", ri,
			       "%s interrupt INTID %u (%s %u), documented INTID %u (%s)", d->path,
			       (unsigned)q->intid, q->kind == IRQ_PPI ? "PPI" : "SPI",
			       (unsigned)q->number, (unsigned)want_lo, what);
	else
		memmap_finding(t, "intid_documented", ri,
			       "%s interrupt INTID %u, documented INTIDs %u..%u (%s)", d->path,
			       (unsigned)q->intid, (unsigned)want_lo, (unsigned)want_hi, what);
	subject_pop(t);
	subject_pop(t);
}

/* Is one of d's compatibles in a profile's space-separated list (the timer's armv8 or armv7)? */
static int irq_compat_listed(const struct dt_device *d, const char *list)
{
	for (const char *s = dt_compat_next(d, NULL); s; s = dt_compat_next(d, s))
		if (profile_compat_listed(list, s))
			return 1;
	return 0;
}

/* The first enabled device of the list's compatibles, or NULL. */
static const struct dt_device *find_listed(const struct platform *p, const char *list)
{
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].enabled && irq_compat_listed(&p->devices[i], list))
			return &p->devices[i];
	return NULL;
}

/* Does the profile's interrupt table name one of d's compatibles? */
static int irq_table_names(const struct memmap *mm, const struct dt_device *d)
{
	for (unsigned i = 0; i < mm->prof->nirqs; i++)
		if (irq_compat_listed(d, mm->prof->irqs[i].compat))
			return 1;
	return 0;
}

/* Which of each device's interrupts were held against the documentation (bit k: irq[k]). */
static uint32_t irqs_judged[PLAT_MAX_DEVICES];

static void judged(const struct platform *p, const struct dt_device *d, uint32_t bits)
{
	irqs_judged[d - p->devices] |= bits;
}

/* A node's interrupts are held against the documentation when each of them was. */
static void hold_judged_interrupts(const struct platform *p)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		uint32_t all = (1u << d->nirq) - 1;
		if (!d->nirq || d->irqs_dropped || (irqs_judged[i] & all) != all)
			continue;
		claim_hold(d->node, "interrupts", CLAIM_DOC);
		claim_hold(d->node, "interrupts-extended", CLAIM_DOC);
	}
}

/* The binding's interrupt-names name of the table's entry q (the timer's PPIs), or NULL. */
static const char *binding_name(const struct profile_irq *q)
{
	/* The profiles' names of the timer's PPIs, in the binding's order. */
	static const char *const entry[TIMER_IRQS] = { "timer-phys-s", "timer-phys-ns",
						       "timer-virt", "timer-hyp" };

	for (unsigned i = 0; i < TIMER_IRQS; i++)
		if (!strcmp(q->name, entry[i]))
			return dt_timer_irq_names[i];
	return NULL;
}

/*
 * Which of d's interrupts the table's entry q is: by its name when the node
 * gives interrupt-names (Linux takes the timer's so), else by its place; the
 * node's count (none of them) when the names leave it out.
 */
static int irq_place(const struct platform *p, const struct dt_device *d,
		     const struct profile_irq *q)
{
	int i = dt_irq_index(p, d, binding_name(q), (int)q->index);
	return i < 0 ? d->nirq : i;
}

/*
 * A node with no reg that the interrupt table does not name (it names the
 * timer's and the PMU's) has nothing the documentation places: each GIC
 * interrupt it gives is one the documentation gives no such node. (A node
 * whose interrupts go to another parent, a PCI host's nexus, is not the GIC's.)
 */
static void check_regless_irqs(struct test_ctx *t, const struct memmap *mm,
			       const struct platform *p)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || d->nreg > 0 || d == p->gic || irq_table_names(mm, d))
			continue;
		for (int k = 0; k < d->nirq; k++) {
			if (d->irq[k].kind == IRQ_OTHER)
				continue;
			judged(p, d, 1u << k);
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "intid", "%u", (unsigned)d->irq[k].intid);
			memmap_finding(t, "interrupt_documented", -1,
				       "%s, a node with no reg, gives interrupt %d (INTID %u): %s "
				       "documents no such node",
				       d->path, k + 1, (unsigned)d->irq[k].intid, mm->prof->name);
			subject_pop(t);
			subject_pop(t);
		}
	}
}

/* A node the interrupt table documents gives no interrupt beyond those it documents. */
static void check_undocumented_irqs(struct test_ctx *t, const struct memmap *mm,
				    const struct platform *p)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || !irq_table_names(mm, d))
			continue;
		for (int k = 0; k < d->nirq; k++) {
			int documented = 0;
			for (unsigned j = 0; j < mm->prof->nirqs && !documented; j++)
				documented = irq_compat_listed(d, mm->prof->irqs[j].compat) &&
					     irq_place(p, d, &mm->prof->irqs[j]) == k;
			if (documented)
				continue;
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "intid", "%u", (unsigned)d->irq[k].intid);
			memmap_finding(
				t, "interrupt_documented", -1,
				"%s gives interrupt %d (INTID %u), which %s does not document",
				d->path, k + 1, (unsigned)d->irq[k].intid, mm->prof->name);
			subject_pop(t);
			subject_pop(t);
		}
	}
}

void case_dt_interrupts(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	int checked = 0;

	memset(irqs_judged, 0, sizeof(irqs_judged));

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || d->nreg < 1)
			continue;
		int ri = mm_region_containing(mm, d->reg[0].base, d->reg[0].size);
		if (ri < 0)
			continue;
		if (!mm->regions[ri].doc->intid) {
			/* The GIC's own interrupt is its maintenance PPI: the profile's
			 * interrupt table covers it, as it covers the timer and the hypervisor. */
			if (d->nirq && d != p->gic && !irq_table_names(mm, d)) {
				judged(p, d, ~0u); /* any interrupt is one too many */
				subject_push(t, "node", "%s", d->path);
				memmap_finding(t, "no_undocumented_interrupt", ri,
					       "%s has interrupt INTID %u; the documentation gives "
					       "%s none",
					       d->path, (unsigned)d->irq[0].intid,
					       mm->regions[ri].doc->name);
				subject_pop(t);
			}
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
		if (d->nirq == 0 && (r->flags & PR_FIX_BASE)) {
			subject_push(t, "node", "%s", d->path);
			memmap_finding(t, "documented_interrupt_present", ri,
				       "%s has no interrupt, documented INTID %u (%s)", d->path,
				       (unsigned)lo, r->name);
			subject_pop(t);
		}
		for (int k = 0; k < d->nirq; k++, checked++)
			if ((r->flags & PR_IRQ_IN_ORDER) && k < (int)r->nintid)
				check_irq(t, ri, d, &d->irq[k], lo + k, lo + k, r->trigger,
					  r->name);
			else
				check_irq(t, ri, d, &d->irq[k], lo, hi, r->trigger, r->name);
		judged(p, d, ~0u);
	}
	for (unsigned i = 0; i < mm->prof->nirqs; i++) {
		const struct profile_irq *q = &mm->prof->irqs[i];
		const struct dt_device *d = find_listed(p, q->compat);
		if (!d) {
			note(t, "%s: no %s node, INTID %u not checked", q->name, q->compat,
			     (unsigned)q->intid);
			continue;
		}
		int el2 = t->boot->entry_el == 2, at = irq_place(p, d, q);
		if (binding_name(q) && at < d->nirq)
			claim_hold(d->node, "interrupt-names", CLAIM_DOC); /* a name placed it */
		if (q->if_given == IRQ_AT_EL2 && !el2 && at < d->nirq) {
			judged(p, d, 1u << at);
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "intid", "%u", (unsigned)d->irq[at].intid);
			memmap_finding(
				t, "interrupt_documented", -1,
				"%s gives %s (INTID %u), which the documentation writes only "
				"for a guest entered at EL2; this one was entered at EL%u",
				d->path, q->name, (unsigned)d->irq[at].intid, t->boot->entry_el);
			subject_pop(t);
			subject_pop(t);
			continue;
		}
		if (at >= d->nirq &&
		    (q->if_given == IRQ_IF_GIVEN || (q->if_given == IRQ_AT_EL2 && !el2))) {
			note(t, "%s: %s gives none (documented only in some configurations)",
			     q->name, d->path);
			continue;
		}
		if (at >= d->nirq) {
			judged(p, d, ~0u); /* the property lacks what is documented */
			/* The subject: the node and the documented INTID it lacks. */
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "intid", "%u", (unsigned)q->intid);
			memmap_finding(t, "documented_interrupt_present", -1,
				       "%s has %d interrupts, the documentation gives %s as number "
				       "%u (INTID %u)",
				       d->path, d->nirq, q->name, q->index + 1, (unsigned)q->intid);
			subject_pop(t);
			subject_pop(t);
			continue;
		}
		checked++;
		check_irq(t, -1, d, &d->irq[at], q->intid, q->intid, q->trigger, q->name);
		judged(p, d, 1u << at);
	}
	check_undocumented_irqs(t, mm, p);
	check_regless_irqs(t, mm, p);
	hold_judged_interrupts(p);
	memmap_check_ppi_masks(t);
	note(t, "interrupts checked: %d", checked);
	check(t, checked > 0, "interrupts_checked",
	      "no DT interrupt could be held against the documentation");
}

void case_dt_memory(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	uint64_t want = t->opt->vm_mem;

	check(t, p->nbanks > 0, "has_memory_bank", "no memory bank");
	for (int b = 0; b < p->nbanks; b++) {
		const struct addr_range *g = &p->banks[b];
		int ri = mm_region_containing(mm, g->base, g->size);
		say_dt(t, "memory", "bank", g, ri);
		/* Each bank of the node's reg is held to a documented RAM window here. */
		claim_hold(p->bank_node[b], "reg", CLAIM_DOC);
		if (ri >= 0 && mm->regions[ri].doc->kind == REGION_RAM)
			continue;
		subject_push(t, "bank", "%d", b);
		mm_push_range(t, g->base, g->size);
		memmap_finding(t, "bank_in_ram_window",
			       ri < 0 ? mm_region_overlapping(mm, g->base, g->size) : ri,
			       "memory bank 0x%llx+0x%llx is not inside a documented RAM "
			       "window%s%s",
			       (unsigned long long)g->base, (unsigned long long)g->size,
			       ri >= 0 ? ": it is in " : "",
			       ri >= 0 ? mm->regions[ri].doc->name : "");
		subject_pop(t);
		subject_pop(t);
	}
	uint64_t total = platform_ram_total(p);
	note(t, "ram_total: 0x%llx", (unsigned long long)total);
	if (!t->opt->vm_mem_known) {
		note(t, "no vm_mem in bootargs: the RAM size the VM was given is unknown");
		return;
	}
	if (total != want)
		memmap_finding(t, "ram_total_as_given", -1,
			       "RAM banks total 0x%llx bytes, the VM was given 0x%llx",
			       (unsigned long long)total, (unsigned long long)want);
}
