// SPDX-License-Identifier: MIT
#include "dt/pci_child.h"

#include <string.h>

int dt_on_pci_bus(const struct platform *p, const struct dt_lineage *l)
{
	if (l->depth < 1)
		return 0;
	const char *type = dt_string(p->fdt, l->node[l->depth - 1], "device_type", NULL);
	return type && !strcmp(type, "pci");
}

/* The unit address's hex number before *end, or -1 when it is none. */
static long hex_part(const char *s, const char **end)
{
	long v = 0;
	int digits = 0;

	for (; *s && *s != ','; s++, digits++) {
		int d = *s >= '0' && *s <= '9'	 ? *s - '0'
			: *s >= 'a' && *s <= 'f' ? *s - 'a' + 10
			: *s >= 'A' && *s <= 'F' ? *s - 'A' + 10
						 : -1;
		if (d < 0 || digits >= 4)
			return -1;
		v = v << 4 | d;
	}
	*end = s;
	return digits ? v : -1;
}

/* PCI Bus Binding 2.2.1.3: the unit address is DEV or DEV,FN, in hex. */
static void check_unit(struct platform *p, const struct dt_lineage *l, uint32_t hi)
{
	const char *name = fdt_get_name(p->fdt, l->node[l->depth], NULL);
	const char *at = name ? strchr(name, '@') : NULL, *end = NULL;
	unsigned dev = (hi >> 11) & 0x1f, fn = (hi >> 8) & 7;

	if (!at)
		return;
	long d = hex_part(at + 1, &end), f = 0;
	if (d >= 0 && *end == ',')
		f = hex_part(end + 1, &end);
	if (d < 0 || f < 0 || *end)
		platform_prop_problem(p, AREA_REG, "unit_address_matches_reg", l->path, "reg",
				      "%s: the unit address is not DEV[,FN] in hex (PCI Bus "
				      "Binding 2.2.1.3)",
				      l->path);
	else if ((unsigned long)d != dev || (unsigned long)f != fn)
		platform_prop_problem(p, AREA_REG, "unit_address_matches_reg", l->path, "reg",
				      "%s: the unit address names device %lx function %lx, the "
				      "first reg entry's phys.hi 0x%08x device %x function %x",
				      l->path, d, f, (unsigned)hi, dev, fn);
}

int dt_check_pci_child_reg(struct platform *p, const struct dt_lineage *l)
{
	int len;
	const fdt32_t *reg = fdt_getprop(p->fdt, l->node[l->depth], "reg", &len);

	if (!reg)
		return 0;
	int parent = l->node[l->depth - 1];
	int ac = dt_cells_of(p->fdt, parent, "#address-cells", 2);
	int sc = dt_cells_of(p->fdt, parent, "#size-cells", 1);

	if (ac != 3 || sc != 2) {
		platform_problem(p, AREA_STRUCTURE, "parent_cells", l->path,
				 "%s: its PCI bus has #address-cells=%d #size-cells=%d; a PCI "
				 "bus has 3 and 2 (PCI Bus Binding 2.2.1.1)",
				 l->path, ac, sc);
		return -1;
	}
	if (len == 0 || len % 20) {
		platform_prop_problem(p, AREA_REG, "prop_length", l->path, "reg",
				      "%s: reg is %d bytes, not a multiple of (3 + 2) * 4 = 20",
				      l->path, len);
		return -1;
	}
	uint32_t hi = fdt32_ld(reg);
	if (((hi >> 24) & 3) != 0 /* configuration space */ || dt_read_cells(reg + 1, 2)) {
		platform_prop_problem(p, AREA_REG, "pci_reg_config_first", l->path, "reg",
				      "%s: the first reg entry (phys.hi 0x%08x) is not the "
				      "function's configuration space at offset 0 (PCI Bus "
				      "Binding 2.2.1.1)",
				      l->path, (unsigned)hi);
		return -1;
	}
	check_unit(p, l, hi);
	return 0;
}
