/* SPDX-License-Identifier: MIT */
/*
 * What the bench suite times that only the architecture layer can do: calls
 * without the fault guard of boot/trap.h (for timing loops, once a guarded
 * call has shown that something answers), and system-register reads by name.
 */
#ifndef BOOT_BENCH_H
#define BOOT_BENCH_H

#include <stdint.h>

#if defined(__aarch64__)
#include "boot/aarch64/bench.h"
#elif defined(__arm__)
#include "boot/arm/bench.h"
#else
#error "no architecture layer for this target: add boot/<arch>/bench.h"
#endif

/*
 * Inline, by the architecture:
 *   uint64_t bench_hvc(uint64_t fn), bench_smc(uint64_t fn);  SMCCC fn, no arguments: x0
 *   uint64_t bench_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1);  HVC #0xEA1: x0
 */

/*
 * Registers a guest at EL1 reads, chosen by who may trap them: never (MIDR:
 * VPIDR_EL2 answers), the ID group (HCR_EL2.TID3), ACTLR (HCR_EL2.TACR), the
 * EL1 physical timer (CNTHCTL_EL2.EL1PCEN), the virtual counter (never).
 */
enum bench_sysreg {
	BENCH_MIDR,
	BENCH_ID_AA64PFR0,
	BENCH_ID_AA64MMFR0,
	BENCH_ACTLR,
	BENCH_CNTP_CTL,
	BENCH_CNTVCT,
	BENCH_SYSREG_COUNT
};
uint64_t bench_sysreg_read(enum bench_sysreg r);
const char *bench_sysreg_name(enum bench_sysreg r);

#endif
