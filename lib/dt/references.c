// SPDX-License-Identifier: MIT
#include "dt/references.h"

#include <libfdt.h>
#include <string.h>

#include "dt/phandles.h"
#include "dt/props.h"

enum ref_shape {
	REF_ONE,	/* one phandle: the whole value */
	REF_SPECIFIED,	/* phandle, then the target's #cells of specifier, repeated */
	REF_ID_MAP,	/* (id-base, phandle, id, length), repeated (pci-msi.txt, pci-iommu.txt) */
	REF_INTERRUPTS, /* interrupt-map's entries (Devicetree Specification 0.4 2.4.3.1) */
};

struct ref_prop {
	const char *prop;  /* a name, or with a leading '-' a suffix ("-gpios") */
	uint8_t shape;	   /* enum ref_shape */
	uint8_t checked;   /* 1: dt_check_references holds its form (else interrupts.c does) */
	const char *cells; /* the target's property counting its specifier's cells */
	const char *mark;  /* a property the target must also have, or NULL */
};

/*
 * The provider bindings (Linux's clock, GPIO, IOMMU, reset, power-domain,
 * DMA, PHY, PWM, mailbox and hwlock bindings; Devicetree Specification 0.4
 * 2.4 for interrupts): a phandle, then as many cells as the provider's
 * #...-cells says.
 */
static const struct ref_prop ref_props[] = {
	{ "interrupt-parent", REF_ONE, 0, NULL, NULL },
	{ "cpu", REF_ONE, 0, NULL, NULL },
	{ "msi-parent", REF_SPECIFIED, 0, "#msi-cells", NULL },
	{ "clocks", REF_SPECIFIED, 1, "#clock-cells", NULL },
	{ "gpios", REF_SPECIFIED, 1, "#gpio-cells", "gpio-controller" },
	{ "-gpios", REF_SPECIFIED, 1, "#gpio-cells", "gpio-controller" },
	{ "interrupts-extended", REF_SPECIFIED, 0, "#interrupt-cells", NULL },
	{ "iommus", REF_SPECIFIED, 1, "#iommu-cells", NULL },
	{ "resets", REF_SPECIFIED, 1, "#reset-cells", NULL },
	{ "power-domains", REF_SPECIFIED, 1, "#power-domain-cells", NULL },
	{ "dmas", REF_SPECIFIED, 1, "#dma-cells", NULL },
	{ "phys", REF_SPECIFIED, 1, "#phy-cells", NULL },
	{ "pwms", REF_SPECIFIED, 1, "#pwm-cells", NULL },
	{ "mboxes", REF_SPECIFIED, 1, "#mbox-cells", NULL },
	{ "hwlocks", REF_SPECIFIED, 1, "#hwlock-cells", NULL },
	{ "msi-map", REF_ID_MAP, 0, NULL, NULL },
	{ "iommu-map", REF_ID_MAP, 0, NULL, NULL },
	{ "interrupt-map", REF_INTERRUPTS, 0, NULL, NULL },
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
 * with the property. A phandle of 0 is an empty entry of one cell (Linux's
 * of_parse_phandle_with_args: a GPIO list's hole). The first fault is the
 * property's problem.
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
		if (ph == 0) {
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
		const char *missing = !fdt_getprop(p->fdt, target, r->cells, NULL) ? r->cells
				      : r->mark && !fdt_getprop(p->fdt, target, r->mark, NULL)
					      ? r->mark
					      : NULL;
		if (missing) {
			platform_prop_problem(p, AREA_STRUCTURE, "phandle_target_kind", path, prop,
					      "%s: %s names %s, which has no %s", path, prop, tpath,
					      missing);
			return;
		}
		uint32_t spec = count_of(p->fdt, target, r->cells, (uint32_t)-1);
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

void dt_check_references(struct platform *p)
{
	int depth = 0;

	for (int node = fdt_next_node(p->fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		int off;
		fdt_for_each_property_offset(off, p->fdt, node)
		{
			const char *name;
			int len;
			const fdt32_t *v = fdt_getprop_by_offset(p->fdt, off, &name, &len);
			const struct ref_prop *r = v && name ? shape_of(name) : NULL;
			if (r && r->checked)
				check_list(p, node, name, r, v, len);
		}
	}
}
