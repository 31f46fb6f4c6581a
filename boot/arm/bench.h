/* SPDX-License-Identifier: MIT */
/* The bench calls of boot/bench.h for AArch32, inline: the instruction in the timed loop. */
#ifndef BOOT_ARM_BENCH_H
#define BOOT_ARM_BENCH_H

#include <stdint.h>

/* SMCCC (DEN 0028) for AArch32: r0 function ID; r0-r3 results, r4-r7 may change too. */
static inline uint64_t bench_hvc(uint64_t fn)
{
	register uint32_t r0 __asm__("r0") = (uint32_t)fn;

	__asm__ volatile(".arch_extension virt\n\thvc #0"
			 : "+r"(r0)
			 :
			 : "r1", "r2", "r3", "r12", "memory");
	return r0;
}

static inline uint64_t bench_smc(uint64_t fn)
{
	register uint32_t r0 __asm__("r0") = (uint32_t)fn;

	__asm__ volatile(".arch_extension sec\n\tsmc #0"
			 : "+r"(r0)
			 :
			 : "r1", "r2", "r3", "r12", "memory");
	return r0;
}

/* Xen's AArch32 hypercall ABI: HVC #0xEA1, number in r12, arguments r0-r4. */
static inline uint64_t bench_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1)
{
	register uint32_t r0 __asm__("r0") = (uint32_t)a0, r1 __asm__("r1") = (uint32_t)a1,
			     r12 __asm__("r12") = (uint32_t)nr;

	__asm__ volatile(".arch_extension virt\n\thvc #0xea1"
			 : "+r"(r0), "+r"(r1), "+r"(r12)
			 :
			 : "r2", "r3", "r4", "memory");
	return r0;
}

#endif
