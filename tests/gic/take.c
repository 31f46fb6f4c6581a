// SPDX-License-Identifier: MIT
/* What the gic suite's cases share: taking one interrupt by polling. */
#include "drivers/gic.h"
#include "runtime/irq.h"
#include "tests/gic/gic.h"

uint32_t gic_test_take(uint64_t timeout_us, uint32_t *iar)
{
	*iar = irq_poll(timeout_us);
	return gic_intid(*iar);
}

uint32_t gic_test_expect(uint64_t timeout_us, uint32_t *iar)
{
	*iar = irq_expect(timeout_us);
	return gic_intid(*iar);
}
