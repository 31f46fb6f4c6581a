/* SPDX-License-Identifier: MIT */
/*
 * PCI configuration space through ECAM (PCI Express Base 4.0 7.2.2: bus
 * number in address bits 27:20, device 19:15, function 14:12, register
 * 11:0, relative to the first bus the space decodes), the type 0 header's
 * registers (PCI Local Bus 3.0 6.1, 6.2.5) and BAR sizing. Every access is
 * a probe: an abort is an answer the caller judges, not a crash.
 */
#ifndef DRIVERS_PCI_ECAM_H
#define DRIVERS_PCI_ECAM_H

#include <stdint.h>

#define PCI_VENDOR_ID	   0x00
#define PCI_DEVICE_ID	   0x02
#define PCI_COMMAND	   0x04
#define PCI_STATUS	   0x06
#define PCI_CLASS_REV	   0x08
#define PCI_HEADER_TYPE	   0x0e
#define PCI_BAR0	   0x10
#define PCI_CAP_PTR	   0x34
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN  0x3d
#define PCI_NUM_BARS	   6

#define PCI_COMMAND_IO	     (1u << 0)
#define PCI_COMMAND_MEMORY   (1u << 1)
#define PCI_COMMAND_MASTER   (1u << 2)
#define PCI_COMMAND_INTX_OFF (1u << 10)
#define PCI_STATUS_CAP_LIST  (1u << 4)
#define PCI_STATUS_INTX	     (1u << 3)
#define PCI_HEADER_MULTI     0x80
#define PCI_HEADER_KIND(h)   ((h)&0x7f) /* 0 endpoint, 1 PCI-PCI bridge, 2 CardBus */

/*
 * The type 1 (PCI-to-PCI bridge) header's registers past the common ones
 * (PCI-to-PCI Bridge Architecture 1.2 3.2, figure 3-2): bus numbers
 * (3.2.5.3-5), the I/O window (3.2.5.6, 4 KiB granules, upper 16 bits at
 * 0x30), the memory window (3.2.5.8, 1 MiB granules) and the prefetchable
 * one (3.2.5.9-10, with its upper 32 bits).
 */
#define PCI_BRIDGE_BUSES       0x18 /* dword: primary, secondary, subordinate, latency */
#define PCI_BRIDGE_PRIMARY     0x18
#define PCI_BRIDGE_SECONDARY   0x19
#define PCI_BRIDGE_SUBORDINATE 0x1a
#define PCI_BRIDGE_IO_BASE     0x1c
#define PCI_BRIDGE_IO_LIMIT    0x1d
#define PCI_BRIDGE_MEM_BASE    0x20
#define PCI_BRIDGE_MEM_LIMIT   0x22
#define PCI_BRIDGE_PREF_BASE   0x24
#define PCI_BRIDGE_PREF_LIMIT  0x26
#define PCI_BRIDGE_PREF_BASE32 0x28
#define PCI_BRIDGE_PREF_LIM32  0x2c
#define PCI_BRIDGE_IO_BASE16   0x30
#define PCI_BRIDGE_IO_LIMIT16  0x32
#define PCI_BRIDGE_MEM_GRAIN   0x100000ull
#define PCI_BRIDGE_IO_GRAIN    0x1000ull

#define PCI_CAP_ID_MSI	      0x05
#define PCI_CAP_ID_VNDR	      0x09
#define PCI_CAP_ID_EXP	      0x10
#define PCI_CAP_ID_MSIX	      0x11
#define PCI_EXP_FLAGS	      2 /* from the capability (PCI Express Base 4.0 7.5.3.2) */
#define PCI_EXP_FLAGS_TYPE(f) (((f) >> 4) & 0xfu) /* Device/Port Type */
#define PCI_MSI_FLAGS	      2			  /* from the capability */
#define PCI_MSI_64BIT	      (1u << 7)
#define PCI_MSI_ENABLE	      (1u << 0)
#define PCI_MSIX_ENABLE	      (1u << 15)

#define PCI_ECAM_BUS_SIZE   (1u << 20)
#define PCI_DEVFN(dev, fn)  ((uint32_t)(((dev) << 3) | (fn)))
#define PCI_RID(bus, devfn) ((uint32_t)(((bus) << 8) | (devfn)))

struct pci_ecam {
	uintptr_t base; /* the CPU address of bus `first`'s space */
	uint64_t size;	/* what the DT gives the space */
	uint32_t first; /* the bus at base */
};

/* The address of a register; 0 when the bus is outside what size covers. */
uintptr_t pci_cfg_addr(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg);
/* width 8, 16 or 32. 0, or -1 with *esr set when the access aborted (or is outside size). */
int pci_cfg_read(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg,
		 unsigned width, uint32_t *value, uint64_t *esr);
int pci_cfg_write(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t reg,
		  unsigned width, uint32_t value, uint64_t *esr);

enum pci_bar_kind { PCI_BAR_NONE, PCI_BAR_IO, PCI_BAR_MEM32, PCI_BAR_MEM64 };
struct pci_bar {
	enum pci_bar_kind kind;
	int prefetchable;
	uint64_t size;
	uint64_t flags; /* the low bits the BAR keeps (type, prefetchable) */
};
/*
 * Size BAR index of a type 0 header (PCI Local Bus 3.0 6.2.5.1): all ones
 * written, the read-back's writable bits give the size; the BAR is left as
 * it was. Decoding is off meanwhile (the caller's command register is saved
 * and restored). A 64-bit BAR also takes index + 1. 0, or -1 on an abort.
 */
int pci_bar_size(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, int index,
		 struct pci_bar *bar);
/* Write a BAR's bus address (both halves of a 64-bit one). */
int pci_bar_set(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, int index,
		const struct pci_bar *bar, uint64_t addr);
/* What the BAR reads as an address (flags cleared). */
uint64_t pci_bar_get(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, int index,
		     const struct pci_bar *bar);
/*
 * The capability list (PCI Local Bus 3.0 6.7): the offset of the first
 * capability with id after the one at `after` (0: from the list's start),
 * or 0 when none. Vendor-specific capabilities (0x09) may repeat, so a
 * walker asks for the next of the same id until 0. A list that loops ends
 * after 48 entries from `after`; a caller walking it again bounds its own loop.
 */
uint32_t pci_next_cap(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t id,
		      uint32_t after);
/* The offset of the first capability with id, or 0. */
uint32_t pci_find_cap(const struct pci_ecam *e, uint32_t bus, uint32_t devfn, uint32_t id);

#endif
