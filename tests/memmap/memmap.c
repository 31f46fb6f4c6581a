/*
 * memmap suite: the guest memory map as documented, as described and as
 * found. Documents checked: Xen 4.17 public/arch-arm.h GUEST_* (the domU
 * memory map and interrupts; profile generated from the header) and QEMU
 * 7.2 hw/arm/virt.c base_memmap/extended_memmap/a15irqmap (profile
 * transcribed by hand); the Devicetree Specification v0.4 for reg, ranges
 * and memory nodes. The profile is picked from the DT (/hypervisor
 * xen,xen-4.17; root linux,dummy-virt) or forced with bootargs profile=NAME.
 * The last case prints the map ("memmap-*" diagnostics) for the runner.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/bootargs.h"
#include "boot/esr.h"
#include "runtime/harness.h"
#include "tests/memmap/memmap.h"

struct memmap mm;

static const char *skip_reason(struct harness *h)
{
	const char *why;

	if (!h->plat.fdt_valid)
		return "device tree unusable";
	return profile_select(h, &why) ? NULL : why;
}

int mm_region_containing(uint64_t base, uint64_t size)
{
	for (int i = 0; i < mm.nregions; i++) {
		const struct profile_region *r = mm.regions[i].doc;
		if (base >= r->base && base - r->base < r->size && size <= r->size - (base - r->base))
			return i;
	}
	return -1;
}

int mm_region_overlapping(uint64_t base, uint64_t size)
{
	for (int i = 0; i < mm.nregions; i++)
		if (ranges_overlap(base, size ? size : 1, mm.regions[i].doc->base, mm.regions[i].doc->size))
			return i;
	return -1;
}

int mm_dt_describes(const struct platform *p, uint64_t base, uint64_t size)
{
	for (int i = 0; i < p->nbanks; i++)
		if (ranges_overlap(base, size, p->banks[i].base, p->banks[i].size))
			return 1;
	for (int i = 0; i < p->ndevices; i++)
		for (int r = 0; p->devices[i].enabled && r < p->devices[i].nreg; r++)
			if (ranges_overlap(base, size, p->devices[i].reg[r].base, p->devices[i].reg[r].size))
				return 1;
	for (int i = 0; i < mm.nwindows; i++)
		if (ranges_overlap(base, size, mm.windows[i].range.base, mm.windows[i].range.size))
			return 1;
	return 0;
}

void mm_finding(struct test_ctx *t, int region, const char *fmt, ...)
{
	char text[176];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	finding(t, "%s", text);
	if (region >= 0)
		mm.regions[region].findings++;
	if (mm.nfindings >= MM_MAX_FINDINGS) {
		mm.findings_dropped++;
		return;
	}
	mm.findings[mm.nfindings].region = region;
	snprintf(mm.findings[mm.nfindings].text, sizeof(text), "%s", text);
	mm.nfindings++;
}

void mm_set_probe(int region, const char *fmt, ...)
{
	va_list ap;

	if (region < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(mm.regions[region].probe, MM_PROBE_LEN, fmt, ap);
	va_end(ap);
}

const char *mm_outcome(const struct probe_outcome *o)
{
	static char buf[160];

	probe_describe(o, buf, sizeof(buf));
	return buf;
}

const char *mm_outcome_short(const struct probe_outcome *o)
{
	static char buf[96];
	struct esr_info d;

	if (!o->faulted) {
		snprintf(buf, sizeof(buf), "read 0x%llx", (unsigned long long)o->value);
		return buf;
	}
	esr_decode(o->esr, &d);
	snprintf(buf, sizeof(buf), "abort ESR 0x%08llx (%s)", (unsigned long long)o->esr,
		 d.is_abort ? esr_fault_text(&d) : esr_class_name(d.ec));
	return buf;
}

/* Widen the region's record of what the DT put there. */
static void record_dt(int region, uint64_t base, uint64_t size)
{
	struct mm_region *r = &mm.regions[region];
	uint64_t end = base + size;

	if (!r->described) {
		r->dt = (struct addr_range){base, size};
	} else {
		uint64_t lo = base < r->dt.base ? base : r->dt.base;
		uint64_t hi = end > r->dt.base + r->dt.size ? end : r->dt.base + r->dt.size;
		r->dt = (struct addr_range){lo, hi - lo};
	}
	r->described = 1;
}

