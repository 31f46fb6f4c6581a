// SPDX-License-Identifier: MIT
/*
 * pci suite: the generic ECAM PCIe host bridge the DT describes, held
 * against what the bus does. Documents checked: PCI Express Base 4.0
 * (7.2.2 ECAM; 2.3.2 an absent function's configuration read completes with
 * all ones), PCI Local Bus 3.0 (6.1 header, 6.2.5 BARs, 6.8 MSI, 2.2.6 INTx),
 * PCI-to-PCI Bridge 1.2 9.1 (the swizzle), the Linux bindings
 * pci/host-generic-pci.yaml, pci/pci-msi.txt, pci/pci-iommu.txt and the
 * Open Firmware PCI bus binding (ranges, interrupt-map), and QEMU 7.2
 * hw/arm/virt.c (create_pcie, create_pcie_irq_map). The devices checked
 * are those the runner attached (vm_pci=) where it put them.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/window.h"
#include "tests/pci/pci.h"

static const char *skip_if(const struct test_ctx *t)
{
	const struct dt_device *d = dt_pci_host_node(t->plat);
	static struct dt_pci_host h; /* large: not on the stack */

	/* A 32-bit image maps 4 GiB: QEMU's high ECAM is reached through a window, if any. */
	const char *cannot = NULL;
	if (d && !dt_pci_host_read(t->plat, d, &h))
		cannot = window_cannot(h.ecam_base, h.ecam_size);
	if (cannot) {
		static char why[240];
		snprintf(why, sizeof(why), "the ECAM at 0x%llx lies above what the MMU reaches: %s",
			 (unsigned long long)h.ecam_base, cannot);
		return why;
	}
	if (d)
		return NULL;
	return "no pci-host-ecam-generic node in the device tree (no PCIe host bridge is "
	       "described; Xen 4.17 gives a dom0less domU none)";
}

static const char *init(struct test_ctx *t)
{
	/* The suite's state from run-time memory, once: 17 KiB the image's BSS need not hold. */
	static struct pci_state *s;
	if (!s && !(s = arena_alloc(sizeof(*s), 16)))
		return arena_refusal("the pci suite's state", sizeof(*s));
	memset(s, 0, sizeof(*s));
	const struct dt_device *d = dt_pci_host_node(t->plat);
	s->host_why = dt_pci_host_read(t->plat, d, &s->host);
	if (!s->host_why) {
		const char *why;
		s->ecam.base = window_open(s->host.ecam_base, s->host.ecam_size, &why);
		if (why)
			s->host_why = why;
	}
	s->ecam.size = s->host.ecam_size;
	s->ecam.first = s->host.bus_first;
	t->state = s;
	if (s->host_why)
		return NULL; /* the host case says why; the others skip */
	pci_bridges_number(s);
	pci_enumerate(s);
	pci_assign(s);
	pci_bridges_forward(s);
	return NULL;
}

static const struct test_case cases[] = {
	CASE(host), CASE(enumerate), CASE(bars), CASE(decode),	   CASE(intx),
	CASE(msi),  CASE(dma),	     CASE(smmu), CASE(virtio_blk), CASE(bridge),
};
SUITE(72, pci, cases, .skip_if = skip_if, .init = init);
