/* SPDX-License-Identifier: MIT */
/*
 * Identity map: RAM (from the DT) Normal write-back, everything else up to
 * the PA size Device-nGnRE, so that a probe anywhere reaches the platform and
 * any fault seen is the platform's, not ours.
 */
#ifndef BOOT_MMU_H
#define BOOT_MMU_H

#include <stdint.h>

/* PA size from ID_AA64MMFR0_EL1.PARange, in bits. */
unsigned mmu_pa_bits(void);

struct mmu_normal_range {
	uint64_t base, size;
};

/* Memory for a map's tables: npages 4 KiB pages, page-aligned. */
struct mmu_pool {
	uint64_t (*pages)[512];
	unsigned npages;
	int uncached; /* the live map reaches it non-cacheable (Device): drop stale lines */
};

/*
 * Build a map of all PA space as Device with the given ranges Normal, in
 * tables from pool (NULL: the image's own, for the first map only), then
 * switch to it (the MMU may be on or off). Returns the mapped PA bits or 0
 * when the pool ran out (the previous map stays).
 */
unsigned mmu_switch(const struct mmu_normal_range *normal, int n, const struct mmu_pool *pool);
/* The tables the last map built took. */
unsigned mmu_tables_used(void);

/*
 * Windows: PA the identity map does not reach (AArch32: above 4 GiB) seen
 * at VA the identity map does not need. The runtime names that area (2 MiB
 * aligned; no DT region, bank, reservation or the image in it) before it
 * builds its map; mmu_switch then keeps the area in 2 MiB entries, which a
 * window replaces and closing puts back (break-before-make, TLBs invalidated
 * inner shareable). Where the identity map reaches every PA (AArch64) there
 * is no area and a window is the identity address.
 * mmu_window_area: 0, or -1 when the area overlaps a Normal range or this
 * architecture keeps none.
 */
int mmu_window_area(uint64_t base, uint64_t size);
/* The first PA the identity map does not reach (a window there is the identity address). */
uint64_t mmu_identity_end(void);
/* The first PA no window (nor the identity map) reaches: 2^pa_bits when the live map has the
 * area, else 2^mapped. */
uint64_t mmu_window_reach(void);
/* [pa, pa + size) Device at the returned VA (the identity address when the map reaches it);
 * 0 when it cannot (beyond the reach, or the area is full). */
uintptr_t mmu_window(uint64_t pa, uint64_t size);
/* Give back the window at va (mmu_window's; an identity address is ignored). */
void mmu_window_close(uintptr_t va);

#endif
