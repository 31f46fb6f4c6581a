/* SPDX-License-Identifier: MIT */
/*
 * EL1 exception vectors: all 16 entries save the full register frame
 * (struct exception_frame in boot/exception.h) and call
 * exception_dispatch(frame, vector_index), which may change the frame
 * (ELR for a probe fixup) before we return with ERET.
 */
#define FRAME_SIZE (36 * 8)

	.macro	vector_entry index
	.balign	128
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0 * 16]
	mov	x1, #\index
	b	exception_common
	.endm

	.section .vectors, "ax"
	.balign	2048
	.global	exception_vectors
exception_vectors:
	.irp	i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	vector_entry \i
	.endr

	.text
exception_common:
	stp	x2, x3, [sp, #1 * 16]
	stp	x4, x5, [sp, #2 * 16]
	stp	x6, x7, [sp, #3 * 16]
	stp	x8, x9, [sp, #4 * 16]
	stp	x10, x11, [sp, #5 * 16]
	stp	x12, x13, [sp, #6 * 16]
	stp	x14, x15, [sp, #7 * 16]
	stp	x16, x17, [sp, #8 * 16]
	stp	x18, x19, [sp, #9 * 16]
	stp	x20, x21, [sp, #10 * 16]
	stp	x22, x23, [sp, #11 * 16]
	stp	x24, x25, [sp, #12 * 16]
	stp	x26, x27, [sp, #13 * 16]
	stp	x28, x29, [sp, #14 * 16]
	mrs	x2, elr_el1
	stp	x30, x2, [sp, #15 * 16]		/* x30, elr */
	mrs	x2, spsr_el1
	mrs	x3, esr_el1
	stp	x2, x3, [sp, #16 * 16]		/* spsr, esr */
	mrs	x2, far_el1
	add	x3, sp, #FRAME_SIZE
	stp	x2, x3, [sp, #17 * 16]		/* far, sp at the exception */
	mov	x0, sp
	bl	exception_dispatch
	ldp	x30, x2, [sp, #15 * 16]
	msr	elr_el1, x2
	ldp	x2, x3, [sp, #16 * 16]
	msr	spsr_el1, x2
	ldp	x2, x3, [sp, #1 * 16]
	ldp	x4, x5, [sp, #2 * 16]
	ldp	x6, x7, [sp, #3 * 16]
	ldp	x8, x9, [sp, #4 * 16]
	ldp	x10, x11, [sp, #5 * 16]
	ldp	x12, x13, [sp, #6 * 16]
	ldp	x14, x15, [sp, #7 * 16]
	ldp	x16, x17, [sp, #8 * 16]
	ldp	x18, x19, [sp, #9 * 16]
	ldp	x20, x21, [sp, #10 * 16]
	ldp	x22, x23, [sp, #11 * 16]
	ldp	x24, x25, [sp, #12 * 16]
	ldp	x26, x27, [sp, #13 * 16]
	ldp	x28, x29, [sp, #14 * 16]
	ldp	x0, x1, [sp, #0 * 16]
	add	sp, sp, #FRAME_SIZE
	eret
