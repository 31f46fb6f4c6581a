/*
 * Property decoding for the platform model: cells, reg translated through
 * each parent's ranges, interrupts through the interrupt parent's
 * #interrupt-cells (Devicetree Specification v0.4, 2.3 and 2.4). Every
 * defect found becomes a model problem.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/phandles.h"
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
			p, AREA_STRUCTURE,
			"%s: parent #address-cells=%d #size-cells=%d not supported (1..2, 0..2)",
			path, ac, sc);
		return -1;
	}
	int entry = (ac + sc) * 4;
	if (len == 0 || len % entry) {
		platform_problem(p, AREA_REG,
				 "%s: reg is %d bytes, not a multiple of (#address-cells %d + "
				 "#size-cells %d) * 4 = %d",
				 path, len, ac, sc, entry);
		return -1;
	}
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
			platform_problem(
				p, AREA_REG,
				"%s: reg entry %d 0x%llx is outside the ranges of %s (or they "
				"do not parse): it cannot be translated",
				path, n, (unsigned long long)dt_read_cells(reg + off, ac), bpath);
			return -1;
		}
		if (sc && size == 0)
			platform_problem(p, AREA_REG, "%s: reg entry %d has size 0", path, n);
		if (size && base + size - 1 < base)
			platform_problem(p, AREA_REG,
					 "%s: reg entry %d 0x%llx+0x%llx wraps past the top of the "
					 "address space",
					 path, n, (unsigned long long)base,
					 (unsigned long long)size);
		if (n < max) {
			out[n].base = base;
			out[n].size = size;
		}
		n++;
	}
	if (n > max)
		platform_problem(p, AREA_REG, "%s: %d reg entries, only %d kept", path, n, max);
	return n > max ? max : n;
}

static int interrupt_parent(struct platform *p, const struct dt_lineage *l, const char *path)
{
	for (int k = l->depth; k >= 0; k--) {
		int n = l->node[k];
		int len;
		const fdt32_t *ph = fdt_getprop(p->fdt, n, "interrupt-parent", &len);
		if (!ph)
			continue;
		if (len != 4) {
			platform_problem(p, AREA_INTERRUPTS,
					 "%s: interrupt-parent is %d bytes, not 4", path, len);
			return -1;
		}
		int ctl = dt_phandle_node(p, fdt32_ld(ph));
		if (ctl < 0)
			platform_problem(
				p, AREA_INTERRUPTS,
				"%s: interrupt-parent phandle 0x%x refers to no node (dangling)",
				path, (unsigned)fdt32_ld(ph));
		return ctl < 0 ? -1 : ctl;
	}
	platform_problem(p, AREA_INTERRUPTS, "%s: has interrupts but no interrupt-parent", path);
	return -1;
}

void dt_parse_interrupts(struct platform *p, const struct dt_lineage *l, struct dt_device *d)
{
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, l->node[l->depth], "interrupts", &len);

	if (!v)
		return;
	int ctl = interrupt_parent(p, l, d->path);
	if (ctl < 0)
		return;
	if (!fdt_getprop(p->fdt, ctl, "interrupt-controller", NULL)) {
		char cpath[PLAT_PATH_LEN];
		dt_node_path(p->fdt, ctl, cpath, sizeof(cpath));
		platform_problem(p, AREA_INTERRUPTS,
				 "%s: interrupt parent %s is not an interrupt-controller", d->path,
				 cpath);
		return;
	}
	int cells = dt_cells_of(p->fdt, ctl, "#interrupt-cells", 0);
	if (cells < 1 || cells > 4) {
		platform_problem(
			p, AREA_INTERRUPTS,
			"%s: interrupt parent has #interrupt-cells=%d (missing or invalid)",
			d->path, cells);
		return;
	}
	if (len == 0 || len % (cells * 4)) {
		platform_problem(
			p, AREA_INTERRUPTS,
			"%s: interrupts is %d bytes, not a multiple of #interrupt-cells %d * 4",
			d->path, len, cells);
		return;
	}
	int is_gic = fdt_getprop(p->fdt, ctl, "compatible", NULL) &&
		     (!fdt_node_check_compatible(p->fdt, ctl, "arm,gic-v3") ||
		      !fdt_node_check_compatible(p->fdt, ctl, "arm,gic-400") ||
		      !fdt_node_check_compatible(p->fdt, ctl, "arm,cortex-a15-gic"));
	if (len / 4 / cells > PLAT_MAX_IRQS)
		platform_problem(p, AREA_INTERRUPTS, "%s: %d interrupts; the model keeps %d",
				 d->path, len / 4 / cells, PLAT_MAX_IRQS);
	for (int off = 0; off < len / 4 && d->nirq < PLAT_MAX_IRQS; off += cells) {
		struct dt_irq *irq = &d->irq[d->nirq++];
		if (is_gic && cells >= 3) {
			uint32_t type = fdt32_ld(&v[off]);
			irq->number = fdt32_ld(&v[off + 1]);
			irq->flags = fdt32_ld(&v[off + 2]);
			irq->kind = type == 0 ? IRQ_SPI : type == 1 ? IRQ_PPI : IRQ_OTHER;
			irq->intid = type == 0	 ? irq->number + 32
				     : type == 1 ? irq->number + 16
						 : 0;
			if (type == 1 && irq->number > 15)
				platform_problem(p, AREA_INTERRUPTS,
						 "%s: PPI %u out of range 0..15", d->path,
						 (unsigned)irq->number);
			if (type == 0 && irq->number > 987)
				platform_problem(p, AREA_INTERRUPTS,
						 "%s: SPI %u out of range 0..987", d->path,
						 (unsigned)irq->number);
		} else {
			irq->kind = IRQ_OTHER;
			irq->number = fdt32_ld(&v[off]);
		}
	}
}
