// SPDX-License-Identifier: MIT
#include "dt/references.h"

#include <libfdt.h>
#include <string.h>

#include "dt/phandles.h"
#include "dt/props.h"

enum ref_shape {
	REF_ONE,	/* one phandle: the whole value */
	REF_SPECIFIED,	/* phandle, then the target's #cells of specifier, repeated */
	REF_LIST,	/* phandles, each a whole entry */
	REF_ID_MAP,	/* (id-base, phandle, id, length), repeated (pci-msi.txt, pci-iommu.txt) */
	REF_INTERRUPTS, /* interrupt-map's entries (Devicetree Specification 0.4 2.4.3.1) */
};

struct ref_prop {
	const char *prop;  /* a name, or with a leading '-' a suffix ("-gpios") */
	uint8_t shape;	   /* enum ref_shape */
	uint8_t checked;   /* 1: dt_check_references holds its form (else the model's own check) */
	const char *cells; /* the target's property counting its specifier's cells */
	const char *mark;  /* a property the target must also have, or NULL */
	const char *nexus; /* a map that stands for mark (Devicetree Specification 2.5), or NULL */
};

/*
 * The provider bindings (Linux's clock, GPIO, IOMMU, reset, power-domain,
 * DMA, PHY, PWM, mailbox, hwlock, thermal, IIO, mux and sound bindings, the
 * ones dtc's checks.c knows; Devicetree Specification 0.4 2.4 for
 * interrupts): a phandle, then as many cells as the provider's #...-cells
 * says.
 */
static const struct ref_prop ref_props[] = {
	{ "interrupt-parent", REF_ONE, 0, NULL, NULL, NULL },
	{ "cpu", REF_ONE, 0, NULL, NULL, NULL },
	{ "msi-parent", REF_SPECIFIED, 0, "#msi-cells", NULL, NULL },
	{ "clocks", REF_SPECIFIED, 1, "#clock-cells", NULL, NULL },
	{ "gpios", REF_SPECIFIED, 1, "#gpio-cells", "gpio-controller", "gpio-map" },
	{ "-gpios", REF_SPECIFIED, 1, "#gpio-cells", "gpio-controller", "gpio-map" },
	{ "interrupts-extended", REF_SPECIFIED, 0, "#interrupt-cells", NULL, NULL },
	{ "iommus", REF_SPECIFIED, 1, "#iommu-cells", NULL, NULL },
	{ "resets", REF_SPECIFIED, 1, "#reset-cells", NULL, NULL },
	{ "power-domains", REF_SPECIFIED, 1, "#power-domain-cells", NULL, NULL },
	{ "dmas", REF_SPECIFIED, 1, "#dma-cells", NULL, NULL },
	{ "phys", REF_SPECIFIED, 1, "#phy-cells", NULL, NULL },
	{ "pwms", REF_SPECIFIED, 1, "#pwm-cells", NULL, NULL },
	{ "mboxes", REF_SPECIFIED, 1, "#mbox-cells", NULL, NULL },
	{ "hwlocks", REF_SPECIFIED, 1, "#hwlock-cells", NULL, NULL },
	{ "cooling-device", REF_SPECIFIED, 1, "#cooling-cells", NULL, NULL },
	{ "io-channels", REF_SPECIFIED, 1, "#io-channel-cells", NULL, NULL },
	{ "mux-controls", REF_SPECIFIED, 1, "#mux-control-cells", NULL, NULL },
	{ "sound-dai", REF_SPECIFIED, 1, "#sound-dai-cells", NULL, NULL },
	{ "thermal-sensors", REF_SPECIFIED, 1, "#thermal-sensor-cells", NULL, NULL },
	/* Reserved memory, caches, idle states, OPP tables, NVMEM cells, SRAM: no specifier. */
	{ "memory-region", REF_LIST, 1, NULL, NULL, NULL },
	{ "next-level-cache", REF_LIST, 1, NULL, NULL, NULL },
	{ "cpu-idle-states", REF_LIST, 1, NULL, NULL, NULL },
	{ "operating-points-v2", REF_LIST, 1, NULL, NULL, NULL },
	{ "nvmem-cells", REF_LIST, 1, NULL, NULL, NULL },
	{ "sram", REF_LIST, 1, NULL, NULL, NULL },
	{ "msi-map", REF_ID_MAP, 0, NULL, NULL, NULL },
	{ "iommu-map", REF_ID_MAP, 0, NULL, NULL, NULL },
	{ "interrupt-map", REF_INTERRUPTS, 0, NULL, NULL, NULL },
};

