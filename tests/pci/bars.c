// SPDX-License-Identifier: MIT
/*
 * BARs (PCI Local Bus 3.0 6.2.5): each sized, then given a naturally
 * aligned bus address inside a window of the bridge's ranges that can hold
 * it: I/O in the I/O window, 32-bit memory in the 32-bit window, 64-bit
 * memory in the 64-bit window where there is one; a non-prefetchable BAR
 * never in a prefetchable window (the Open Firmware PCI binding's p bit).
 * What the device answers at the CPU address ranges translates it to is
 * the decode case's.
 */
#include <libfdt.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "runtime/window.h"
#include "tests/pci/pci.h"
#include "util/util.h"

#define IO_SKIP 0x1000 /* the first 4 KiB of I/O space: legacy ISA, and 0 reads as unassigned */

static int fits(const struct dt_pci_window *w, const struct pci_bar *b, enum dt_pci_space space)
{
	return w->space == space && (!w->prefetchable || b->prefetchable);
}

/*
 * behind: the function is behind a bridge, whose only non-prefetchable
 * window is 32-bit (PCI-to-PCI Bridge 1.2 3.2.5.8): a non-prefetchable
 * 64-bit BAR goes below 4 GiB there.
 */
static int pick(const struct dt_pci_host *h, const struct pci_bar *b, int behind)
{
	if (b->kind == PCI_BAR_IO) {
		for (int i = 0; i < h->nwin; i++)
			if (h->win[i].space == PCI_SPACE_IO)
				return i;
		return -1;
	}
	if (b->kind == PCI_BAR_MEM64 && (!behind || b->prefetchable))
		for (int i = 0; i < h->nwin; i++)
			if (fits(&h->win[i], b, PCI_SPACE_MEM64))
				return i;
	for (int i = 0; i < h->nwin; i++)
		if (fits(&h->win[i], b, PCI_SPACE_MEM32))
			return i;
	return -1;
}

static void assign_one(struct pci_state *s, struct pci_fn *f, int i)
{
	const struct dt_pci_host *h = &s->host;
	struct pci_bar *b = &f->bar[i];
	int w = pick(h, b, f->bus != s->ecam.first);

	if (w < 0) {
		f->bar_why[i] = "no window of ranges can hold it";
		return;
	}
	const struct dt_pci_window *win = &h->win[w];
	uint64_t addr = ALIGN_UP(s->next[w], b->size);
	uint64_t limit = b->kind == PCI_BAR_IO || b->kind == PCI_BAR_MEM32 ? 0x100000000ull : 0;
	if (addr + b->size > win->pci + win->size || addr < s->next[w]) {
		f->bar_why[i] = "its window is full";
		return;
	}
	if (limit && addr + b->size > limit) {
		f->bar_why[i] = "its window lies above 4 GiB, out of a 32-bit BAR's reach";
		return;
	}
	pci_bar_set(&s->ecam, f->bus, f->devfn, i, b, addr);
	s->next[w] = addr + b->size;
	f->bar_pci[i] = addr;
	f->bar_cpu[i] = win->cpu + (addr - win->pci);
	f->bar_win[i] = w;
}

/*
 * Where the CPU reaches each window's assigned part: the identity address,
 * or (AArch32, a window above 4 GiB) a VA window (runtime/window.h). A BAR
 * no window reaches is left unassigned, with why.
 */
static void map_windows(struct pci_state *s)
{
	const struct dt_pci_host *h = &s->host;
	const char *why[DT_PCI_MAX_WINDOWS] = { 0 };

	for (int w = 0; w < h->nwin; w++) {
		uint64_t used = s->next[w] - h->win[w].pci;
		s->win_va[w] = used ? window_open(h->win[w].cpu, used, &why[w]) : 0;
	}
	for (int k = 0; k < s->nfn; k++)
		for (int i = 0; i < PCI_NUM_BARS; i++) {
			struct pci_fn *f = &s->fn[k];
			int w = f->bar_win[i];
			if (w < 0)
				continue;
			if (why[w]) {
				f->bar_why[i] = why[w];
				f->bar_win[i] = -1;
				continue;
			}
			f->bar_va[i] = s->win_va[w] + (uintptr_t)(f->bar_cpu[i] - h->win[w].cpu);
		}
}

