// SPDX-License-Identifier: MIT
/*
 * gic suite: the interrupt controller the DT names, v2 or v3. Documents
 * checked: Arm IHI 0048B GICv2 (GICD_TYPER, GICD_SGIR target lists, GICC_PMR,
 * GICC_IAR/EOIR/DIR, GICC_CTLR.EOImode), Arm IHI 0069 GICv3 (ICC_SGI1R_EL1
 * affinity routing, ICC_PMR/IAR1/EOIR1/DIR_EL1, ICC_CTLR_EL1.EOImode,
 * GICD_IROUTER), both: INTID 1023 is spurious, a higher priority (lower
 * value) is taken first, an active interrupt is not signalled again until
 * deactivated. The SPI each DT node names must arrive on that INTID.
 */
#include <libfdt.h>
#include <string.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "tests/gic/gic.h"

#define WAIT_US GIC_TEST_WAIT_US

static const char *skip_if(const struct test_ctx *t)
{
	(void)t;
	return irq_unusable();
}

static void case_distributor(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	uint32_t lines = gic_lines(), highest = 0;
	const char *who = "";

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		for (int k = 0; k < d->nirq; k++)
			if (d->irq[k].kind == IRQ_SPI && d->irq[k].intid > highest) {
				highest = d->irq[k].intid;
				who = d->path;
			}
	}
	note(t, "gic: v%d, GICD_TYPER lines: %u; highest DT SPI: INTID %u (%s)", p->gic_version,
	     lines, highest, highest ? who : "none");
	subject_push(t, "node", "%s", who);
	subject_push(t, "intid", "%u", highest);
	check(t, highest < lines, "spi_within_typer_lines",
	      "%s names INTID %u, but GICD_TYPER.ITLinesNumber gives INTIDs up to %u", who, highest,
	      lines - 1);
	subject_pop(t);
	subject_pop(t);
	/* arm,gic-v3.yaml: mbi-ranges gives SPIs for message-based interrupts (IHI 0069
	 * GICD_TYPER.MBIS). */
	if (p->gic_version == 3 && fdt_getprop(p->fdt, p->gic->node, "mbi-ranges", NULL)) {
		subject_push(t, "node", "%s", p->gic->path);
		subject_push(t, "prop", "mbi-ranges");
		check(t, gic_dist_typer() & GICD_TYPER_MBIS, "mbi_ranges_supported",
		      "%s gives mbi-ranges, but GICD_TYPER.MBIS is 0: the distributor takes no "
		      "message-based SPIs (GICD_SETSPI_NSR)",
		      p->gic->path);
		claim_hold(p->gic->node, "mbi-ranges", CLAIM_PROBE);
		subject_pop(t);
		subject_pop(t);
	}
	gic_v2m_dt_ranges(t);
}

static void case_spurious(struct test_ctx *t)
{
	uint32_t iar, got = gic_test_take(0, &iar);

	/* Nothing was made pending: the acknowledge must say so. */
	if (got != GIC_SPURIOUS)
		gic_eoi(iar);
	check(t, got == GIC_SPURIOUS, "idle_ack_spurious",
	      "nothing pending, yet the acknowledge gave INTID %u, not 1023", got);
}

/*
 * Whether the SGI awaited came (got, from gic_test_take): nothing within the
 * wait fails check arrives, another INTID fails check same; two checks, so
 * that silence and a wrong answer are two findings. 1 when sgi came.
 */
static int sgi_came(struct test_ctx *t, uint32_t got, uint32_t sgi, uint64_t wait_us,
		    const char *arrives, const char *same, const char *what)
{
	if (!check(t, got != GIC_SPURIOUS, arrives,
		   "%s: SGI %u: nothing arrived within %u ms (and irq_expect's grace)", what, sgi,
		   (unsigned)(wait_us / 1000)))
		return 0;
	return check(t, got == sgi, same, "%s: SGI %u sent, INTID %u arrived", what, sgi, got);
}