int mm_prepare(struct test_ctx *t)
{
	static int done;
	const struct platform *p = &t->h->plat;
	const char *why;

	if (done)
		return mm.prof != NULL;
	done = 1;
	mm.prof = profile_select(t->h, &why);
	if (!mm.prof)
		return 0;
	mm.limit = t->h->mapped_pa_bits >= 64 ? ~0ull : 1ull << t->h->mapped_pa_bits;
	for (unsigned i = 0; i < mm.prof->nregions && mm.nregions < MM_MAX_REGIONS; i++)
		if (profile_region_applies(&mm.prof->regions[i], p->gic_version))
			mm.regions[mm.nregions++].doc = &mm.prof->regions[i];
	for (int i = 0; i < mm.nregions; i++)
		snprintf(mm.regions[i].probe, MM_PROBE_LEN, "not-probed");
	mm.nwindows = dt_bus_windows(p, mm.windows, DT_MAX_WINDOWS);
	for (int i = 0; i < mm.nregions; i++) {
		const struct profile_region *r = mm.regions[i].doc;
		for (int b = 0; b < p->nbanks; b++)
			if (ranges_overlap(r->base, r->size, p->banks[b].base, p->banks[b].size))
				record_dt(i, p->banks[b].base, p->banks[b].size);
		/* A RAM window is described by banks; a device reg there (Xen's extended
		 * regions) marks free space, which dt_regions judges. */
		for (int d = 0; r->kind != REGION_RAM && d < p->ndevices; d++)
			for (int k = 0; p->devices[d].enabled && k < p->devices[d].nreg; k++) {
				const struct addr_range *g = &p->devices[d].reg[k];
				if (ranges_overlap(r->base, r->size, g->base, g->size))
					record_dt(i, g->base, g->size);
			}
		for (int w = 0; r->kind != REGION_RAM && w < mm.nwindows; w++)
			if (ranges_overlap(r->base, r->size, mm.windows[w].range.base, mm.windows[w].range.size))
				record_dt(i, mm.windows[w].range.base, mm.windows[w].range.size);
	}
	return 1;
}

static int ready(struct test_ctx *t)
{
	if (mm_prepare(t))
		return 1;
	skip(t, "no profile");
	return 0;
}

static void profile_case(struct test_ctx *t)
{
	char forced[32];

	if (!ready(t))
		return;
	note(t, "profile: %s (%s)%s", mm.prof->name, mm.prof->document,
	     bootarg_get(t->h->bootargs, "profile", forced, sizeof(forced)) ? ", forced by bootargs" : "");
	note(t, "documented regions: %d for GICv%d", mm.nregions, t->h->plat.gic_version);
	check(t, mm.nregions > 0, "the profile documents no region for this GIC version");
}

