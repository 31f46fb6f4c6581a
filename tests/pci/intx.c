// SPDX-License-Identifier: MIT
/*
 * Legacy interrupts (PCI Local Bus 3.0 2.2.6, 6.2.4): each function's
 * Interrupt Pin, swizzled by its device number at each bridge up to the
 * root bus (PCI-to-PCI Bridge 1.2 9.1; bridge.c), through the
 * interrupt-map (after interrupt-map-mask) to the INTID the DT names; on QEMU's virt board also
 * against its documented wiring (QEMU 7.2 hw/arm/virt.c: a15irqmap[VIRT_PCIE] = 3 and
 * create_pcie_irq_map: slot s, pin p (INTA 0) to SPI 3 + (s + p) % 4). edu
 * (an edu on the root bus, and one behind the bridge when attached)
 * raises its line (register 0x60) and lowers it (0x64), and so does the
 * e1000 behind the bridge (8254x SDM 13.4.17-21: a cause set through ICS
 * and unmasked in IMS; ICR read clears it), which needs no MSI controller
 * and so is there with its=off too: the INTID the DT
 * names must arrive, no other, the Status register's Interrupt Status bit
 * must follow the line, and the INTID must not stay pending once lowered.
 */
#include <stddef.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/probe.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"

#define QEMU_VIRT_PCIE_SPI 3
#define EDU_RAISE	   0x60
#define EDU_LOWER	   0x64
#define EDU_BIT		   0x1u
#define QUIET_US	   5000
/* 8254x SDM 13.4.17-21: cause read (and cleared), set, mask set, mask clear. */
#define E1000_ICR  0xc0
#define E1000_ICS  0xc8
#define E1000_IMS  0xd0
#define E1000_IMC  0xd8
#define E1000_TXDW 0x1u /* the cause used: one the idle device never sets itself */

enum raiser { RAISE_NONE, RAISE_EDU, RAISE_E1000 };

static void line(enum raiser k, uintptr_t b, int up)
{
	struct probe_outcome o;

	if (k == RAISE_EDU) {
		probe_write(b + (up ? EDU_RAISE : EDU_LOWER), 32, EDU_BIT, &o);
	} else if (up) {
		probe_write(b + E1000_IMS, 32, E1000_TXDW, &o);
		probe_write(b + E1000_ICS, 32, E1000_TXDW, &o);
	} else {
		probe_read(b + E1000_ICR, 32, &o); /* read to clear: the line drops */
		probe_write(b + E1000_IMC, 32, E1000_TXDW, &o);
	}
}

static int on_qemu_virt(const struct platform *p)
{
	return !strcmp(p->root_compat, "linux,dummy-virt");
}

static uint32_t status_of(struct pci_state *s, const struct pci_fn *f)
{
	uint32_t v;
	uint64_t esr;

	pci_cfg_read(&s->ecam, f->bus, f->devfn, PCI_STATUS, 16, &v, &esr);
	return v;
}

/* Every INTID the interrupt-map names, enabled to this CPU: where the line goes is seen. */
void pci_map_intids(const struct dt_pci_host *h, int on)
{
	for (int i = 0; i < h->nimap; i++) {
		uint32_t id = h->imap[i].irq.intid;
		if (!h->imap[i].parent_is_gic || h->imap[i].irq.kind != IRQ_SPI)
			continue;
		if (on) {
			gic_clear_pending(id);
			gic_route_here(id);
			gic_enable(id);
		} else {
			gic_disable(id);
			gic_clear_pending(id);
		}
	}
}

static void raise_line(struct test_ctx *t, struct pci_state *s, struct pci_fn *f,
		       const struct dt_pci_imap *e, enum raiser k)
{
	uintptr_t b = f->bar_va[0];
	uint32_t want = e->irq.intid, iar, got;

	cpu_irq_mask();
	pci_map_intids(&s->host, 1);
	line(k, b, 1);
	got = irq_expect(PCI_WAIT_US);
	uint32_t st = status_of(s, f);
	uint32_t gid = got == GIC_SPURIOUS ? got : gic_intid(got);
	iar = got;
	line(k, b, 0);
	uint32_t st_low = status_of(s, f);
	if (gid != GIC_SPURIOUS)
		gic_eoi(iar);
	/* Lowered before the EOI: a level interrupt must not come back. */
	uint32_t again = irq_poll(QUIET_US);
	if (again != GIC_SPURIOUS)
		gic_eoi(again);
	pci_map_intids(&s->host, 0);
	cpu_irq_unmask();

	subject_push(t, "intid", "%u", want);
	if (gid == want)
		evidence(t, "intx_arrives_at_dt_intid", "INT%c raised: INTID %u arrived",
			 'A' + f->pin - 1, want);
	else if (gid == GIC_SPURIOUS)
		finding(t, "intx_arrives_at_dt_intid",
			"INT%c raised: nothing arrived within %u ms at INTID %u, which the "
			"interrupt-map names, nor at any other INTID it names",
			'A' + f->pin - 1, PCI_WAIT_US / 1000, want);
	else
		finding(t, "intx_arrives_at_dt_intid",
			"INT%c raised: INTID %u arrived, not INTID %u, which the interrupt-map "
			"names",
			'A' + f->pin - 1, gid, want);
	check(t, st & PCI_STATUS_INTX, "intx_status_follows_line",
	      "the line raised, the Status register reads 0x%04x: Interrupt Status clear", st);
	check(t, !(st_low & PCI_STATUS_INTX), "intx_status_follows_line",
	      "the line lowered, the Status register reads 0x%04x: Interrupt Status still set",
	      st_low);
	check(t, again == GIC_SPURIOUS, "intx_gone_when_lowered",
	      "INTID %u arrived again after the line was lowered and the first EOIed",
	      gic_intid(again));
	subject_pop(t);
}

