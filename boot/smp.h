/* SPDX-License-Identifier: MIT */
/*
 * Starting another CPU. The layers above make the PSCI CPU_ON call; this
 * layer gives them the entry point and the context to pass. The started CPU
 * leaves EL2 if it entered there (as the boot CPU does), takes the boot
 * CPU's translation tables, vectors and FP access, its own stack and TLS,
 * and calls fn(arg) at EL1 with interrupts masked.
 */
#ifndef BOOT_SMP_H
#define BOOT_SMP_H

#include <stdint.h>

typedef void (*cpu_start_fn)(void *arg);

struct cpu_start {
	uint64_t arch[6]; /* the boot CPU's translation and control state */
	uintptr_t stack_top, tls, fn, arg;
	uint64_t entry_el; /* written by the started CPU, with its MMU on */
};

/* The address to give CPU_ON as its entry point (the image runs where it was loaded). */
uintptr_t cpu_start_entry(void);
/* An offset from it no CPU of this architecture can start at: AArch64 1 (an A64 PC is
 * 4-aligned), AArch32 2 (bit 0 would ask for Thumb, a valid entry). */
uintptr_t cpu_start_misaligned(void);
/*
 * Fill s for a CPU to start with this stack and TLS block (tls_size bytes,
 * 16-byte aligned), and make it visible to a CPU whose caches are off.
 * Returns the context to give CPU_ON, or 0 when the TLS block is too small.
 */
uintptr_t cpu_start_prepare(struct cpu_start *s, void *stack_top, void *tls, uintptr_t tls_size,
			    cpu_start_fn fn, void *arg);

#endif
