// SPDX-License-Identifier: MIT
#include "drivers/pci_ecam.h"

#include "boot/probe.h"

#define ESR_OUTSIDE   0 /* an address outside the space: nothing touched */
#define BAR_IO_FLAGS  0x3ull
#define BAR_MEM_FLAGS 0xfull
#define BAR_IO	      1u
#define BAR_TYPE(v)   (((v) >> 1) & 3u)
#define BAR_PREFETCH  (1u << 3)
#define CAPS_MAX      48 /* a capability list longer than this loops */

uintptr_t pci_cfg_addr(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg)
{
	uint64_t off;

	if (bus < e->first || devfn > 0xff || reg > 0xfff)
		return 0;
	off = (uint64_t)(bus - e->first) * PCI_ECAM_BUS_SIZE + ((uint64_t)devfn << 12) + reg;
	if (off >= e->size)
		return 0;
	return e->base + (uintptr_t)off;
}

int pci_cfg_read(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg,
		 unsigned width, uint32_t *value, uint64_t *esr)
{
	struct probe_outcome o;
	uintptr_t a = pci_cfg_addr(e, bus, devfn, reg);

	*value = ~0u;
	*esr = ESR_OUTSIDE;
	if (!a)
		return -1;
	if (probe_read(a, width, &o)) {
		*esr = o.esr;
		return -1;
	}
	*value = (uint32_t)o.value;
	return 0;
}

int pci_cfg_write(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg,
		  unsigned width, uint32_t value, uint64_t *esr)
{
	struct probe_outcome o;
	uintptr_t a = pci_cfg_addr(e, bus, devfn, reg);

	*esr = ESR_OUTSIDE;
	if (!a)
		return -1;
	if (probe_write(a, width, value, &o)) {
		*esr = o.esr;
		return -1;
	}
	return 0;
}

static uint32_t rd32(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg, int *bad)
{
	uint32_t v;
	uint64_t esr;

	if (pci_cfg_read(e, bus, devfn, reg, 32, &v, &esr))
		*bad = 1;
	return v;
}

static void wr32(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg, uint32_t v,
		 int *bad)
{
	uint64_t esr;

	if (pci_cfg_write(e, bus, devfn, reg, 32, v, &esr))
		*bad = 1;
}

int pci_bar_size(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, int index,
		 struct pci_bar *bar)
{
	int bad = 0;
	uint32_t reg = PCI_BAR0 + 4u * (uint32_t)index;
	uint32_t cmd = rd32(e, bus, devfn, PCI_COMMAND, &bad);

	bar->kind = PCI_BAR_NONE;
	bar->prefetchable = 0;
	bar->size = 0;
	bar->flags = 0;
	/* No decoding while a BAR reads all ones: it must not claim addresses meanwhile. */
	wr32(e, bus, devfn, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY), &bad);
	uint32_t old = rd32(e, bus, devfn, reg, &bad);
	wr32(e, bus, devfn, reg, ~0u, &bad);
	uint32_t lo = rd32(e, bus, devfn, reg, &bad);
	wr32(e, bus, devfn, reg, old, &bad);
	uint64_t mask;
	if (old & BAR_IO) {
		bar->kind = PCI_BAR_IO;
		bar->flags = old & BAR_IO_FLAGS;
		mask = (lo & ~(uint32_t)BAR_IO_FLAGS) | 0xffffffff00000000ull;
		/* The upper 16 bits of an I/O BAR may be hardwired to 0 (6.2.5.1). */
		if (!(lo & 0xffff0000u))
			mask |= 0xffff0000ull;
	} else {
		bar->kind = BAR_TYPE(old) == 2 ? PCI_BAR_MEM64 : PCI_BAR_MEM32;
		bar->prefetchable = !!(old & BAR_PREFETCH);
		bar->flags = old & BAR_MEM_FLAGS;
		mask = (lo & ~(uint32_t)BAR_MEM_FLAGS) | 0xffffffff00000000ull;
		if (bar->kind == PCI_BAR_MEM64 && index < PCI_NUM_BARS - 1) {
			uint32_t oldhi = rd32(e, bus, devfn, reg + 4, &bad);
			wr32(e, bus, devfn, reg + 4, ~0u, &bad);
			uint32_t hi = rd32(e, bus, devfn, reg + 4, &bad);
			wr32(e, bus, devfn, reg + 4, oldhi, &bad);
			mask = ((uint64_t)hi << 32) | (lo & ~(uint32_t)BAR_MEM_FLAGS);
		}
	}
	wr32(e, bus, devfn, PCI_COMMAND, cmd, &bad);
	uint64_t writable = mask & ~(bar->kind == PCI_BAR_IO ? BAR_IO_FLAGS : BAR_MEM_FLAGS);
	bar->size = writable ? (~writable + 1) &
				       ~(bar->kind == PCI_BAR_IO ? BAR_IO_FLAGS : BAR_MEM_FLAGS)
			     : 0;
	if ((lo == 0 && !(old & BAR_IO)) || !bar->size)
		bar->kind = PCI_BAR_NONE;
	return bad ? -1 : 0;
}

int pci_bar_set(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, int index,
		const struct pci_bar *bar, uint64_t addr)
{
	int bad = 0;
	uint32_t reg = PCI_BAR0 + 4u * (uint32_t)index;

	wr32(e, bus, devfn, reg, (uint32_t)addr | (uint32_t)bar->flags, &bad);
	if (bar->kind == PCI_BAR_MEM64)
		wr32(e, bus, devfn, reg + 4, (uint32_t)(addr >> 32), &bad);
	return bad ? -1 : 0;
}

uint64_t pci_bar_get(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, int index,
		     const struct pci_bar *bar)
{
	int bad = 0;
	uint32_t reg = PCI_BAR0 + 4u * (uint32_t)index;
	uint64_t v = rd32(e, bus, devfn, reg, &bad);

	if (bar->kind == PCI_BAR_MEM64)
		v |= (uint64_t)rd32(e, bus, devfn, reg + 4, &bad) << 32;
	return v & ~(bar->kind == PCI_BAR_IO ? BAR_IO_FLAGS : BAR_MEM_FLAGS);
}

uint32_t pci_next_cap(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t id,
		      uint32_t after)
{
	int bad = 0;
	uint32_t status = rd32(e, bus, devfn, PCI_COMMAND, &bad) >> 16;

	if (bad || !(status & PCI_STATUS_CAP_LIST))
		return 0;
	uint32_t at = after ? (rd32(e, bus, devfn, after, &bad) >> 8) & 0xfc
			    : rd32(e, bus, devfn, PCI_CAP_PTR, &bad) & 0xfc;
	for (int n = 0; at >= 0x40 && n < CAPS_MAX && !bad; n++) {
		uint32_t v = rd32(e, bus, devfn, at, &bad);
		if ((v & 0xff) == id)
			return at;
		at = (v >> 8) & 0xfc;
	}
	return 0;
}

uint32_t pci_find_cap(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t id)
{
	return pci_next_cap(e, bus, devfn, id, 0);
}
