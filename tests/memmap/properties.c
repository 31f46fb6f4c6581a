// SPDX-License-Identifier: MIT
/*
 * memmap suite, the properties the documentation says every node of a kind
 * has or lacks beyond reg and interrupts (the profile's props: QEMU 7.2's
 * virt.c writes dma-coherent on each virtio-mmio transport, fw-cfg and the
 * PCIe host, and clocks on each PrimeCell), then the values it gives them
 * (values.c), and where it writes each node (places.c). Each one asked is
 * a claim held against that documentation (dt/claims.h).
 */
#include <libfdt.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/memmap/memmap.h"

void case_dt_properties(struct test_ctx *t)
{
	const struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	unsigned asked = 0;

	for (unsigned i = 0; i < mm->prof->nprops; i++) {
		const struct profile_prop *q = &mm->prof->props[i];
		for (int k = 0; k < p->ndevices; k++) {
			const struct dt_device *d = &p->devices[k];
			if (!d->enabled || !dt_compat_has(d, q->compat))
				continue;
			int has = fdt_getprop(p->fdt, d->node, q->prop, NULL) != NULL;
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "prop", "%s", q->prop);
			check(t, has == q->present, "documented_property",
			      "%s %s %s, which %s writes on %s %s node", d->path,
			      has ? "has" : "lacks", q->prop, q->source,
			      q->present ? "every" : "no", q->compat);
			subject_pop(t);
			subject_pop(t);
			if (has)
				claim_hold(d->node, q->prop, CLAIM_DOC);
			asked++;
		}
	}
	unsigned values = memmap_check_values(t, mm->prof) + memmap_check_cpu_model(t, mm->prof);
	unsigned places = memmap_check_places(t, mm->prof) + memmap_check_topology(t, mm->prof) +
			  memmap_check_numa(t, mm->prof);
	if (!asked && !values && !places) {
		skip(t, "the profile documents no property of a node this tree has");
		return;
	}
	note(t, "documented properties asked: %u present or absent, %u values, %u places", asked,
	     values, places);
}
