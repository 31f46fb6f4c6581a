/* SPDX-License-Identifier: MIT */
/* The bench calls of boot/bench.h, inline: the instruction in the timed loop, no call around it. */
#ifndef BOOT_AARCH64_BENCH_H
#define BOOT_AARCH64_BENCH_H

#include <stdint.h>

/* SMCCC 1.0 lets the callee change x0-x17 (DEN 0028 2.6); all are clobbered. */
#define SMCCC_CLOBBERS                                                                             \
	"x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",   \
		"x15", "x16", "x17", "memory"

static inline uint64_t bench_hvc(uint64_t fn)
{
	register uint64_t x0 __asm__("x0") = fn;

	__asm__ volatile("hvc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
	return x0;
}

static inline uint64_t bench_smc(uint64_t fn)
{
	register uint64_t x0 __asm__("x0") = fn;

	__asm__ volatile("smc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
	return x0;
}

/* Xen may change x0-x4 and x16 (its debug builds poison them). */
static inline uint64_t bench_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1)
{
	register uint64_t x0 __asm__("x0") = a0, x1 __asm__("x1") = a1, x16 __asm__("x16") = nr;

	__asm__ volatile("hvc #0xea1"
			 : "+r"(x0), "+r"(x1), "+r"(x16)
			 :
			 : "x2", "x3", "x4", "x17", "memory");
	return x0;
}

#undef SMCCC_CLOBBERS
#endif
