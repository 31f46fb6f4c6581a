// SPDX-License-Identifier: MIT
/*
 * gic suite, pending_clear: a pending state written and cleared through the
 * set and clear views, judged by what the CPU interface signals, not by
 * reading the pending bits (a vGIC may read them as 0). On the highest SPI
 * nothing uses (none the DT names, none enabled, pending or active now),
 * routed to this CPU, with IRQs masked:
 *   - set through GICD_ISPENDR while disabled, then enabled: it is
 *     signalled (IHI 0048B 4.3.7, IHI 0069 12.9.23);
 *   - set, cleared through GICD_ICPENDR, then enabled: nothing is signalled
 *     (IHI 0048B 4.3.8, IHI 0069 12.9.10).
 * The first shows the second's silence is not an SPI that cannot be made
 * pending at all; whatever is left is taken, and the SPI disabled again.
 * (An SPI, not a PPI: on QEMU 7.2's GICv2 a PPI set through the banked
 * GICD_ISPENDR0 was never signalled, a question apart from this one.)
 */
#include "boot/cpu.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "tests/gic/gic.h"

#define QUIET_US 5000 /* a wait for silence: no grace */

/* An INTID the DT names for any device. */
static int named(const struct platform *p, uint32_t intid)
{
	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; k < p->devices[i].nirq; k++)
			if (p->devices[i].irq[k].intid == intid)
				return 1;
	return 0;
}

/* The highest SPI nothing uses, or 0. */
static uint32_t unused_spi(const struct platform *p)
{
	uint32_t lines = gic_lines();

	for (uint32_t id = (lines < GIC_MAX_LINES ? lines : GIC_MAX_LINES) - 1; id >= GIC_FIRST_SPI;
	     id--)
		if (!named(p, id) && !gic_enabled(id) && !gic_pending(id) && !gic_active(id))
			return id;
	return 0;
}

/* Take what comes within the wait (expected: with the grace); EOIed. */
static uint32_t take(uint64_t wait_us, int expected)
{
	uint32_t iar = expected ? irq_expect(wait_us) : irq_poll(wait_us);
	uint32_t got = gic_intid(iar);

	if (got != GIC_SPURIOUS)
		gic_eoi(iar);
	return got;
}

void case_pending_clear(struct test_ctx *t)
{
	uint32_t spi = unused_spi(t->plat);

	if (!spi) {
		skip(t, "every SPI is named by the DT or in use");
		return;
	}
	int masked = cpu_irq_masked();
	cpu_irq_mask();
	subject_push(t, "intid", "%u", spi);
	gic_route_here(spi);
	gic_set_pending(spi);
	gic_enable(spi);
	uint32_t got = take(GIC_TEST_WAIT_US, 1);
	gic_disable(spi);
	if (!check(t, got == spi, "set_pending_signalled",
		   "SPI %u made pending through ISPENDR while disabled, then enabled: %s", spi,
		   got == GIC_SPURIOUS ? "nothing was signalled" : "another INTID came")) {
		gic_clear_pending(spi);
	} else {
		gic_set_pending(spi);
		gic_clear_pending(spi);
		gic_enable(spi);
		got = take(QUIET_US, 0);
		gic_disable(spi);
		if (check(t, got == GIC_SPURIOUS, "clear_pending_takes",
			  "SPI %u made pending, then cleared through ICPENDR while disabled: "
			  "enabled, INTID %u was signalled",
			  spi, got))
			evidence(t, "clear_pending_takes",
				 "SPI %u: set through ISPENDR it was signalled; set then cleared "
				 "through ICPENDR it was not",
				 spi);
	}
	subject_pop(t);
	if (!masked)
		cpu_irq_unmask();
}