/* One DT address range against the documentation. */
static void check_range(struct test_ctx *t, const struct dt_device *d, const struct addr_range *g,
			int is_window)
{
	const char *what = is_window ? "bus window" : "reg";
	int ri = mm_region_containing(g->base, g->size);

	if (ri < 0) {
		int o = mm_region_overlapping(g->base, g->size);
		if (o < 0)
			mm_finding(t, -1, "%s %s 0x%llx+0x%llx lies outside every documented region",
				   d->path, what, (unsigned long long)g->base, (unsigned long long)g->size);
		else
			mm_finding(t, o, "%s %s 0x%llx+0x%llx straddles the edge of documented region %s",
				   d->path, what, (unsigned long long)g->base, (unsigned long long)g->size,
				   mm.regions[o].doc->name);
		return;
	}
	const struct profile_region *r = mm.regions[ri].doc;
	int listed = 0;
	for (int off = 0; d->compat && off < d->compat_len; off += strlen(d->compat + off) + 1)
		listed |= profile_compat_listed(r->compat, d->compat + off);
	if (r->kind == REGION_ABSENT) {
		mm_finding(t, ri, "%s %s 0x%llx is in %s, documented as never populated for this guest",
			   d->path, what, (unsigned long long)g->base, r->name);
		return;
	}
	if (r->kind == REGION_RAM && !listed) {
		mm_finding(t, ri, "%s %s 0x%llx+0x%llx is a device inside RAM window %s", d->path, what,
			   (unsigned long long)g->base, (unsigned long long)g->size, r->name);
		return;
	}
	if (!listed && r->compat)
		mm_finding(t, ri, "%s (compatible %s) is in %s, documented for %s", d->path,
			   d->compat ? d->compat : "none", r->name, r->compat);
	else if (!listed)
		mm_finding(t, ri, "%s (compatible %s) is in %s, where the documentation places no device",
			   d->path, d->compat ? d->compat : "none", r->name);
	if (is_window || r->kind == REGION_RAM)
		return;
	uint64_t unit = r->slot ? r->slot : r->size;
	uint64_t want = r->slot ? r->base + (g->base - r->base) / r->slot * r->slot : r->base;
	if ((r->flags & PR_FIX_BASE) && g->base != want)
		mm_finding(t, ri, "%s reg base 0x%llx is not the documented base 0x%llx of %s", d->path,
			   (unsigned long long)g->base, (unsigned long long)want, r->name);
	else if ((r->flags & PR_FIX_SIZE) && g->size != unit)
		mm_finding(t, ri, "%s reg size 0x%llx is not the documented size 0x%llx of %s", d->path,
			   (unsigned long long)g->size, (unsigned long long)unit, r->name);
}

static void dt_regions(struct test_ctx *t)
{
	const struct platform *p = &t->h->plat;
	unsigned before = t->failures;
	int n = 0;

	if (!ready(t))
		return;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		for (int k = 0; d->enabled && k < d->nreg; k++, n++) {
			int ri = mm_region_containing(d->reg[k].base, d->reg[k].size);
			note(t, "memmap-dt: node=%s reg=0x%llx+0x%llx region=%s", d->path,
			     (unsigned long long)d->reg[k].base, (unsigned long long)d->reg[k].size,
			     ri >= 0 ? mm.regions[ri].doc->name : "-");
			check_range(t, d, &d->reg[k], 0);
			for (int j = i + 1; j < p->ndevices; j++) {
				const struct dt_device *e = &p->devices[j];
				if (!e->enabled || dt_paths_related(d->path, e->path))
					continue;
				for (int m = 0; m < e->nreg; m++)
					if (ranges_overlap(d->reg[k].base, d->reg[k].size, e->reg[m].base, e->reg[m].size))
						mm_finding(t, mm_region_overlapping(d->reg[k].base, d->reg[k].size),
							   "DT regions overlap: %s reg 0x%llx+0x%llx and %s reg 0x%llx+0x%llx",
							   d->path, (unsigned long long)d->reg[k].base,
							   (unsigned long long)d->reg[k].size, e->path,
							   (unsigned long long)e->reg[m].base,
							   (unsigned long long)e->reg[m].size);
			}
			for (int b = 0; b < p->nbanks; b++)
				if (ranges_overlap(d->reg[k].base, d->reg[k].size, p->banks[b].base, p->banks[b].size))
					mm_finding(t, mm_region_overlapping(d->reg[k].base, d->reg[k].size),
						   "%s reg 0x%llx+0x%llx overlaps RAM bank 0x%llx+0x%llx",
						   d->path, (unsigned long long)d->reg[k].base,
						   (unsigned long long)d->reg[k].size,
						   (unsigned long long)p->banks[b].base,
						   (unsigned long long)p->banks[b].size);
		}
	}
	for (int w = 0; w < mm.nwindows; w++, n++) {
		int ri = mm_region_containing(mm.windows[w].range.base, mm.windows[w].range.size);
		note(t, "memmap-dt: node=%s window=0x%llx+0x%llx region=%s", mm.windows[w].dev->path,
		     (unsigned long long)mm.windows[w].range.base,
		     (unsigned long long)mm.windows[w].range.size, ri >= 0 ? mm.regions[ri].doc->name : "-");
		check_range(t, mm.windows[w].dev, &mm.windows[w].range, 1);
	}
	check(t, n > 0, "the DT describes no device address");
	if (t->failures == before)
		note(t, "all %d DT address ranges lie where %s documents them", n, mm.prof->name);
}

