// SPDX-License-Identifier: MIT
#include "dt/pci.h"

#include <libfdt.h>
#include <string.h>

#include "dt/phandles.h"
#include "dt/props.h"

#define PCI_HI_SPACE(hi)  (((hi) >> 24) & 3)
#define PCI_HI_PREFETCH	  (1u << 30)
#define PCI_ADDRESS_CELLS 3

const struct dt_device *dt_pci_host_node(const struct platform *p)
{
	return platform_find_compatible(p, "pci-host-ecam-generic", 0);
}

enum { WINDOWS_READ, WINDOWS_CELLS, WINDOWS_LENGTH };

/* ranges or dma-ranges: (PCI address, CPU address, size) entries into win. */
static int read_windows(const struct platform *p, int node, const char *prop,
			struct dt_pci_window *win, int *nwin, int *dropped)
{
	int len;
	const fdt32_t *r = fdt_getprop(p->fdt, node, prop, &len);
	int pa = dt_cells_of(p->fdt, 0, "#address-cells", 2);
	int cs = dt_cells_of(p->fdt, node, "#size-cells", 2);

	if (pa < 1 || pa > 2 || cs < 1 || cs > 2)
		return WINDOWS_CELLS;
	int entry = PCI_ADDRESS_CELLS + pa + cs;
	if (len % (entry * 4))
		return WINDOWS_LENGTH;
	for (int off = 0; off < len / 4; off += entry) {
		if (*nwin == DT_PCI_MAX_WINDOWS) {
			(*dropped)++;
			continue;
		}
		uint32_t hi = fdt32_ld(&r[off]);
		struct dt_pci_window *w = &win[*nwin];
		w->space = (enum dt_pci_space)PCI_HI_SPACE(hi);
		w->prefetchable = !!(hi & PCI_HI_PREFETCH);
		w->pci = dt_read_cells(r + off + 1, 2);
		w->cpu = dt_read_cells(r + off + PCI_ADDRESS_CELLS, pa);
		w->size = dt_read_cells(r + off + PCI_ADDRESS_CELLS + pa, cs);
		if (w->size)
			(*nwin)++;
	}
	return WINDOWS_READ;
}

static const char *read_ranges(const struct platform *p, int node, struct dt_pci_host *h)
{
	int len;

	if (!fdt_getprop(p->fdt, node, "ranges", &len) || len <= 0)
		return "no ranges: the bridge gives its devices no window";
	switch (read_windows(p, node, "ranges", h->win, &h->nwin, &h->win_dropped)) {
	case WINDOWS_CELLS:
		return "ranges: the root's #address-cells or the bridge's #size-cells is not 1 or "
		       "2";
	case WINDOWS_LENGTH:
		return "ranges is not a whole number of (PCI address, CPU address, size) entries";
	}
	return NULL;
}

static void read_dma_ranges(const struct platform *p, int node, struct dt_pci_host *h)
{
	int len;

	h->dma_given = fdt_getprop(p->fdt, node, "dma-ranges", &len) && len > 0;
	switch (h->dma_given
			? read_windows(p, node, "dma-ranges", h->dma, &h->ndma, &h->dma_dropped)
			: WINDOWS_READ) {
	case WINDOWS_CELLS:
		h->dma_why = "dma-ranges: the root's #address-cells or the bridge's #size-cells "
			     "is not 1 or 2";
		break;
	case WINDOWS_LENGTH:
		h->dma_why = "dma-ranges is not a whole number of (PCI address, CPU address, "
			     "size) entries";
		break;
	}
	for (int i = 0; i < h->ndma && !h->dma_why; i++)
		if (h->dma[i].pci + (h->dma[i].size - 1) < h->dma[i].pci ||
		    h->dma[i].cpu + (h->dma[i].size - 1) < h->dma[i].cpu)
			h->dma_why = "a dma-ranges entry runs past the end of the address space";
}

int dt_pci_dma_addr(const struct dt_pci_host *h, uint64_t cpu, uint64_t len, uint64_t *bus)
{
	if (!h->dma_given) {
		*bus = cpu;
		return 0;
	}
	for (int i = 0; i < h->ndma && !h->dma_why; i++) {
		const struct dt_pci_window *w = &h->dma[i];
		/* Memory space only: a device's DMA is a memory transaction (Linux skips the rest).
		 */
		if (w->space != PCI_SPACE_MEM32 && w->space != PCI_SPACE_MEM64)
			continue;
		if (cpu >= w->cpu && len <= w->size && cpu - w->cpu <= w->size - len) {
			*bus = w->pci + (cpu - w->cpu);
			return 0;
		}
	}
	return -1;
}

