// SPDX-License-Identifier: MIT
/*
 * The host bridge as the DT gives it, and the bus as ECAM shows it: every
 * bus of bus-range, every device, each function of a multi-function one.
 * An absent function reads all ones (PCI Express Base 4.0 2.3.2: a
 * configuration read the bus does not claim completes as Unsupported
 * Request, which the root complex returns as all ones); one that aborts or
 * reads otherwise is held against that.
 */
#include <stddef.h>

#include "boot/cpu.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/pci/pci.h"

static void absent(struct pci_state *s, uint32_t bus, uint32_t devfn, uint32_t v, uint64_t esr,
		   int aborted)
{
	s->absent++;
	if (v == 0xffffffffu && !aborted)
		return;
	if (s->nodd < PCI_MAX_ODD)
		s->odd[s->nodd] = (struct pci_odd){ bus, devfn, v, esr, aborted };
	s->nodd++;
}

/* One function: 1 present, 0 absent (recorded). */
static int one(struct pci_state *s, uint32_t bus, uint32_t devfn)
{
	uint32_t id, v;
	uint64_t esr;

	if (pci_cfg_read(&s->ecam, bus, devfn, PCI_VENDOR_ID, 32, &id, &esr)) {
		absent(s, bus, devfn, id, esr, 1);
		return 0;
	}
	/* 0xffff is no vendor; 0x0000 none either (PCI Local Bus 3.0 6.2.1). */
	if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
		absent(s, bus, devfn, id, 0, 0);
		return 0;
	}
	if (s->nfn >= PCI_MAX_FNS) {
		s->fns_dropped++;
		return 1;
	}
	struct pci_fn *f = &s->fn[s->nfn++];
	f->bus = bus;
	f->devfn = devfn;
	f->vendor = (uint16_t)id;
	f->device = (uint16_t)(id >> 16);
	pci_cfg_read(&s->ecam, bus, devfn, PCI_CLASS_REV, 32, &f->class_rev, &esr);
	pci_cfg_read(&s->ecam, bus, devfn, PCI_HEADER_TYPE, 8, &v, &esr);
	f->header = (uint8_t)v;
	pci_cfg_read(&s->ecam, bus, devfn, PCI_INTERRUPT_PIN, 8, &v, &esr);
	f->pin = (uint8_t)v;
	for (int b = 0; b < PCI_NUM_BARS; b++)
		f->bar_win[b] = -1;
	return 1;
}

void pci_enumerate(struct pci_state *s)
{
	uint64_t start = cpu_counter();

	for (uint32_t bus = s->host.bus_first; bus <= s->host.bus_last; bus++)
		for (uint32_t dev = 0; dev < 32; dev++) {
			if (!one(s, bus, PCI_DEVFN(dev, 0)))
				continue;
			/*
			 * Function 0 absent: no function of the device is (PCI Local Bus 3.0:
			 * every device, a multi-function one too, implements function 0,
			 * whose Header Type bit 7 says whether others may exist; PCI Express
			 * Base 4.0 7.5.1.1.9), so 1..7 are not read. Present: all 8 are, so a
			 * single-function device's other functions are seen to read absent.
			 */
			for (uint32_t fn = 1; fn < 8; fn++)
				(void)one(s, bus, PCI_DEVFN(dev, fn));
		}
	s->enum_us = (cpu_counter() - start) * 1000000 / cpu_counter_hz();
}

