/* SPDX-License-Identifier: MIT */
/*
 * GICv3 CPU interface accessors (boot/icc.h): one MRS or MSR each that may
 * fault (a trapped register), resuming at the fixup; a read-only register
 * (icc_ro) has no write accessor, a write-only one (icc_wo) no read. Reads
 * return x0 (0 after a fault); writes take x0, then synchronise (ISB) so that
 * the next read sees the write (DDI 0487 D19.2: context synchronization).
 */
#include "boot/common/extable.h"

	/* A read accessor only (a read-only register). */
	.macro	icc_ro name, enc
	.text
	.global	icc_rd_\name
	.type	icc_rd_\name, %function
icc_rd_\name:
1:	mrs	x0, \enc
	ret
2:	mov	x0, #0
	ret
	extable	1b, 2b
	.endm

	/* A write accessor only (a write-only register). */
	.macro	icc_wo name, enc
	.text
	.global	icc_wr_\name
	.type	icc_wr_\name, %function
icc_wr_\name:
3:	msr	\enc, x0
	isb
4:	ret
	extable	3b, 4b
	.endm

	.macro	icc_reg name, enc
	icc_ro	\name, \enc
	icc_wo	\name, \enc
	.endm

	icc_reg pmr, S3_0_C4_C6_0	/* ICC_PMR_EL1 */
	icc_reg bpr0, S3_0_C12_C8_3	/* ICC_BPR0_EL1 */
	icc_reg bpr1, S3_0_C12_C12_3	/* ICC_BPR1_EL1 */
	icc_reg ctlr, S3_0_C12_C12_4	/* ICC_CTLR_EL1 */
	icc_reg igrpen1, S3_0_C12_C12_7	/* ICC_IGRPEN1_EL1 */
	icc_reg sre, S3_0_C12_C12_5	/* ICC_SRE_EL1 */
	icc_reg igrpen0, S3_0_C12_C12_6	/* ICC_IGRPEN0_EL1 */
	icc_reg ap0r0, S3_0_C12_C8_4	/* ICC_AP0R<n>_EL1: op2 4 + n */
	icc_reg ap0r1, S3_0_C12_C8_5
	icc_reg ap0r2, S3_0_C12_C8_6
	icc_reg ap0r3, S3_0_C12_C8_7
	icc_reg ap1r0, S3_0_C12_C9_0	/* ICC_AP1R<n>_EL1: op2 n */
	icc_reg ap1r1, S3_0_C12_C9_1
	icc_reg ap1r2, S3_0_C12_C9_2
	icc_reg ap1r3, S3_0_C12_C9_3
	icc_ro rpr, S3_0_C12_C11_3	/* ICC_RPR_EL1 */
	icc_ro hppir1, S3_0_C12_C12_2	/* ICC_HPPIR1_EL1 */
	icc_ro hppir0, S3_0_C12_C8_2	/* ICC_HPPIR0_EL1 */
	icc_wo sgi0r, S3_0_C12_C11_7	/* ICC_SGI0R_EL1 */
	icc_wo asgi1r, S3_0_C12_C11_6	/* ICC_ASGI1R_EL1 */
