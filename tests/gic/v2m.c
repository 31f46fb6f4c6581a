// SPDX-License-Identifier: MIT
/*
 * gic suite, distributor: a GICv2m frame whose node gives arm,msi-base-spi
 * and arm,msi-num-spis (arm,gic-v2m-frame; Linux's gicv2m takes them for
 * MSI_TYPER, the properties being for frames whose MSI_TYPER is wrong). They
 * are held by what the frame does: the first and the last SPI of their range,
 * each written to MSI_SETSPI_NS by this CPU as a device's MSI would be, must
 * arrive as that SPI.
 */
#include <libfdt.h>

#include "boot/cpu.h"
#include "boot/probe.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "tests/gic/gic.h"

#define V2M_WAIT_US 50000

static void one_end(struct test_ctx *t, const struct dt_device *c, uint32_t spi, const char *end,
		    unsigned *answered)
{
	struct probe_outcome o;

	gic_set_edge(spi, 1);
	gic_clear_pending(spi);
	gic_route_here(spi);
	gic_enable(spi);
	int aborted = probe_write((uintptr_t)c->reg[0].base + V2M_SETSPI_NS, 32, spi, &o) != 0;
	uint32_t iar = irq_expect(V2M_WAIT_US), got = gic_intid(iar);
	if (iar != GIC_SPURIOUS)
		gic_eoi(iar);
	gic_disable(spi);
	subject_push(t, "intid", "%u", spi);
	*answered += check(t, got == spi, "v2m_dt_spis_answer",
			   "SPI %u (the %s of what arm,msi-base-spi and arm,msi-num-spis give) "
			   "written to MSI_SETSPI_NS%s: %s%u",
			   spi, end, aborted ? " (the write aborted)" : "",
			   got == GIC_SPURIOUS ? "nothing arrived, INTID " : "INTID ", got);
	subject_pop(t);
}

static void v2m_range(struct test_ctx *t, const struct dt_device *c)
{
	int l1, l2;
	const fdt32_t *b = fdt_getprop(t->plat->fdt, c->node, "arm,msi-base-spi", &l1);
	const fdt32_t *n = fdt_getprop(t->plat->fdt, c->node, "arm,msi-num-spis", &l2);

	if (!b || !n || l1 != 4 || l2 != 4 || c->nreg < 1)
		return;
	uint32_t base = fdt32_ld(b), num = fdt32_ld(n);
	node_push(t, c->path);
	subject_push(t, "prop", "arm,msi-base-spi");
	claim_hold(c->node, "arm,msi-base-spi", CLAIM_PROBE);
	claim_hold(c->node, "arm,msi-num-spis", CLAIM_PROBE);
	/* 64-bit sums: a lying base near 2^32 must not wrap into range. */
	if (check(t, num && base >= GIC_FIRST_SPI && (uint64_t)base + num <= gic_lines(),
		  "v2m_dt_spis_valid",
		  "arm,msi-base-spi %u and arm,msi-num-spis %u give no SPIs the distributor has "
		  "(INTIDs %u..%u)",
		  base, num, GIC_FIRST_SPI, gic_lines() - 1)) {
		int masked = cpu_irq_masked();
		unsigned answered = 0;
		cpu_irq_mask();
		one_end(t, c, base, "first", &answered);
		one_end(t, c, base + num - 1, "last", &answered);
		if (!masked)
			cpu_irq_unmask();
		if (answered == 2)
			evidence(t, "v2m_dt_spis_answer",
				 "SPIs %u and %u written to MSI_SETSPI_NS arrived", base,
				 base + num - 1);
	}
	subject_pop(t);
	subject_pop(t);
}

void gic_v2m_dt_ranges(struct test_ctx *t)
{
	for (int i = 0; i < t->plat->ndevices; i++) {
		const struct dt_device *c = &t->plat->devices[i];
		if (c->enabled && dt_compat_has(c, "arm,gic-v2m-frame"))
			v2m_range(t, c);
	}
}
