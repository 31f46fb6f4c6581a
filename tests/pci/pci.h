/* SPDX-License-Identifier: MIT */
/* The pci suite's state and cases (tests/pci/): what init found and assigned. */
#ifndef TESTS_PCI_PCI_H
#define TESTS_PCI_PCI_H

#include <stddef.h>
#include <stdint.h>

#include "drivers/gic_its.h"
#include "drivers/pci_ecam.h"
#include "dt/pci.h"
#include "runtime/case.h"

#define PCI_MAX_FNS	32
#define PCI_MAX_ODD	4 /* absent functions that did not read all ones, kept to report */
#define PCI_WAIT_US	50000
#define PCI_DMA_WAIT_US 2000000 /* edu starts a transfer 100 ms (virtual) after the command */

/* QEMU's IDs (docs/specs/pci-ids.rst; hw/misc/edu.c; virtio 1.2 4.1.2.1). */
#define VENDOR_REDHAT		 0x1b36
#define VENDOR_QEMU		 0x1234
#define VENDOR_VIRTIO		 0x1af4
#define VENDOR_INTEL		 0x8086
#define DEVICE_TESTDEV		 0x0005
#define DEVICE_EDU		 0x11e8
#define DEVICE_VIRTIO_BLK_MODERN 0x1042 /* 0x1040 + device type 2 (virtio 1.2 4.1.2.1) */
#define DEVICE_E1000		 0x100e /* 82540EM, QEMU's e1000 (hw/net/e1000.c) */

struct pci_fn {
	uint32_t bus, devfn;
	uint16_t vendor, device;
	uint32_t class_rev;
	uint8_t header, pin;
	struct pci_bar bar[PCI_NUM_BARS];
	uint64_t bar_pci[PCI_NUM_BARS];	   /* the bus address assigned, 0 none */
	uint64_t bar_cpu[PCI_NUM_BARS];	   /* the same through ranges */
	uintptr_t bar_va[PCI_NUM_BARS];	   /* where the harness reaches it (runtime/window.h) */
	int bar_win[PCI_NUM_BARS];	   /* the window it went in, -1 none */
	uint64_t bar_found[PCI_NUM_BARS];  /* the bus address it held before the suite's */
	const char *bar_why[PCI_NUM_BARS]; /* why it was not assigned */
};

#define PCI_MAX_BRIDGES	     4
#define PCI_MAX_BRIDGE_DEPTH 8 /* bridges behind bridges numbered, at most */

/*
 * A PCI-to-PCI bridge the suite numbered (bridge.c), and the windows it
 * forwards. pcie_type: its PCI Express capability's Device/Port Type (PCI
 * Express Base 4.0 7.5.3.2), or PCI_BRIDGE_CONVENTIONAL without one.
 */
#define PCI_BRIDGE_CONVENTIONAL -1
#define PCI_EXP_TYPE_PCI_BRIDGE 0x7 /* PCI Express to PCI/PCI-X bridge */
struct pci_bridge {
	uint32_t bus, devfn, sec, sub;
	int pcie_type;
	uint64_t lo[DT_PCI_MAX_WINDOWS], hi[DT_PCI_MAX_WINDOWS]; /* bus addresses; lo == hi none */
};

struct pci_odd {
	uint32_t bus, devfn, value;
	uint64_t esr;
	int aborted;
};

struct pci_state {
	struct dt_pci_host host;
	const char *host_why;
	struct pci_ecam ecam;
	struct pci_fn fn[PCI_MAX_FNS];
	int nfn, fns_dropped;
	unsigned absent;		 /* functions read as absent */
	struct pci_odd odd[PCI_MAX_ODD]; /* absent ones not all ones (or aborted) */
	unsigned nodd;
	uint64_t enum_us;
	uint64_t next[DT_PCI_MAX_WINDOWS];    /* each window's next free bus address */
	uintptr_t win_va[DT_PCI_MAX_WINDOWS]; /* the VA of each window's CPU base */
	struct pci_bridge br[PCI_MAX_BRIDGES];
	int nbr, br_dropped;
};

/*
 * An MSI route (route.c): the message (addr, data) the function is to
 * write, and the INTID it must arrive as. Each sender has its own index
 * (its LPI, or its SPI of a GICv2m frame's): edu's and virtio-blk's.
 */
#define PCI_MSI_LPI	   (GIC_FIRST_LPI + 16)
#define PCI_MSI_EDU	   0
#define PCI_MSI_BLK	   1
#define PCI_MSI_BRIDGE_EDU 2 /* the edu behind the runner's bridge */
struct pci_msi_route {
	uint64_t addr;
	uint32_t data, intid, devid, rid; /* rid: the requester ID msi-map was given */
	const char *ctl, *prop;		  /* the controller's path; msi-map or msi-parent */
	int v2m;
};

