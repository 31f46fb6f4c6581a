/* Exception frame saved by boot/vectors.S and the dispatcher's entry points. */
#ifndef EXCEPTION_H
#define EXCEPTION_H

#include <stdint.h>

struct exception_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
	uint64_t sp;
};

/* Vector index: (source * 4) + kind; kinds 0 sync, 1 IRQ, 2 FIQ, 3 SError. */
enum { VEC_SYNC = 0, VEC_IRQ = 1, VEC_FIQ = 2, VEC_SERROR = 3 };

void exception_dispatch(struct exception_frame *frame, uint64_t vector);

/* IRQ hook (the watchdog); returns nonzero if it handled the interrupt. */
extern int (*exception_irq_hook)(struct exception_frame *frame);

#endif
