/* SPDX-License-Identifier: MIT */
/*
 * What a CPU's DT compatible says its MIDR_EL1 is: implementer and part
 * number, from each core's Technical Reference Manual (MIDR_EL1 PartNum).
 */
#ifndef SPEC_CPU_IDS_H
#define SPEC_CPU_IDS_H

#include <stdint.h>

/* MIDR (MIDR_EL1; AArch32's MIDR has the same fields): Implementer and PartNum. */
#define MIDR_IMPLEMENTER(m) ((unsigned)((m) >> 24) & 0xff)
#define MIDR_PARTNUM(m)	    ((unsigned)((m) >> 4) & 0xfff)

struct cpu_identity {
	const char *compat;
	uint8_t implementer; /* MIDR_EL1[31:24] */
	uint16_t part;	     /* MIDR_EL1[15:4] */
	uint8_t armv7;	     /* an ARMv7-A core: a PMUv2 at most, no PMUv3 */
};

/* The identity a compatible names, or NULL (generic ones, "arm,armv8", name none). */
const struct cpu_identity *cpu_identity_of(const char *compat);
/* The compatible of the core a MIDR names, or NULL (a core the table does not know). */
const char *cpu_compat_of_midr(uint64_t midr);

#endif
