// SPDX-License-Identifier: MIT
/*
 * memmap suite: the tree in order, each node with its path, built from its
 * parent's. fdt_get_path walks from the root for every node, which made
 * asking every node of a large tree cost seconds under TCG (a 20,000-node
 * tree ran dt_properties into its watchdog). A node whose path does not
 * fit PLAT_PATH_LEN is passed over, as fdt_get_path's error was.
 */
#include <libfdt.h>
#include <string.h>

#include "tests/memmap/memmap.h"
#include "util/util.h"

#define NONE 0xff /* above any path length that fits PLAT_PATH_LEN */
_Static_assert(PLAT_PATH_LEN < NONE, "a path length fits a byte");

static int enabled(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !(status && strcmp(status, "okay") && strcmp(status, "ok"));
}

void memmap_walk_start(struct memmap_walk *w, int disabled_too)
{
	w->node = -1;
	w->disabled_too = disabled_too;
}

int memmap_walk_next(const void *fdt, struct memmap_walk *w)
{
	for (;;) {
		if (w->node < 0)
			w->node = 0, w->depth = 0;
		else
			w->node = fdt_next_node(fdt, w->node, &w->depth);
		if (w->node < 0 || w->depth < 0)
			return 0;
		int d = w->depth, namelen = 0;
		const char *name = fdt_get_name(fdt, w->node, &namelen);
		if ((size_t)d >= ARRAY_SIZE(w->len))
			continue; /* deeper than any path that fits */
		size_t from = d == 0 ? 0 : d == 1 ? 0 : w->len[d - 1]; /* where "/name" goes */
		size_t len = d == 0 ? 1 : from + 1 + (size_t)namelen;
		if (!name || (d > 1 && from == NONE) || len + 1 > sizeof(w->path)) {
			w->len[d] = NONE;
			continue;
		}
		w->path[from] = '/';
		if (d)
			memcpy(w->path + from + 1, name, (size_t)namelen);
		w->path[len] = 0;
		w->len[d] = (uint8_t)len;
		if (w->disabled_too || enabled(fdt, w->node))
			return 1;
	}
}
