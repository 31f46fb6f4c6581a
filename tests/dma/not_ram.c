// SPDX-License-Identifier: MIT
/* Addresses that are not RAM, from the DT (tests/dma/not_ram.h). */
#include "tests/dma/not_ram.h"

#include <stddef.h>

#include "util/util.h"

#define HOLE_STEP 0x10000

static int on_device(const struct platform *p, uint64_t a, uint64_t len)
{
	for (int i = 0; i < p->ndevices; i++)
		for (int r = 0; r < p->devices[i].nreg; r++) {
			const struct addr_range *g = &p->devices[i].reg[r];
			if (a < g->base + g->size && g->base < a + len)
				return 1;
		}
	return 0;
}

static int overlaps(const struct platform *p, uint64_t a, uint64_t len)
{
	for (int b = 0; b < p->nbanks; b++)
		if (a < p->banks[b].base + p->banks[b].size && p->banks[b].base < a + len)
			return 1;
	return on_device(p, a, len);
}

/* The first 64 KiB below RAM, past a DT device's end, that nothing in the DT covers. */
static uint64_t hole(const struct platform *p)
{
	uint64_t ram = p->nbanks ? p->banks[0].base : 0;

	for (int i = 0; i < p->ndevices; i++)
		for (int r = 0; r < p->devices[i].nreg; r++) {
			const struct addr_range *g = &p->devices[i].reg[r];
			uint64_t c =
				(g->base + g->size + HOLE_STEP - 1) & ~(uint64_t)(HOLE_STEP - 1);
			if (c && c + HOLE_STEP <= ram && !overlaps(p, c, HOLE_STEP))
				return c;
		}
	return 0;
}

/* The last bank no DT device overlaps: a bank on a device is not RAM to write. */
static const struct addr_range *last_ram(const struct platform *p)
{
	for (int b = p->nbanks - 1; b >= 0; b--)
		if (!on_device(p, p->banks[b].base, p->banks[b].size))
			return &p->banks[b];
	return NULL;
}

unsigned not_ram_targets(const struct platform *p, const struct dt_device *own, uint32_t in_ram,
			 struct not_ram *out)
{
	const struct dt_device *rtc = platform_find_compatible(p, "arm,pl031", 0);
	const struct dt_device *flash = platform_find_compatible(p, "cfi-flash", 0);
	unsigned n = 0;

	if (rtc && rtc->nreg)
		out[n++] = (struct not_ram){ "another device's MMIO window", rtc->reg[0].base,
					     rtc->reg[0].size, NOT_RAM_MMIO };
	if (flash && flash->nreg)
		out[n++] = (struct not_ram){ "flash", flash->reg[0].base, flash->reg[0].size,
					     NOT_RAM_FLASH };
	uint64_t h = hole(p);
	if (h)
		out[n++] = (struct not_ram){ "a hole nothing decodes", h, HOLE_STEP, NOT_RAM_HOLE };
	if (own && own->nreg)
		out[n++] = (struct not_ram){ "the DMA device's own window", own->reg[0].base,
					     own->reg[0].size, NOT_RAM_OWN };
	const struct addr_range *last = last_ram(p);
	if (last)
		out[n++] = (struct not_ram){ "across the end of RAM",
					     last->base + last->size - in_ram, 0, NOT_RAM_RAM_END };
	return n;
}

const char *not_ram_kind_name(enum not_ram_kind kind)
{
	static const char *const names[] = {
		[NOT_RAM_MMIO] = "other-mmio", [NOT_RAM_FLASH] = "flash",
		[NOT_RAM_HOLE] = "hole",       [NOT_RAM_OWN] = "own-window",
		[NOT_RAM_RAM_END] = "ram-end",
	};

	return kind < ARRAY_SIZE(names) ? names[kind] : "other";
}

int not_ram_unused(const struct test_ctx *t, uint64_t a, uint64_t len)
{
	const struct platform *p = t->plat;
	uintptr_t fdt = (uintptr_t)p->fdt;

	return !ranges_overlap(a, len, t->boot->image_base,
			       t->boot->image_end - t->boot->image_base) &&
	       !(fdt && ranges_overlap(a, len, fdt, p->fdt_size)) && !dt_reserved_at(p, a, len);
}
