// SPDX-License-Identifier: MIT
/*
 * Memory the guest must leave alone: the header's memory reservation block
 * and the /reserved-memory node's children (Devicetree Specification v0.4,
 * 5.3 and 3.5). A reservation outside every memory bank is a problem.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/props.h"
#include "dt/reserved.h"

static void add(struct platform *p, uint64_t base, uint64_t size, const char *name, int no_map)
{
	/* The subject: a /reserved-memory child's node, none for the header's block. */
	const char *node = strcmp(name, "/memreserve/") ? name : NULL;

	if (p->nreserved >= PLAT_MAX_RESERVED) {
		if (!p->reserved_dropped++)
			platform_problem(
				p, AREA_MEMORY, "reserved_kept", node,
				"%s: more than %d reserved ranges; the model keeps %d, and no "
				"RAM is written",
				name, PLAT_MAX_RESERVED, PLAT_MAX_RESERVED);
		return;
	}
	struct dt_reserved *r = &p->reserved[p->nreserved++];
	r->range = (struct addr_range){ base, size };
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->no_map = no_map;
	int inside = 0;
	for (int b = 0; b < p->nbanks && !inside; b++)
		inside = base >= p->banks[b].base && size <= p->banks[b].size &&
			 base - p->banks[b].base <= p->banks[b].size - size;
	if (!inside)
		problem_subject(platform_problem(p, AREA_MEMORY, "reserved_in_ram", node,
						 "%s: reserved 0x%llx+0x%llx lies outside every "
						 "memory bank",
						 name, (unsigned long long)base,
						 (unsigned long long)size),
				"range", "0x%llx+0x%llx", (unsigned long long)base,
				(unsigned long long)size);
}

static void reserved_memory_node(struct platform *p, int rm)
{
	int ac = dt_cells_of(p->fdt, rm, "#address-cells", -1);
	int sc = dt_cells_of(p->fdt, rm, "#size-cells", -1);
	int node;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
		platform_problem(p, AREA_MEMORY, "reserved_memory_cells", "/reserved-memory",
				 "/reserved-memory: #address-cells %d, #size-cells %d (1..2 each, "
				 "and required)",
				 ac, sc);
		return;
	}
	int rlen;
	/* reserved-memory.yaml: cells as the root's, and an empty ranges (identity). */
	if (ac != dt_cells_of(p->fdt, 0, "#address-cells", 2) ||
	    sc != dt_cells_of(p->fdt, 0, "#size-cells", 1))
		platform_problem(p, AREA_MEMORY, "reserved_memory_cells_as_root",
				 "/reserved-memory",
				 "/reserved-memory: #address-cells and #size-cells "
				 "differ from the root's");
	if (!fdt_getprop(p->fdt, rm, "ranges", &rlen))
		platform_prop_problem(p, AREA_MEMORY, "reserved_memory_ranges", "/reserved-memory",
				      "ranges", "/reserved-memory: ranges missing");
	else if (rlen)
		platform_prop_problem(
			p, AREA_MEMORY, "reserved_memory_ranges_empty", "/reserved-memory",
			"ranges",
			"/reserved-memory: ranges is not empty; its children's addresses "
			"are taken as the CPU's");
	fdt_for_each_subnode(node, p->fdt, rm)
	{
		char path[PLAT_PATH_LEN];
		int len, bad = 0;
		const char *status = dt_string(p->fdt, node, "status", &bad);
		const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);

		dt_node_path(p->fdt, node, path, sizeof(path));
		if (bad || (status && strcmp(status, "okay") && strcmp(status, "ok")))
			continue;
		if (!reg)
			continue; /* a dynamic reservation (size, alloc-ranges): placed by the OS */
		if (len <= 0 || len % ((ac + sc) * 4)) {
			platform_prop_problem(p, AREA_MEMORY, "prop_length", path, "reg",
					      "%s: reg is %d bytes, not a multiple of %d", path,
					      len, (ac + sc) * 4);
			continue;
		}
		int no_map = fdt_getprop(p->fdt, node, "no-map", NULL) != NULL;
		for (int off = 0; off < len / 4; off += ac + sc)
			add(p, dt_read_cells(reg + off, ac), dt_read_cells(reg + off + ac, sc),
			    path, no_map);
	}
}

void dt_parse_reserved(struct platform *p)
{
	int n = fdt_num_mem_rsv(p->fdt);

	if (n < 0)
		platform_problem(p, AREA_MEMORY, "memreserve_block_reads", NULL,
				 "the memory reservation block does not read: %s", fdt_strerror(n));
	for (int i = 0; i < n; i++) {
		uint64_t base, size;
		if (fdt_get_mem_rsv(p->fdt, i, &base, &size) == 0 && size)
			add(p, base, size, "/memreserve/", 0);
	}
	if (p->reserved_memory_node >= 0)
		reserved_memory_node(p, p->reserved_memory_node);
}