/*
 * Each SGI goes through the GIC the DT's reg places: the distributor (its
 * GICD_CTLR enables the group; v2: GICD_SGIR sends), the redistributor frame
 * found in reg's (v3) or the CPU interface at reg[1] (v2: GICC_IAR takes
 * it). A GIC not where reg says drops them (lie gic-dist-in-ram). They hold
 * reg when it has no entry beyond those (v2: GICC's; v3: the redistributor
 * regions'): GICv2's GICH and GICV, v3's GICC/GICH/GICV are held by what
 * answers in each (mmio/identity), not by SGIs that never touch them.
 */
static void sgi_self_masked(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	int used = p->gic_version == 2 ? 2 : 1 + p->gic_redist_regions;

	if (p->gic->nreg <= used)
		claim_hold(p->gic->node, "reg", CLAIM_PROBE);
	for (uint32_t sgi = 0; sgi < 16; sgi++) {
		uint32_t iar;
		gic_enable(sgi);
		gic_send_sgi(sgi, SGI_TO_SELF, 0);
		uint32_t got = gic_test_expect(WAIT_US, &iar);
		if (got != GIC_SPURIOUS)
			gic_eoi(iar);
		subject_push(t, "intid", "%u", sgi);
		sgi_came(t, got, sgi, WAIT_US, "self_sgi_arrives", "self_sgi_is_sent_one",
			 "to self");
		subject_pop(t);
	}
}

/* PMR masks priorities at or below it; of two pending, the higher priority comes first. */
static void priority_masked(struct test_ctx *t)
{
	uint32_t iar, pmr = gic_pmr();

	gic_set_priority(5, 0xa0);
	gic_set_priority(6, 0x80);
	gic_enable(5);
	gic_enable(6);
	gic_set_pmr(0x80);
	gic_send_sgi(5, SGI_TO_SELF, 0);
	uint32_t got = gic_test_take(WAIT_US / 10, &iar);
	if (got != GIC_SPURIOUS)
		gic_eoi(iar);
	subject_push(t, "intid", "%u", 5);
	check(t, got == GIC_SPURIOUS, "pmr_masks",
	      "PMR 0x80: SGI 5 of priority 0xa0 was signalled (INTID %u)", got);
	check(t, gic_pending(5), "pending_visible",
	      "SGI 5 is held back by PMR, but its pending bit (ISPENDR) reads as clear");
	subject_pop(t);
	gic_send_sgi(6, SGI_TO_SELF, 0);
	gic_set_pmr(0xf0);
	uint32_t first = gic_test_expect(WAIT_US, &iar);
	if (first != GIC_SPURIOUS)
		gic_eoi(iar);
	uint32_t second = gic_test_expect(WAIT_US, &iar);
	if (second != GIC_SPURIOUS)
		gic_eoi(iar);
	check(t, first == 6 && second == 5, "higher_priority_first",
	      "SGIs 6 (priority 0x80) and 5 (0xa0) pending: taken as %u then %u, expected 6 then 5",
	      first, second);
	gic_set_priority(5, 0xa0);
	gic_set_pmr(pmr);
}

static void cleared_by_icactiver(struct test_ctx *t);

/* EOImode 1: EOI only drops priority; the SGI stays active until DIR. */
static void eoi_modes_masked(struct test_ctx *t)
{
	uint32_t iar, iar2;

	subject_push(t, "intid", "%u", 8);
	gic_enable(8);
	gic_send_sgi(8, SGI_TO_SELF, 0);
	uint32_t got = gic_test_expect(WAIT_US, &iar);
	if (got != GIC_SPURIOUS)
		gic_eoi(iar);
	if (!sgi_came(t, got, 8, WAIT_US, "arrives", "arrives_as_sent", "EOImode 0")) {
		subject_pop(t);
		return;
	}
	check(t, !gic_active(8), "eoi_deactivates", "EOImode 0: SGI 8 still active after EOI");

	gic_set_eoimode(1);
	gic_send_sgi(8, SGI_TO_SELF, 0);
	got = gic_test_expect(WAIT_US, &iar);
	if (!sgi_came(t, got, 8, WAIT_US, "arrives_eoimode1", "arrives_eoimode1_as_sent",
		      "EOImode 1")) {
		if (got != GIC_SPURIOUS) {
			gic_eoi(iar);
			gic_deactivate(iar);
		}
		gic_set_eoimode(0);
		subject_pop(t);
		return;
	}
	gic_eoi(iar);
	check(t, gic_active(8), "active_visible",
	      "EOImode 1: after EOI (priority drop) SGI 8's active bit (ISACTIVER) reads as clear");
	gic_send_sgi(8, SGI_TO_SELF, 0);
	got = gic_test_take(WAIT_US / 10, &iar2);
	if (got != GIC_SPURIOUS) {
		gic_eoi(iar2);
		gic_deactivate(iar2);
	}
	check(t, got == GIC_SPURIOUS, "eoi_only_drops_priority",
	      "EOImode 1: SGI 8 signalled again before DIR: EOI deactivated it");
	gic_deactivate(iar);
	check(t, !gic_active(8) || gic_pending(8), "dir_deactivates",
	      "EOImode 1: SGI 8 still active after DIR");
	got = gic_test_expect(WAIT_US, &iar2);
	if (got != GIC_SPURIOUS) {
		gic_eoi(iar2);
		gic_deactivate(iar2);
	}
	sgi_came(t, got, 8, WAIT_US, "pending_arrives_after_dir", "pending_after_dir_as_sent",
		 "EOImode 1, after DIR");
	cleared_by_icactiver(t);
	gic_set_eoimode(0);
	subject_pop(t);
}

