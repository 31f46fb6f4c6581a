/* SPDX-License-Identifier: MIT */
/*
 * Exceptions as the layers above see them: the saved frame, and two handlers
 * they install. A fault of a probe or a trap never reaches them (it becomes
 * an outcome, probe.h and trap.h).
 */
#ifndef BOOT_EXCEPTION_H
#define BOOT_EXCEPTION_H

#include <stdint.h>

struct exception_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
	uint64_t sp;
};

/* Vector index: (source * 4) + kind. */
enum { VEC_SYNC = 0, VEC_IRQ = 1, VEC_FIQ = 2, VEC_SERROR = 3 };

/* An IRQ: returns nonzero when it handled the interrupt. */
typedef int (*exception_irq_handler)(struct exception_frame *frame);
/* Anything else: must not return (it ends the running case, or the run). */
typedef void (*exception_unexpected_handler)(const struct exception_frame *frame, unsigned vector);

void exception_set_irq_handler(exception_irq_handler h);
void exception_set_unexpected_handler(exception_unexpected_handler h);

/* "synchronous", "IRQ", ...; "current EL with SP_ELx", "lower EL AArch64", ... */
const char *exception_kind_name(unsigned vector);
const char *exception_source_name(unsigned vector);

#endif
