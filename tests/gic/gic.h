/* SPDX-License-Identifier: MIT */
/* The gic suite's cases in other files, and what they share (tests/gic/). */
#ifndef TESTS_GIC_GIC_H
#define TESTS_GIC_GIC_H

#include <stdint.h>

#include "runtime/case.h"

#define GIC_TEST_WAIT_US 50000

/* Acknowledge within timeout_us: the INTID (GIC_SPURIOUS: none); *iar for the EOI. */
uint32_t gic_test_take(uint64_t timeout_us, uint32_t *iar);
/* The same for an interrupt that should come: with irq_expect's grace past timeout_us. */
uint32_t gic_test_expect(uint64_t timeout_us, uint32_t *iar);

void case_spi_uart(struct test_ctx *t);	     /* spi.c */
void case_sgi_others(struct test_ctx *t);    /* sgi.c */
void case_its(struct test_ctx *t);	     /* its.c */
void case_cpuif_regs(struct test_ctx *t);    /* cpuif_regs.c */
void case_pending_clear(struct test_ctx *t); /* pending.c */
/* The GICv2m frames' arm,msi-base-spi/-num-spis held by sending to them (v2m.c). */
void gic_v2m_dt_ranges(struct test_ctx *t);

#endif