void case_host(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const struct dt_pci_host *h = &s->host;
	static const char *const space[] = { "config", "I/O", "32-bit memory", "64-bit memory" };

	node_push(t, h->dev->path);
	require(t, !s->host_why, "host_node_usable", "%s: %s", h->dev->path,
		s->host_why ? s->host_why : "");
	note(t, "ECAM at 0x%llx, 0x%llx bytes; bus-range %u..%u%s",
	     (unsigned long long)h->ecam_base, (unsigned long long)h->ecam_size, h->bus_first,
	     h->bus_last, h->bus_range_given ? "" : " (absent: 0..255)");
	for (int i = 0; i < h->nwin; i++)
		note(t, "window %d: %s%s, PCI 0x%llx -> CPU 0x%llx, 0x%llx bytes", i,
		     space[h->win[i].space], h->win[i].prefetchable ? " prefetchable" : "",
		     (unsigned long long)h->win[i].pci, (unsigned long long)h->win[i].cpu,
		     (unsigned long long)h->win[i].size);
	if (h->win_dropped)
		note(t, "ranges: %d entries past the %d the harness keeps, not used",
		     h->win_dropped, DT_PCI_MAX_WINDOWS);
	for (int i = 0; i < h->ndma; i++)
		note(t, "dma-ranges %d: %s, PCI 0x%llx <- CPU 0x%llx, 0x%llx bytes", i,
		     space[h->dma[i].space], (unsigned long long)h->dma[i].pci,
		     (unsigned long long)h->dma[i].cpu, (unsigned long long)h->dma[i].size);
	if (h->dma_dropped)
		note(t, "dma-ranges: %d entries past the %d the harness keeps, not used",
		     h->dma_dropped, DT_PCI_MAX_WINDOWS);
	subject_push(t, "prop", "dma-ranges");
	check(t, !h->dma_why, "dma_ranges_readable", "%s", h->dma_why ? h->dma_why : "");
	subject_pop(t);
	/* ECAM gives each bus 1 MiB: reg must cover every bus of bus-range (7.2.2). */
	uint64_t need = (uint64_t)(h->bus_last - h->bus_first + 1) * PCI_ECAM_BUS_SIZE;
	subject_push(t, "prop", "reg");
	check(t, h->ecam_size >= need, "ecam_covers_bus_range",
	      "reg gives ECAM 0x%llx bytes; bus-range %u..%u needs 0x%llx (1 MiB a bus)",
	      (unsigned long long)h->ecam_size, h->bus_first, h->bus_last,
	      (unsigned long long)need);
	check(t, h->ecam_size <= need, "ecam_no_larger_than_bus_range",
	      "reg gives ECAM 0x%llx bytes, more than bus-range %u..%u decodes (0x%llx)",
	      (unsigned long long)h->ecam_size, h->bus_first, h->bus_last,
	      (unsigned long long)need);
	subject_pop(t);
	int io = 0, mem = 0;
	for (int i = 0; i < h->nwin; i++) {
		io += h->win[i].space == PCI_SPACE_IO;
		mem += h->win[i].space == PCI_SPACE_MEM32 || h->win[i].space == PCI_SPACE_MEM64;
	}
	subject_push(t, "prop", "ranges");
	check(t, mem > 0, "ranges_has_memory_window", "ranges gives no memory window");
	note(t, "%d I/O and %d memory windows", io, mem);
	subject_pop(t);
	subject_pop(t);
}

static void expect_at(struct test_ctx *t, struct pci_state *s, unsigned bit, uint32_t slot,
		      uint16_t vendor, int device, const char *what)
{
	if (!(t->opt->vm_pci & bit))
		return;
	struct pci_fn *f = pci_at_slot(s, slot);
	subject_push(t, "device", "%02x:%02x.0", s->ecam.first, slot);
	if (check(t, f != NULL, "attached_device_found",
		  "the runner attached %s in slot %u of the root bus (bus %u); nothing answers "
		  "there",
		  what, slot, s->ecam.first) &&
	    check(t, f->vendor == vendor && (device < 0 || f->device == device),
		  "attached_device_id", "slot %u holds %04x:%04x, not %s (%04x:%04x)", slot,
		  f->vendor, f->device, what, vendor, device < 0 ? 0 : device))
		check(t, PCI_HEADER_KIND(f->header) == 0, "endpoint_header_type_0",
		      "%s has header type 0x%02x, not an endpoint's (0)", what, f->header);
	subject_pop(t);
}

