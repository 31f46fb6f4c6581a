// SPDX-License-Identifier: MIT
#include "boot/mmu.h"

#include "boot/aarch64/sysreg.h"
#include "util/util.h"

#define ENTRIES 512
/*
 * The first map (all PA space Device, the image and DTB Normal) is built in
 * the image: a root, one level-1 table per 512 GiB of the mapped PA bits
 * (32 at 44), and at most two level-2 and two level-3 tables for each of
 * the image and the DTB. Later maps are built in memory the caller gives.
 */
#define BOOT_POOL_PAGES 41
/* 4 KiB granule, start at level 0; 16 level-1 tables cover 44 bits. */
#define MAX_MAPPED_BITS 44

#define DESC_VALID    (1ull << 0)
#define DESC_TABLE    (1ull << 1) /* table at L0-L2, page at L3 */
#define DESC_ATTR(i)  ((uint64_t)(i) << 2)
#define DESC_SH_INNER (3ull << 8)
#define DESC_AF	      (1ull << 10)
#define DESC_NG	      (1ull << 11) /* tagged with the map's ASID: see mmu_switch */
#define DESC_PXN      (1ull << 53)
#define DESC_UXN      (1ull << 54)
#define ADDR_MASK     0x0000fffffffff000ull

#define MAIR_DEVICE_nGnRE 0x04
#define MAIR_NORMAL_WB	  0xff
#define ATTR_DEVICE	  0
#define ATTR_NORMAL	  1

#define DEVICE_BLOCK (DESC_VALID | DESC_ATTR(ATTR_DEVICE) | DESC_AF | DESC_NG | DESC_PXN | DESC_UXN)
#define NORMAL_BLOCK (DESC_VALID | DESC_ATTR(ATTR_NORMAL) | DESC_SH_INNER | DESC_AF | DESC_NG)

static uint64_t boot_pool[BOOT_POOL_PAGES][ENTRIES] __attribute__((aligned(PAGE_SIZE)));
/* The pool the map being built takes its tables from; the maps made so far (the ASID). */
static uint64_t (*pool)[ENTRIES];
static unsigned pool_pages, pool_used, maps;
static unsigned live_bits; /* what the live map reaches */

static uint64_t *alloc_table(void)
{
	if (pool_used >= pool_pages)
		return 0;
	uint64_t *t = pool[pool_used++];
	for (int i = 0; i < ENTRIES; i++)
		((volatile uint64_t *)t)[i] = 0;
	return t;
}

static unsigned level_shift(int level)
{
	return 39 - 9 * level;
}

/* Map [va, va + size) with leaf attributes attr at level and below. */
static int map(uint64_t *table, int level, uint64_t va, uint64_t size, uint64_t attr)
{
	uint64_t block = 1ull << level_shift(level);

	while (size) {
		unsigned idx = (va >> level_shift(level)) & (ENTRIES - 1);
		uint64_t start = ALIGN_DOWN(va, block);
		uint64_t span = start + block - va;
		if (span > size)
			span = size;
		uint64_t *e = &table[idx];
		if (level >= 1 && va == start && span == block) {
			*e = (va & ADDR_MASK) | attr | (level == 3 ? DESC_TABLE : 0);
		} else {
			uint64_t *next;
			if ((*e & 3) == (DESC_VALID | DESC_TABLE)) {
				next = (uint64_t *)(uintptr_t)(*e & ADDR_MASK);
			} else {
				uint64_t old = *e;
				next = alloc_table();
				if (!next)
					return -1;
				if (old & DESC_VALID) { /* split a block, keeping its attributes */
					uint64_t sub = 1ull << level_shift(level + 1);
					uint64_t keep = old & ~ADDR_MASK & ~DESC_TABLE;
					for (int i = 0; i < ENTRIES; i++)
						next[i] = ((start + i * sub) & ADDR_MASK) | keep |
							  (level + 1 == 3 ? DESC_TABLE : 0);
				}
				*e = (uintptr_t)next | DESC_VALID | DESC_TABLE;
			}
			if (map(next, level + 1, va, span, attr))
				return -1;
		}
		va += span;
		size -= span;
	}
	return 0;
}

