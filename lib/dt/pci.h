/* SPDX-License-Identifier: MIT */
/*
 * A generic ECAM PCI host bridge as its node describes it (Linux bindings
 * pci/host-generic-pci.yaml, pci/pci.txt and the PCI Bus Binding to Open
 * Firmware; pci/pci-msi.txt and pci/pci-iommu.txt for msi-map and
 * iommu-map): the ECAM space, the bus range, the windows of ranges, the
 * legacy interrupt map and the ID maps, decoded for a suite that holds them
 * against the bus. Part of the platform model; reads the blob, whose form
 * the model has already checked (dt/interrupts, dt/reg).
 */
#ifndef DT_PCI_H
#define DT_PCI_H

#include <stdint.h>

#include "dt/platform.h"

#define DT_PCI_MAX_WINDOWS 8
#define DT_PCI_MAX_IMAP	   64
#define DT_PCI_MAX_IDMAP   8

/* The space code of a PCI address's phys.hi cell (bits 25:24). */
enum dt_pci_space {
	PCI_SPACE_CONFIG = 0,
	PCI_SPACE_IO = 1,
	PCI_SPACE_MEM32 = 2,
	PCI_SPACE_MEM64 = 3
};

struct dt_pci_window {
	enum dt_pci_space space;
	int prefetchable; /* phys.hi bit 30 */
	uint64_t pci;	  /* the bus address */
	uint64_t cpu;	  /* what the CPU uses for it */
	uint64_t size;
};

/* One interrupt-map row: a child (phys.hi's device bits, pin) to a parent interrupt. */
struct dt_pci_imap {
	uint32_t child_hi; /* phys.hi of the child unit address */
	uint32_t pin;	   /* 1 INTA .. 4 INTD */
	int parent;	   /* the parent controller's node */
	int parent_is_gic;
	struct dt_irq irq; /* when the parent is a GIC */
};

/* One msi-map or iommu-map row: requester IDs rid..rid+length-1 to base.. at node. */
struct dt_pci_idmap {
	uint32_t rid;
	int node;
	uint32_t base;
	uint32_t length;
};

struct dt_pci_host {
	const struct dt_device *dev;
	uint64_t ecam_base, ecam_size;
	uint32_t bus_first, bus_last; /* bus-range, or 0..255 when absent */
	int bus_range_given;
	struct dt_pci_window win[DT_PCI_MAX_WINDOWS];
	int nwin, win_dropped; /* entries of ranges past DT_PCI_MAX_WINDOWS, not kept */
	int has_imask;
	uint32_t imask_hi, imask_pin; /* interrupt-map-mask: phys.hi and pin cells */
	struct dt_pci_imap imap[DT_PCI_MAX_IMAP];
	int nimap;
	struct dt_pci_idmap msi[DT_PCI_MAX_IDMAP];
	int nmsi;
	uint32_t msi_mask, iommu_mask; /* msi-map-mask, iommu-map-mask: all ones when absent */
	int msi_parent;		       /* msi-parent's node, or -1 */
	struct dt_pci_idmap iommu[DT_PCI_MAX_IDMAP];
	int niommu;
	/*
	 * dma-ranges (Devicetree Specification 0.4 2.3.9): the bus addresses
	 * its devices reach CPU addresses by. Absent or empty: the same
	 * addresses (as Linux's of_dma_get_range takes it).
	 */
	int dma_given; /* present and not empty */
	struct dt_pci_window dma[DT_PCI_MAX_WINDOWS];
	int ndma, dma_dropped;
	const char *dma_why; /* dma-ranges that cannot be read, or NULL */
};

/* The first enabled pci-host-ecam-generic node, or NULL. */
const struct dt_device *dt_pci_host_node(const struct platform *p);
/* Decode the host's node: NULL, or why it cannot be used (then h is partly filled). */
const char *dt_pci_host_read(const struct platform *p, const struct dt_device *d,
			     struct dt_pci_host *h);
/* The row that the interrupt-map gives a function's pin (phys.hi of its unit address), or NULL. */
const struct dt_pci_imap *dt_pci_intx(const struct dt_pci_host *h, uint32_t child_hi, uint32_t pin);
/*
 * The bus address a device of the host uses for CPU addresses [cpu, cpu +
 * len): 0 with it in *bus, -1 when no dma-ranges entry holds them all.
 */
int dt_pci_dma_addr(const struct dt_pci_host *h, uint64_t cpu, uint64_t len, uint64_t *bus);
/* The row of an ID map that holds rid & mask (its translated ID in *id), or NULL. */
const struct dt_pci_idmap *dt_pci_map_id(const struct dt_pci_idmap *map, int n, uint32_t mask,
					 uint32_t rid, uint32_t *id);

#endif
