/* SPDX-License-Identifier: MIT */
/*
 * What each CPU keeps for itself (found through boot/cpu.h's cpu_local()):
 * its place in the DT's /cpus, its recovery point, the interrupts that
 * arrived with no handler, and its TLS block. The boot CPU's is static; a
 * started CPU's lives in its start slot (runtime/smp.h).
 */
#ifndef RUNTIME_PERCPU_H
#define RUNTIME_PERCPU_H

#include <setjmp.h>
#include <stdint.h>

#define PERCPU_UNCLAIMED 8
#define PERCPU_TLS_SIZE	 64

struct cpu_local {
	int index; /* in the DT's /cpus; -1 when the DT does not list this CPU */
	uint64_t mpidr;
	jmp_buf *recovery; /* runtime/recovery.c */
	/* runtime/irq.c: INTIDs that arrived with no handler (then disabled), in order. */
	volatile uint32_t unclaimed[PERCPU_UNCLAIMED];
	volatile unsigned nunclaimed;
	volatile unsigned irqs; /* interrupts taken */
	uint8_t tls[PERCPU_TLS_SIZE] __attribute__((aligned(16)));
};

/* The boot CPU's block: index from the DT (-1 if absent), installed as cpu_local(). */
void percpu_boot_init(int dt_index);
void percpu_init(struct cpu_local *c, int dt_index);
struct cpu_local *this_cpu(void);
int on_boot_cpu(void);

#endif
