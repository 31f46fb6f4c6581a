// SPDX-License-Identifier: MIT
/*
 * PCI-to-PCI bridges (PCI-to-PCI Bridge Architecture 1.2): a type 1 header
 * found on a bus is given the next free bus number as its secondary bus
 * and, once what is behind it is numbered, the last as its subordinate
 * (3.2.5.3-5); configuration requests for those buses then go through it
 * (ECAM addresses them directly, PCI Express Base 4.0 7.2.2). After the
 * BARs are assigned it forwards the ranges assigned behind it: its memory
 * window (1 MiB granules, 32-bit, 3.2.5.8), its prefetchable window (with
 * the upper 32 bits, 3.2.5.9-10) and its I/O window (4 KiB, 3.2.5.6), each
 * closed (base above limit) when nothing behind it needs one. A device's
 * INTx pin is swizzled by its device number at each bridge on the way to
 * the root bus (9.1).
 */
#include <stddef.h>

#include "tests/pci/pci.h"

static void w8(struct pci_state *s, uint32_t bus, uint32_t devfn, uint32_t reg, uint32_t v)
{
	uint64_t esr;

	pci_cfg_write(&s->ecam, bus, devfn, reg, 8, v, &esr);
}

static uint32_t r32(struct pci_state *s, uint32_t bus, uint32_t devfn, uint32_t reg)
{
	uint32_t v = 0xffffffffu;
	uint64_t esr;

	pci_cfg_read(&s->ecam, bus, devfn, reg, 32, &v, &esr);
	return v;
}

static int port_type(struct pci_state *s, uint32_t bus, uint32_t devfn)
{
	uint32_t cap = pci_find_cap(&s->ecam, bus, devfn, PCI_CAP_ID_EXP), flags = 0;
	uint64_t esr;

	if (!cap || pci_cfg_read(&s->ecam, bus, devfn, cap + PCI_EXP_FLAGS, 16, &flags, &esr))
		return PCI_BRIDGE_CONVENTIONAL;
	return (int)PCI_EXP_FLAGS_TYPE(flags);
}

/* Depth first: the bridges on bus, each numbered with what lies behind it. */
static void number(struct pci_state *s, uint32_t bus, uint32_t *next, unsigned depth)
{
	for (uint32_t devfn = 0; devfn < 256; devfn++) {
		uint32_t id = r32(s, bus, devfn, PCI_VENDOR_ID);
		if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
			if (!(devfn & 7))
				devfn += 7; /* no function 0: no device */
			continue;
		}
		/* The dword at 0x0c: header type in bits 23:16 (PCI Local Bus 3.0 6.1). */
		uint32_t own = (r32(s, bus, devfn, PCI_CLASS_REV + 4) >> 16) & 0xff;
		int single = !(own & PCI_HEADER_MULTI);
		if (PCI_HEADER_KIND(own) == 1 && *next <= s->host.bus_last) {
			if (s->nbr >= PCI_MAX_BRIDGES || depth >= PCI_MAX_BRIDGE_DEPTH) {
				s->br_dropped++;
			} else {
				struct pci_bridge *b = &s->br[s->nbr++];
				b->bus = bus;
				b->devfn = devfn;
				b->sec = (*next)++;
				b->pcie_type = port_type(s, bus, devfn);
				w8(s, bus, devfn, PCI_BRIDGE_PRIMARY, bus);
				w8(s, bus, devfn, PCI_BRIDGE_SECONDARY, b->sec);
				/* Open to the end while what is behind it is numbered. */
				w8(s, bus, devfn, PCI_BRIDGE_SUBORDINATE, s->host.bus_last);
				number(s, b->sec, next, depth + 1);
				b->sub = *next - 1;
				w8(s, bus, devfn, PCI_BRIDGE_SUBORDINATE, b->sub);
			}
		}
		if (!(devfn & 7) && single)
			devfn += 7;
	}
}

void pci_bridges_number(struct pci_state *s)
{
	uint32_t next = s->host.bus_first + 1;

	number(s, s->host.bus_first, &next, 0);
}

