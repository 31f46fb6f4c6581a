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

/*
 * Aborts of listed instructions (extable.h) since the last call that came back
 * otherwise than the architecture says; returns how many. Only AArch32 can see
 * one: its abort modes learn the instruction from LR and its state from SPSR
 * (DDI 0406C B1.8.3: LR_abt = the instruction + 8 for a data abort, + 4 for a
 * prefetch abort, in A32 and T32 alike; SPSR = the CPSR before, T included),
 * which whoever injects the abort sets. AArch64's ELR is the instruction's own.
 */
struct exception_return_seen {
	unsigned lr_short;   /* LR short of the architectural offset */
	unsigned lr_offset;  /* the last such LR: the instruction + this */
	unsigned state_lost; /* SPSR not the state the instruction ran in */
};
unsigned exception_return_deviations(struct exception_return_seen *seen);

#endif
