// SPDX-License-Identifier: MIT
/*
 * mmio suite, write_read on a GIC: which word of a per-INTID array a check
 * may write. Only INTIDs nothing uses are touched: none the DT names, none
 * enabled, pending or active when the check starts (so the harness's own
 * SGIs, the timers' PPIs and every device's SPI are left alone). SPIs: the
 * highest implemented word of 32 such INTIDs; SGIs and PPIs (banked): the
 * PPIs nothing uses, and SGIs 12-15 (the harness sends none of them) for
 * the byte arrays (priorities, and GICv2's SGI pending bits by source CPU).
 */
#include "boot/cpu.h"
#include "tests/mmio/bits.h"

#define ENABLE 0x100
#define PEND   0x200
#define ACTIVE 0x300

static uint32_t rd32(uintptr_t a)
{
	struct probe_outcome o;

	return probe_read(a, 32, &o) ? 0xffffffff : (uint32_t)o.value; /* unreadable: in use */
}

/* INTIDs of word w (32w..32w+31) the DT names. */
static uint32_t dt_uses(const struct platform *p, unsigned w)
{
	uint32_t m = 0;

	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; k < p->devices[i].nirq; k++) {
			uint32_t id = p->devices[i].irq[k].intid;
			if (id / 32 == w)
				m |= 1u << (id % 32);
		}
	return m;
}

/* ... or that are enabled, pending or active now (ctl: the block the arrays start in). */
static uint32_t in_use(const struct platform *p, uintptr_t ctl, unsigned w)
{
	return dt_uses(p, w) | rd32(ctl + ENABLE + 4 * w) | rd32(ctl + PEND + 4 * w) |
	       rd32(ctl + ACTIVE + 4 * w);
}

static unsigned lines_of(uintptr_t dist, unsigned *ncpus)
{
	uint32_t typer = rd32(dist + 0x004);
	unsigned lines = 32 * ((typer & 0x1f) + 1);

	*ncpus = (typer >> 5 & 7) + 1;
	return lines > 1020 ? 1020 : lines;
}

/* The distributor's SPI word: the highest with no INTID in use. */
static int place_spi(struct test_ctx *t, const struct mmio_target *tg, struct bits_run *r,
		     uintptr_t dist)
{
	const struct reg_fields *f = r->f;
	unsigned lines = lines_of(dist, &r->ncpus), per = f->bits_per_intid;
	int w = (int)(lines / 32) - 1;

	while (w >= 1 && in_use(t->plat, dist, (unsigned)w))
		w--;
	if (w < 1) {
		note(t, "%s: %s: every SPI word has an INTID in use: not written", tg->d->path,
		     f->name);
		return -1;
	}
	/* The last 32 bits of the word's INTIDs: 32 of them, 16 (2 bits), 4 (bytes), 1. */
	unsigned first = (unsigned)w * 32 + 32 - (per >= 32 ? 1 : 32 / per);
	r->off = f->offset + first * per / 8;
	r->touch = per == 64 ? 0xffffffffffffffffull : 0xffffffffull;
	if (f->flags & FB_SET)
		r->clear = dist + f->clear_view + first * per / 8;
	if ((f->flags & FB_SET) && tg->c->extra == EXTRA_GICD_TYPER_CPUS && r->ncpus > 1) {
		r->targets = dist + 0x800 + first;
		r->own = (rd32(dist + 0x800) & 0xff) * 0x01010101u; /* ITARGETSR0: this CPU */
	}
	if ((f->flags & FB_BEYOND) && lines < 1020)
		r->beyond = dist + f->offset + lines * per / 8;
	if (per == 64) {
		const struct platform *p = t->plat;
		uint64_t m = p->cpu_mpidr[p->ncpus - 1];
		r->aff = (m & 0xffffff) | (m >> 32 & 0xff) << 32;
	}
	return 0;
}

/* The banked word: unused PPIs (1-bit arrays), SGIs 12-15 (byte arrays). */
static int place_sgi(struct test_ctx *t, const struct mmio_target *tg, struct bits_run *r,
		     uintptr_t region)
{
	const struct reg_fields *f = r->f;
	uintptr_t ctl = region + (f->offset & ~0xfffu); /* GICv3: the frame's SGI_base */
	uint32_t used = in_use(t->plat, ctl, 0);

	if (f->bits_per_intid == 8) {
		r->off = f->offset + 12;
		r->touch = 0xffffffff;
		if (f->flags & FB_SET) /* GICv2 SPENDSGIR: a byte per SGI, the same word */
			r->clear = region + f->clear_view + 12;
	} else {
		r->off = f->offset;
		r->touch = fields_intid_bits(f, ~used & 0xffff0000u);
		if (f->flags & FB_SET)
			r->clear = region + f->clear_view;
	}
	if (!r->touch) {
		note(t, "%s: %s: every PPI in use: not written", tg->d->path, f->name);
		return -1;
	}
	return 0;
}

int bits_gic_place(struct test_ctx *t, const struct mmio_target *tg, struct bits_run *r,
		   uintptr_t base)
{
	const struct reg_fields *f = r->f;
	int rc = 0;

	r->off = f->offset;
	r->touch = (f->flags & FB_64) ? ~0ull : 0xffffffffull;
	if (f->flags & FB_SET)
		r->clear = base + f->clear_view;
	if (f->sel == SEL_SPI)
		rc = place_spi(t, tg, r, base);
	else if (f->sel == SEL_SGI)
		rc = place_sgi(t, tg, r, base);
	r->a = base + r->off;
	return rc;
}