static void set_window(struct pci_state *s, const struct pci_bridge *b, int w)
{
	const struct dt_pci_window *win = &s->host.win[w];
	uint64_t lo = b->lo[w], hi = b->hi[w], esr;
	uint32_t bus = b->bus, fn = b->devfn;
	int open = hi > lo;

	if (win->space == PCI_SPACE_IO) {
		lo &= ~(PCI_BRIDGE_IO_GRAIN - 1);
		hi = open ? ((hi - 1) | (PCI_BRIDGE_IO_GRAIN - 1)) : 0;
		w8(s, bus, fn, PCI_BRIDGE_IO_BASE, open ? (uint32_t)(lo >> 8) & 0xf0 : 0xf0);
		w8(s, bus, fn, PCI_BRIDGE_IO_LIMIT, (uint32_t)(hi >> 8) & 0xf0);
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_IO_BASE16, 16,
			      open ? (uint32_t)(lo >> 16) : 0, &esr);
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_IO_LIMIT16, 16, (uint32_t)(hi >> 16),
			      &esr);
		return;
	}
	lo &= ~(PCI_BRIDGE_MEM_GRAIN - 1);
	hi = open ? ((hi - 1) | (PCI_BRIDGE_MEM_GRAIN - 1)) : 0;
	uint32_t base = open ? (uint32_t)(lo >> 16) & 0xfff0 : 0xfff0;
	uint32_t limit = (uint32_t)(hi >> 16) & 0xfff0;
	if (win->space == PCI_SPACE_MEM32 && !win->prefetchable) {
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_MEM_BASE, 16, base, &esr);
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_MEM_LIMIT, 16, limit, &esr);
	} else {
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_PREF_BASE, 16, base, &esr);
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_PREF_LIMIT, 16, limit, &esr);
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_PREF_BASE32, 32,
			      open ? (uint32_t)(lo >> 32) : 0, &esr);
		pci_cfg_write(&s->ecam, bus, fn, PCI_BRIDGE_PREF_LIM32, 32, (uint32_t)(hi >> 32),
			      &esr);
	}
}

void pci_bridges_forward(struct pci_state *s)
{
	for (int i = 0; i < s->nbr; i++) {
		struct pci_bridge *b = &s->br[i];
		for (int k = 0; k < s->nfn; k++) {
			const struct pci_fn *f = &s->fn[k];
			if (f->bus < b->sec || f->bus > b->sub)
				continue;
			for (int j = 0; j < PCI_NUM_BARS; j++) {
				int w = f->bar_win[j];
				if (w < 0)
					continue;
				uint64_t end = f->bar_pci[j] + f->bar[j].size;
				if (b->hi[w] == b->lo[w] || f->bar_pci[j] < b->lo[w])
					b->lo[w] = f->bar_pci[j];
				if (end > b->hi[w])
					b->hi[w] = end;
			}
		}
		/* The non-prefetchable window is the only one of its kind: one window of each. */
		for (int w = 0; w < s->host.nwin; w++)
			if (s->host.win[w].space != PCI_SPACE_CONFIG)
				set_window(s, b, w);
		uint32_t cmd;
		uint64_t esr;
		pci_cfg_read(&s->ecam, b->bus, b->devfn, PCI_COMMAND, 16, &cmd, &esr);
		pci_cfg_write(&s->ecam, b->bus, b->devfn, PCI_COMMAND, 16,
			      cmd | PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, &esr);
	}
}

static const struct pci_bridge *bridge_to(const struct pci_state *s, uint32_t bus)
{
	for (int i = 0; i < s->nbr; i++)
		if (s->br[i].sec == bus)
			return &s->br[i];
	return NULL;
}

int pci_to_root(const struct pci_state *s, const struct pci_fn *f, uint32_t *devfn, uint32_t *pin)
{
	uint32_t bus = f->bus;

	*devfn = f->devfn;
	*pin = f->pin;
	for (unsigned hops = 0; bus != s->ecam.first; hops++) {
		const struct pci_bridge *b = bridge_to(s, bus);
		if (!b || hops > PCI_MAX_BRIDGES)
			return 0;
		if (*pin)
			*pin = (*pin - 1 + (*devfn >> 3)) % 4 + 1; /* 0: no pin, none to swizzle */
		*devfn = b->devfn;
		bus = b->bus;
	}
	return 1;
}

const struct pci_bridge *pci_bridge_at_slot(const struct pci_state *s, uint32_t slot)
{
	for (int i = 0; i < s->nbr; i++)
		if (s->br[i].bus == s->ecam.first && s->br[i].devfn == PCI_DEVFN(slot, 0))
			return &s->br[i];
	return NULL;
}

uint32_t pci_requester_id(const struct pci_state *s, const struct pci_fn *f,
			  const struct pci_bridge **via)
{
	uint32_t rid = PCI_RID(f->bus, f->devfn);
	const struct pci_bridge *b;

	*via = NULL;
	/* Upwards; each bridge that replaces the ID does so for all below it. */
	for (uint32_t bus = f->bus, hops = 0;
	     bus != s->ecam.first && (b = bridge_to(s, bus)) && hops <= PCI_MAX_BRIDGES;
	     bus = b->bus, hops++) {
		if (b->pcie_type == PCI_BRIDGE_CONVENTIONAL) {
			rid = PCI_RID(b->bus, b->devfn);
			*via = b;
		} else if (b->pcie_type == PCI_EXP_TYPE_PCI_BRIDGE) {
			rid = PCI_RID(b->sec, 0);
			*via = b;
		}
	}
	return rid;
}
