// SPDX-License-Identifier: MIT
/*
 * The runner's PCIe-to-PCI bridge (protocol.h PCI_SLOT_BRIDGE, --pci
 * bridge) as the suite set it up (bridge.c): a type 1 header of class
 * 0604 with a PCI Express capability of that type; its bus numbers reading
 * back as written, inside bus-range; the devices behind it (an e1000 in
 * slot PCI_BRIDGE_NIC_SLOT of its secondary bus, an edu in
 * PCI_BRIDGE_EDU_SLOT with --pci edu) found there by the enumeration;
 * each answering at the address assigned inside the bridge's memory window
 * (edu its ID register, hw/misc/edu.c: offset 0, 0x010000ed; e1000 a
 * register written and read back), and not once that window is closed:
 * the bridge, not the host, decides what reaches the bus behind it
 * (PCI-to-PCI Bridge 1.2 4.2). Behind it a conventional PCI bridge
 * (PCI_BRIDGE_NESTED_SLOT) numbered inside its buses, with an e1000 behind
 * that answering through both windows and gated by each. The pins' swizzle
 * and arrival are the intx case's, edu's MSI the msi case's.
 */
#include "boot/probe.h"
#include "runtime/check.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"

#define EDU_ID	     0x00
#define EDU_ID_VALUE 0x010000edu
/* 8254x SDM 13.4.29: Receive Descriptor Base Low, 16-byte aligned, read/write. */
#define E1000_RDBAL	  0x2800
#define E1000_RDBAL_PROBE 0x5a5a5a50u
#define CLASS_BRIDGE	  0x0604

/* What the runner puts behind the bridge (qemu.py pci_args), and how each answers at BAR0. */
struct behind {
	uint32_t slot;
	uint16_t vendor, device;
	unsigned needs; /* the vm_pci item that brings it, besides bridge (0 none) */
	const char *name;
	uint32_t reg, value;
	int writable; /* value written, then read back (and 0 written after) */
};

static const struct behind nested_nic = { PCI_NESTED_NIC_SLOT,
					  VENDOR_INTEL,
					  DEVICE_E1000,
					  0,
					  "e1000",
					  E1000_RDBAL,
					  E1000_RDBAL_PROBE,
					  1 };

static const struct behind behind[] = {
	{ PCI_BRIDGE_EDU_SLOT, VENDOR_QEMU, DEVICE_EDU, OPT_PCI_EDU, "edu", EDU_ID, EDU_ID_VALUE,
	  0 },
	{ PCI_BRIDGE_NIC_SLOT, VENDOR_INTEL, DEVICE_E1000, 0, "e1000", E1000_RDBAL,
	  E1000_RDBAL_PROBE, 1 },
};

/* The device answers at BAR0 through the bridge: edu's ID, or e1000's RDBAL written and read back.
 */
static int answers(const struct behind *d, const struct pci_fn *f, struct probe_outcome *o)
{
	uintptr_t b = f->bar_va[0] + d->reg;

	if (d->writable) {
		struct probe_outcome w;
		if (probe_write(b, 32, d->value, &w))
			return 0;
		int ok = !probe_read(b, 32, o) && (uint32_t)o->value == d->value;
		probe_write(b, 32, 0, &w);
		return ok;
	}
	return !probe_read(b, 32, o) && (uint32_t)o->value == d->value;
}

/* With b's memory window closed (base above limit), whether d still answers; then reopened. */
static int answers_closed(struct pci_state *s, const struct pci_bridge *b, const struct behind *d,
			  const struct pci_fn *e)
{
	struct probe_outcome o;
	uint32_t win = 0;
	uint64_t esr;

	pci_cfg_read(&s->ecam, b->bus, b->devfn, PCI_BRIDGE_MEM_BASE, 32, &win, &esr);
	pci_cfg_write(&s->ecam, b->bus, b->devfn, PCI_BRIDGE_MEM_BASE, 32, 0x0000fff0u, &esr);
	int still = answers(d, e, &o);
	pci_cfg_write(&s->ecam, b->bus, b->devfn, PCI_BRIDGE_MEM_BASE, 32, win, &esr);
	return still;
}

/*
 * One device the runner put behind b (on b's secondary bus): found,
 * answering, gated by b's memory window and by outer's (the bridge b is
 * behind, or NULL).
 */
