/* SPDX-License-Identifier: MIT */
/*
 * Probe accessors: one instruction each that may fault. On a fault the
 * exception dispatcher records it (fault.h) and resumes at the fixup, which
 * returns 0. Loads: r0 = address, load into r2 (r2:r3), return r0:r1.
 * Stores: r0 = address, r2:r3 = value (a uint64_t starts at an even register).
 */
#include "boot/common/extable.h"

	.syntax	unified

	.macro	probe_fn name, insn:vararg
	.text
	.arm
	.global	\name
	.type	\name, %function
\name:
	mov	r3, #0
1:	\insn
	mov	r0, r2
	mov	r1, r3
	bx	lr
2:	mov	r0, #0
	mov	r1, #0
	bx	lr
	extable	1b, 2b
	.endm

	probe_fn probe_ldr8, ldrb r2, [r0]
	probe_fn probe_ldr16, ldrh r2, [r0]
	probe_fn probe_ldr32, ldr r2, [r0]
	probe_fn probe_ldr64, ldrd r2, r3, [r0]	/* single-copy atomic with LPAE, 8-aligned */

/* Stores: the value is r2:r3 as it came. */
	.macro	probe_store name, insn:vararg
	.text
	.arm
	.global	\name
	.type	\name, %function
\name:
	nop			/* listed instructions more than 8 bytes apart (exception.c) */
1:	\insn
2:	bx	lr
	extable	1b, 2b
	.endm

	probe_store probe_str8, strb r2, [r0]
	probe_store probe_str16, strh r2, [r0]
	probe_store probe_str32, str r2, [r0]
	probe_store probe_str64, strd r2, r3, [r0]

/*
 * A32 instruction forms a hypervisor must decode itself (HSR.ISV = 0:
 * writeback, multiple registers) or that differ from a plain LDR: each reads
 * the 32 bits at r0 (and LDRD/LDM the next word too) and returns the first.
 */
	probe_fn probe_form_ldr_post, ldr r2, [r0], #0
	probe_fn probe_form_ldr_pre, ldr r2, [r0, #0]!
	probe_fn probe_form_ldrd, ldrd r2, r3, [r0]
	probe_fn probe_form_ldm2, ldm r0, {r2, r3}
	probe_fn probe_form_ldr_reg, ldr r2, [r0, r3]

/* T32: the same loads in Thumb encodings, 16- and 32-bit. */
	.macro	probe_t32 name, insn:vararg
	.text
	.thumb
	.global	\name
	.type	\name, %function
	.thumb_func
\name:
	movs	r3, #0
1:	\insn
	mov	r0, r2
	movs	r1, #0
	bx	lr
2:	movs	r0, #0
	movs	r1, #0
	bx	lr
	extable	1b, 2b, 1
	.endm

	probe_t32 probe_form_t16_ldr, ldr r2, [r0]
	probe_t32 probe_form_t32_ldr, ldr.w r2, [r0]
	probe_t32 probe_form_t32_ldr_post, ldr r2, [r0], #4
	probe_t32 probe_form_t32_ldrd, ldrd r2, r3, [r0]
	probe_t32 probe_form_t16_ldm, ldm r0!, {r2}

/*
 * Store forms a hypervisor must decode itself (writeback, multiple
 * registers), against a plain STR of the same value: f(r0 = address,
 * r2:r3 = value, next on the stack). The pairs write the value's low word,
 * then next's at address + 4.
 */
	.macro	probe_sform name, insn:vararg
	.text
	.arm
	.global	\name
	.type	\name, %function
\name:
	ldr	r3, [sp]	/* next's low word */
1:	\insn
2:	bx	lr
	extable	1b, 2b
	.endm

	probe_sform probe_sform_str_post, str r2, [r0], #0
	probe_sform probe_sform_str_pre, str r2, [r0, #0]!
	probe_sform probe_sform_strd, strd r2, r3, [r0]
	probe_sform probe_sform_stm2, stm r0, {r2, r3}

	.macro	probe_sform_t32 name, insn:vararg
	.text
	.thumb
	.global	\name
	.type	\name, %function
	.thumb_func
\name:
	ldr	r3, [sp]
	nop			/* listed instructions more than 8 bytes apart (exception.c) */
	nop
1:	\insn
2:	bx	lr
	extable	1b, 2b, 1
	.endm

	probe_sform_t32 probe_sform_t32_str_post, str r2, [r0], #0
	probe_sform_t32 probe_sform_t32_strd, strd r2, r3, [r0]