static void check_irq(struct test_ctx *t, int ri, const struct dt_device *d, const struct dt_irq *q,
		      uint32_t want_lo, uint32_t want_hi, const char *what)
{
	if (q->intid >= want_lo && q->intid <= want_hi)
		return;
	if (want_lo == want_hi)
		mm_finding(t, ri, "%s interrupt INTID %u (%s %u), documented INTID %u (%s)", d->path,
			   (unsigned)q->intid, q->kind == IRQ_PPI ? "PPI" : "SPI", (unsigned)q->number,
			   (unsigned)want_lo, what);
	else
		mm_finding(t, ri, "%s interrupt INTID %u, documented INTIDs %u..%u (%s)", d->path,
			   (unsigned)q->intid, (unsigned)want_lo, (unsigned)want_hi, what);
}

/* Does the profile's interrupt table name one of d's compatibles? */
static int irq_table_names(const struct dt_device *d)
{
	for (unsigned i = 0; i < mm.prof->nirqs; i++)
		if (dt_compat_has(d, mm.prof->irqs[i].compat))
			return 1;
	return 0;
}

static void dt_interrupts(struct test_ctx *t)
{
	const struct platform *p = &t->h->plat;
	int checked = 0;

	if (!ready(t))
		return;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || d->nreg < 1)
			continue;
		int ri = mm_region_containing(d->reg[0].base, d->reg[0].size);
		if (ri < 0)
			continue;
		if (!mm.regions[ri].doc->intid) {
			/* The GIC's own interrupt is its maintenance PPI; the profile's
			 * interrupt table covers nodes like the timer and the hypervisor. */
			if (d->nirq && d != p->gic && !irq_table_names(d))
				mm_finding(t, ri, "%s has interrupt INTID %u; the documentation gives %s none",
					   d->path, (unsigned)d->irq[0].intid, mm.regions[ri].doc->name);
			continue;
		}
		const struct profile_region *r = mm.regions[ri].doc;
		uint32_t lo = r->intid, hi = r->intid + r->nintid - 1;
		if (r->slot) {
			lo = hi = r->intid + (uint32_t)((d->reg[0].base - r->base) / r->slot);
			if (r->nintid > 1) /* a pool of SPIs shared by the slots (Xen virtio-mmio) */
				lo = r->intid, hi = r->intid + r->nintid - 1;
		}
		if (d->nirq == 0 && (r->flags & PR_FIX_BASE))
			mm_finding(t, ri, "%s has no interrupt, documented INTID %u (%s)", d->path,
				   (unsigned)lo, r->name);
		for (int k = 0; k < d->nirq; k++, checked++)
			check_irq(t, ri, d, &d->irq[k], lo, hi, r->name);
	}
	for (unsigned i = 0; i < mm.prof->nirqs; i++) {
		const struct profile_irq *q = &mm.prof->irqs[i];
		const struct dt_device *d = platform_find_compatible(p, q->compat, 0);
		if (!d) {
			note(t, "%s: no %s node, INTID %u not checked", q->name, q->compat, (unsigned)q->intid);
			continue;
		}
		if ((int)q->index >= d->nirq) {
			mm_finding(t, -1, "%s has %d interrupts, the documentation gives %s as number %u (INTID %u)",
				   d->path, d->nirq, q->name, q->index + 1, (unsigned)q->intid);
			continue;
		}
		checked++;
		check_irq(t, -1, d, &d->irq[q->index], q->intid, q->intid, q->name);
	}
	note(t, "interrupts checked: %d", checked);
	check(t, checked > 0, "no DT interrupt could be held against the documentation");
}

