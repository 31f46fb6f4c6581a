/* SPDX-License-Identifier: MIT */
/*
 * GICv3 CPU interface accessors (boot/icc.h), AArch32 CP15 encodings (IHI
 * 0069 12.1): one MRC or MCR each that may fault, resuming at the fixup (a
 * read-only register, icc_ro, has no MCR).
 * Reads return r0:r1 (r1 0; 0 after a fault); writes take r0 (the low word
 * of the uint64_t r0:r1; both words for a 64-bit register), then ISB so
 * that the next read sees the write.
 */
#include "boot/common/extable.h"

	.syntax	unified

	/* A read accessor only (a read-only register). */
	.macro	icc_ro name, op1, crn, crm, op2
	.text
	.arm
	.global	icc_rd_\name
	.type	icc_rd_\name, %function
icc_rd_\name:
	mov	r1, #0
1:	mrc	p15, \op1, r0, \crn, \crm, \op2
	bx	lr
2:	mov	r0, #0
	bx	lr
	extable	1b, 2b
	.endm

	/* A 64-bit write-only register (MCRR: r0 the low word, r1 the high). */
	.macro	icc_wo64 name, op1, crm
	.text
	.arm
	.global	icc_wr_\name
	.type	icc_wr_\name, %function
icc_wr_\name:
3:	mcrr	p15, \op1, r0, r1, \crm
	isb
4:	bx	lr
	extable	3b, 4b
	.endm

	.macro	icc_reg name, op1, crn, crm, op2
	icc_ro	\name, \op1, \crn, \crm, \op2
	.global	icc_wr_\name
	.type	icc_wr_\name, %function
icc_wr_\name:
3:	mcr	p15, \op1, r0, \crn, \crm, \op2
	isb
4:	bx	lr
	extable	3b, 4b
	.endm

	icc_reg pmr, 0, c4, c6, 0	/* ICC_PMR */
	icc_reg bpr0, 0, c12, c8, 3	/* ICC_BPR0 */
	icc_reg bpr1, 0, c12, c12, 3	/* ICC_BPR1 */
	icc_reg ctlr, 0, c12, c12, 4	/* ICC_CTLR */
	icc_reg igrpen1, 0, c12, c12, 7	/* ICC_IGRPEN1 */
	icc_reg sre, 0, c12, c12, 5	/* ICC_SRE */
	icc_reg igrpen0, 0, c12, c12, 6	/* ICC_IGRPEN0 */
	icc_reg ap0r0, 0, c12, c8, 4	/* ICC_AP0R<n>: opc2 4 + n */
	icc_reg ap0r1, 0, c12, c8, 5
	icc_reg ap0r2, 0, c12, c8, 6
	icc_reg ap0r3, 0, c12, c8, 7
	icc_reg ap1r0, 0, c12, c9, 0	/* ICC_AP1R<n>: opc2 n */
	icc_reg ap1r1, 0, c12, c9, 1
	icc_reg ap1r2, 0, c12, c9, 2
	icc_reg ap1r3, 0, c12, c9, 3
	icc_ro rpr, 0, c12, c11, 3	/* ICC_RPR */
	icc_ro hppir1, 0, c12, c12, 2	/* ICC_HPPIR1 */
	icc_ro hppir0, 0, c12, c8, 2	/* ICC_HPPIR0 */
	icc_wo64 sgi0r, 2, c12		/* ICC_SGI0R */
	icc_wo64 asgi1r, 1, c12		/* ICC_ASGI1R */