/* A one-cell property of node (absent, or another length: dflt). */
static uint32_t count_of(const void *fdt, int node, const char *name, uint32_t dflt)
{
	int len;
	const fdt32_t *c = node >= 0 ? fdt_getprop(fdt, node, name, &len) : NULL;

	return c && len == 4 ? fdt32_ld(c) : dflt;
}

static const struct ref_prop *shape_of(const char *prop)
{
	size_t n = strlen(prop);

	/* A count of lines, not a reference (snps,nr-gpios): as dtc's gpios check skips it. */
	if (n >= 8 && !strcmp(prop + n - 8, "nr-gpios"))
		return NULL;

	for (unsigned i = 0; i < sizeof(ref_props) / sizeof(ref_props[0]); i++) {
		const char *r = ref_props[i].prop;
		size_t m = strlen(r);
		if (r[0] == '-' ? n > m && !strcmp(prop + n - m, r) : !strcmp(prop, r))
			return &ref_props[i];
	}
	return NULL;
}

/* The cell that names a node in each entry, and how long an entry is; 0: stop. */
static uint32_t entry_at(const struct platform *p, int node, const struct ref_prop *r,
			 const fdt32_t *v, uint32_t n, uint32_t at, uint32_t *ph)
{
	const void *fdt = p->fdt;
	uint32_t lead = 0;

	if (r->shape == REF_ID_MAP)
		lead = 1;
	else if (r->shape == REF_INTERRUPTS)
		lead = count_of(fdt, node, "#address-cells", 2) +
		       count_of(fdt, node, "#interrupt-cells", 1);
	if (lead >= n || at + lead >= n)
		return 0;
	*ph = fdt32_ld(&v[at + lead]);
	if (r->shape == REF_ONE)
		return n;
	int target = dt_phandle_node(p, *ph);
	if (target < 0)
		return 0;
	uint32_t spec;
	if (r->shape == REF_INTERRUPTS)
		spec = count_of(fdt, target, "#address-cells", 0) +
		       count_of(fdt, target, "#interrupt-cells", 0);
	else if (r->shape == REF_ID_MAP)
		spec = 2; /* the id and the length: one cell each, whatever the target */
	else if (r->shape == REF_LIST)
		spec = 0;
	else
		spec = count_of(fdt, target, r->cells, 0);
	/* Cell counts past the property's own length end the walk (a broken tree). */
	return spec < n ? lead + 1 + spec : 0;
}

int dt_refers_to(const struct platform *p, int node, const char *prop, int target)
{
	const struct ref_prop *r = shape_of(prop);
	uint32_t want = target >= 0 ? fdt_get_phandle(p->fdt, target) : 0;
	int len;
	const fdt32_t *v = r && want ? fdt_getprop(p->fdt, node, prop, &len) : NULL;

	if (!v || len < 4)
		return 0;
	uint32_t n = (uint32_t)len / 4, ph, step;
	for (uint32_t at = 0; at < n; at += step) {
		step = entry_at(p, node, r, v, n, at, &ph);
		if (!step)
			return 0;
		if (ph == want)
			return 1;
	}
	return 0;
}

/*
 * One provider reference list: each entry a phandle to a node that has the
 * binding's #...-cells (and mark), then that many cells, the last ending
 * with the property. A phandle of 0 or ~0 is an empty entry of one cell
 * (Linux's of_parse_phandle_with_args, dtc's phandle_is_valid: a GPIO list's
 * hole). The first fault is the property's problem.
 */