/* A device the runner attached where it said, which the suite can make raise its line. */
static enum raiser raiser_of(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f)
{
	unsigned pci = t->opt->vm_pci;

	if ((pci & OPT_PCI_EDU) && f == pci_at_slot(s, PCI_SLOT_EDU))
		return RAISE_EDU;
	if (!(pci & OPT_PCI_BRIDGE) || f->bus == s->ecam.first)
		return RAISE_NONE;
	if ((pci & OPT_PCI_EDU) && f == pci_behind_bridge(s, PCI_BRIDGE_EDU_SLOT) &&
	    f->vendor == VENDOR_QEMU && f->device == DEVICE_EDU)
		return RAISE_EDU;
	if ((f == pci_behind_bridge(s, PCI_BRIDGE_NIC_SLOT) ||
	     f == pci_behind_nested(s, PCI_NESTED_NIC_SLOT)) &&
	    f->vendor == VENDOR_INTEL && f->device == DEVICE_E1000)
		return RAISE_E1000;
	return RAISE_NONE;
}

void case_intx(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const char *why = irq_unusable();
	int raised = 0;

	if (s->host_why || !s->nfn) {
		skip(t, "no usable host bridge or no function on the bus");
		return;
	}
	if (why) {
		skip(t, why);
		return;
	}
	int pins = 0;
	for (int k = 0; k < s->nfn; k++)
		pins += s->fn[k].pin != 0;
	if (!pins) {
		skip(t, "no function on the bus has an interrupt pin");
		return;
	}
	node_push(t, s->host.dev->path);
	for (int k = 0; k < s->nfn; k++) {
		struct pci_fn *f = &s->fn[k];
		if (!f->pin)
			continue;
		pci_push_fn(t, f);
		uint32_t rdevfn, rpin;
		if (!pci_to_root(s, f, &rdevfn, &rpin)) {
			note(t,
			     "bus %u is behind no bridge the suite numbered: its pin is not "
			     "followed",
			     f->bus);
			subject_pop(t);
			continue;
		}
		if (f->bus != s->ecam.first)
			note(t, "INT%c swizzled to the root bus: INT%c of slot %u",
			     'A' + f->pin - 1, 'A' + rpin - 1, rdevfn >> 3);
		uint32_t hi = (s->ecam.first << 16) | (rdevfn << 8);
		const struct dt_pci_imap *e = dt_pci_intx(&s->host, hi, rpin);
		subject_push(t, "prop", "interrupt-map");
		int mapped = check(t, e != NULL, "intx_mapped",
				   "INT%c of %02x:%02x.%x (INT%c of root slot %u) has no "
				   "interrupt-map row",
				   'A' + f->pin - 1, f->bus, f->devfn >> 3, f->devfn & 7,
				   'A' + rpin - 1, rdevfn >> 3);
		subject_pop(t);
		if (!mapped ||
		    !check(t, e->parent_is_gic && e->irq.kind == IRQ_SPI, "intx_to_gic_spi",
			   "INT%c maps to no GIC SPI", 'A' + f->pin - 1)) {
			subject_pop(t);
			continue;
		}
		note(t, "INT%c -> INTID %u (SPI %u)", 'A' + f->pin - 1, e->irq.intid,
		     e->irq.number);
		if (on_qemu_virt(t->plat)) {
			uint32_t spi = QEMU_VIRT_PCIE_SPI + ((rdevfn >> 3) + rpin - 1) % 4;
			subject_push(t, "intid", "%u", e->irq.intid);
			check(t, e->irq.number == spi, "intx_as_qemu_wires",
			      "the DT maps INT%c of root slot %u to SPI %u; QEMU 7.2 virt wires it "
			      "to SPI %u (create_pcie_irq_map)",
			      'A' + rpin - 1, rdevfn >> 3, e->irq.number, spi);
			subject_pop(t);
		}
		enum raiser k = raiser_of(t, s, f);
		if (k != RAISE_NONE && f->bar_win[0] >= 0) {
			raise_line(t, s, f, e, k);
			raised = 1;
		}
		subject_pop(t);
	}
	if (raised) {
		/* A line raised went where the map says, or a finding says where it went. */
		claim_hold(s->host.dev->node, "interrupt-map", CLAIM_PROBE);
		claim_hold(s->host.dev->node, "interrupt-map-mask", CLAIM_PROBE);
		claim_hold(s->host.dev->node, "#interrupt-cells", CLAIM_PROBE);
	} else {
		note(t, "no device that can raise its line (edu, or e1000 behind the bridge) is "
			"attached: the map is only read, not exercised");
	}
	subject_pop(t);
}
