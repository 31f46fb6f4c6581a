// SPDX-License-Identifier: MIT
/*
 * MSIs (PCI Local Bus 3.0 6.8.1) of edu through the controller the bridge's
 * msi-map (or msi-parent) names (Linux bindings pci/pci-msi.txt): to a GICv3
 * ITS, the requester ID translated by msi-map is the device ID the ITS is
 * given (MAPD, MAPTI), and the write to GITS_TRANSLATER must arrive as the
 * LPI mapped for it (Arm IHI 0069 5.2, 6.3); to a GICv2m frame, its
 * MSI_TYPER gives the SPIs it owns, and a write of one to MSI_SETSPI_NS must
 * arrive as that SPI (Arm Server Base System Architecture, GICv2m). A
 * device ID, bus number or controller the DT gets wrong shows here. The
 * edu behind the runner's bridge sends one too, with the requester ID the
 * bridge gives it (pci_requester_id): msi-map is then held past bus 0. The
 * route to the controller is route.c's.
 */
#include <stddef.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/probe.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"

#define EDU_RAISE 0x60
#define EDU_LOWER 0x64
#define EDU_BIT	  0x1u
#define QUIET_US  5000

/* Program edu's MSI capability (64-bit address), raise, and take what arrives. */
static uint32_t edu_msi(struct pci_state *s, struct pci_fn *f, uint32_t cap, uint64_t addr,
			uint32_t data, uint32_t *again)
{
	struct probe_outcome o;
	uint64_t esr;
	uint32_t flags, iar;

	pci_cfg_read(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16, &flags, &esr);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 4, 32, (uint32_t)addr, &esr);
	if (flags & PCI_MSI_64BIT) {
		pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 8, 32, (uint32_t)(addr >> 32),
			      &esr);
		pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 12, 16, data, &esr);
	} else {
		pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 8, 16, data, &esr);
	}
	/* One vector (Multiple Message Enable 0), enabled. */
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16,
		      (flags & ~0x70u) | PCI_MSI_ENABLE, &esr);
	probe_write(f->bar_va[0] + EDU_RAISE, 32, EDU_BIT, &o);
	iar = irq_expect(PCI_WAIT_US);
	probe_write(f->bar_va[0] + EDU_LOWER, 32, EDU_BIT, &o);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16, flags & ~PCI_MSI_ENABLE,
		      &esr);
	if (iar == GIC_SPURIOUS) {
		*again = GIC_SPURIOUS;
		return GIC_SPURIOUS;
	}
	gic_eoi(iar);
	/* A second arrival of the one message, or another INTID it reached. */
	uint32_t more = irq_poll(QUIET_US);
	*again = more;
	if (more != GIC_SPURIOUS) {
		gic_eoi(more);
		*again = gic_intid(more);
	}
	return gic_intid(iar);
}

/* One edu's MSI through its route: it must arrive where the DT says, once, and nowhere else. */
static void send_from(struct test_ctx *t, struct pci_state *s, struct pci_fn *f, unsigned index)
{
	struct pci_msi_route r;

	pci_push_fn(t, f);
	uint32_t cap = pci_find_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_MSI);
	if (check(t, cap != 0, "msi_capability", "edu has no MSI capability") &&
	    pci_msi_route(t, s, f, index, &r)) {
		uint32_t again;
		cpu_irq_mask();
		/* Every INTID the interrupt-map names too: an MSI sent as INTx is seen. */
		pci_map_intids(&s->host, 1);
		uint32_t got = edu_msi(s, f, cap, r.addr, r.data, &again);
		pci_map_intids(&s->host, 0);
		pci_msi_route_end(&r);
		cpu_irq_unmask();
		subject_push(t, "intid", "%u", r.intid);
		if (check(t, got == r.intid, "msi_arrives",
			  "an MSI to %s (%s) from requester ID 0x%04x as ID 0x%x (%s), data %u: "
			  "%s%u, not INTID %u",
			  r.ctl, r.v2m ? "MSI_SETSPI_NS" : "GITS_TRANSLATER", r.rid, r.devid,
			  r.prop, r.data,
			  got == GIC_SPURIOUS ? "nothing arrived, INTID " : "INTID ", got, r.intid))
			evidence(t, "msi_arrives",
				 "MSI via %s from requester ID 0x%04x as ID 0x%x arrived as INTID "
				 "%u",
				 r.ctl, r.rid, r.devid, r.intid);
		check(t, again == GIC_SPURIOUS, "msi_arrives_once",
		      "one MSI sent; INTID %u arrived after the first", again);
		subject_pop(t);
	}
	subject_pop(t);
}

void case_msi(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const struct dt_pci_host *h = &s->host;
	struct pci_fn *f;
	const char *why = irq_unusable();

	if (s->host_why || !s->nfn) {
		skip(t, "no usable host bridge or no function on the bus");
		return;
	}
	if (why) {
		skip(t, why);
		return;
	}
	if (!h->nmsi && h->msi_parent < 0) {
		skip(t, "the host bridge has neither msi-map nor msi-parent: no MSI path is "
			"described");
		return;
	}
	if (!(t->opt->vm_pci & OPT_PCI_EDU) || !(f = pci_at_slot(s, PCI_SLOT_EDU)) ||
	    f->bar_win[0] < 0) {
		skip(t,
		     "no edu device with an assigned BAR (scripts/run --pci edu) to send an MSI");
		return;
	}
	node_push(t, h->dev->path);
	send_from(t, s, f, PCI_MSI_EDU);
	/* The edu behind the bridge: its requester ID is not its bus 0 slot's. */
	if (t->opt->vm_pci & OPT_PCI_BRIDGE) {
		f = pci_behind_bridge(s, PCI_BRIDGE_EDU_SLOT);
		if (f && f->vendor == VENDOR_QEMU && f->device == DEVICE_EDU && f->bar_win[0] >= 0)
			send_from(t, s, f, PCI_MSI_BRIDGE_EDU);
		else
			note(t,
			     "no edu with an assigned BAR behind the bridge: the bridge case says "
			     "why; no MSI from behind it");
	}
	subject_pop(t);
}
