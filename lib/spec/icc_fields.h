/* SPDX-License-Identifier: MIT */
/*
 * The GICv3 CPU interface's system registers at bit level (issue 22), as
 * data with citations (Arm IHI 0069, the ICC_*_EL1 descriptions in the
 * System register chapter): RES0 bits, the bits a write must take, the
 * read-only fields, and how the implementation-defined parts are bounded.
 * The gic suite's cpuif_regs case (tests/gic/cpuif_regs.c) judges each CPU
 * against this. AArch32 encodings hold the same fields in 32 bits.
 */
#ifndef SPEC_ICC_FIELDS_H
#define SPEC_ICC_FIELDS_H

#include <stdint.h>

#include "boot/icc.h"

/* How a register's writable part is judged. */
enum icc_kind {
	ICC_PLAIN,    /* writable takes ones and zeros; ro holds */
	ICC_PRIORITY, /* the top k bits of [7:0] take a write (k implemented priority bits) */
	ICC_BINPOINT, /* [2:0]: a value below the minimum reads as the minimum, the rest take */
	ICC_SRE_RAO,  /* SRE RAO/WI when legacy operation is not supported */
	ICC_ACTIVE,   /* active priorities: idle reads idle; a write of the value read is safe */
	ICC_STATUS,   /* read-only: idle reads idle (nothing active, nothing pending) */
	ICC_SGI_GEN,  /* write-only, generates SGIs: a write naming no target completes */
};

/* What a register needs before it is touched. */
/* A Group 0 register, or one EL3 traps with them: only where Group 0 is the guest's. */
#define ICC_F_GROUP0 1u
#define ICC_F_APR    2u /* ICC_AP0R<n>/AP1R<n>: only n < icc_apr_count(ICC_CTLR) exist */

struct icc_fields {
	enum icc_reg reg;
	uint8_t kind;  /* enum icc_kind */
	uint8_t flags; /* ICC_F_* */
	uint64_t res0;
	uint64_t idle;	   /* ICC_ACTIVE, ICC_STATUS: the value with nothing active or pending */
	uint64_t writable; /* ICC_PLAIN: bits a write must take */
	uint64_t ro;	   /* read-only fields: hold across a write of their complement */
	const char *spec;
};

/* ICC_CTLR_EL1 fields (IHI 0069, ICC_CTLR_EL1). */
#define ICC_CTLR_CBPR	       (1u << 0)
#define ICC_CTLR_EOIMODE       (1u << 1)
#define ICC_CTLR_PMHE	       (1u << 6)
#define ICC_CTLR_PRIBITS_SHIFT 8  /* [10:8]: priority bits implemented, minus one */
#define ICC_CTLR_IDBITS_SHIFT  11 /* [13:11]: 0b000 16 INTID bits, 0b001 24 */
#define ICC_CTLR_SEIS	       (1u << 14)
#define ICC_CTLR_A3V	       (1u << 15)
#define ICC_CTLR_RSS	       (1u << 18)
#define ICC_CTLR_EXTRANGE      (1u << 19)
/* ICC_RPR_EL1 idle (no active priority); ICC_HPPIR1_EL1 INTID [23:0], 1023 with none pending. */
#define ICC_RPR_IDLE	   0xffu
#define ICC_INTID_MASK	   0xffffffu
#define ICC_INTID_SPURIOUS 1023u
/*
 * ICC_SGI0R_EL1 and ICC_ASGI1R_EL1 as ICC_SGI1R_EL1: IRM [40] 0 and TargetList
 * [15:0] 0 name no PE, so the write generates nothing (IHI 0069 ICC_SGI0R_EL1).
 */
#define ICC_SGI_NO_TARGET 0ull
/* ICC_SRE_EL1. */
#define ICC_SRE_SRE 1u
/* GICD_TYPER and GICD_CTLR fields the CPU interface is judged against (IHI 0069 12.9). */
#define GICD_TYPER_SEIS	     (1u << 18)
#define GICD_TYPER_IDBITS(t) (((t) >> 19 & 0x1f) + 1)
#define GICD_TYPER_A3V	     (1u << 24)
#define GICD_CTLR_DS	     (1u << 6)

extern const struct icc_fields icc_fields[];
extern const unsigned icc_nfields;

/* The INTID bits an ICC_CTLR_EL1.IDbits value names: 16, 24, or 0 (reserved). */
unsigned icc_idbits(uint64_t ctlr);
/*
 * ICC_AP0R<n>/AP1R<n> implemented: 1 with up to 5 priority bits, 2 with 6, 4
 * with 7 or 8 (IHI 0069 ICC_AP1R<n>_EL1: AP1R1 with 6 or more bits, AP1R2-3
 * with 7 bits of preemption).
 */
unsigned icc_apr_count(uint64_t ctlr);
/*
 * The active-priority bit (over AP1R0..3, 32 a register) that an active
 * interrupt of priority prio sets: its group priority at the most
 * preemption bits, min(PRIbits + 1, 7), i.e. prio >> (8 - those bits).
 */
unsigned icc_apr_bit(unsigned prio, uint64_t ctlr);
/* The running priority (ICC_RPR) that active-priority bit stands for. */
unsigned icc_apr_prio(unsigned bit, uint64_t ctlr);
/* The priority bits implemented a PMR read-back after writing 0xff shows (its top run of ones);
 * -1 when the ones are not one run from bit 7 (not a priority field). */
int icc_prio_bits(uint64_t pmr);

#endif