void case_enumerate(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);

	if (s->host_why) {
		skip(t, "the host bridge's node is not usable (the host case)");
		return;
	}
	node_push(t, s->host.dev->path);
	note(t, "buses %u..%u enumerated in %llu us: %d functions, %u absent", s->host.bus_first,
	     s->host.bus_last, (unsigned long long)s->enum_us, s->nfn + s->fns_dropped, s->absent);
	for (int i = 0; i < s->nfn; i++) {
		const struct pci_fn *f = &s->fn[i];
		note(t, "%02x:%02x.%x %04x:%04x class %06x rev %u header 0x%02x pin %u", f->bus,
		     f->devfn >> 3, f->devfn & 7, f->vendor, f->device, f->class_rev >> 8,
		     f->class_rev & 0xff, f->header, f->pin);
	}
	for (int i = 0; i < s->nfn; i++) {
		const struct pci_fn *f = &s->fn[i], *f0 = NULL;
		for (int k = 0; k < s->nfn; k++)
			if (s->fn[k].bus == f->bus && s->fn[k].devfn == (f->devfn & ~7u))
				f0 = &s->fn[k];
		if (!(f->devfn & 7))
			continue;
		pci_push_fn(t, f);
		check(t, f0 && (f0->header & PCI_HEADER_MULTI), "function_needs_multi",
		      "function %u answers, but function 0 %s", f->devfn & 7,
		      f0 ? "has no multi-function bit in its header type" : "is absent");
		subject_pop(t);
	}
	/*
	 * Off the root bus a function is reached through a bridge the suite
	 * numbered (bridge.c); one on a bus no bridge leads to means ECAM puts
	 * the buses elsewhere than bus-range says.
	 */
	for (int i = 0; i < s->nfn; i++) {
		const struct pci_fn *f = &s->fn[i];
		uint32_t devfn, pin;
		if (f->bus == s->ecam.first)
			continue;
		pci_push_fn(t, f);
		check(t, pci_to_root(s, f, &devfn, &pin), "bus_behind_bridge",
		      "a function answers on bus %u, which no bridge the suite numbered leads to",
		      f->bus);
		subject_pop(t);
	}
	if (s->fns_dropped)
		note(t, "%d functions past the first %d are not exercised", s->fns_dropped,
		     PCI_MAX_FNS);
	if (s->br_dropped)
		note(t,
		     "%d bridges past the first %d, or %d deep, are not numbered: what is behind "
		     "them is not enumerated",
		     s->br_dropped, PCI_MAX_BRIDGES, PCI_MAX_BRIDGE_DEPTH);
	pci_hold_dt_children(t, s);
	/* What was read on every bus of bus-range is held: the enumeration asked it. */
	claim_hold(s->host.dev->node, "bus-range", CLAIM_PROBE);
	claim_hold(s->host.dev->node, "device_type", CLAIM_PROBE);
	for (unsigned i = 0; i < s->nodd && i < PCI_MAX_ODD; i++) {
		const struct pci_odd *o = &s->odd[i];
		subject_push(t, "device", "%02x:%02x.%x", o->bus, o->devfn >> 3, o->devfn & 7);
		if (o->aborted)
			finding(t, "absent_reads_ones",
				"a configuration read of an absent function aborted (ESR 0x%llx); "
				"PCIe returns all ones",
				(unsigned long long)o->esr);
		else
			finding(t, "absent_reads_ones",
				"an absent function's Vendor ID dword reads 0x%08x, not all ones",
				o->value);
		subject_pop(t);
	}
	check(t, s->nodd <= PCI_MAX_ODD, "more_absent_not_ones",
	      "%u more absent functions do not read all ones", s->nodd - PCI_MAX_ODD);
	if (!s->nodd)
		evidence(t, "absent_reads_ones", "%u absent functions each read all ones",
			 s->absent);
	check(t, s->nfn > 0, "bus_has_functions", "no function answers on buses %u..%u",
	      s->host.bus_first, s->host.bus_last);
	/* QEMU's host bridge (hw/pci-host/gpex.c): 1b36:0008 at 00.0 of the root bus. */
	if (!t->opt->vm_pci_given)
		note(t, "the runner named no PCI devices (vm_pci=): none are looked for");
	expect_at(t, s, OPT_PCI_TESTDEV, PCI_SLOT_TESTDEV, VENDOR_REDHAT, DEVICE_TESTDEV,
		  "pci-testdev");
	expect_at(t, s, OPT_PCI_EDU, PCI_SLOT_EDU, VENDOR_QEMU, DEVICE_EDU, "edu");
	expect_at(t, s, OPT_PCI_VIRTIO, PCI_SLOT_VIRTIO, VENDOR_VIRTIO, -1, "virtio-rng-pci");
	expect_at(t, s, OPT_PCI_BLK, PCI_SLOT_BLK, VENDOR_VIRTIO, DEVICE_VIRTIO_BLK_MODERN,
		  "virtio-blk-pci (modern)");
	subject_pop(t);
}
