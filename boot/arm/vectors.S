/* SPDX-License-Identifier: MIT */
/*
 * PL1 exception vectors (VBAR). Every entry stores the exception's return
 * address and SPSR on the SVC stack (SRS), switches to SVC mode and saves
 * r0-r12 and SVC's LR there: one frame, whichever mode took the exception,
 * so the other modes need no stack. exception_entry (exception.c) may change
 * the return address (a probe's fixup) before RFE returns.
 */
#include "boot/arm/sysreg.h"

	.arm
	.syntax	unified

	.macro	vector_stub name, kind
\name:
	srsdb	sp!, #MODE_SVC
	cps	#MODE_SVC
	push	{r0-r12, lr}
	mov	r1, #\kind
	b	exception_common
	.endm

	.section .vectors, "ax"
	.balign	32
	.global	exception_vectors
exception_vectors:
	b	vec_reset
	b	vec_undef
	b	vec_svc
	b	vec_pabt
	b	vec_dabt
	b	vec_hyp
	b	vec_irq
	b	vec_fiq

	/* The kinds: the vector's offset / 4 (exception.c). */
	vector_stub vec_reset, 0
	vector_stub vec_undef, 1
	vector_stub vec_svc, 2
	vector_stub vec_pabt, 3
	vector_stub vec_dabt, 4
	vector_stub vec_hyp, 5
	vector_stub vec_irq, 6
	vector_stub vec_fiq, 7

	.text
exception_common:
	mov	r0, sp
	mov	r4, sp
	bic	sp, sp, #7			/* AAPCS: an 8-byte aligned stack for C */
	bl	exception_entry
	mov	sp, r4
	pop	{r0-r12, lr}
	rfeia	sp!
