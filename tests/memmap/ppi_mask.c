// SPDX-License-Identifier: MIT
/*
 * memmap suite, the CPU mask of a GICv2 PPI (arm,gic.yaml: flags bits
 * [15:8], one bit per CPU interface the interrupt is wired to; 0 leaves it
 * unsaid). Every PPI the tree gives is a per-CPU interrupt the documentation
 * wires to every CPU (QEMU 7.2 virt.c: (1 << smp_cpus) - 1 on the timer and
 * the PMU): a mask that is given must name each CPU of /cpus, and no other.
 * Interface i is taken to be /cpus' CPU i, as QEMU and Xen number them.
 * With a GICv3 the binding has no mask: a PPI's is what the profile says
 * the documentation writes (QEMU none, Xen 0xf).
 */
#include "runtime/check.h"
#include "tests/memmap/memmap.h"

#define GIC_CPU_INTERFACES 8

/* GICv3: the binding has no CPU mask; each PPI carries what the documentation writes. */
static void check_gicv3_masks(struct test_ctx *t)
{
	const struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	unsigned want = mm->prof->gicv3_ppi_mask;

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || !p->gic || d->gic_parent != p->gic->node)
			continue;
		for (int k = 0; k < d->nirq; k++) {
			const struct dt_irq *q = &d->irq[k];
			unsigned mask = q->flags >> 8 & 0xff;
			if (q->kind != IRQ_PPI || mask == want)
				continue;
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "intid", "%u", (unsigned)q->intid);
			finding(t, "ppi_mask_documented",
				"%s PPI %u has CPU mask 0x%02x with a GICv3; %s writes 0x%02x",
				d->path, (unsigned)q->number, mask, mm->prof->name, want);
			subject_pop(t);
			subject_pop(t);
		}
	}
}

void memmap_check_ppi_masks(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	int n = p->ncpus < GIC_CPU_INTERFACES ? p->ncpus : GIC_CPU_INTERFACES;
	uint32_t cpus = (1u << n) - 1;
	unsigned given = 0, unsaid = 0;

	if (p->gic_version == 3)
		check_gicv3_masks(t);
	if (p->gic_version != 2 || !p->ncpus)
		return;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || !p->gic || d->gic_parent != p->gic->node)
			continue;
		for (int k = 0; k < d->nirq; k++) {
			const struct dt_irq *q = &d->irq[k];
			uint32_t mask = q->flags >> 8 & 0xff;
			if (q->kind != IRQ_PPI || !mask) {
				unsaid += q->kind == IRQ_PPI;
				continue;
			}
			given++;
			subject_push(t, "node", "%s", d->path);
			subject_push(t, "intid", "%u", (unsigned)q->intid);
			check(t, (mask & cpus) == cpus, "ppi_mask_has_every_cpu",
			      "%s PPI %u has CPU mask 0x%02x: it leaves out CPUs of /cpus (%d "
			      "CPUs: "
			      "0x%02x)",
			      d->path, (unsigned)q->number, (unsigned)mask, p->ncpus,
			      (unsigned)cpus);
			check(t, !(mask & ~cpus), "ppi_mask_names_cpus",
			      "%s PPI %u has CPU mask 0x%02x: it names CPU interfaces that /cpus "
			      "lacks (%d CPUs: 0x%02x)",
			      d->path, (unsigned)q->number, (unsigned)mask, p->ncpus,
			      (unsigned)cpus);
			subject_pop(t);
			subject_pop(t);
		}
	}
	note(t, "GICv2 PPI CPU masks: %u given and asked, %u left unsaid (0)", given, unsaid);
}
