/* SPDX-License-Identifier: MIT */
/*
 * Probe accessors: one instruction each that may fault. On a fault the
 * exception dispatcher records it (fault.h) and resumes at the fixup, which
 * returns 0. Loads: x0 = address, load into x2, return it in x0.
 * Stores: x0 = address, x1 = value.
 */
#include "boot/common/extable.h"

	.macro	probe_fn name, insn:vararg
	.text
	.global	\name
	.type	\name, %function
\name:
1:	\insn
	mov	x0, x2
	ret
2:	mov	x0, #0
	ret
	extable	1b, 2b
	.endm

	probe_fn probe_ldr8, ldrb w2, [x0]
	probe_fn probe_ldr16, ldrh w2, [x0]
	probe_fn probe_ldr32, ldr w2, [x0]
	probe_fn probe_ldr64, ldr x2, [x0]
	probe_fn probe_str8, strb w1, [x0]
	probe_fn probe_str16, strh w1, [x0]
	probe_fn probe_str32, str w1, [x0]
	probe_fn probe_str64, str x1, [x0]

/*
 * Instruction forms that leave ESR.ISV = 0 (or differ from a plain LDR):
 * all read 32 bits at x0 and return the value in x0.
 */
	probe_fn probe_form_ldp32, ldp w2, w3, [x0]
	probe_fn probe_form_ldr32_pre, ldr w2, [x0, #0]!
	probe_fn probe_form_ldr32_post, ldr w2, [x0], #0
	probe_fn probe_form_ldrsw, ldrsw x2, [x0]

	.text
	.global	probe_form_ldr_simd
probe_form_ldr_simd:
1:	ldr	s0, [x0]
	fmov	w0, s0
	ret
2:	mov	x0, #0
	ret
	extable	1b, 2b

/*
 * Store forms that leave ESR.ISV = 0 (or differ from a plain STR): each
 * writes w1 to the word at x0 (STP also w2 to the next word). On a fault
 * the fixup just returns.
 */
	.macro	probe_st name, insn:vararg
	.text
	.global	\name
	.type	\name, %function
\name:
1:	\insn
	ret
2:	ret
	extable	1b, 2b
	.endm

	probe_st probe_sform_str32_post, str w1, [x0], #0
	probe_st probe_sform_str32_pre, str w1, [x0, #0]!
	probe_st probe_sform_stp32, stp w1, w2, [x0]

	.text
	.global	probe_sform_str_simd
probe_sform_str_simd:
	fmov	s0, w1
1:	str	s0, [x0]
	ret
2:	ret
	extable	1b, 2b