struct pci_state *pci_state(struct test_ctx *t);
/* The function at (root bus, slot, 0), or NULL. */
struct pci_fn *pci_at_slot(struct pci_state *s, uint32_t slot);
/* "BB:DD.F" for the subject. */
void pci_push_fn(struct test_ctx *t, const struct pci_fn *f);
/* The host's child nodes on the root bus held against the functions there (children.c). */
void pci_hold_dt_children(struct test_ctx *t, struct pci_state *s);
/* Enumerate every bus of bus-range (enum.c); BARs sized and assigned (bars.c). */
void pci_enumerate(struct pci_state *s);
/*
 * Bridges (bridge.c): numbered depth first from the root bus before the
 * enumeration, so that it finds what is behind them; their windows set to
 * what was assigned behind them after pci_assign. pci_to_root swizzles a
 * function's pin (1..4) up to the root bus (PCI-to-PCI Bridge 1.2 9.1):
 * the root-bus devfn and pin, or 0 when a bus has no bridge the suite knows.
 */
void pci_bridges_number(struct pci_state *s);
void pci_bridges_forward(struct pci_state *s);
int pci_to_root(const struct pci_state *s, const struct pci_fn *f, uint32_t *devfn, uint32_t *pin);
/*
 * The requester ID f's memory writes (its MSIs) carry when they reach the
 * root complex (bridge.c): its own bus:devfn on the root bus or behind
 * PCI Express ports; the secondary bus with devfn 0 past a PCI Express to
 * PCI bridge (PCI Express to PCI/PCI-X Bridge 1.0 2.3); the bridge's own
 * past a conventional PCI bridge, which has no requester ID of its
 * children to forward. The one nearest the root wins. *via: the bridge
 * that set it, or NULL.
 */
uint32_t pci_requester_id(const struct pci_state *s, const struct pci_fn *f,
			  const struct pci_bridge **via);
/* The bridge in (root bus, slot), numbered by the suite, or NULL. */
const struct pci_bridge *pci_bridge_at_slot(const struct pci_state *s, uint32_t slot);
struct pci_fn *pci_find(struct pci_state *s, uint32_t bus, uint32_t devfn);
void pci_assign(struct pci_state *s);

/*
 * f's requester ID through msi-map or msi-parent to its controller, made
 * ready to take message index: 1 with r filled; 0 when it cannot be
 * exercised (said by a skip or a note). A wrong map or controller is a
 * finding, and ends the case. pci_msi_route_end undoes what the GIC was told.
 */
int pci_msi_route(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f, unsigned index,
		  struct pci_msi_route *r);
void pci_msi_route_end(const struct pci_msi_route *r);
/*
 * What the runner put behind its bridge (protocol.h PCI_BRIDGE_*_SLOT):
 * the function in that slot of the bridge's secondary bus, or NULL.
 */
struct pci_fn *pci_behind_bridge(struct pci_state *s, uint32_t slot);
/* The same behind the bridge behind it (PCI_BRIDGE_NESTED_SLOT). */
struct pci_fn *pci_behind_nested(struct pci_state *s, uint32_t slot);
/* What pci_dma_bus says of a buffer (dma_addr.c). */
enum pci_dma { PCI_DMA_OK, PCI_DMA_UNREADABLE, PCI_DMA_UNREACHED, PCI_DMA_ON_HARNESS };
/*
 * The bus address for a device of host h to reach [at, at + len) by: its
 * dma-ranges, refused where a translated address is the harness's memory.
 */
enum pci_dma pci_dma_bus(const struct test_ctx *t, const struct dt_pci_host *h,
			 const volatile void *at, size_t len, uint64_t *bus);
/* The skip reason for a buffer pci_dma_bus did not give (NULL for PCI_DMA_OK). */
const char *pci_dma_refusal(enum pci_dma why);
/* A DMA through dma-ranges arrived: the property is held when its one entry was what was used. */
void pci_dma_ranges_held(struct test_ctx *t, const struct dt_pci_host *h);
/* Every GIC SPI the interrupt-map names enabled to this CPU (on), or disabled and cleared. */
void pci_map_intids(const struct dt_pci_host *h, int on);

void case_host(struct test_ctx *t);	  /* enum.c */
void case_enumerate(struct test_ctx *t);  /* enum.c */
void case_bars(struct test_ctx *t);	  /* bars.c */
void case_decode(struct test_ctx *t);	  /* answer.c */
void case_intx(struct test_ctx *t);	  /* intx.c */
void case_msi(struct test_ctx *t);	  /* msi.c */
void case_dma(struct test_ctx *t);	  /* dma.c */
void case_smmu(struct test_ctx *t);	  /* smmu.c */
void case_virtio_blk(struct test_ctx *t); /* virtio.c */
void case_bridge(struct test_ctx *t);	  /* bridge_case.c */

#endif
