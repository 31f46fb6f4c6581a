// SPDX-License-Identifier: MIT
/*
 * The dispatcher boot/aarch64/vectors.S calls for every exception: a fault of
 * a listed instruction (extable.h) is recorded and resumed at its fixup;
 * anything else goes to the handlers the layers above installed.
 */
#include "boot/exception.h"

#include <stddef.h>

#include "boot/common/extable.h"
#include "boot/common/fault.h"

void exception_dispatch(struct exception_frame *frame, uint64_t vector);

static exception_irq_handler irq_handler;
static exception_unexpected_handler unexpected_handler;

void exception_set_irq_handler(exception_irq_handler h)
{
	irq_handler = h;
}

void exception_set_unexpected_handler(exception_unexpected_handler h)
{
	unexpected_handler = h;
}

const char *exception_kind_name(unsigned vector)
{
	static const char *const names[4] = { "synchronous", "IRQ", "FIQ", "SError" };

	return names[vector & 3];
}

unsigned exception_return_deviations(struct exception_return_seen *seen)
{
	*seen = (struct exception_return_seen){ 0 };
	return 0;
}

const char *exception_source_name(unsigned vector)
{
	static const char *const names[4] = { "current EL with SP_EL0", "current EL with SP_ELx",
					      "lower EL AArch64", "lower EL AArch32" };

	return names[(vector >> 2) & 3];
}

void exception_dispatch(struct exception_frame *f, uint64_t vector)
{
	unsigned kind = vector & 3;

	if (kind == VEC_SYNC) {
		uintptr_t fixup = extable_fixup(f->elr);
		if (fixup) {
			fault_record(f->esr, f->far, f->elr);
			f->elr = fixup;
			return;
		}
	}
	if (kind == VEC_IRQ && irq_handler && irq_handler(f))
		return;
	if (unexpected_handler)
		unexpected_handler(f, (unsigned)vector);
	for (;;) /* nobody to tell: stop here rather than return into the fault */
		__asm__ volatile("wfi");
}