/*
 * Tables written with the MMU off went straight to memory; drop any stale
 * cache lines over them so the (cacheable) table walk sees what we wrote.
 */
static void invalidate_tables(void)
{
	unsigned line = 4u << ((sysreg_read(ctr_el0) >> 16) & 0xf);

	for (unsigned i = 0; i < pool_used; i++)
		for (uintptr_t a = (uintptr_t)pool[i]; a < (uintptr_t)pool[i + 1]; a += line)
			__asm__ volatile("dc ivac, %0" ::"r"(a) : "memory");
	dsb(sy);
}

unsigned mmu_pa_bits(void)
{
	static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52 };
	unsigned r = sysreg_read(id_aa64mmfr0_el1) & 0xf;

	return r < ARRAY_SIZE(bits) ? bits[r] : 48;
}

unsigned mmu_switch(const struct mmu_normal_range *normal, int n, const struct mmu_pool *tables)
{
	unsigned pa = mmu_pa_bits();
	unsigned mapped = MIN(pa, MAX_MAPPED_BITS);
	unsigned va = MAX(mapped, 40);
	uint64_t limit = 1ull << mapped;
	int uncached = !(sysreg_read(sctlr_el1) & 1);

	if (tables) {
		pool = tables->pages;
		pool_pages = tables->npages;
		uncached |= tables->uncached;
	} else {
		pool = boot_pool;
		pool_pages = BOOT_POOL_PAGES;
	}
	pool_used = 0;
	uint64_t *root = alloc_table();
	if (!root)
		return 0;
	if (map(root, 0, 0, limit, DEVICE_BLOCK))
		return 0;
	for (int i = 0; i < n; i++) {
		uint64_t base = ALIGN_DOWN(normal[i].base, PAGE_SIZE);
		uint64_t end = ALIGN_UP(normal[i].base + normal[i].size, PAGE_SIZE);
		if (end > limit)
			end = limit;
		if (base < end && map(root, 0, base, end - base, NORMAL_BLOCK))
			return 0;
	}
	uint64_t ips = (sysreg_read(id_aa64mmfr0_el1) & 0xf) > 5
			       ? 5
			       : (sysreg_read(id_aa64mmfr0_el1) & 0xf);
	uint64_t tcr =
		(64 - va) | (1ull << 8) | (1ull << 10) | (3ull << 12) | (1ull << 23) | (ips << 32);

	if (uncached)
		invalidate_tables();
	dsb(ish);
	sysreg_write(mair_el1, (MAIR_NORMAL_WB << 8) | MAIR_DEVICE_nGnRE);
	sysreg_write(tcr_el1, tcr);
	isb();
	/*
	 * Each map has its own ASID (all entries are non-global), so entries of
	 * the map being left never meet the new map's in the TLB: no break-
	 * before-make is needed for a region that changes from Device to Normal.
	 */
	maps++;
	sysreg_write(ttbr0_el1, (uintptr_t)root | ((uint64_t)(maps % 2 + 1) << 48));
	isb();
	__asm__ volatile("tlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
	/* M, C, I on; A (alignment check) off so Normal memory allows unaligned. */
	uint64_t sctlr = sysreg_read(sctlr_el1);
	sctlr = (sctlr | 1 | (1 << 2) | (1 << 12)) & ~2ull;
	sysreg_write(sctlr_el1, sctlr);
	isb();
	live_bits = mapped;
	return mapped;
}

/* The identity map reaches the PA size (up to 44 bits): no area, a window is the identity. */
int mmu_window_area(uint64_t base, uint64_t size)
{
	(void)base;
	(void)size;
	return -1;
}

uint64_t mmu_identity_end(void)
{
	return 1ull << live_bits;
}

uint64_t mmu_window_reach(void)
{
	return 1ull << live_bits;
}

uintptr_t mmu_window(uint64_t pa, uint64_t size)
{
	return size && pa + size >= pa && pa + size <= mmu_window_reach() ? (uintptr_t)pa : 0;
}

void mmu_window_close(uintptr_t va)
{
	(void)va;
}

unsigned mmu_tables_used(void)
{
	return pool_used;
}
