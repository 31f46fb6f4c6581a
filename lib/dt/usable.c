// SPDX-License-Identifier: MIT
#include "dt/usable.h"

#include <libfdt.h>
#include <string.h>

#include "dt/props.h"

static int in_ram(const struct platform *p, uint64_t base, uint64_t size)
{
	for (int b = 0; b < p->nbanks; b++)
		if (base >= p->banks[b].base && size <= p->banks[b].size &&
		    base - p->banks[b].base <= p->banks[b].size - size)
			return 1;
	return 0;
}

/* Each (address, size) of prop, in the root's cells, inside a bank. */
static void check_ranges(struct platform *p, int node, const char *path, const char *prop)
{
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, node, prop, &len);
	int ac = dt_cells_of(p->fdt, 0, "#address-cells", 2);
	int sc = dt_cells_of(p->fdt, 0, "#size-cells", 1);

	if (!v)
		return;
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2 || len == 0 || len % ((ac + sc) * 4)) {
		platform_prop_problem(p, AREA_MEMORY, "prop_length", path, prop,
				      "%s: %s is %d bytes, not whole (address, size) pairs of the "
				      "root's cells",
				      path, prop, len);
		return;
	}
	for (int i = 0; i < len / 4; i += ac + sc) {
		uint64_t base = dt_read_cells(v + i, ac), size = dt_read_cells(v + i + ac, sc);
		if (!in_ram(p, base, size))
			problem_subject(platform_prop_problem(p, AREA_MEMORY, "usable_in_ram", path,
							      prop,
							      "%s: %s 0x%llx+0x%llx lies outside "
							      "every memory bank",
							      path, prop, (unsigned long long)base,
							      (unsigned long long)size),
					"range", "0x%llx+0x%llx", (unsigned long long)base,
					(unsigned long long)size);
	}
}

void dt_check_usable_memory(struct platform *p)
{
	char path[PLAT_PATH_LEN];
	int node;

	if (p->chosen_node >= 0)
		check_ranges(p, p->chosen_node, "/chosen", "linux,usable-memory-range");
	fdt_for_each_subnode(node, p->fdt, 0)
	{
		const char *type = dt_string(p->fdt, node, "device_type", NULL);
		if (!type || strcmp(type, "memory"))
			continue;
		dt_node_path(p->fdt, node, path, sizeof(path));
		check_ranges(p, node, path, "linux,usable-memory");
	}
}
