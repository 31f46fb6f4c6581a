// SPDX-License-Identifier: MIT
/*
 * boot/mmu.h on AArch32: LPAE long-descriptor tables (TTBCR.EAE, DDI 0487
 * G5.5), 4 KiB granule, a 32-bit VA from level 1 (four 1 GiB entries). The
 * identity map reaches the first 4 GiB of PA: mmu_switch says 32 bits. The
 * rest of the 40-bit PA is reached through windows (boot/mmu.h) in an area
 * of VA the runtime names, kept in level-2 entries of 2 MiB.
 */
#include "boot/mmu.h"

#include "boot/arm/sysreg.h"
#include "util/util.h"

#define ENTRIES	   512
#define POOL_PAGES 16 /* the root, four level-2 tables and a few split blocks */
#define VA_BITS	   32

#define DESC_VALID    (1ull << 0)
#define DESC_TABLE    (1ull << 1) /* table at levels 1-2, page at level 3 */
#define DESC_ATTR(i)  ((uint64_t)(i) << 2)
#define DESC_SH_INNER (3ull << 8)
#define DESC_AF	      (1ull << 10)
#define DESC_NG	      (1ull << 11) /* tagged with the map's ASID: see mmu_switch */
#define DESC_PXN      (1ull << 53)
#define DESC_XN	      (1ull << 54)
#define ADDR_MASK     0x000000fffffff000ull

#define MAIR_DEVICE_nGnRE 0x04
#define MAIR_NORMAL_WB	  0xff
#define ATTR_DEVICE	  0
#define ATTR_NORMAL	  1

#define DEVICE_BLOCK (DESC_VALID | DESC_ATTR(ATTR_DEVICE) | DESC_AF | DESC_NG | DESC_PXN | DESC_XN)
#define NORMAL_BLOCK (DESC_VALID | DESC_ATTR(ATTR_NORMAL) | DESC_SH_INNER | DESC_AF | DESC_NG)

/* TTBCR: long descriptors, T0SZ 0, walks Normal WB inner shareable, no TTBR1 walks. */
#define TTBCR_LPAE (1u << 31 | 1u << 8 | 1u << 10 | 3u << 12 | 1u << 23)

/* Two pools of the image's own, for maps built without one given: the next map is built
 * while the current one is live. A given pool (mmu_switch's) is the caller's to keep apart. */
