// SPDX-License-Identifier: MIT
/*
 * The devices answer at the CPU addresses that ranges translates their BARs
 * to, and only while their decoding is on (PCI Local Bus 3.0 6.2.2, the
 * Command register's I/O and Memory Space bits): pci-testdev's BARs name
 * their test (hw/misc/pci-testdev.c: a test's header, its name at offset
 * 16), edu's identification register reads 0x010000ed and its register 4
 * returns the inverse of what was written (hw/misc/edu.c), and a virtio
 * function's MSI-X table entries start masked (PCI 3.0 6.8.2.9). Each
 * access goes through the translation, so a wrong ranges is caught here.
 */
#include <string.h>

#include "boot/probe.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"

#define TESTDEV_NAME_OFF 16
#define EDU_ID		 0x010000edu
#define EDU_INVERT	 0x04
#define EDU_PATTERN	 0x5a17c0deu

/* The name a pci-testdev BAR gives test 0, read byte by byte; "" when it aborted. */
static void testdev_name(uintptr_t base, char *buf, unsigned len)
{
	struct probe_outcome o;

	buf[0] = 0;
	if (probe_write(base, 8, 0, &o))
		return;
	for (unsigned i = 0; i + 1 < len; i++) {
		if (probe_read(base + TESTDEV_NAME_OFF + i, 8, &o)) {
			buf[i] = 0;
			return;
		}
		if (!o.value)
			return;
		/* A name is printable: anything else ends it (all ones where nothing answers). */
		buf[i] = o.value >= 0x20 && o.value < 0x7f ? (char)o.value : '?';
		buf[i + 1] = 0;
		if (buf[i] == '?')
			return;
	}
}

static int testdev(struct test_ctx *t, struct pci_state *s, struct pci_fn *f)
{
	static const struct {
		int bar;
		const char *want;
	} bars[] = { { 0, "mmio-" }, { 1, "portio-" } };
	char name[32];
	int held = 0;

	for (unsigned k = 0; k < ARRAY_SIZE(bars); k++) {
		int i = bars[k].bar;
		if (f->bar_win[i] < 0)
			continue;
		subject_push(t, "reg", "BAR%d", i);
		testdev_name(f->bar_va[i], name, sizeof(name));
		if (check(t, !strncmp(name, bars[k].want, strlen(bars[k].want)),
			  "device_answers_at_bar",
			  "at CPU 0x%llx (PCI 0x%llx through ranges) test 0's name reads \"%s\", "
			  "not "
			  "%s...",
			  (unsigned long long)f->bar_cpu[i], (unsigned long long)f->bar_pci[i],
			  name, bars[k].want))
			evidence(t, "device_answers_at_bar", "CPU 0x%llx: \"%s\"",
				 (unsigned long long)f->bar_cpu[i], name);
		held = 1;
		subject_pop(t);
	}
	if (f->bar_win[0] < 0)
		return held;
	/* Memory decoding off: the BAR no longer claims its addresses. */
	uint32_t cmd;
	uint64_t esr;
	struct probe_outcome o;
	pci_cfg_read(&s->ecam, f->bus, f->devfn, PCI_COMMAND, 16, &cmd, &esr);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, PCI_COMMAND, 16, cmd & ~PCI_COMMAND_MEMORY, &esr);
	int faulted = probe_read(f->bar_va[0] + TESTDEV_NAME_OFF, 8, &o);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, PCI_COMMAND, 16, cmd, &esr);
	subject_push(t, "reg", "BAR0");
	check(t, faulted || o.value != (uint8_t)'m', "silent_when_decode_off",
	      "with Memory Space off, CPU 0x%llx still reads the test's name",
	      (unsigned long long)f->bar_cpu[0] + TESTDEV_NAME_OFF);
	note(t, "with Memory Space off, BAR0's address %s",
	     faulted	       ? "aborts"
	     : o.value == 0xff ? "reads all ones"
			       : "reads something else");
	subject_pop(t);
	return held;
}

static int edu(struct test_ctx *t, struct pci_fn *f)
{
	struct probe_outcome o;

	if (f->bar_win[0] < 0)
		return 0;
	uintptr_t b = f->bar_va[0];
	subject_push(t, "reg", "BAR0");
	int bad = probe_read(b, 32, &o);
	if (check(t, !bad && (uint32_t)o.value == EDU_ID, "device_answers_at_bar",
		  "at CPU 0x%llx edu's identification reads %s0x%llx, not 0x%08x",
		  (unsigned long long)b, bad ? "(abort) " : "", (unsigned long long)o.value,
		  EDU_ID)) {
		bad = probe_write(b + EDU_INVERT, 32, EDU_PATTERN, &o) ||
		      probe_read(b + EDU_INVERT, 32, &o);
		check(t, !bad && (uint32_t)o.value == (uint32_t)~EDU_PATTERN,
		      "device_register_works",
		      "edu's register 4 returns 0x%08x for 0x%08x written, not its inverse",
		      (uint32_t)o.value, EDU_PATTERN);
	}
	subject_pop(t);
	return 1;
}

static int msix_masked(struct test_ctx *t, struct pci_state *s, struct pci_fn *f)
{
	uint32_t cap = pci_find_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_MSIX), v;
	uint64_t esr;
	struct probe_outcome o;

	if (!cap)
		return 0;
	pci_cfg_read(&s->ecam, f->bus, f->devfn, cap + 4, 32, &v, &esr);
	int bir = (int)(v & 7);
	if (bir >= PCI_NUM_BARS || f->bar_win[bir] < 0)
		return 0;
	uintptr_t entry = f->bar_va[bir] + (v & ~7u);
	subject_push(t, "reg", "BAR%d", bir);
	int bad = probe_read(entry + 12, 32, &o);
	check(t, !bad && (o.value & 1), "device_answers_at_bar",
	      "MSI-X table entry 0 at CPU 0x%llx: Vector Control reads %s0x%llx, not masked",
	      (unsigned long long)entry, bad ? "(abort) " : "", (unsigned long long)o.value);
	subject_pop(t);
	return 1;
}

void case_decode(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	struct pci_fn *f;
	int held = 0;

	if (s->host_why || !s->nfn) {
		skip(t, "no usable host bridge or no function on the bus");
		return;
	}
	node_push(t, s->host.dev->path);
	if ((t->opt->vm_pci & OPT_PCI_TESTDEV) && (f = pci_at_slot(s, PCI_SLOT_TESTDEV))) {
		pci_push_fn(t, f);
		held |= testdev(t, s, f);
		subject_pop(t);
	}
	if ((t->opt->vm_pci & OPT_PCI_EDU) && (f = pci_at_slot(s, PCI_SLOT_EDU))) {
		pci_push_fn(t, f);
		held |= edu(t, f);
		subject_pop(t);
	}
	if ((t->opt->vm_pci & OPT_PCI_VIRTIO) && (f = pci_at_slot(s, PCI_SLOT_VIRTIO))) {
		pci_push_fn(t, f);
		held |= msix_masked(t, s, f);
		subject_pop(t);
	}
	/* A device answered at an address found through ranges: its translation was asked. */
	if (held)
		claim_hold(s->host.dev->node, "ranges", CLAIM_PROBE);
	else
		skip(t, "no device the runner attached has an assigned BAR to read");
	subject_pop(t);
}
