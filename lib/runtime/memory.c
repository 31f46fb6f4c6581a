// SPDX-License-Identifier: MIT
#include "runtime/memory.h"

#include <libfdt.h>

#include "boot/mmu.h"
#include "boot/probe.h"
#include "runtime/arena.h"
#include "util/util.h"

uint32_t dtb_extent(const void *dtb, const char **why)
{
	struct probe_outcome magic, size;

	*why = NULL;
	if (!dtb) {
		*why = "no device tree was passed (x0 = 0)";
		return 0;
	}
	if ((uintptr_t)dtb & 7) {
		*why = "device tree address is not 8-byte aligned";
		return 0;
	}
	if (probe_read((uintptr_t)dtb, 32, &magic) || probe_read((uintptr_t)dtb + 4, 32, &size)) {
		*why = "device tree address does not read (abort)";
		return 0;
	}
	uint32_t n = fdt32_to_cpu((fdt32_t)size.value);
	/* Map enough for libfdt to read the header and report what is wrong. */
	if (fdt32_to_cpu((fdt32_t)magic.value) != FDT_MAGIC || n < sizeof(struct fdt_header))
		return PAGE_SIZE;
	return MIN(n, 2u << 20);
}

/* A bank that overlaps a described device is left Device: a lying memory
 * node must not turn MMIO into cacheable memory (the dt suite reports it). */
static int bank_overlaps_device(const struct platform *p, const struct addr_range *b)
{
	struct dt_reg_iter it = dt_regs_overlapping(p, b->base, b->size);

	it.include_disabled = 1;

	return dt_next_reg(&it);
}

unsigned memory_map(uintptr_t image_base, uintptr_t image_end, const void *dtb, uint32_t dtb_size,
		    const struct platform *p, const struct mmu_pool *pool)
{
	struct mmu_normal_range r[PLAT_MAX_BANKS + 2];
	int n = 0;

	r[n++] = (struct mmu_normal_range){ image_base, image_end - image_base };
	if (dtb_size)
		r[n++] = (struct mmu_normal_range){ (uintptr_t)dtb, dtb_size };
	for (int i = 0; p && i < p->nbanks; i++)
		if (p->banks[i].size && !bank_overlaps_device(p, &p->banks[i]))
			r[n++] = (struct mmu_normal_range){ p->banks[i].base, p->banks[i].size };
	return mmu_switch(r, n, pool);
}

/* The full map's tables: as many as the map ever took from its old static pool. */
#define MAP_PAGES 128

unsigned memory_map_runtime(uintptr_t image_base, uintptr_t image_end, const void *dtb,
			    uint32_t dtb_size, const struct platform *p, unsigned mapped_bits)
{
	if (!arena_setup(p, image_base, image_end, mapped_bits))
		return 0;
	/* Written while the first map has the arena Device: not zeroed with memset here. */
	struct mmu_pool pool = { arena_take(MAP_PAGES * PAGE_SIZE, PAGE_SIZE), MAP_PAGES, 1 };
	unsigned bits = pool.pages ? memory_map(image_base, image_end, dtb, dtb_size, p, &pool) : 0;
	if (!bits)
		arena_drop(pool.pages ? "the page tables did not fit in their pool"
				      : "the page tables do not fit in it");
	return bits;
}