static void dt_memory(struct test_ctx *t)
{
	const struct platform *p = &t->h->plat;
	char buf[32];
	uint64_t want;

	if (!ready(t))
		return;
	check(t, p->nbanks > 0, "no memory bank");
	for (int b = 0; b < p->nbanks; b++) {
		const struct addr_range *g = &p->banks[b];
		int ri = mm_region_containing(g->base, g->size);
		note(t, "memmap-dt: node=memory bank=0x%llx+0x%llx region=%s", (unsigned long long)g->base,
		     (unsigned long long)g->size, ri >= 0 ? mm.regions[ri].doc->name : "-");
		if (ri < 0 || mm.regions[ri].doc->kind != REGION_RAM)
			mm_finding(t, ri < 0 ? mm_region_overlapping(g->base, g->size) : ri,
				   "memory bank 0x%llx+0x%llx is not inside a documented RAM window%s%s",
				   (unsigned long long)g->base, (unsigned long long)g->size,
				   ri >= 0 ? ": it is in " : "", ri >= 0 ? mm.regions[ri].doc->name : "");
	}
	uint64_t total = platform_ram_total(p);
	note(t, "ram_total: 0x%llx", (unsigned long long)total);
	if (!bootarg_get(t->h->bootargs, "vm_mem", buf, sizeof(buf)) || parse_size(buf, &want)) {
		note(t, "no vm_mem in bootargs: the RAM size the VM was given is unknown");
		return;
	}
	if (total != want)
		mm_finding(t, -1, "RAM banks total 0x%llx bytes, the VM was given 0x%llx",
			   (unsigned long long)total, (unsigned long long)want);
}

static void map(struct test_ctx *t)
{
	if (!ready(t))
		return;
	note(t, "memmap-profile: name=%s gic=%d pa_bits=%u mapped_pa_bits=%u", mm.prof->name,
	     t->h->plat.gic_version, t->h->pa_bits, t->h->mapped_pa_bits);
	note(t, "memmap-document: %s", mm.prof->document);
	for (int i = 0; i < mm.nregions; i++) {
		const struct mm_region *r = &mm.regions[i];
		char dt[48] = "-";
		if (r->described)
			snprintf(dt, sizeof(dt), "0x%llx+0x%llx", (unsigned long long)r->dt.base,
				 (unsigned long long)r->dt.size);
		note(t, "memmap-region: name=%s kind=%s doc=0x%llx+0x%llx dt=%s probe=%s findings=%d",
		     r->doc->name, region_kind_name(r->doc->kind), (unsigned long long)r->doc->base,
		     (unsigned long long)r->doc->size, dt, r->probe, r->findings);
	}
	mm_print_sweep(t);
	for (int i = 0; i < mm.nfindings; i++)
		note(t, "memmap-finding: region=%s %s",
		     mm.findings[i].region >= 0 ? mm.regions[mm.findings[i].region].doc->name : "-",
		     mm.findings[i].text);
	if (mm.findings_dropped)
		note(t, "memmap-finding: region=- %d further findings not kept", mm.findings_dropped);
	note(t, "memmap-findings: %d", mm.nfindings + mm.findings_dropped);
	/* The findings failed the cases that made them; here: is the map complete? */
	for (int i = 0; i < mm.nregions; i++)
		if (mm.regions[i].doc->base < mm.limit)
			check(t, strcmp(mm.regions[i].probe, "not-probed") != 0,
			      "documented region %s was never probed", mm.regions[i].doc->name);
}

static const struct test_case cases[] = {
	{"profile", profile_case},	  {"dt_regions", dt_regions},
	{"dt_interrupts", dt_interrupts}, {"dt_memory", dt_memory},
	{"probe_mmio", mm_probe_mmio},	  {"probe_ram", mm_probe_ram},
	{"probe_undescribed", mm_probe_undescribed}, {"sweep", mm_sweep},
	{"map", map},
};

static const struct suite memmap_suite = {
	.name = "memmap",
	.skip_reason = skip_reason,
	.cases = cases,
	.ncases = ARRAY_SIZE(cases),
};
SUITE_REGISTER(40, memmap_suite);
