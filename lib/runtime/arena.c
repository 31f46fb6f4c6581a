// SPDX-License-Identifier: MIT
#include "runtime/arena.h"

#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "boot/probe.h"
#include "util/util.h"

static struct addr_range arena;
static uint64_t used;
static const char *why = "not set up";

/*
 * The most ranges one bank's free spans are cut by: image, DTB, initrd, and
 * reservations: the model's, or when it dropped some, read from the blob
 * here, up to RESERVED_READ_MAX (past it, where free RAM is is unknown).
 */
#define RESERVED_READ_MAX 64
#define CUTS_MAX	  (3 + RESERVED_READ_MAX)

/* /chosen linux,initrd-start/-end, one or two cells each; 0 when absent or malformed. */
int chosen_initrd(const struct platform *p, struct addr_range *r)
{
	uint64_t v[2];
	const char *names[2] = { "linux,initrd-start", "linux,initrd-end" };

	if (!p->fdt_valid || p->chosen_node < 0)
		return 0;
	for (int i = 0; i < 2; i++) {
		int len = 0;
		const fdt32_t *c = fdt_getprop(p->fdt, p->chosen_node, names[i], &len);
		if (len == 4)
			v[i] = fdt32_to_cpu(c[0]);
		else if (len == 8)
			v[i] = (uint64_t)fdt32_to_cpu(c[0]) << 32 | fdt32_to_cpu(c[1]);
		else
			return 0;
	}
	if (v[1] <= v[0])
		return 0;
	*r = (struct addr_range){ v[0], v[1] - v[0] };
	return 1;
}

static uint64_t cells_at(const fdt32_t *c, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = v << 32 | fdt32_to_cpu(c[i]);
	return v;
}

/*
 * Every reservation of the blob (the header's block, each /reserved-memory
 * child's reg in that node's cells), past the model's limit; the count, or
 * -1 when there are more than max or a reg cannot be read.
 */
static int blob_reservations(const struct platform *p, struct addr_range *cut, int max)
{
	const void *fdt = p->fdt;
	int n = 0, rm = fdt_path_offset(fdt, "/reserved-memory"), child;

	for (int i = 0; i < fdt_num_mem_rsv(fdt); i++) {
		uint64_t base, size;
		if (n >= max || fdt_get_mem_rsv(fdt, i, &base, &size))
			return -1;
		cut[n++] = (struct addr_range){ base, size };
	}
	if (rm < 0)
		return n;
	int ac = fdt_address_cells(fdt, rm), sc = fdt_size_cells(fdt, rm);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -1;
	fdt_for_each_subnode(child, fdt, rm)
	{
		int len = 0;
		const fdt32_t *reg = fdt_getprop(fdt, child, "reg", &len);
		for (int at = 0; reg && at + (ac + sc) * 4 <= len; at += (ac + sc) * 4) {
			if (n >= max)
				return -1;
			cut[n++] = (struct addr_range){ cells_at(reg + at / 4, ac),
							cells_at(reg + at / 4 + ac, sc) };
		}
	}
	return n;
}

static int bank_overlaps_device(const struct platform *p, const struct addr_range *b)
{
	struct dt_reg_iter it = dt_regs_overlapping(p, b->base, b->size);

	it.include_disabled = 1;
	return dt_next_reg(&it);
}

/* The largest page-aligned span of [base, end) that no cut overlaps. */
static struct addr_range largest_free(uint64_t base, uint64_t end, const struct addr_range *cut,
				      int ncut)
{
	struct addr_range best = { 0, 0 };
	uint64_t a = ALIGN_UP(base, PAGE_SIZE), top = ALIGN_DOWN(end, PAGE_SIZE);

	while (a < top) {
		uint64_t next = top;
		int inside = 0;
		for (int i = 0; i < ncut && !inside; i++) {
			uint64_t cb = ALIGN_DOWN(cut[i].base, PAGE_SIZE);
			uint64_t ce = cut[i].base + cut[i].size;
			ce = ce < cut[i].base || ce > top ? top : ALIGN_UP(ce, PAGE_SIZE);
			if (!cut[i].size)
				continue;
			if (cb <= a && a < ce) { /* a is taken: go on after this cut */
				a = ce;
				inside = 1;
			} else if (cb > a && cb < next) {
				next = cb;
			}
		}
		if (inside)
			continue;
		if (next - a > best.size)
			best = (struct addr_range){ a, next - a };
		a = next;
	}
	return best;
}