static uint64_t pool[2][POOL_PAGES][ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static uint64_t (*cur)[ENTRIES];
static unsigned cur_pages, pool_used, pool_sel, maps;

/* The window area (2 MiB blocks), whether the live map keeps it in level-2 entries, and the
 * blocks the open windows hold (each window: its first block's index, its length). */
#define WIN_BLOCK     (2ull << 20)
#define WIN_MAX_BYTES (1ull << 30)
#define WIN_BLOCKS    (WIN_MAX_BYTES / WIN_BLOCK)
#define WIN_SLOTS     8
static uint64_t area_base, area_size;
static uint64_t *live_root;
static struct {
	unsigned first, n;
} win[WIN_SLOTS];
static uint8_t win_used[WIN_BLOCKS];

static uint64_t *alloc_table(void)
{
	if (pool_used >= cur_pages)
		return 0;
	uint64_t *t = cur[pool_used++];
	for (int i = 0; i < ENTRIES; i++)
		((volatile uint64_t *)t)[i] = 0;
	return t;
}

/* Level 1: 1 GiB, level 2: 2 MiB, level 3: 4 KiB. */
static unsigned level_shift(int level)
{
	return 39 - 9 * level;
}

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
		/* The window area is kept in 2 MiB entries: a window replaces one alone. */
		int in_area = level < 2 && area_size && va < area_base + area_size &&
			      va + span > area_base;
		if (va == start && span == block && !in_area) {
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

/* Tables written with the MMU off went to memory: drop stale lines over them. */
static void invalidate_tables(void)
{
	unsigned line = 4u << ((sysreg_read(CTR) >> 16) & 0xf);

	for (unsigned i = 0; i < pool_used; i++)
		for (uintptr_t a = (uintptr_t)cur[i]; a < (uintptr_t)cur[i] + PAGE_SIZE; a += line)
			cp15_write(0, c7, c6, 1, a); /* DCIMVAC */
	dsb(sy);
}

/* With LPAE (ID_MMFR0.VMSA 5 or more) the PA is 40 bits; without it, 32. */
unsigned mmu_pa_bits(void)
{
	return (sysreg_read(ID_MMFR0) & 0xf) >= 5 ? 40 : 32;
}

unsigned mmu_switch(const struct mmu_normal_range *normal, int n, const struct mmu_pool *tables)
{
	uint64_t limit = 1ull << VA_BITS;
	int uncached = !(sysreg_read(SCTLR) & 1);

	if ((sysreg_read(ID_MMFR0) & 0xf) < 5)
		return 0; /* no LPAE: a CPU the image is not built for */
	if (tables) {
		cur = tables->pages;
		cur_pages = tables->npages;
		uncached |= tables->uncached;
	} else {
		pool_sel ^= 1;
		cur = pool[pool_sel];
		cur_pages = POOL_PAGES;
	}
	pool_used = 0;
	uint64_t *root = alloc_table();
	if (!root || map(root, 1, 0, limit, DEVICE_BLOCK))
		return 0;
	int area_ok = area_size != 0;
	for (int i = 0; i < n; i++) {
		uint64_t base = ALIGN_DOWN(normal[i].base, PAGE_SIZE);
		uint64_t end = ALIGN_UP(normal[i].base + normal[i].size, PAGE_SIZE);
		if (end > limit)
			end = limit;
		if (base < end && map(root, 1, base, end - base, NORMAL_BLOCK))
			return 0;
		if (base < area_base + area_size && end > area_base)
			area_ok = 0; /* the runtime's promise broken: no windows */
	}
	if (uncached)
		invalidate_tables();
	dsb(ish);
	sysreg_write(MAIR0, (MAIR_NORMAL_WB << 8) | MAIR_DEVICE_nGnRE);
	sysreg_write(TTBCR, TTBCR_LPAE);
	isb();
	/* Each map has its own ASID (non-global entries), as on AArch64 (boot/aarch64/mmu.c). */
	maps++;
	sysreg_write64(TTBR0_64, (uintptr_t)root | ((uint64_t)(maps % 2 + 1) << 48));
	isb();
	cp15_write(0, c8, c7, 0, 0); /* TLBIALL */
	dsb(ish);
	isb();
	/* M, C, I on; A (alignment check) off so Normal memory allows unaligned. */
	uint32_t sctlr = sysreg_read(SCTLR);
	sctlr = (sctlr | 1 | (1 << 2) | (1 << 12)) & ~2u;
	sysreg_write(SCTLR, sctlr);
	isb();
	live_root = area_ok ? root : 0;
	for (unsigned i = 0; i < WIN_SLOTS; i++)
		win[i].n = 0; /* the new map has none open */
	for (unsigned i = 0; i < WIN_BLOCKS; i++)
		win_used[i] = 0;
	return VA_BITS;
}

int mmu_window_area(uint64_t base, uint64_t size)
{
	if (base % WIN_BLOCK || size % WIN_BLOCK || size > WIN_MAX_BYTES ||
	    base + size > (1ull << VA_BITS))
		return -1;
	area_base = base;
	area_size = size;
	return 0;
}

uint64_t mmu_identity_end(void)
{
	return 1ull << VA_BITS;
}

uint64_t mmu_window_reach(void)
{
	return 1ull << (live_root ? mmu_pa_bits() : VA_BITS);
}

/* Level-2 entry of va in the area (mmu_switch split its level-1 entries into tables). */
static volatile uint64_t *area_entry(uint64_t va)
{
	uint64_t l1 = live_root[va >> 30];
	return &((volatile uint64_t *)(uintptr_t)(l1 & ADDR_MASK))[(va >> 21) & (ENTRIES - 1)];
}

/*
 * Point n blocks of the area from block first at pa (or back at themselves: the identity,
 * Device). Break-before-make: nothing uses these VAs meanwhile (the area is the runtime's).
 */
static void area_set(unsigned first, unsigned n, uint64_t pa, int identity)
{
	for (unsigned i = 0; i < n; i++)
		*area_entry(area_base + (uint64_t)(first + i) * WIN_BLOCK) = 0;
	dsb(ish);
	cp15_write(0, c8, c3, 0, 0); /* TLBIALLIS */
	dsb(ish);
	isb();
	for (unsigned i = 0; i < n; i++) {
		uint64_t va = area_base + (uint64_t)(first + i) * WIN_BLOCK;
		*area_entry(va) =
			((identity ? va : pa + (uint64_t)i * WIN_BLOCK) & ADDR_MASK) | DEVICE_BLOCK;
	}
	dsb(ish);
	isb();
}

uintptr_t mmu_window(uint64_t pa, uint64_t size)
{
	uint64_t end = pa + size;

	if (!size || end < pa)
		return 0;
	if (end <= 1ull << VA_BITS)
		return (uintptr_t)pa;
	if (!live_root || end > mmu_window_reach())
		return 0;
	uint64_t base = ALIGN_DOWN(pa, WIN_BLOCK);
	uint64_t n = (ALIGN_UP(end, WIN_BLOCK) - base) / WIN_BLOCK;
	unsigned blocks = (unsigned)(area_size / WIN_BLOCK), slot = WIN_SLOTS;
	for (unsigned i = 0; i < WIN_SLOTS; i++)
		if (!win[i].n) {
			slot = i;
			break;
		}
	if (slot == WIN_SLOTS || n > blocks)
		return 0;
	for (unsigned first = 0; first + n <= blocks; first++) { /* first fit */
		unsigned k = 0;
		while (k < n && !win_used[first + k])
			k++;
		if (k < n) {
			first += k;
			continue;
		}
		for (k = 0; k < n; k++)
			win_used[first + k] = 1;
		win[slot].first = first;
		win[slot].n = (unsigned)n;
		area_set(first, (unsigned)n, base, 0);
		return (uintptr_t)(area_base + (uint64_t)first * WIN_BLOCK + (pa - base));
	}
	return 0;
}

void mmu_window_close(uintptr_t va)
{
	if (!live_root || va < area_base || va >= area_base + area_size)
		return;
	unsigned first = (unsigned)((va - area_base) / WIN_BLOCK);
	for (unsigned i = 0; i < WIN_SLOTS; i++)
		if (win[i].n && win[i].first == first) {
			area_set(first, win[i].n, 0, 1);
			for (unsigned k = 0; k < win[i].n; k++)
				win_used[first + k] = 0;
			win[i].n = 0;
			return;
		}
}

unsigned mmu_tables_used(void)
{
	return pool_used;
}
