// SPDX-License-Identifier: MIT
/*
 * Interrupts of the platform model (Devicetree Specification v0.4, 2.4):
 * interrupts through the interrupt parent's #interrupt-cells,
 * interrupts-extended, and the interrupt-map and msi-map/msi-parent of bus
 * nodes, each checked for what it names and how long it is.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/interrupts.h"
#include "dt/phandles.h"
#include "dt/props.h"

/*
 * The interrupt parent (Devicetree Specification 2.4.1; Linux
 * of_irq_find_parent): the node's interrupt-parent, else its tree parent when
 * that is an interrupt domain (#interrupt-cells: a controller, or a nexus such
 * as a PCI host's interrupt-map), else that parent's interrupt-parent, and so
 * on up the tree.
 */
static int interrupt_parent(struct platform *p, const struct dt_lineage *l, const char *path)
{
	for (int k = l->depth; k >= 0; k--) {
		int n = l->node[k];
		int len;
		if (k < l->depth && fdt_getprop(p->fdt, n, "#interrupt-cells", NULL))
			return n;
		const fdt32_t *ph = fdt_getprop(p->fdt, n, "interrupt-parent", &len);
		if (!ph)
			continue;
		if (len != 4) {
			platform_prop_problem(p, AREA_INTERRUPTS, "prop_length", path,
					      "interrupt-parent",
					      "%s: interrupt-parent is %d bytes, not 4", path, len);
			return -1;
		}
		int ctl = dt_phandle_node(p, fdt32_ld(ph));
		if (ctl < 0)
			platform_prop_problem(
				p, AREA_INTERRUPTS, "phandle_resolves", path, "interrupt-parent",
				"%s: interrupt-parent phandle 0x%x refers to no node (dangling)",
				path, (unsigned)fdt32_ld(ph));
		return ctl < 0 ? -1 : ctl;
	}
	platform_prop_problem(p, AREA_INTERRUPTS, "interrupt_parent_present", path, "interrupts",
			      "%s: has interrupts but no interrupt-parent", path);
	return -1;
}

/* A controller's #interrupt-cells, or -1 (a problem) when it is not a usable one. */
static int controller_cells(struct platform *p, int ctl, const char *path, int *is_gic)
{
	int bad = 0;
	const char *status = dt_string(p->fdt, ctl, "status", &bad);

	if (bad || (status && strcmp(status, "okay") && strcmp(status, "ok"))) {
		char cpath[PLAT_PATH_LEN];
		dt_node_path(p->fdt, ctl, cpath, sizeof(cpath));
		platform_problem(p, AREA_INTERRUPTS, "interrupt_parent_enabled", path,
				 "%s: interrupt parent %s is disabled", path, cpath);
		return -1;
	}
	/* A nexus (2.4.3) maps the specifier on through its interrupt-map. */
	if (!fdt_getprop(p->fdt, ctl, "interrupt-controller", NULL) &&
	    !fdt_getprop(p->fdt, ctl, "interrupt-map", NULL)) {
		char cpath[PLAT_PATH_LEN];
		dt_node_path(p->fdt, ctl, cpath, sizeof(cpath));
		platform_problem(p, AREA_INTERRUPTS, "interrupt_parent_is_controller", path,
				 "%s: interrupt parent %s is no interrupt-controller and has no "
				 "interrupt-map",
				 path, cpath);
		return -1;
	}
	int cells = dt_cells_of(p->fdt, ctl, "#interrupt-cells", 0);
	if (cells < 1 || cells > 4) {
		platform_problem(
			p, AREA_INTERRUPTS, "interrupt_parent_cells", path,
			"%s: interrupt parent has #interrupt-cells=%d (missing or invalid)", path,
			cells);
		return -1;
	}
	*is_gic = fdt_getprop(p->fdt, ctl, "compatible", NULL) &&
		  (!fdt_node_check_compatible(p->fdt, ctl, "arm,gic-v3") ||
		   !fdt_node_check_compatible(p->fdt, ctl, "arm,gic-400") ||
		   !fdt_node_check_compatible(p->fdt, ctl, "arm,cortex-a15-gic"));
	return cells;
}

/*
 * One interrupt specifier. A GIC's is type, number, flags (arm,gic.yaml):
 * type 0 an SPI, 1 a PPI; flags[3:0] 1 rising edge, 2 falling edge, 4 high
 * level, 8 low level, and an SPI is only ever a rising edge or a high level.
 */