/* Each page of r reads (a bank that claims memory the platform lacks aborts). */
static int answers(const struct addr_range *r)
{
	struct probe_outcome o;

	for (uint64_t a = r->base; a < r->base + r->size; a += PAGE_SIZE)
		if (probe_read((uintptr_t)a, 64, &o))
			return 0;
	return 1;
}

uint64_t arena_setup(const struct platform *p, uintptr_t image_base, uintptr_t image_end,
		     unsigned mapped_bits)
{
	uint64_t limit = mapped_bits >= 64 ? UINT64_MAX : 1ull << mapped_bits;

	struct addr_range cut[CUTS_MAX];
	int ncut = 0;

	arena = (struct addr_range){ 0, 0 };
	used = 0;
	cut[ncut++] = (struct addr_range){ image_base, image_end - image_base };
	if (p->fdt)
		cut[ncut++] = (struct addr_range){ (uintptr_t)p->fdt, p->fdt_size };
	if (chosen_initrd(p, &cut[ncut]))
		ncut++;
	if (p->reserved_dropped) {
		int n = p->fdt_valid ? blob_reservations(p, cut + ncut, RESERVED_READ_MAX) : -1;
		if (n < 0) {
			why = "more reservations than the harness reads: where free RAM is is "
			      "unknown";
			return 0;
		}
		ncut += n;
	}
	for (int i = 0; !p->reserved_dropped && i < p->nreserved; i++)
		cut[ncut++] = p->reserved[i].range;
	why = "no DT memory bank has a free page";
	/* Each bank's largest free span, tried largest first: a bank that claims memory the
	 * platform lacks (it does not answer) gives way to the next. */
	struct addr_range span[PLAT_MAX_BANKS];
	int nspan = 0;
	for (int i = 0; i < p->nbanks && nspan < PLAT_MAX_BANKS; i++) {
		const struct addr_range *b = &p->banks[i];
		if (!b->size || b->base + b->size < b->base || bank_overlaps_device(p, b))
			continue;
		struct addr_range f =
			largest_free(b->base, MIN(b->base + b->size, limit), cut, ncut);
		if (f.size)
			span[nspan++] = f;
	}
	if (!nspan)
		return 0;
	for (int tried = 0; tried < nspan; tried++) {
		int k = tried;
		for (int j = tried + 1; j < nspan; j++)
			if (span[j].size > span[k].size)
				k = j;
		struct addr_range best = span[k];
		span[k] = span[tried];
		span[tried] = best;
		/*
		 * The top of the span (loaders put the image, DTB and initrd low), or
		 * its bottom, next to what the loader placed, when a bank claims more
		 * than the platform has: only memory that answers is taken.
		 */
		uint64_t size = MIN(best.size, ARENA_MAX);
		struct addr_range at[2] = { { best.base + best.size - size, size },
					    { best.base, size } };
		for (int i = 0; i < 2; i++)
			if (answers(&at[i])) {
				arena = at[i];
				why = NULL;
				return size;
			}
	}
	why = "the free RAM the tree gives does not answer (a bank larger than the platform's)";
	return 0;
}

void *arena_take(size_t size, size_t align)
{
	uint64_t at = ALIGN_UP(arena.base + used, (uint64_t)align);

	if (!arena.size || at < arena.base || at - arena.base > arena.size ||
	    size > arena.size - (at - arena.base))
		return NULL;
	used = at - arena.base + size;
	return (void *)(uintptr_t)at;
}

void *arena_alloc(size_t size, size_t align)
{
	void *m = arena_take(size, align);

	if (m)
		memset(m, 0, size);
	return m;
}

void arena_drop(const char *reason)
{
	arena = (struct addr_range){ 0, 0 };
	used = 0;
	why = reason;
}

struct addr_range arena_range(void)
{
	return arena;
}

uint64_t arena_used(void)
{
	return used;
}

const char *arena_why(void)
{
	return why;
}

const char *arena_refusal(const char *what, size_t size)
{
	static char text[128];

	if (!arena.size)
		snprintf(text, sizeof(text), "no run-time memory for %s (%zu bytes): %s", what,
			 size, why);
	else
		snprintf(text, sizeof(text),
			 "run-time memory exhausted: %s needs %zu bytes, %llu of %llu left", what,
			 size, (unsigned long long)(arena.size - used),
			 (unsigned long long)arena.size);
	return text;
}
