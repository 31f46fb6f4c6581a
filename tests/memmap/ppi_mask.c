// SPDX-License-Identifier: MIT
/*
 * memmap suite, the GIC flags cell beyond its trigger (arm,gic.yaml: bits
 * [15:8] are a PPI's CPU mask, one bit per CPU interface the interrupt is
 * wired to, "only valid for PPI interrupts"; 0 leaves it unsaid; no other bit
 * above the trigger [3:0] is assigned; arm,gic-v3.yaml assigns [3:0] alone).
 * An SPI carries no bit above its trigger, a PPI none outside its mask.
 * With a GICv2 every PPI the tree gives is a per-CPU interrupt wired to every
 * CPU: a mask that is given must name each CPU of /cpus, and no other
 * (interface i is taken to be /cpus' CPU i, as QEMU and Xen number them);
 * where the profile says which PPIs its documentation writes with that mask
 * (QEMU 7.2: the timer's and the PMU's; none on the others), a PPI's mask is
 * held against it. With a GICv3 the binding has no mask: a PPI's is what the
 * profile says the documentation writes (QEMU none, Xen 0xf).
 */
#include "runtime/check.h"
#include "tests/memmap/memmap.h"

#define GIC_CPU_INTERFACES 8
#define TRIGGER_BITS	   0xfu
#define PPI_MASK_BITS	   0xff00u

static int to_gic(const struct platform *p, const struct dt_device *d)
{
	return d->enabled && p->gic && d->gic_parent == p->gic->node;
}

static void push(struct test_ctx *t, const struct dt_device *d, const struct dt_irq *q)
{
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "intid", "%u", (unsigned)q->intid);
}

static void pop(struct test_ctx *t)
{
	subject_pop(t);
	subject_pop(t);
}

/* Bits the bindings do not assign: an SPI's above [3:0], a PPI's outside [3:0] and [15:8]. */
static void check_reserved_bits(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!to_gic(p, d))
			continue;
		for (int k = 0; k < d->nirq; k++) {
			const struct dt_irq *q = &d->irq[k];
			uint32_t spare = q->kind == IRQ_SPI ? q->flags & ~TRIGGER_BITS
					 : q->kind == IRQ_PPI
						 ? q->flags & ~(TRIGGER_BITS | PPI_MASK_BITS)
						 : 0;
			if (!spare)
				continue;
			push(t, d, q);
			finding(t, q->kind == IRQ_SPI ? "spi_flags_reserved" : "ppi_flags_reserved",
				"%s %s %u has flags 0x%x: bits 0x%x are reserved (the CPU mask "
				"[15:8] "
				"is for PPIs only; the trigger is [3:0])",
				d->path, q->kind == IRQ_SPI ? "SPI" : "PPI", (unsigned)q->number,
				(unsigned)q->flags, (unsigned)spare);
			pop(t);
		}
	}
}

/* GICv3: the binding has no CPU mask; each PPI carries what the documentation writes. */
static void check_gicv3_masks(struct test_ctx *t)
{
	const struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	unsigned want = mm->prof->gicv3_ppi_mask;

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!to_gic(p, d))
			continue;
		for (int k = 0; k < d->nirq; k++) {
			const struct dt_irq *q = &d->irq[k];
			unsigned mask = q->flags >> 8 & 0xff;
			if (q->kind != IRQ_PPI || mask == want)
				continue;
			push(t, d, q);
			finding(t, "ppi_mask_documented",
				"%s PPI %u has CPU mask 0x%02x with a GICv3; %s writes 0x%02x",
				d->path, (unsigned)q->number, mask, mm->prof->name, want);
			pop(t);
		}
	}
}

/* GICv2, where the profile says which PPIs carry the every-CPU mask: the others carry none. */
static void check_gicv2_documented(struct test_ctx *t, const struct dt_device *d,
				   const struct dt_irq *q, uint32_t cpus)
{
	const struct memmap *mm = t->state;
	const char *list = mm->prof->gicv2_ppi_mask_every_cpu;
	uint32_t mask = q->flags >> 8 & 0xff;
	int every = 0;

	if (!list)
		return;
	for (const char *c = dt_compat_next(d, NULL); c; c = dt_compat_next(d, c))
		every |= profile_compat_listed(list, c);
	uint32_t want = every ? cpus : 0;
	if (mask != want)
		finding(t, "ppi_mask_documented",
			"%s PPI %u has CPU mask 0x%02x with a GICv2; %s writes 0x%02x (%s)",
			d->path, (unsigned)q->number, (unsigned)mask, mm->prof->name,
			(unsigned)want, every ? "every CPU of /cpus" : "none on this node");
}

void memmap_check_ppi_masks(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	int n = p->ncpus < GIC_CPU_INTERFACES ? p->ncpus : GIC_CPU_INTERFACES;
	uint32_t cpus = (1u << n) - 1;
	unsigned given = 0, unsaid = 0;

	check_reserved_bits(t);
	if (p->gic_version == 3)
		check_gicv3_masks(t);
	if (p->gic_version != 2 || !p->ncpus)
		return;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!to_gic(p, d))
			continue;
		for (int k = 0; k < d->nirq; k++) {
			const struct dt_irq *q = &d->irq[k];
			uint32_t mask = q->flags >> 8 & 0xff;
			if (q->kind != IRQ_PPI)
				continue;
			push(t, d, q);
			check_gicv2_documented(t, d, q, cpus);
			if (!mask) {
				unsaid++;
				pop(t);
				continue;
			}
			given++;
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
			pop(t);
		}
	}
	note(t, "GICv2 PPI CPU masks: %u given and asked, %u left unsaid (0)", given, unsaid);
}
