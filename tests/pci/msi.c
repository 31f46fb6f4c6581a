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

/* Program edu's MSI capability (64-bit address), raise, and take what arrives. */
static uint32_t edu_msi(struct pci_state *s, struct pci_fn *f, uint32_t cap, uint64_t addr,
			uint32_t data)
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
	iar = irq_poll(PCI_WAIT_US);
	probe_write(f->bar_va[0] + EDU_LOWER, 32, EDU_BIT, &o);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16, flags & ~PCI_MSI_ENABLE,
		      &esr);
	if (iar == GIC_SPURIOUS)
		return GIC_SPURIOUS;
	gic_eoi(iar);
	return gic_intid(iar);
}

void case_msi(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const struct dt_pci_host *h = &s->host;
	struct pci_fn *f;
	struct pci_msi_route r;
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
	pci_push_fn(t, f);
	uint32_t cap = pci_find_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_MSI);
	require(t, cap != 0, "msi_capability", "edu has no MSI capability");
	if (pci_msi_route(t, s, f, PCI_MSI_EDU, &r)) {
		cpu_irq_mask();
		uint32_t got = edu_msi(s, f, cap, r.addr, r.data);
		pci_msi_route_end(&r);
		cpu_irq_unmask();
		subject_push(t, "intid", "%u", r.intid);
		if (check(t, got == r.intid, "msi_arrives",
			  "an MSI to %s (%s) as ID 0x%x (%s), data %u: %s%u, not INTID %u", r.ctl,
			  r.v2m ? "MSI_SETSPI_NS" : "GITS_TRANSLATER", r.devid, r.prop, r.data,
			  got == GIC_SPURIOUS ? "nothing arrived, INTID " : "INTID ", got, r.intid))
			evidence(t, "msi_arrives", "MSI via %s as ID 0x%x arrived as INTID %u",
				 r.ctl, r.devid, r.intid);
		subject_pop(t);
	}
	subject_pop(t);
	subject_pop(t);
}
