/* SPDX-License-Identifier: MIT */
/*
 * Interrupt dispatch over the GIC: a handler per INTID (shared by all CPUs;
 * a PPI or SGI is taken on the CPU it belongs to). An interrupt with no
 * handler is recorded on the CPU that took it (runtime/percpu.h) and
 * disabled, so that a level source nobody silences cannot storm, and the
 * suites can say which INTID arrived instead of the one they expected.
 */
#ifndef RUNTIME_IRQ_H
#define RUNTIME_IRQ_H

#include <stdint.h>

/* Runs with interrupts masked, before the EOI; one that leaves by longjmp EOIs itself. */
typedef void (*irq_handler)(uint32_t iar, void *arg);

#include "dt/platform.h"

/*
 * The DT's GIC configured, the dispatcher installed and this (the boot) CPU's
 * interface enabled: NULL, or why not (a fault while doing it is caught).
 */
const char *irq_setup(const struct platform *p);
/* A started CPU: its redistributor and CPU interface; NULL or why not. */
const char *irq_cpu_setup(void);
/*
 * A check's name (runtime/check.h) for a problem irq_setup or irq_cpu_setup
 * returned, one per problem, so that a known problem does not stand for
 * another: gic_set_up, gic_usable_in_dt, redist_frame_for_cpu,
 * gic_setup_no_fault, redist_wakes.
 */
const char *irq_problem_check(const char *problem);
/* NULL when irq_setup succeeded, else why not. */
const char *irq_unusable(void);
/* The ITS and LPI tables' memory, taken from run-time memory once: NULL, or why there is none. */
const char *irq_its_memory(void);
/* -1 when the table is full or intid already has another handler. */
int irq_register(uint32_t intid, irq_handler fn, void *arg);
void irq_unregister(uint32_t intid);
/* This CPU's unclaimed arrivals since the last clear: count, first ones into out. */
unsigned irq_unclaimed(uint32_t *out, unsigned max);
void irq_unclaimed_clear(void);
/*
 * With interrupts masked at the CPU, acknowledge what the GIC signals within
 * timeout_us: the acknowledge value (gic_intid() of it; the caller EOIs), or
 * GIC_SPURIOUS when nothing came.
 */
uint32_t irq_poll(uint64_t timeout_us);
/*
 * Past an expected interrupt's deadline, how many times its timeout more to
 * look: under emulation on a loaded host the thread that raises it (QEMU's
 * timers, the hypervisor's) can starve for longer than the deadline.
 */
#define IRQ_GRACE_FACTOR 4
/*
 * irq_poll for an interrupt that should come: when nothing came within
 * timeout_us, one more poll of IRQ_GRACE_FACTOR times as long, unless a grace
 * in this case already found nothing (the platform is silent, not slow: the
 * case's later waits end on time). irq_grace_reset starts a case.
 */
uint32_t irq_expect(uint64_t timeout_us);
/* Whether the next expected interrupt that misses its deadline gets a grace. */
int irq_grace_left(void);
/* A grace that found nothing: later ones in this case are not given. */
void irq_grace_spent(void);
void irq_grace_reset(void);

#endif
