// SPDX-License-Identifier: MIT
/*
 * The bus addresses the pci suite gives a device for its DMA buffers: the
 * host's dma-ranges (lib/dt/pci.h dt_pci_dma_addr). A dma-ranges that
 * translates (bus address not the CPU's) is only taken where the bus
 * address, read as a CPU address as a platform that does not translate
 * would read it, is none of the harness's own memory: a lying dma-ranges
 * must cost a finding, not the run.
 */
#include <libfdt.h>

#include "dt/claims.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "tests/pci/pci.h"

static int overlaps(uint64_t a, uint64_t len, uint64_t base, uint64_t size)
{
	return size && a < base + size && base < a + len;
}

enum pci_dma pci_dma_bus(const struct test_ctx *t, const struct dt_pci_host *h,
			 const volatile void *at, size_t len, uint64_t *bus)
{
	uint64_t cpu = (uintptr_t)at;
	struct addr_range arena = arena_range();

	if (h->dma_why)
		return PCI_DMA_UNREADABLE;
	if (dt_pci_dma_addr(h, cpu, len, bus))
		return PCI_DMA_UNREACHED;
	if (*bus != cpu &&
	    (overlaps(*bus, len, t->boot->image_base, t->boot->image_end - t->boot->image_base) ||
	     overlaps(*bus, len, (uintptr_t)t->plat->fdt, fdt_totalsize(t->plat->fdt)) ||
	     overlaps(*bus, len, arena.base, arena.size)))
		return PCI_DMA_ON_HARNESS;
	return PCI_DMA_OK;
}

const char *pci_dma_refusal(enum pci_dma why)
{
	switch (why) {
	case PCI_DMA_UNREADABLE: return "dma-ranges cannot be read (pci/host dma_ranges_readable)";
	case PCI_DMA_UNREACHED:
		return "dma-ranges leaves the harness's buffers out of the device's reach";
	case PCI_DMA_ON_HARNESS:
		return "dma-ranges gives the buffers bus addresses that are the harness's own "
		       "memory as CPU addresses: not asked, lest a platform that does not "
		       "translate write there";
	case PCI_DMA_OK: break;
	}
	return NULL;
}

void pci_dma_ranges_held(struct test_ctx *t, const struct dt_pci_host *h)
{
	if (!h->dma_given)
		return;
	if (h->ndma == 1 && !h->dma_dropped)
		claim_hold(h->dev->node, "dma-ranges", CLAIM_PROBE);
	else
		note(t, "dma-ranges: %d entries; only the one the buffers are in was asked",
		     h->ndma + h->dma_dropped);
}