/* interrupt-map rows of a bridge with #address-cells 3, #interrupt-cells 1. */
static void read_imap(const struct platform *p, int node, struct dt_pci_host *h)
{
	int len;
	const fdt32_t *m = fdt_getprop(p->fdt, node, "interrupt-map-mask", &len);

	if (m && len == 16) {
		h->has_imask = 1;
		h->imask_hi = fdt32_ld(&m[0]);
		h->imask_pin = fdt32_ld(&m[3]);
	}
	const fdt32_t *v = fdt_getprop(p->fdt, node, "interrupt-map", &len);
	if (!v || dt_cells_of(p->fdt, node, "#interrupt-cells", -1) != 1)
		return;
	for (int i = 0, n = len / 4; i + 5 <= n && h->nimap < DT_PCI_MAX_IMAP;) {
		struct dt_pci_imap *e = &h->imap[h->nimap];
		e->child_hi = fdt32_ld(&v[i]);
		e->pin = fdt32_ld(&v[i + 3]);
		e->parent = dt_phandle_node(p, fdt32_ld(&v[i + 4]));
		i += 5;
		if (e->parent < 0)
			return; /* dt/interrupts reports it */
		int pa = dt_cells_of(p->fdt, e->parent, "#address-cells", 0);
		int pi = dt_cells_of(p->fdt, e->parent, "#interrupt-cells", -1);
		if (pa < 0 || pa > 3 || pi < 1 || pi > 4 || i + pa + pi > n)
			return;
		i += pa;
		e->parent_is_gic =
			!fdt_node_check_compatible(p->fdt, e->parent, "arm,gic-v3") ||
			!fdt_node_check_compatible(p->fdt, e->parent, "arm,gic-400") ||
			!fdt_node_check_compatible(p->fdt, e->parent, "arm,cortex-a15-gic");
		memset(&e->irq, 0, sizeof(e->irq));
		e->irq.kind = IRQ_OTHER;
		if (e->parent_is_gic && pi >= 3) {
			uint32_t type = fdt32_ld(&v[i]);
			e->irq.number = fdt32_ld(&v[i + 1]);
			e->irq.flags = fdt32_ld(&v[i + 2]);
			e->irq.kind = type == 0 ? IRQ_SPI : type == 1 ? IRQ_PPI : IRQ_OTHER;
			e->irq.intid = type == 0   ? e->irq.number + 32
				       : type == 1 ? e->irq.number + 16
						   : 0;
		}
		i += pi;
		h->nimap++;
	}
}

static int read_idmap(const struct platform *p, int node, const char *prop,
		      struct dt_pci_idmap *out)
{
	int len, n = 0;
	const fdt32_t *v = fdt_getprop(p->fdt, node, prop, &len);

	if (!v || len <= 0 || len % 16)
		return 0;
	for (int i = 0; i < len / 4 && n < DT_PCI_MAX_IDMAP; i += 4) {
		out[n].rid = fdt32_ld(&v[i]);
		out[n].node = dt_phandle_node(p, fdt32_ld(&v[i + 1]));
		out[n].base = fdt32_ld(&v[i + 2]);
		out[n].length = fdt32_ld(&v[i + 3]);
		n++;
	}
	return n;
}

const char *dt_pci_host_read(const struct platform *p, const struct dt_device *d,
			     struct dt_pci_host *h)
{
	int len;

	memset(h, 0, sizeof(*h));
	h->dev = d;
	h->msi_parent = -1;
	h->bus_last = 0xff;
	if (!p->fdt_valid)
		return "no usable device tree";
	if (d->nreg < 1 || !d->reg[0].size)
		return "no reg: no ECAM space";
	h->ecam_base = d->reg[0].base;
	h->ecam_size = d->reg[0].size;
	const fdt32_t *br = fdt_getprop(p->fdt, d->node, "bus-range", &len);
	if (br && len == 8) {
		h->bus_range_given = 1;
		h->bus_first = fdt32_ld(&br[0]);
		h->bus_last = fdt32_ld(&br[1]);
		if (h->bus_first > h->bus_last || h->bus_last > 0xff)
			return "bus-range is not first <= last <= 255";
	} else if (br) {
		return "bus-range is not two cells";
	}
	if (dt_cells_of(p->fdt, d->node, "#address-cells", -1) != PCI_ADDRESS_CELLS)
		return "#address-cells is not 3 (a PCI bus binding)";
	const char *why = read_ranges(p, d->node, h);
	read_imap(p, d->node, h);
	read_dma_ranges(p, d->node, h);
	h->nmsi = read_idmap(p, d->node, "msi-map", h->msi);
	h->niommu = read_idmap(p, d->node, "iommu-map", h->iommu);
	/* pci-msi.txt, pci-iommu.txt: the requester ID is masked before the map is searched. */
	const fdt32_t *mm = fdt_getprop(p->fdt, d->node, "msi-map-mask", &len);
	h->msi_mask = mm && len == 4 ? fdt32_ld(mm) : 0xffffffffu;
	const fdt32_t *im = fdt_getprop(p->fdt, d->node, "iommu-map-mask", &len);
	h->iommu_mask = im && len == 4 ? fdt32_ld(im) : 0xffffffffu;
	const fdt32_t *mp = fdt_getprop(p->fdt, d->node, "msi-parent", &len);
	if (mp && len >= 4)
		h->msi_parent = dt_phandle_node(p, fdt32_ld(mp));
	return why;
}

const struct dt_pci_imap *dt_pci_intx(const struct dt_pci_host *h, uint32_t child_hi, uint32_t pin)
{
	uint32_t mhi = h->has_imask ? h->imask_hi : 0xffffffffu;
	uint32_t mpin = h->has_imask ? h->imask_pin : 0xffffffffu;

	for (int i = 0; i < h->nimap; i++)
		if ((child_hi & mhi) == h->imap[i].child_hi && (pin & mpin) == h->imap[i].pin)
			return &h->imap[i];
	return NULL;
}

const struct dt_pci_idmap *dt_pci_map_id(const struct dt_pci_idmap *map, int n, uint32_t mask,
					 uint32_t rid, uint32_t *id)
{
	rid &= mask;
	for (int i = 0; i < n; i++)
		if (rid >= map[i].rid && rid - map[i].rid < map[i].length) {
			*id = map[i].base + (rid - map[i].rid);
			return &map[i];
		}
	return NULL;
}