static void add_irq(struct platform *p, struct dt_device *d, const char *prop, int ctl, int is_gic,
		    int cells, const fdt32_t *v)
{
	struct dt_problem *pr;

	if (is_gic)
		d->gic_parent = d->gic_parent < 0 || d->gic_parent == ctl ? ctl : -2;
	if (d->nirq >= PLAT_MAX_IRQS) {
		d->irqs_dropped++;
		return;
	}
	struct dt_irq *irq = &d->irq[d->nirq++];
	if (!is_gic || cells < 3) {
		irq->kind = IRQ_OTHER;
		irq->number = fdt32_ld(&v[0]);
		return;
	}
	uint32_t type = fdt32_ld(&v[0]);
	irq->number = fdt32_ld(&v[1]);
	irq->flags = fdt32_ld(&v[2]);
	irq->kind = type == 0 ? IRQ_SPI : type == 1 ? IRQ_PPI : IRQ_OTHER;
	irq->intid = type == 0 ? irq->number + 32 : type == 1 ? irq->number + 16 : 0;
	/* The subject: the specifier's place in the property (entry=N, from 0). */
	if (type == 1 && irq->number > 15) {
		pr = platform_prop_problem(p, AREA_INTERRUPTS, "ppi_in_range", d->path, prop,
					   "%s: PPI %u out of range 0..15", d->path,
					   (unsigned)irq->number);
		problem_subject(pr, "entry", "%d", d->nirq - 1);
	}
	if (type == 0 && irq->number > 987) {
		pr = platform_prop_problem(p, AREA_INTERRUPTS, "spi_in_range", d->path, prop,
					   "%s: SPI %u out of range 0..987", d->path,
					   (unsigned)irq->number);
		problem_subject(pr, "entry", "%d", d->nirq - 1);
	}
	unsigned trigger = irq->flags & 0xf;
	if (type == 0 && trigger != 1 && trigger != 4) {
		pr = platform_prop_problem(
			p, AREA_INTERRUPTS, "spi_trigger", d->path, prop,
			"%s: SPI %u has trigger flags 0x%x; an SPI is a rising edge (1) or "
			"a high level (4)",
			d->path, (unsigned)irq->number, trigger);
		problem_subject(pr, "entry", "%d", d->nirq - 1);
	}
}

/* interrupts-extended: each specifier names its own controller first. */
static void parse_extended(struct platform *p, struct dt_device *d, const fdt32_t *v, int len)
{
	for (int i = 0; i < len / 4;) {
		uint32_t ph = fdt32_ld(&v[i]);
		int ctl = dt_phandle_node(p, ph), is_gic = 0;
		if (ctl < 0) {
			platform_prop_problem(
				p, AREA_INTERRUPTS, "phandle_resolves", d->path,
				"interrupts-extended",
				"%s: interrupts-extended phandle 0x%x refers to no node "
				"(dangling)",
				d->path, (unsigned)ph);
			return;
		}
		int cells = controller_cells(p, ctl, d->path, &is_gic);
		if (cells < 0)
			return;
		if (i + 1 + cells > len / 4) {
			platform_prop_problem(
				p, AREA_INTERRUPTS, "prop_length", d->path, "interrupts-extended",
				"%s: interrupts-extended ends inside a specifier (%d bytes)",
				d->path, len);
			return;
		}
		add_irq(p, d, "interrupts-extended", ctl, is_gic, cells, &v[i + 1]);
		i += 1 + cells;
	}
}

void dt_parse_interrupts(struct platform *p, const struct dt_lineage *l, struct dt_device *d)
{
	int len, elen, is_gic = 0;
	const fdt32_t *v = fdt_getprop(p->fdt, l->node[l->depth], "interrupts", &len);
	const fdt32_t *ext = fdt_getprop(p->fdt, l->node[l->depth], "interrupts-extended", &elen);

	/* Devicetree Specification 2.4.1.3: interrupts-extended overrides interrupts. */
	if (ext)
		parse_extended(p, d, ext, elen);
	if (ext || !v)
		goto done;
	int ctl = interrupt_parent(p, l, d->path);
	if (ctl < 0)
		return;
	int cells = controller_cells(p, ctl, d->path, &is_gic);
	if (cells < 0)
		return;
	if (len == 0 || len % (cells * 4)) {
		platform_prop_problem(
			p, AREA_INTERRUPTS, "prop_length", d->path, "interrupts",
			"%s: interrupts is %d bytes, not a multiple of #interrupt-cells %d * 4",
			d->path, len, cells);
		return;
	}
	for (int off = 0; off < len / 4; off += cells)
		add_irq(p, d, "interrupts", ctl, is_gic, cells, &v[off]);
done:
	if (d->irqs_dropped)
		platform_problem(p, AREA_INTERRUPTS, "irqs_kept", d->path,
				 "%s: %d interrupts; the model keeps %d", d->path,
				 d->nirq + d->irqs_dropped, PLAT_MAX_IRQS);
}

