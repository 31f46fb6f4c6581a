// SPDX-License-Identifier: MIT
#include "dt/phandles.h"

#include <libfdt.h>
#include <stdlib.h>

static int by_phandle(const void *a, const void *b)
{
	const struct dt_phandle *x = a, *y = b;

	/* Then by offset, so that two claims of one phandle are named in tree order. */
	if (x->phandle != y->phandle)
		return x->phandle < y->phandle ? -1 : 1;
	return x->node < y->node ? -1 : x->node > y->node;
}

void dt_index_phandles(struct platform *p)
{
	int depth = 0;

	p->nphandles = 0;
	p->phandles_overflow = 0;
	for (int node = fdt_next_node(p->fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		uint32_t ph = fdt_get_phandle(p->fdt, node);
		if (ph == 0 || ph == (uint32_t)-1)
			continue;
		if (p->nphandles >= PLAT_MAX_PHANDLES) {
			p->phandles_overflow = 1; /* dt_phandle_node falls back to libfdt */
			continue;
		}
		p->phandles[p->nphandles++] = (struct dt_phandle){ ph, node };
	}
	qsort(p->phandles, p->nphandles, sizeof(p->phandles[0]), by_phandle);
	for (int i = 1; i < p->nphandles; i++)
		if (p->phandles[i].phandle == p->phandles[i - 1].phandle) {
			char a[PLAT_PATH_LEN] = "?", b[PLAT_PATH_LEN] = "?";
			fdt_get_path(p->fdt, p->phandles[i - 1].node, a, sizeof(a));
			fdt_get_path(p->fdt, p->phandles[i].node, b, sizeof(b));
			/* The subject: the claimant later in the blob (the same on every sort). */
			int later = p->phandles[i].node > p->phandles[i - 1].node;
			platform_prop_problem(p, AREA_STRUCTURE, "phandle_unique", later ? b : a,
					      "phandle", "phandle 0x%x is claimed by %s and by %s",
					      (unsigned)p->phandles[i].phandle, a, b);
		}
}

int dt_phandle_node(const struct platform *p, uint32_t phandle)
{
	int lo = 0, hi = p->nphandles;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (p->phandles[mid].phandle < phandle)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->nphandles && p->phandles[lo].phandle == phandle)
		return p->phandles[lo].node;
	if (p->phandles_overflow) {
		int node = fdt_node_offset_by_phandle(p->fdt, phandle);
		return node < 0 ? -1 : node;
	}
	return -1;
}
