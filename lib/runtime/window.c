// SPDX-License-Identifier: MIT
#include "runtime/window.h"

#include <stdio.h>

#include "boot/mmu.h"
#include "dt/windows.h"
#include "runtime/arena.h"
#include "runtime/window_pick.h"
#include "util/util.h"

#define AREA_ALIGN (2ull << 20)
#define AREA_MAX   (1ull << 30)
#define OPEN_MAX   8

static struct addr_range area;
static const char *why = "the DT gives no memory bank: no run-time map, no window area";
static uintptr_t opened[OPEN_MAX];

/* What the area may not touch, besides the DT's regs and banks. */
#define EXTRA_MAX (3 + PLAT_MAX_RESERVED + DT_MAX_WINDOWS)
static struct addr_range extra[EXTRA_MAX];
static int nextra;

/* Is s inside a range? *end: the furthest end of those that hold it; *next: the nearest base
 * above s. */
static int held(const void *ctx, uint64_t s, uint64_t *end, uint64_t *next)
{
	const struct platform *p = ctx;
	int in = 0;
#define CONSIDER(b, sz)                                                                            \
	do {                                                                                       \
		uint64_t b_ = (b), e_ = (b) + (sz) < (b) ? UINT64_MAX : (b) + (sz);                \
		if ((sz) && b_ <= s && e_ > s) {                                                   \
			in = 1;                                                                    \
			*end = MAX(*end, e_);                                                      \
		} else if ((sz) && b_ > s) {                                                       \
			*next = MIN(*next, b_);                                                    \
		}                                                                                  \
	} while (0)
	for (int i = 0; i < p->nbanks; i++)
		CONSIDER(p->banks[i].base, p->banks[i].size);
	for (int i = 0; i < nextra; i++)
		CONSIDER(extra[i].base, extra[i].size);
	struct dt_reg_iter it = { .p = p, .include_disabled = 1 };
	while (dt_next_reg(&it))
		CONSIDER(it.r->base, it.r->size);
#undef CONSIDER
	return in;
}

const char *window_plan(const struct platform *p, uintptr_t image_base, uintptr_t image_end,
			unsigned mapped_bits, unsigned pa_bits)
{
	uint64_t limit = 1ull << mapped_bits;
	struct dt_window w[DT_MAX_WINDOWS];

	area = (struct addr_range){ 0, 0 };
	if (mapped_bits >= pa_bits)
		return why = "the identity map reaches every PA: no window is needed";
	if (!p->fdt_valid)
		return why = "no device tree: where nothing lies is unknown";
	if (p->reserved_dropped || p->devices_dropped)
		return why = "the DT has more reservations or devices than the harness keeps: "
			     "where nothing lies is unknown";
	nextra = 0;
	extra[nextra++] = (struct addr_range){ image_base, image_end - image_base };
	extra[nextra++] = (struct addr_range){ (uintptr_t)p->fdt, p->fdt_size };
	if (chosen_initrd(p, &extra[nextra]))
		nextra++;
	for (int i = 0; i < p->nreserved; i++)
		extra[nextra++] = p->reserved[i].range;
	int nw = dt_bus_windows(p, w, DT_MAX_WINDOWS);
	for (int i = 0; i < nw; i++)
		extra[nextra++] = w[i].range;
	area = window_pick(held, p, limit, AREA_ALIGN, AREA_MAX);
	if (!area.size)
		return why = "no 2 MiB of VA below 4 GiB is free of what the DT describes";
	if (mmu_window_area(area.base, area.size)) {
		area = (struct addr_range){ 0, 0 };
		return why = "the MMU keeps no window area here";
	}
	return why = NULL;
}

struct addr_range window_area(void)
{
	return area;
}

const char *window_why(void)
{
	if (!why && mmu_window_reach() <= 1ull << 32 && area.size)
		return "the run-time map was not built: the area is not in it";
	return why;
}

int window_identity(uint64_t pa, uint64_t size)
{
	return pa + size >= pa && pa + size <= mmu_identity_end();
}

uint64_t window_reach(void)
{
	return mmu_window_reach();
}

/* The VA a window onto [pa, pa + size) takes: its 2 MiB blocks. */
static uint64_t window_span(uint64_t pa, uint64_t size)
{
	return ALIGN_UP(pa + size, AREA_ALIGN) - ALIGN_DOWN(pa, AREA_ALIGN);
}

const char *window_cannot(uint64_t pa, uint64_t size)
{
	if (window_identity(pa, size))
		return NULL;
	if (pa + size < pa || pa + size > window_reach())
		return window_why() ? window_why() : "beyond the PA size";
	if (window_span(pa, size) > area.size) {
		static char buf[120];
		snprintf(buf, sizeof(buf),
			 "a window onto it takes 0x%llx bytes of VA; the window area has 0x%llx",
			 (unsigned long long)window_span(pa, size), (unsigned long long)area.size);
		return buf;
	}
	return NULL;
}

uintptr_t window_open(uint64_t pa, uint64_t size, const char **reason)
{
	*reason = NULL;
	if (window_identity(pa, size))
		return (uintptr_t)pa;
	uintptr_t va = mmu_window(pa, size);

	if (!va) {
		*reason = window_cannot(pa, size);
		if (!*reason)
			*reason = "the window area is full (other windows are open)";
		return 0;
	}
	if (va != pa)
		for (int i = 0; i < OPEN_MAX; i++)
			if (!opened[i]) {
				opened[i] = va;
				break;
			}
	return va;
}

void window_close(uintptr_t va)
{
	for (int i = 0; i < OPEN_MAX; i++)
		if (opened[i] == va)
			opened[i] = 0;
	mmu_window_close(va);
}

void window_close_all(void)
{
	for (int i = 0; i < OPEN_MAX; i++)
		if (opened[i])
			window_close(opened[i]);
}

static int through(uint64_t pa, unsigned width, int write, uint64_t v, struct probe_outcome *o)
{
	const char *reason;
	uintptr_t va = window_open(pa, width / 8, &reason);

	if (!va && reason) {
		*o = (struct probe_outcome){ 0 };
		return -2;
	}
	int rc = write ? probe_write(va, width, v, o) : probe_read(va, width, o);
	if (o->faulted && o->far >= va && o->far - va < width / 8)
		o->far = pa + (o->far - va);
	if (va != pa)
		window_close(va);
	return rc;
}

int window_probe_read(uint64_t pa, unsigned width, struct probe_outcome *o)
{
	return through(pa, width, 0, 0, o);
}

int window_probe_write(uint64_t pa, unsigned width, uint64_t v, struct probe_outcome *o)
{
	return through(pa, width, 1, v, o);
}