/*
 * EOImode 1 still: SGI 8 taken and its priority dropped stays active; a write
 * of its bit to ICACTIVER (GICD_, or GICR_ICACTIVER0 on v3) deactivates it
 * (IHI 0048B 4.3.10, IHI 0069 12.9.6 and 12.11.4), so the same SGI sent again is
 * signalled before any DIR. Judged by what arrives, not by reading the
 * active state (Xen reads it as 0). Whatever stays active is deactivated by
 * DIR after, and what stays pending is taken.
 */
static void cleared_by_icactiver(struct test_ctx *t)
{
	uint32_t iar, iar2;

	gic_send_sgi(8, SGI_TO_SELF, 0);
	if (gic_test_expect(WAIT_US, &iar) != 8) {
		if (gic_intid(iar) != GIC_SPURIOUS) {
			gic_eoi(iar);
			gic_deactivate(iar);
		}
		return; /* arrives_eoimode1 already judged its arrival */
	}
	gic_eoi(iar);
	gic_clear_active(8);
	gic_send_sgi(8, SGI_TO_SELF, 0);
	/*
	 * No grace: an SGI to self is raised by this CPU's own write, in its own
	 * thread under an emulator, so no starved thread can hold it back (and
	 * Xen, which keeps it active, would pay the grace every run).
	 */
	uint32_t got = gic_test_take(WAIT_US, &iar2);
	if (check(t, got == 8, "icactiver_deactivates",
		  "EOImode 1: SGI 8 cleared through ICACTIVER and sent again: %s before DIR",
		  got == GIC_SPURIOUS ? "it did not arrive" : "another INTID arrived"))
		evidence(t, "icactiver_deactivates",
			 "EOImode 1: SGI 8 cleared through ICACTIVER and sent again arrived before "
			 "DIR");
	if (got != GIC_SPURIOUS) {
		gic_eoi(iar2);
		gic_deactivate(iar2);
	}
	if (got != 8) {
		gic_deactivate(iar); /* still active: DIR lets the pending one come */
		got = gic_test_expect(WAIT_US, &iar2);
		if (got != GIC_SPURIOUS) {
			gic_eoi(iar2);
			gic_deactivate(iar2);
		}
	}
}

/*
 * The CPU takes nothing while a case polls: an SGI taken by the dispatcher
 * instead would count as unclaimed (and be disabled).
 */
#define MASKED_CASE(name)                                                                          \
	static void case_##name(struct test_ctx *t)                                                \
	{                                                                                          \
		cpu_irq_mask();                                                                    \
		name##_masked(t);                                                                  \
		cpu_irq_unmask();                                                                  \
	}
MASKED_CASE(sgi_self)
MASKED_CASE(priority)
MASKED_CASE(eoi_modes)

static const struct test_case cases[] = {
	CASE(distributor), CASE(spurious),   CASE(sgi_self), CASE(priority),   CASE(eoi_modes),
	CASE(spi_uart),	   CASE(sgi_others), CASE(its),	     CASE(cpuif_regs), CASE(pending_clear),
};
SUITE(58, gic, cases, .skip_if = skip_if);
