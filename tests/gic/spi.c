// SPDX-License-Identifier: MIT
/*
 * An SPI from a real source: the console UART's transmit interrupt (PL011
 * TRM DDI 0183 UARTIMSC.TXIM, UARTRIS, UARTICR; the SBSA generic UART keeps
 * these registers). Every SPI is enabled while it is raised, so that the
 * INTID that arrives is shown even when it is not the one the DT names.
 */
#include "boot/cpu.h"
#include "boot/mmio.h"
#include "boot/probe.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "tests/gic/gic.h"

#define UARTIMSC 0x038
#define UARTRIS	 0x03c
#define UARTICR	 0x044
#define UART_TX	 (1u << 5)
#define TAKE_MAX 64 /* INTIDs taken and disabled before the UART's, at most */

static void all_spis(uint32_t lines, int on)
{
	for (uint32_t i = GIC_FIRST_SPI; i < lines; i++) {
		if (on) {
			gic_route_here(i);
			gic_enable(i);
		} else {
			gic_disable(i);
		}
	}
}

/* Take what is already pending (nothing should be) so it cannot pass for the UART's. */
static void drain(struct test_ctx *t)
{
	uint32_t iar, got;

	/* Each INTID that comes is disabled; the cap holds if one cannot be (an LPI). */
	for (int n = 0; n < TAKE_MAX && (got = gic_test_take(2000, &iar)) != GIC_SPURIOUS; n++) {
		gic_eoi(iar);
		gic_disable(got);
		note(t, "INTID %u was pending before the UART was asked; disabled", got);
	}
}

void case_spi_uart(struct test_ctx *t)
{
	const struct dt_device *u = t->plat->uart;

	if (!u || u->nreg < 1 || u->nirq < 1 || u->irq[0].kind != IRQ_SPI) {
		skip(t, "no UART with an SPI in the device tree");
		return;
	}
	uintptr_t base = u->reg[0].base;
	uint32_t want = u->irq[0].intid, lines = gic_lines(), iar, got, other = GIC_SPURIOUS;
	struct probe_outcome answer;
	/* A UART that is not there (the console case says so) is no stimulus: read it safely. */
	if (probe_read(base + UARTIMSC, 32, &answer)) {
		skip(t, "the UART does not answer at its reg (dt/console says why)");
		return;
	}
	cpu_irq_mask(); /* everything that arrives comes through the polls below */
	all_spis(lines, 1);
	drain(t);
	mmio_write32(base + UARTICR, UART_TX);
	mmio_write32(base + UARTIMSC, mmio_read32(base + UARTIMSC) | UART_TX);
	/* This line is the stimulus: its characters go through the transmit FIFO. */
	note(t, "uart %s: transmit interrupt enabled; the DT names INTID %u", u->path, want);
	uint32_t ris = mmio_read32(base + UARTRIS);
	for (int n = 0;
	     (got = gic_test_expect(GIC_TEST_WAIT_US, &iar)) != GIC_SPURIOUS && got != want; n++) {
		gic_eoi(iar);
		gic_disable(got);
		other = got;
		if (n + 1 == TAKE_MAX) {
			got = GIC_SPURIOUS; /* a storm of others: the UART's did not come */
			break;
		}
	}
	mmio_write32(base + UARTIMSC, mmio_read32(base + UARTIMSC) & ~UART_TX);
	mmio_write32(base + UARTICR, UART_TX);
	if (got != GIC_SPURIOUS)
		gic_eoi(iar);
	all_spis(lines, 0);
	cpu_irq_unmask();
	/* The subject: the UART and the INTID its node names. */
	subject_push(t, "node", "%s", u->path);
	subject_push(t, "intid", "%u", want);
	/* An interrupt arrived: its INTID was compared with the DT's (lie uart-irq-elsewhere). */
	if (got == want || other != GIC_SPURIOUS)
		claim_hold(u->node, "interrupts", CLAIM_PROBE);
	if (got == want)
		evidence(t, "tx_irq_on_dt_intid",
			 "the UART's transmit interrupt arrived on INTID %u", want);
	else if (other != GIC_SPURIOUS)
		finding(t, "tx_irq_on_dt_intid",
			"%s: its transmit interrupt arrived on INTID %u; the DT names INTID %u",
			u->path, other, want);
	else
		finding(t, "tx_irq_arrives",
			"%s: its transmit interrupt (UARTRIS 0x%x) did not arrive on any INTID "
			"within %u ms; the DT names INTID %u",
			u->path, ris, GIC_TEST_WAIT_US / 1000, want);
	subject_pop(t);
	subject_pop(t);
}
