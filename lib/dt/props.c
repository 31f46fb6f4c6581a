// SPDX-License-Identifier: MIT
/*
 * Property decoding for the platform model: cells, strings, reg translated
 * through each parent's ranges (Devicetree Specification v0.4, 2.3). Every
 * defect found becomes a model problem.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/platform.h"
#include "dt/props.h"

void dt_node_path(const void *fdt, int node, char *buf, int len)
{
	if (fdt_get_path(fdt, node, buf, len) < 0)
		snprintf(buf, len, "<node at offset %d>", node);
}

uint64_t dt_read_cells(const fdt32_t *cells, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = (v << 32) | fdt32_ld(&cells[i]);
	return v;
}

const char *dt_string(const void *fdt, int node, const char *prop, int *bad)
{
	int len;
	const char *v = fdt_getprop(fdt, node, prop, &len);

	if (!v)
		return NULL;
	if (len <= 0 || v[len - 1] != 0 || strlen(v) != (size_t)len - 1) {
		if (bad)
			*bad = 1;
		return NULL;
	}
	return v;
}

/* #address-cells / #size-cells a node gives its children; -1 when invalid. */
int dt_cells_of(const void *fdt, int node, const char *prop, int dflt)
{
	int len;
	const fdt32_t *v = fdt_getprop(fdt, node, prop, &len);

	if (!v)
		return dflt;
	if (len != 4)
		return -1;
	return (int)fdt32_ld(v);
}

/*
 * Map a child-bus address to the CPU address space through each ancestor's
 * ranges. Returns 0, or -1 when an ancestor has no ranges (the node is not
 * memory-mapped: cpus, i2c, ...), or -2 when a ranges does not cover the
 * address or cannot be read (*why says which bus).
 */
static int translate(struct platform *p, const struct dt_lineage *l, uint64_t *addr, int *why_bus)
{
	for (int k = l->depth - 1; k > 0; k--) {
		int child = l->node[k], bus = l->node[k - 1];
		int len;
		const fdt32_t *r = fdt_getprop(p->fdt, child, "ranges", &len);

		*why_bus = child;
		if (!r)
			return -1;
		if (!len)
			continue; /* identity */
		int ca = dt_cells_of(p->fdt, child, "#address-cells", 2);
		int pa = dt_cells_of(p->fdt, bus, "#address-cells", 2);
		int cs = dt_cells_of(p->fdt, child, "#size-cells", 1);
		int entry = ca + pa + cs;
		int found = 0;

		if (ca < 1 || ca > 2 || pa < 1 || pa > 2 || cs < 0 || cs > 2 || len % (entry * 4))
			return -2;
		for (int off = 0; off < len / 4; off += entry) {
			uint64_t cbase = dt_read_cells(r + off, ca);
			uint64_t pbase = dt_read_cells(r + off + ca, pa);
			uint64_t size = dt_read_cells(r + off + ca + pa, cs);
			if (*addr >= cbase && *addr - cbase < size) {
				*addr = pbase + (*addr - cbase);
				found = 1;
				break;
			}
		}
		if (!found)
			return -2;
	}
	return 0;
}

int dt_unit_address_matches(const void *fdt, int node, uint64_t first, uint64_t *unit)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	const char *at = name ? strchr(name, '@') : NULL;
	int digits = 0;

	*unit = 0;
	if (!at)
		return 1;
	for (const char *c = at + 1; *c; c++, digits++) {
		int d = *c >= '0' && *c <= '9'	 ? *c - '0'
			: *c >= 'a' && *c <= 'f' ? *c - 'a' + 10
			: *c >= 'A' && *c <= 'F' ? *c - 'A' + 10
						 : -1;
		if (d < 0 || digits >= 16)
			return 1; /* a multi-part or non-numeric unit address: not asked */
		*unit = *unit << 4 | (uint64_t)d;
	}
	return !digits || *unit == first;
}

void dt_check_unit_address(struct platform *p, int node, const char *path, uint64_t first)
{
	uint64_t unit;

	if (!dt_unit_address_matches(p->fdt, node, first, &unit))
		platform_prop_problem(
			p, AREA_REG, "unit_address_matches_reg", path, "reg",
			"%s: the unit address is 0x%llx, the first reg address 0x%llx", path,
			(unsigned long long)unit, (unsigned long long)first);
}

/* Parse "reg" of node against its parent's cells; returns entries stored or -1. */
int dt_parse_reg(struct platform *p, const struct dt_lineage *l, struct addr_range *out, int max,
		 int need_translation)
{
	int node = l->node[l->depth];
	const char *path = l->path;
	int len;
	const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);

	if (!reg || l->depth < 1)
		return 0;
	int parent = l->node[l->depth - 1];
	int ac = dt_cells_of(p->fdt, parent, "#address-cells", 2);
	int sc = dt_cells_of(p->fdt, parent, "#size-cells", 1);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2) {
		platform_problem(
			p, AREA_STRUCTURE, "parent_cells", path,
			"%s: parent #address-cells=%d #size-cells=%d not supported (1..2, 0..2)",
			path, ac, sc);
		return -1;
	}
	int entry = (ac + sc) * 4;
	if (len == 0 || len % entry) {
		platform_prop_problem(p, AREA_REG, "prop_length", path, "reg",
				      "%s: reg is %d bytes, not a multiple of (#address-cells %d + "
				      "#size-cells %d) * 4 = %d",
				      path, len, ac, sc, entry);
		return -1;
	}
	dt_check_unit_address(p, node, path, dt_read_cells(reg, ac));
	int n = 0;
	for (int off = 0; off < len / 4; off += ac + sc) {
		uint64_t base = dt_read_cells(reg + off, ac);
		uint64_t size = sc ? dt_read_cells(reg + off + ac, sc) : 0;
		int bus, t = need_translation ? translate(p, l, &base, &bus) : 0;
		if (t == -1)
			return 0; /* not memory-mapped */
		if (t == -2) {
			char bpath[PLAT_PATH_LEN];
			dt_node_path(p->fdt, bus, bpath, sizeof(bpath));
			problem_subject(
				platform_prop_problem(
					p, AREA_REG, "reg_translates", path, "reg",
					"%s: reg entry %d 0x%llx is outside the ranges of %s (or "
					"they do not parse): it cannot be translated",
					path, n, (unsigned long long)dt_read_cells(reg + off, ac),
					bpath),
				"entry", "%d", n);
			return -1;
		}
		if (sc && size == 0)
			problem_subject(platform_prop_problem(p, AREA_REG, "reg_size", path, "reg",
							      "%s: reg entry %d has size 0", path,
							      n),
					"entry", "%d", n);
		if (size && base + size - 1 < base)
			problem_subject(
				platform_prop_problem(p, AREA_REG, "reg_wraps", path, "reg",
						      "%s: reg entry %d 0x%llx+0x%llx wraps "
						      "past the top of the address space",
						      path, n, (unsigned long long)base,
						      (unsigned long long)size),
				"entry", "%d", n);
		if (n < max) {
			out[n].base = base;
			out[n].size = size;
		}
		n++;
	}
	if (n > max)
		platform_prop_problem(p, AREA_REG, "reg_entries_kept", path, "reg",
				      "%s: %d reg entries, only %d kept", path, n, max);
	return n > max ? max : n;
}