void pci_assign(struct pci_state *s)
{
	const struct dt_pci_host *h = &s->host;

	for (int w = 0; w < h->nwin; w++)
		s->next[w] = h->win[w].pci + (h->win[w].space == PCI_SPACE_IO &&
							      h->win[w].pci < IO_SKIP &&
							      h->win[w].size > IO_SKIP
						      ? IO_SKIP - h->win[w].pci
						      : 0);
	for (int k = 0; k < s->nfn; k++) {
		struct pci_fn *f = &s->fn[k];
		uint32_t cmd, any = 0;
		uint64_t esr;
		/*
		 * Each bus's BARs start on a bridge window's granule (1 MiB, I/O 4
		 * KiB): a bridge forwarding its bus's range forwards no other's.
		 */
		if (k && f->bus != s->fn[k - 1].bus)
			for (int w = 0; w < h->nwin; w++)
				s->next[w] = ALIGN_UP(s->next[w], h->win[w].space == PCI_SPACE_IO
									  ? 0x1000ull
									  : 0x100000ull);
		if (PCI_HEADER_KIND(f->header) != 0)
			continue; /* bridges are not configured: no bus behind them is numbered */
		for (int i = 0; i < PCI_NUM_BARS; i++) {
			if (pci_bar_size(&s->ecam, f->bus, f->devfn, i, &f->bar[i]) ||
			    f->bar[i].kind == PCI_BAR_NONE)
				continue;
			f->bar_found[i] = pci_bar_get(&s->ecam, f->bus, f->devfn, i, &f->bar[i]);
			assign_one(s, f, i);
			if (f->bar_win[i] >= 0)
				any |= f->bar[i].kind == PCI_BAR_IO ? PCI_COMMAND_IO
								    : PCI_COMMAND_MEMORY;
			if (f->bar[i].kind == PCI_BAR_MEM64)
				i++;
		}
		pci_cfg_read(&s->ecam, f->bus, f->devfn, PCI_COMMAND, 16, &cmd, &esr);
		pci_cfg_write(&s->ecam, f->bus, f->devfn, PCI_COMMAND, 16,
			      cmd | any | PCI_COMMAND_MASTER, &esr);
	}
	map_windows(s);
}

static const char *kind_name(const struct pci_bar *b)
{
	static const char *const names[] = { "none", "I/O", "32-bit memory", "64-bit memory" };
	return names[b->kind];
}

/* What the runner's devices must have (hw/misc/pci-testdev.c, hw/misc/edu.c). */
static void expect_bar(struct test_ctx *t, struct pci_fn *f, int i, enum pci_bar_kind kind,
		       int prefetchable, uint64_t size)
{
	const struct pci_bar *b = &f->bar[i];

	subject_push(t, "reg", "BAR%d", i);
	check(t, b->kind == kind && b->prefetchable == prefetchable && b->size == size,
	      "bar_as_device_has_it",
	      "sizes as %s%s, 0x%llx bytes; the device has %s%s, 0x%llx bytes", kind_name(b),
	      b->prefetchable ? " prefetchable" : "", (unsigned long long)b->size,
	      kind_name(&(struct pci_bar){ .kind = kind }), prefetchable ? " prefetchable" : "",
	      (unsigned long long)size);
	subject_pop(t);
}

/*
 * Whether a BAR's bus address lies whole in a window of ranges that can hold
 * it; 0 is no assignment (what a BAR holds from reset), even in a window
 * that starts there.
 */
static int in_a_window(const struct pci_state *s, const struct pci_bar *b, uint64_t addr)
{
	for (int w = 0; addr && w < s->host.nwin; w++) {
		const struct dt_pci_window *win = &s->host.win[w];
		int io = win->space == PCI_SPACE_IO;
		if (io == (b->kind == PCI_BAR_IO) && addr >= win->pci && b->size <= win->size &&
		    addr - win->pci <= win->size - b->size)
			return 1;
	}
	return 0;
}

/*
 * /chosen linux,pci-probe-only (Linux's chosen binding; of_pci_check_probe_only
 * takes any value but 0) says firmware assigned every BAR and the OS must keep
 * them: each must have held an address in a window before the suite assigned
 * its own. 1 when it says so, 0 when it says not or is absent.
 */
