// SPDX-License-Identifier: MIT
#include "dt/references.h"

#include <libfdt.h>
#include <string.h>

#include "dt/phandles.h"

enum ref_shape {
	REF_ONE,	/* one phandle: the whole value */
	REF_SPECIFIED,	/* phandle, then the target's #cells of specifier, repeated */
	REF_ID_MAP,	/* (id-base, phandle, id, length), repeated (pci-msi.txt, pci-iommu.txt) */
	REF_INTERRUPTS, /* interrupt-map's entries (Devicetree Specification 0.4 2.4.3.1) */
};

struct ref_prop {
	const char *prop;  /* a name, or with a leading '-' a suffix ("-gpios") */
	uint8_t shape;	   /* enum ref_shape */
	const char *cells; /* the target's property counting its specifier's cells */
};

static const struct ref_prop ref_props[] = {
	{ "interrupt-parent", REF_ONE, NULL },
	{ "cpu", REF_ONE, NULL },
	{ "msi-parent", REF_SPECIFIED, "#msi-cells" },
	{ "clocks", REF_SPECIFIED, "#clock-cells" },
	{ "gpios", REF_SPECIFIED, "#gpio-cells" },
	{ "-gpios", REF_SPECIFIED, "#gpio-cells" },
	{ "interrupts-extended", REF_SPECIFIED, "#interrupt-cells" },
	{ "iommus", REF_SPECIFIED, "#iommu-cells" },
	{ "msi-map", REF_ID_MAP, NULL },
	{ "iommu-map", REF_ID_MAP, NULL },
	{ "interrupt-map", REF_INTERRUPTS, NULL },
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