/* The node phandle names, with the property it must have; -1 (a problem) if not. */
static int target(struct platform *p, const char *path, const char *prop, uint32_t ph,
		  const char *must, const char *or_must)
{
	int node = dt_phandle_node(p, ph);

	if (node < 0) {
		platform_prop_problem(p, AREA_INTERRUPTS, "phandle_resolves", path, prop,
				      "%s: %s phandle 0x%x refers to no node (dangling)", path,
				      prop, (unsigned)ph);
		return -1;
	}
	if (!fdt_getprop(p->fdt, node, must, NULL) &&
	    !(or_must && fdt_getprop(p->fdt, node, or_must, NULL))) {
		char tpath[PLAT_PATH_LEN];
		dt_node_path(p->fdt, node, tpath, sizeof(tpath));
		platform_prop_problem(p, AREA_INTERRUPTS, "phandle_target_kind", path, prop,
				      "%s: %s names %s, which has no %s", path, prop, tpath, must);
		return -1;
	}
	return node;
}

static void truncated(struct platform *p, const char *path, const char *prop, int len)
{
	platform_prop_problem(p, AREA_INTERRUPTS, "prop_length", path, prop,
			      "%s: %s ends inside an entry (%d bytes)", path, prop, len);
}

/*
 * interrupt-map (Devicetree Specification 2.4.3.1): child unit address
 * (#address-cells), child specifier (#interrupt-cells), parent phandle,
 * parent unit address (the parent's #address-cells, 0 when absent), parent
 * specifier (the parent's #interrupt-cells).
 */
static void check_imap(struct platform *p, int node, const char *path)
{
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, node, "interrupt-map", &len);

	if (!v)
		return;
	int ca = dt_cells_of(p->fdt, node, "#address-cells", 2);
	int ci = dt_cells_of(p->fdt, node, "#interrupt-cells", -1);
	/* Bounded before any arithmetic: a hostile cell count must not wrap an index. */
	if (ci < 1 || ci > 4 || ca < 0 || ca > 3) {
		platform_prop_problem(
			p, AREA_INTERRUPTS, "interrupt_map_cells", path, "interrupt-map",
			"%s: interrupt-map with #address-cells %d, #interrupt-cells %d "
			"(0..3 and 1..4)",
			path, ca, ci);
		return;
	}
	for (int i = 0, n = len / 4; i < n;) {
		i += ca + ci;
		if (i >= n) {
			truncated(p, path, "interrupt-map", len);
			return;
		}
		int par = target(p, path, "interrupt-map", fdt32_ld(&v[i++]),
				 "interrupt-controller", "interrupt-map");
		if (par < 0)
			return;
		int pa = dt_cells_of(p->fdt, par, "#address-cells", 0);
		int pi = dt_cells_of(p->fdt, par, "#interrupt-cells", -1);
		if (pa < 0 || pa > 3 || pi < 1 || pi > 4) {
			platform_prop_problem(p, AREA_INTERRUPTS, "interrupt_map_parent_cells",
					      path, "interrupt-map",
					      "%s: interrupt-map parent with #address-cells %d, "
					      "#interrupt-cells %d "
					      "(0..3 and 1..4)",
					      path, pa, pi);
			return;
		}
		i += pa + pi;
		if (i > n) {
			truncated(p, path, "interrupt-map", len);
			return;
		}
	}
}

/* msi-parent: a phandle (then the controller's #msi-cells); msi-map: entries of
 * rid-base, phandle, msi-base, length, one cell each (Linux bindings
 * pci/pci-msi.txt, as of_map_id reads them). Each must name an msi-controller. */
static void check_msi(struct platform *p, int node, const char *path)
{
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, node, "msi-parent", &len);

	if (v && len >= 4)
		target(p, path, "msi-parent", fdt32_ld(v), "msi-controller", NULL);
	else if (v)
		platform_prop_problem(p, AREA_INTERRUPTS, "prop_length", path, "msi-parent",
				      "%s: msi-parent is %d bytes", path, len);
	v = fdt_getprop(p->fdt, node, "msi-map", &len);
	if (v && (len <= 0 || len % 16)) {
		truncated(p, path, "msi-map", len);
		return;
	}
	for (int i = 0; v && i < len / 4; i += 4)
		if (target(p, path, "msi-map", fdt32_ld(&v[i + 1]), "msi-controller", NULL) < 0)
			return;
}

void dt_check_interrupt_map(struct platform *p, const struct dt_lineage *l, const char *path)
{
	check_imap(p, l->node[l->depth], path);
	check_msi(p, l->node[l->depth], path);
}

const char *const dt_timer_irq_names[TIMER_IRQS] = { "sec-phys", "phys", "virt", "hyp-phys" };

int dt_irq_index(const struct platform *p, const struct dt_device *d, const char *name, int pos)
{
	if (!name || !fdt_getprop(p->fdt, d->node, "interrupt-names", NULL))
		return pos;
	int i = fdt_stringlist_search(p->fdt, d->node, "interrupt-names", name);
	return i < 0 ? -1 : i;
}