static int probe_only(struct test_ctx *t)
{
	int len;
	int chosen = t->plat->chosen_node;
	const fdt32_t *v = chosen >= 0
				   ? fdt_getprop(t->plat->fdt, chosen, "linux,pci-probe-only", &len)
				   : NULL;

	if (!v)
		return 0;
	if (len != 4) {
		note(t, "/chosen linux,pci-probe-only is %d bytes, not one cell: not judged", len);
		return 0;
	}
	claim_hold(chosen, "linux,pci-probe-only", CLAIM_PROBE);
	if (fdt32_ld(v) > 1)
		note(t,
		     "/chosen linux,pci-probe-only is %u: the binding has 0 or 1; Linux takes it "
		     "as 1",
		     (unsigned)fdt32_ld(v));
	return fdt32_ld(v) != 0;
}

void case_bars(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);

	if (s->host_why || !s->nfn) {
		skip(t, "no usable host bridge or no function on the bus");
		return;
	}
	int nbars = 0;
	for (int k = 0; k < s->nfn; k++)
		for (int i = 0; i < PCI_NUM_BARS; i++)
			nbars += s->fn[k].bar[i].kind != PCI_BAR_NONE;
	if (!nbars) {
		skip(t, "no function on the bus has a BAR");
		return;
	}
	int kept = probe_only(t);
	node_push(t, s->host.dev->path);
	for (int k = 0; k < s->nfn; k++) {
		struct pci_fn *f = &s->fn[k];
		pci_push_fn(t, f);
		for (int i = 0; i < PCI_NUM_BARS; i++) {
			const struct pci_bar *b = &f->bar[i];
			if (b->kind == PCI_BAR_NONE)
				continue;
			subject_push(t, "reg", "BAR%d", i);
			if (kept)
				check(t, in_a_window(s, b, f->bar_found[i]),
				      "probe_only_bar_assigned",
				      "/chosen has linux,pci-probe-only = 1 (every BAR assigned by "
				      "firmware, kept by the OS), but it held 0x%llx, in no window "
				      "of "
				      "ranges, before the suite assigned one",
				      (unsigned long long)f->bar_found[i]);
			check(t, !(b->size & (b->size - 1)), "bar_size_power_of_two",
			      "the writable bits give a size of 0x%llx, not a power of two",
			      (unsigned long long)b->size);
			if (f->bar_win[i] < 0) {
				finding(t, "bar_assigned", "%s%s, 0x%llx bytes: not assigned: %s",
					kind_name(b), b->prefetchable ? " prefetchable" : "",
					(unsigned long long)b->size, f->bar_why[i]);
				subject_pop(t);
				continue;
			}
			note(t, "%s%s, 0x%llx bytes: PCI 0x%llx (CPU 0x%llx), window %d",
			     kind_name(b), b->prefetchable ? " prefetchable" : "",
			     (unsigned long long)b->size, (unsigned long long)f->bar_pci[i],
			     (unsigned long long)f->bar_cpu[i], f->bar_win[i]);
			uint64_t got = pci_bar_get(&s->ecam, f->bus, f->devfn, i, b);
			check(t, got == f->bar_pci[i], "bar_holds_address",
			      "written 0x%llx, reads back 0x%llx",
			      (unsigned long long)f->bar_pci[i], (unsigned long long)got);
			subject_pop(t);
		}
		subject_pop(t);
	}
	struct pci_fn *f;
	if ((t->opt->vm_pci & OPT_PCI_TESTDEV) && (f = pci_at_slot(s, PCI_SLOT_TESTDEV))) {
		pci_push_fn(t, f);
		expect_bar(t, f, 0, PCI_BAR_MEM32, 0, 0x1000);
		expect_bar(t, f, 1, PCI_BAR_IO, 0, 0x100);
		expect_bar(t, f, 2, PCI_BAR_MEM64, 1, PCI_TESTDEV_MEMBAR);
		subject_pop(t);
	}
	if ((t->opt->vm_pci & OPT_PCI_EDU) && (f = pci_at_slot(s, PCI_SLOT_EDU))) {
		pci_push_fn(t, f);
		expect_bar(t, f, 0, PCI_BAR_MEM32, 0, 0x100000);
		subject_pop(t);
	}
	/* QEMU 7.2 hw/virtio/virtio-pci.c: the modern capabilities' 16 KiB in BAR4. */
	if ((t->opt->vm_pci & OPT_PCI_BLK) && (f = pci_at_slot(s, PCI_SLOT_BLK))) {
		pci_push_fn(t, f);
		expect_bar(t, f, 4, PCI_BAR_MEM64, 1, 0x4000);
		subject_pop(t);
	}
	subject_pop(t);
}
