// SPDX-License-Identifier: MIT
/*
 * A modern virtio-pci function's structures (Virtual I/O Device 1.2
 * 4.1.4): vendor-specific capabilities (ID 0x09) whose cfg_type names the
 * common configuration (1), notifications (2), ISR status (3) and device
 * configuration (4), each a BAR, an offset and a length; the notification
 * capability also gives notify_off_multiplier. Each structure must lie in
 * a BAR the function has, which the suite assigned; its CPU address is
 * the BAR's through ranges.
 */
#include "runtime/check.h"
#include "tests/pci/pci.h"
#include "tests/pci/virtio_pci.h"

#define CAP_LEN		2
#define CAP_CFG_TYPE	3
#define CAP_BAR		4
#define CAP_OFFSET	8
#define CAP_LENGTH	12
#define CAP_NOTIFY_MULT 16

static const char *const names[VPCI_CAP_TYPES] = { "?", "common", "notify", "isr", "device" };

static uint32_t cfg(struct pci_state *s, const struct pci_fn *f, uint32_t reg, unsigned width)
{
	uint32_t v = 0;
	uint64_t esr;

	if (pci_cfg_read(&s->ecam, f->bus, f->devfn, reg, width, &v, &esr))
		return 0;
	return v;
}

/* One structure: in a BAR that holds it, assigned. Findings name the structure's cap. */
static void take(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f, struct vpci *v,
		 uint32_t cap, unsigned type)
{
	unsigned bar = cfg(s, f, cap + CAP_BAR, 8);
	uint32_t off = cfg(s, f, cap + CAP_OFFSET, 32), len = cfg(s, f, cap + CAP_LENGTH, 32);

	if (v->at[type])
		return; /* 4.1.4: the driver uses the first of each type */
	subject_push(t, "off", "0x%02x", cap);
	int ok = check(t, bar < PCI_NUM_BARS && f->bar[bar].kind != PCI_BAR_NONE,
		       "virtio_cap_bar_exists",
		       "the %s structure names BAR %u, which the function "
		       "does not have",
		       names[type], bar);
	ok = ok && check(t, (uint64_t)off + len <= f->bar[bar].size, "virtio_cap_in_bar",
			 "the %s structure, 0x%x bytes at 0x%x, runs past BAR%u's 0x%llx bytes",
			 names[type], len, off, bar, (unsigned long long)f->bar[bar].size);
	ok = ok && check(t, f->bar_win[bar] >= 0, "virtio_cap_bar_assigned",
			 "the %s structure's BAR%u was not assigned: %s", names[type], bar,
			 f->bar_why[bar] ? f->bar_why[bar] : "?");
	subject_pop(t);
	if (!ok)
		return;
	v->at[type] = f->bar_va[bar] + off;
	v->pa[type] = f->bar_cpu[bar] + off;
	v->len[type] = len;
	if (type == VPCI_NOTIFY)
		v->notify_mult = cfg(s, f, cap + CAP_NOTIFY_MULT, 32);
}

int vpci_find(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f, struct vpci *v)
{
	unsigned seen = 0, n = 0;

	/* 48: a list that loops ends (pci_next_cap bounds one call, this the walk). */
	for (uint32_t cap = pci_next_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_VNDR, 0);
	     cap && n < 48;
	     cap = pci_next_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_VNDR, cap), n++) {
		unsigned type = cfg(s, f, cap + CAP_CFG_TYPE, 8);
		if (type >= VPCI_COMMON && type <= VPCI_DEVICE &&
		    cfg(s, f, cap + CAP_LEN, 8) >= 16) {
			take(t, s, f, v, cap, type);
			seen++;
		}
	}
	int all = 1;
	for (unsigned type = VPCI_COMMON; type <= VPCI_DEVICE; type++)
		all &= check(t, v->at[type] != 0, "virtio_cap_present",
			     "no usable %s structure among the %u virtio capabilities", names[type],
			     seen);
	return all;
}
