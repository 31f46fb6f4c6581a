// SPDX-License-Identifier: MIT
/*
 * The runner's PCI-to-PCI bridge (protocol.h PCI_SLOT_BRIDGE, --pci
 * bridge) as the suite set it up (bridge.c): a type 1 header of class
 * 0604; its bus numbers reading back as written, inside bus-range; the edu
 * behind it (slot PCI_BRIDGE_DEV_SLOT of its secondary bus) found there
 * by the enumeration; edu answering its ID register (hw/misc/edu.c: offset
 * 0, 0x010000ed) at the address assigned inside the bridge's memory
 * window, and not answering once that window is closed: the bridge, not
 * the host, decides what reaches the bus behind it (PCI-to-PCI Bridge 1.2
 * 4.2). Its pin's swizzle and arrival are the intx case's.
 */
#include "boot/probe.h"
#include "runtime/check.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"

#define EDU_ID	     0x00
#define EDU_ID_VALUE 0x010000edu
#define BUSES	     0x18
#define MEM_BASE     0x20
#define CLASS_BRIDGE 0x0604

static const struct pci_bridge *bridge_of(const struct pci_state *s, const struct pci_fn *f)
{
	for (int i = 0; i < s->nbr; i++)
		if (s->br[i].bus == f->bus && s->br[i].devfn == f->devfn)
			return &s->br[i];
	return NULL;
}

/* edu's ID register through the bridge: 1 when it reads as edu's. */
static int edu_answers(const struct pci_fn *e, struct probe_outcome *o)
{
	return !probe_read(e->bar_va[0] + EDU_ID, 32, o) && (uint32_t)o->value == EDU_ID_VALUE;
}

void case_bridge(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	struct pci_fn *f, *e;
	uint64_t esr;

	if (s->host_why || !(t->opt->vm_pci & OPT_PCI_BRIDGE)) {
		skip(t, "no bridge attached (scripts/run --pci bridge)");
		return;
	}
	node_push(t, s->host.dev->path);
	subject_push(t, "device", "%02x:%02x.0", s->ecam.first, PCI_SLOT_BRIDGE);
	f = pci_at_slot(s, PCI_SLOT_BRIDGE);
	require(t, f != NULL, "attached_device_found",
		"the runner attached a pci-bridge in slot %u of the root bus; nothing answers "
		"there",
		PCI_SLOT_BRIDGE);
	require(t, PCI_HEADER_KIND(f->header) == 1 && f->class_rev >> 16 == CLASS_BRIDGE,
		"bridge_header",
		"header type 0x%02x, class %06x: not a PCI-to-PCI bridge (1, 0604)", f->header,
		f->class_rev >> 8);
	const struct pci_bridge *b = bridge_of(s, f);
	require(t, b != NULL, "bridge_numbered",
		"the bridge was not numbered: bus-range %u..%u leaves no bus behind it",
		s->host.bus_first, s->host.bus_last);
	uint32_t buses = 0;
	pci_cfg_read(&s->ecam, f->bus, f->devfn, BUSES, 32, &buses, &esr);
	uint32_t want = b->bus | b->sec << 8 | b->sub << 16;
	check(t, (buses & 0xffffff) == want, "bridge_bus_numbers_hold",
	      "primary, secondary, subordinate read %u, %u, %u; written %u, %u, %u", buses & 0xff,
	      (buses >> 8) & 0xff, (buses >> 16) & 0xff, b->bus, b->sec, b->sub);
	note(t, "buses %u..%u behind it", b->sec, b->sub);
	for (int w = 0; w < s->host.nwin; w++)
		if (b->hi[w] > b->lo[w])
			note(t, "forwards PCI 0x%llx..0x%llx of window %d",
			     (unsigned long long)b->lo[w], (unsigned long long)b->hi[w] - 1, w);
	subject_pop(t);

	e = pci_find(s, b->sec, PCI_DEVFN(PCI_BRIDGE_DEV_SLOT, 0));
	subject_push(t, "device", "%02x:%02x.0", b->sec, PCI_BRIDGE_DEV_SLOT);
	require(t, e != NULL, "attached_device_found",
		"the runner attached edu in slot %u behind the bridge (bus %u); nothing answers "
		"there",
		PCI_BRIDGE_DEV_SLOT, b->sec);
	require(t, e->vendor == VENDOR_QEMU && e->device == DEVICE_EDU, "attached_device_id",
		"slot %u of bus %u holds %04x:%04x, not edu (%04x:%04x)", PCI_BRIDGE_DEV_SLOT,
		b->sec, e->vendor, e->device, VENDOR_QEMU, DEVICE_EDU);
	require(t, e->bar_win[0] >= 0, "bar_assigned", "edu's BAR0 behind the bridge: %s",
		e->bar_why[0] ? e->bar_why[0] : "not assigned");
	struct probe_outcome o;
	subject_push(t, "reg", "BAR0");
	int open = edu_answers(e, &o);
	if (check(t, open, "device_answers_behind_bridge",
		  "edu's ID register at CPU 0x%llx (PCI 0x%llx, in the bridge's window) %s 0x%08x, "
		  "not 0x%08x",
		  (unsigned long long)e->bar_cpu[0], (unsigned long long)e->bar_pci[0],
		  o.faulted ? "aborted, ESR" : "reads", (unsigned)(o.faulted ? o.esr : o.value),
		  EDU_ID_VALUE))
		evidence(t, "device_answers_behind_bridge",
			 "edu behind the bridge answers at CPU 0x%llx through ranges and the "
			 "bridge's window",
			 (unsigned long long)e->bar_cpu[0]);
	/* The memory window closed (base above limit): nothing may reach edu. */
	uint32_t win = 0;
	pci_cfg_read(&s->ecam, f->bus, f->devfn, MEM_BASE, 32, &win, &esr);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, MEM_BASE, 32, 0x0000fff0u, &esr);
	int closed = edu_answers(e, &o);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, MEM_BASE, 32, win, &esr);
	check(t, !closed, "bridge_window_gates",
	      "edu still answers at CPU 0x%llx with the bridge's memory window closed",
	      (unsigned long long)e->bar_cpu[0]);
	check(t, edu_answers(e, &o), "bridge_window_reopens",
	      "edu does not answer again once the bridge's memory window is restored");
	subject_pop(t);
	subject_pop(t);
	subject_pop(t);
}