static void check_behind(struct test_ctx *t, struct pci_state *s, const struct pci_bridge *b,
			 const struct pci_bridge *outer, const struct behind *d)
{
	struct pci_fn *e = pci_find(s, b->sec, PCI_DEVFN(d->slot, 0));

	subject_push(t, "device", "%02x:%02x.0", b->sec, d->slot);
	if (!check(t, e != NULL, "attached_device_found",
		   "the runner attached %s in slot %u behind the bridge (bus %u); nothing answers "
		   "there",
		   d->name, d->slot, b->sec) ||
	    !check(t, e->vendor == d->vendor && e->device == d->device, "attached_device_id",
		   "slot %u of bus %u holds %04x:%04x, not %s (%04x:%04x)", d->slot, b->sec,
		   e->vendor, e->device, d->name, d->vendor, d->device) ||
	    !check(t, e->bar_win[0] >= 0, "bar_assigned", "%s's BAR0 behind the bridge: %s",
		   d->name, e->bar_why[0] ? e->bar_why[0] : "not assigned")) {
		subject_pop(t);
		return;
	}
	struct probe_outcome o;
	subject_push(t, "reg", "BAR0");
	if (check(t, answers(d, e, &o), "device_answers_behind_bridge",
		  "%s at CPU 0x%llx (PCI 0x%llx, in the bridge's window): register 0x%x %s 0x%08x, "
		  "not 0x%08x",
		  d->name, (unsigned long long)e->bar_cpu[0], (unsigned long long)e->bar_pci[0],
		  d->reg, o.faulted ? "aborted, ESR" : "reads",
		  (unsigned)(o.faulted ? o.esr : o.value), d->value))
		evidence(t, "device_answers_behind_bridge",
			 "%s behind the bridge%s answers at CPU 0x%llx through ranges and the "
			 "bridge%s windows",
			 d->name, outer ? "s" : "", (unsigned long long)e->bar_cpu[0],
			 outer ? "s'" : "'s");
	check(t, !answers_closed(s, b, d, e), "bridge_window_gates",
	      "%s still answers at CPU 0x%llx with the memory window of the bridge it is behind "
	      "(%02x:%02x.0) closed",
	      d->name, (unsigned long long)e->bar_cpu[0], b->bus, b->devfn >> 3);
	/* The outer bridge forwards nothing to the inner one with its window closed. */
	if (outer)
		check(t, !answers_closed(s, outer, d, e), "outer_bridge_window_gates",
		      "%s still answers at CPU 0x%llx with the outer bridge's (%02x:%02x.0) memory "
		      "window closed",
		      d->name, (unsigned long long)e->bar_cpu[0], outer->bus, outer->devfn >> 3);
	check(t, answers(d, e, &o), "bridge_window_reopens",
	      "%s does not answer again once the bridges' memory windows are restored", d->name);
	subject_pop(t);
	subject_pop(t);
}

/* A bridge the runner attached: a type 1 header, numbered, its bus numbers as written. */
static const struct pci_bridge *bridge_holds(struct test_ctx *t, struct pci_state *s, uint32_t bus,
					     uint32_t slot, const char *what)
{
	uint64_t esr;
	struct pci_fn *f = pci_find(s, bus, PCI_DEVFN(slot, 0));
	const struct pci_bridge *b = NULL;

	for (int i = 0; i < s->nbr; i++)
		if (s->br[i].bus == bus && s->br[i].devfn == PCI_DEVFN(slot, 0))
			b = &s->br[i];
	if (!check(t, f != NULL, "attached_device_found",
		   "the runner attached %s in slot %u of bus %u; nothing answers there", what, slot,
		   bus) ||
	    !check(t, PCI_HEADER_KIND(f->header) == 1 && f->class_rev >> 16 == CLASS_BRIDGE,
		   "bridge_header",
		   "header type 0x%02x, class %06x: not a PCI-to-PCI bridge (1, 0604)", f->header,
		   f->class_rev >> 8) ||
	    !check(t, b != NULL, "bridge_numbered",
		   "the bridge was not numbered: bus-range %u..%u leaves no bus behind it",
		   s->host.bus_first, s->host.bus_last))
		return NULL;
	uint32_t buses = 0;
	pci_cfg_read(&s->ecam, f->bus, f->devfn, PCI_BRIDGE_BUSES, 32, &buses, &esr);
	uint32_t want = b->bus | b->sec << 8 | b->sub << 16;
	check(t, (buses & 0xffffff) == want, "bridge_bus_numbers_hold",
	      "primary, secondary, subordinate read %u, %u, %u; written %u, %u, %u", buses & 0xff,
	      (buses >> 8) & 0xff, (buses >> 16) & 0xff, b->bus, b->sec, b->sub);
	note(t, "buses %u..%u behind it", b->sec, b->sub);
	for (int w = 0; w < s->host.nwin; w++)
		if (b->hi[w] > b->lo[w])
			note(t, "forwards PCI 0x%llx..0x%llx of window %d",
			     (unsigned long long)b->lo[w], (unsigned long long)b->hi[w] - 1, w);
	return b;
}

void case_bridge(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);

	if (s->host_why || !(t->opt->vm_pci & OPT_PCI_BRIDGE)) {
		skip(t, "no bridge attached (scripts/run --pci bridge)");
		return;
	}
	node_push(t, s->host.dev->path);
	subject_push(t, "device", "%02x:%02x.0", s->ecam.first, PCI_SLOT_BRIDGE);
	const struct pci_bridge *b =
		bridge_holds(t, s, s->ecam.first, PCI_SLOT_BRIDGE, "a PCIe-to-PCI bridge");
	if (!b) {
		subject_pop(t);
		subject_pop(t);
		return;
	}
	/* QEMU's pcie-pci-bridge: what gives the edu behind it a requester ID on bus 1. */
	check(t, b->pcie_type == PCI_EXP_TYPE_PCI_BRIDGE, "bridge_is_pcie_to_pci",
	      "the bridge's PCI Express capability gives Device/Port Type %d, not a PCI Express "
	      "to PCI bridge (7; -1: no capability)",
	      b->pcie_type);
	subject_pop(t);
	for (unsigned i = 0; i < sizeof(behind) / sizeof(behind[0]); i++)
		if (!behind[i].needs || (t->opt->vm_pci & behind[i].needs))
			check_behind(t, s, b, NULL, &behind[i]);

	/* The bridge behind the bridge: numbered inside the outer one's buses. */
	subject_push(t, "device", "%02x:%02x.0", b->sec, PCI_BRIDGE_NESTED_SLOT);
	const struct pci_bridge *n =
		bridge_holds(t, s, b->sec, PCI_BRIDGE_NESTED_SLOT, "a PCI bridge");
	if (n)
		check(t, n->sec > b->sec && n->sub <= b->sub, "nested_buses_inside",
		      "buses %u..%u behind it are not inside the outer bridge's %u..%u", n->sec,
		      n->sub, b->sec, b->sub);
	subject_pop(t);
	if (n)
		check_behind(t, s, n, b, &nested_nic);
	subject_pop(t);
}