static void check_list(struct platform *p, int node, const char *prop, const struct ref_prop *r,
		       const fdt32_t *v, int len)
{
	char path[PLAT_PATH_LEN], tpath[PLAT_PATH_LEN] = "?";
	uint32_t n = len > 0 ? (uint32_t)len / 4 : 0;

	dt_node_path(p->fdt, node, path, sizeof(path));
	if (len <= 0 || len % 4) {
		platform_prop_problem(
			p, AREA_STRUCTURE, "prop_length", path, prop,
			"%s: %s is %d bytes, not whole cells of phandle and specifier", path, prop,
			len);
		return;
	}
	for (uint32_t at = 0; at < n;) {
		uint32_t ph = fdt32_ld(&v[at]);
		if (ph == 0 || ph == (uint32_t)-1) {
			at++;
			continue;
		}
		int target = dt_phandle_node(p, ph);
		if (target < 0) {
			platform_prop_problem(p, AREA_STRUCTURE, "phandle_resolves", path, prop,
					      "%s: %s phandle 0x%x refers to no node (dangling)",
					      path, prop, (unsigned)ph);
			return;
		}
		dt_node_path(p->fdt, target, tpath, sizeof(tpath));
		const char *missing =
			r->cells && !fdt_getprop(p->fdt, target, r->cells, NULL) ? r->cells
			: r->mark && !fdt_getprop(p->fdt, target, r->mark, NULL) &&
					!(r->nexus && fdt_getprop(p->fdt, target, r->nexus, NULL))
				? r->mark
				: NULL;
		if (missing) {
			platform_prop_problem(p, AREA_STRUCTURE, "phandle_target_kind", path, prop,
					      "%s: %s names %s, which has no %s", path, prop, tpath,
					      missing);
			return;
		}
		int clen = 4;
		if (r->cells && fdt_getprop(p->fdt, target, r->cells, &clen) && clen != 4)
			return; /* the provider's own fault, named there (count_cells) */
		uint32_t spec = r->cells ? count_of(p->fdt, target, r->cells, 0) : 0;
		if (spec >= n - at) {
			platform_prop_problem(
				p, AREA_STRUCTURE, "prop_length", path, prop,
				"%s: %s ends inside its entry for %s (%s %u, %u cells "
				"left)",
				path, prop, tpath, r->cells, (unsigned)spec,
				(unsigned)(n - at - 1));
			return;
		}
		at += 1 + spec;
	}
}

/* Whether name is a #...-cells a provider binding of the table counts by. */
static int counts_cells(const char *name)
{
	for (unsigned i = 0; i < sizeof(ref_props) / sizeof(ref_props[0]); i++)
		if (ref_props[i].checked && ref_props[i].cells && !strcmp(name, ref_props[i].cells))
			return 1;
	return 0;
}

/* A provider's #...-cells is one cell (dtc: "must be one cell"), named at the provider. */
static void count_cells(struct platform *p, int node, const char *name, int len)
{
	char path[PLAT_PATH_LEN];

	if (len == 4 || !counts_cells(name))
		return;
	dt_node_path(p->fdt, node, path, sizeof(path));
	platform_prop_problem(p, AREA_STRUCTURE, "prop_length", path, name,
			      "%s: %s is %d bytes, not one cell", path, name, len);
}

/* dtc's overlay nodes: under the names of what they fix up they hold offsets and paths. */
static int overlay_node(const void *fdt, int node, int depth)
{
	const char *name = fdt_get_name(fdt, node, NULL);

	return depth == 1 && name &&
	       (!strcmp(name, "__symbols__") || !strcmp(name, "__fixups__") ||
		!strcmp(name, "__local_fixups__"));
}

void dt_check_references(struct platform *p)
{
	int depth = 0, skip_below = -1; /* the depth of an overlay node being passed over */

	for (int node = fdt_next_node(p->fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		int off;
		if (skip_below >= 0 && depth > skip_below)
			continue;
		skip_below = overlay_node(p->fdt, node, depth) ? depth : -1;
		/* A GPIO hog's gpios are its own lines, no phandle (dtc skips them too). */
		if (skip_below >= 0 || fdt_getprop(p->fdt, node, "gpio-hog", NULL))
			continue;
		fdt_for_each_property_offset(off, p->fdt, node)
		{
			const char *name;
			int len;
			const fdt32_t *v = fdt_getprop_by_offset(p->fdt, off, &name, &len);
			if (v && name && name[0] == '#')
				count_cells(p, node, name, len);
			const struct ref_prop *r = v && name ? shape_of(name) : NULL;
			if (r && r->checked)
				check_list(p, node, name, r, v, len);
		}
	}
}
