// SPDX-License-Identifier: MIT
/*
 * pci suite, enumerate: the host's child nodes on the root bus (PCI Bus
 * Binding to Open Firmware 2.2.1; Linux pci/pci.txt) held against the
 * functions found there. A child names its function by the first reg
 * entry's phys.hi; what it says of that function must be so: a function
 * answers there, each "pci..." (or "pciex...") compatible names its IDs (pciVVVV,DDDD with
 * .SSSS.ssss and .RR where given, pciSSSS,ssss its subsystem, pciclass,CCSS
 * and pciclass,CCSSPP its class), and interrupts (through the host's
 * interrupt-map, one cell) is its Interrupt Pin. Children of bridge nodes
 * sit on buses the suite numbers itself: not held.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/pci/pci.h"

struct ids {
	uint32_t vendor, device, subvendor, subdevice, rev, class;
};

/* The hex number of s up to a character of stop (or the end); -1 when none. */
static long hex(const char **s, const char *stop)
{
	long v = 0;
	int digits = 0;

	for (; **s && !strchr(stop, **s); (*s)++, digits++) {
		char c = **s;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0 || digits >= 8)
			return -1;
		v = v << 4 | d;
	}
	return digits ? v : -1;
}

/* Whether one "pci..." compatible string names f's IDs. */
static int names_ids(const char *c, const struct ids *f)
{
	/* The PCI Express binding's "pciex" prefix names the same IDs. */
	const char *s = c + (strncmp(c, "pciex", 5) ? 3 : 5);

	if (!strncmp(s, "class,", 6)) {
		s += 6;
		size_t n = strlen(s);
		long cls = hex(&s, "");
		return cls >= 0 && ((n == 4 && (uint32_t)cls == f->class >> 8) ||
				    (n == 6 && (uint32_t)cls == f->class));
	}
	long v = hex(&s, ","), d = -1, sv = -1, sd = -1, r = -1;
	if (v >= 0 && *s == ',' && (s++, d = hex(&s, ".")) >= 0 && *s == '.') {
		s++;
		long x = hex(&s, ".");
		if (*s == '.') {
			sv = x, s++;
			sd = hex(&s, ".");
			if (*s == '.')
				s++, r = hex(&s, "");
		} else {
			r = x;
		}
	}
	if (v < 0 || d < 0 || *s || (sv >= 0 && sd < 0))
		return 0;
	if (sv < 0 && r < 0 && (uint32_t)v == f->subvendor && (uint32_t)d == f->subdevice &&
	    ((uint32_t)v != f->vendor || (uint32_t)d != f->device))
		return 1; /* pciSSSS,ssss */
	return (uint32_t)v == f->vendor && (uint32_t)d == f->device &&
	       (sv < 0 || ((uint32_t)sv == f->subvendor && (uint32_t)sd == f->subdevice)) &&
	       (r < 0 || (uint32_t)r == f->rev);
}

/* Returns the checks that failed. */
static int hold_compatible(struct test_ctx *t, struct pci_state *s, int node,
			   const struct pci_fn *f)
{
	int len, asked = 0, others = 0, failed = 0;
	const char *list = fdt_getprop(t->plat->fdt, node, "compatible", &len);
	uint32_t sub = 0;
	uint64_t esr;

	if (!list || len <= 0)
		return 0;
	if (PCI_HEADER_KIND(f->header) == 0)
		pci_cfg_read(&s->ecam, f->bus, f->devfn, 0x2c, 32, &sub, &esr);
	const struct ids ids = { f->vendor, f->device,		 sub & 0xffff,
				 sub >> 16, f->class_rev & 0xff, f->class_rev >> 8 };
	for (const char *c = list; c < list + len && *c; c += strlen(c) + 1) {
		if (strncmp(c, "pci", 3)) {
			others++; /* a vendor's own string: nothing here checks it */
			continue;
		}
		asked = 1;
		failed += !check(t, names_ids(c, &ids), "dt_compatible_names_ids",
				 "compatible \"%s\", but the function is %04x:%04x (subsystem "
				 "%04x:%04x) rev "
				 "%u class %06x",
				 c, ids.vendor, ids.device, ids.subvendor, ids.subdevice, ids.rev,
				 ids.class);
	}
	if (asked && !others)
		claim_hold(node, "compatible", CLAIM_PROBE);
	return failed;
}

static int hold_interrupts(struct test_ctx *t, int node, const struct pci_fn *f)
{
	int len;
	const fdt32_t *v = fdt_getprop(t->plat->fdt, node, "interrupts", &len);

	if (!v || len != 4 || fdt_getprop(t->plat->fdt, node, "interrupt-parent", NULL))
		return 0; /* through another parent, or of another form: the model's */
	uint32_t pin = fdt32_ld(v);
	int ok = check(t, pin == f->pin, "dt_interrupt_pin",
		       "interrupts <%u> (INT%c), but the function's Interrupt Pin reads %u%s", pin,
		       pin >= 1 && pin <= 4 ? 'A' + pin - 1 : '?', f->pin,
		       f->pin ? "" : " (no INTx)");
	claim_hold(node, "interrupts", CLAIM_PROBE);
	return !ok;
}

void pci_hold_dt_children(struct test_ctx *t, struct pci_state *s)
{
	const void *fdt = t->plat->fdt;
	char path[PLAT_PATH_LEN];
	int node;

	subject_pop(t); /* the host's node=: a child's findings name the child */
	fdt_for_each_subnode(node, fdt, s->host.dev->node)
	{
		int len;
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || len < 20)
			continue; /* no function named, or a form the model reported */
		uint32_t hi = fdt32_ld(reg), bus = (hi >> 16) & 0xff, devfn = (hi >> 8) & 0xff;
		const struct pci_fn *f = pci_find(s, bus, devfn);
		snprintf(path, sizeof(path), "%s/%s", s->host.dev->path,
			 fdt_get_name(fdt, node, NULL));
		node_push(t, path);
		subject_push(t, "device", "%02x:%02x.%x", bus, devfn >> 3, devfn & 7);
		if (bus != s->ecam.first) {
			note(t, "%s: a child node on bus %u, not the root bus %u: not held", path,
			     bus, s->ecam.first);
		} else if (!f && s->fns_dropped) {
			note(t, "%s: %02x:%02x.%x may be past the functions kept: not held", path,
			     bus, devfn >> 3, devfn & 7);
		} else if (check(t, f != NULL, "dt_function_present",
				 "the child node's reg names %02x:%02x.%x, where no function "
				 "answers",
				 bus, devfn >> 3, devfn & 7)) {
			/* A function on the host's bus: where the node sits is so. */
			claim_hold(node, "reg", CLAIM_PROBE);
			claim_hold(node, CLAIM_PLACE, CLAIM_PROBE);
			int failed = hold_compatible(t, s, node, f) + hold_interrupts(t, node, f);
			if (!failed)
				evidence(t, "dt_child_matches",
					 "names the function there, %04x:%04x class %06x pin %u",
					 f->vendor, f->device, f->class_rev >> 8, f->pin);
		} else {
			claim_hold(node, "reg", CLAIM_PROBE);
		}
		subject_pop(t);
		subject_pop(t);
	}
	node_push(t, s->host.dev->path);
}
