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
};

struct icc_fields {
	enum icc_reg reg;
	uint8_t kind; /* enum icc_kind */
	uint64_t res0;
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
/* The priority bits implemented a PMR read-back after writing 0xff shows (its top run of ones);
 * -1 when the ones are not one run from bit 7 (not a priority field). */
int icc_prio_bits(uint64_t pmr);

#endif
