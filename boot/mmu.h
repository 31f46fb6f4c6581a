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

#endif
