/* SPDX-License-Identifier: MIT */
/*
 * Entry point: the 32-bit Linux zImage header (the magic at 0x24, Linux's
 * Documentation/arch/arm/booting.rst) so that QEMU -kernel, U-Boot bootz and
 * Xen take the image as a zImage and enter it at offset 0 with r2 = DTB, in
 * SVC or Hyp mode, MMU off. Then the position-independent start-up: leave Hyp
 * for SVC, grant VFP where there is one, set up the stack, clear BSS, apply
 * our own relocations, install the vectors, set up TLS and call
 * harness_main(dtb, entry_el).
 */
#include "boot/arm/sysreg.h"

	.arm
	.syntax	unified
	.arch_extension virt

/* reg = the run-time address of sym, PC-relative: no relocation needed. */
	.macro	adr_l reg, sym
	ldr	\reg, 97f
98:	add	\reg, pc, \reg
	b	99f
97:	.word	\sym - (98b + 8)
99:
	.endm

	.section .head, "ax"
	.global	_head
_head:
	.rept	8
	mov	r0, r0
	.endr
	b	primary_entry			/* 0x20 */
	.word	0x016f2818			/* 0x24: zImage magic */
	.word	0				/* 0x28: start: 0, runs anywhere */
	.word	_image_end - _head		/* 0x2c: end: the file's size */
	.word	0x04030201			/* 0x30: little-endian */
	.word	0				/* 0x34: no additional data table */
	.word	_end - _head			/* 0x38: the harness's: size with BSS and stack */
	.global	image_header_dtb
image_header_dtb:
	.word	0				/* 0x3c: DTB address set by the runner's --dtb (0: r2) */

	.section .text.boot, "ax"
primary_entry:
	mov	r8, r2				/* DTB from the loader */
	mrs	r9, cpsr
	and	r9, r9, #MODE_MASK
	cmp	r9, #MODE_HYP
	moveq	r9, #2				/* Hyp mode reads as EL2, SVC as EL1 */
	movne	r9, #1
	bleq	hyp_to_svc
	cpsid	aif
	mrc	p15, 0, r0, c1, c0, 0		/* SCTLR: low vectors (VBAR), MMU off */
	bic	r0, r0, #(1 << 13)
	mcr	p15, 0, r0, c1, c0, 0
	isb
	bl	vfp_enable

	adr_l	r0, __stack_top
	mov	sp, r0

	/* Zero .tbss and .bss; the MMU is off, so only aligned stores. */
	adr_l	r0, __zero_start
	adr_l	r1, __bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	/*
	 * Self-relocation: add the load base to every place the packed table
	 * at __rel_start names (scripts/pack-relocs: an even word is a place's
	 * offset, an odd one a bitmap of the 31 words after the last place
	 * covered, a zero word the end).
	 */
	adr_l	r2, _head
	adr_l	r0, __rel_start
2:	ldr	r3, [r0], #4
	cmp	r3, #0
	beq	4f
	tst	r3, #1
	bne	3f
	add	r5, r2, r3			/* a place: relocate it */
	ldr	r4, [r5]
	add	r4, r4, r2
	str	r4, [r5], #4			/* r5: the first word a bitmap covers */
	b	2b
3:	mov	r6, r5				/* a bitmap: bit i for the word r5 + 4(i-1) */
5:	lsrs	r3, r3, #1
	beq	6f
	tst	r3, #1
	ldrne	r4, [r6]
	addne	r4, r4, r2
	strne	r4, [r6]
	add	r6, r6, #4
	b	5b
6:	add	r5, r5, #31 * 4
	b	2b
4:	adr_l	r0, exception_vectors
	mcr	p15, 0, r0, c12, c0, 0		/* VBAR */
	isb

	adr_l	r0, __tls_base
	sub	r0, r0, #TLS_TCB_OFFSET		/* picolibc's layout; linker script asserts it */
	mcr	p15, 0, r0, c13, c0, 3		/* TPIDRURO: -mtp=cp15 and __aeabi_read_tp */

	mov	r0, r8
	mov	r1, r9
	bl	harness_main
halt_early:
	wfi
	b	halt_early

/* CPACR cp10/cp11 full access, then FPEXC.EN, where the CPU has VFP (the bits stick). */
	.global	vfp_enable
vfp_enable:
	mrc	p15, 0, r0, c1, c0, 2
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mrc	p15, 0, r0, c1, c0, 2
	and	r0, r0, #(0xf << 20)
	cmp	r0, #(0xf << 20)
	bxne	lr
	mov	r0, #(1 << 30)
	.fpu	vfpv3
	vmsr	fpexc, r0
	bx	lr

/*
 * Leave Hyp mode for SVC with the MMU off. Registers that reset to UNKNOWN
 * values and change what PL1 sees are given defined ones; the Hyp vectors
 * turn any HVC that reaches them into "not supported" (-1) instead of a hang,
 * except the harness's own calls for the Hyp timer (hyp_stub_call).
 * Secondary CPUs come through here too (secondary.S). Uses r0 and lr only.
 */
	.global	hyp_to_svc
hyp_to_svc:
	mrc	p15, 0, r0, c0, c0, 0		/* MIDR -> VPIDR */
	mcr	p15, 4, r0, c0, c0, 0
	mrc	p15, 0, r0, c0, c0, 5		/* MPIDR -> VMPIDR */
	mcr	p15, 4, r0, c0, c0, 5
	mov	r0, #0
	mcr	p15, 4, r0, c1, c1, 0		/* HCR: no traps, no stage 2 */
	mcr	p15, 4, r0, c1, c1, 3		/* HSTR */
	mcrr	p15, 4, r0, r0, c14		/* CNTVOFF */
	mov	r0, #(CNTHCTL_PL1PCTEN | CNTHCTL_PL1PCEN)
	mcr	p15, 4, r0, c14, c1, 0		/* CNTHCTL */
	movw	r0, #HCPTR_RES1
	mcr	p15, 4, r0, c1, c1, 2		/* HCPTR */
	mrc	p15, 0, r0, c0, c1, 1		/* ID_PFR1.GIC: system registers? */
	lsrs	r0, r0, #28
	beq	1f
	mov	r0, #ICC_HSRE_ENABLE
	mcr	p15, 4, r0, c12, c9, 5		/* ICC_HSRE */
	isb
1:	movw	r0, #(SCTLR_PL1_RESET & 0xffff)
	movt	r0, #(SCTLR_PL1_RESET >> 16)
	mcr	p15, 0, r0, c1, c0, 0
	adr_l	r0, hyp_stub_vectors
	mcr	p15, 4, r0, c12, c0, 0		/* HVBAR */
	mov	r0, #SVC_AIF_MASKED
	msr	spsr_cxsf, r0			/* the current mode's SPSR: SPSR_hyp by name UNDEFs in Hyp */
	msr	elr_hyp, lr
	isb
	eret

	.section .vectors, "ax"
	.balign	32
hyp_stub_vectors:
	b	hyp_stuck			/* reset */
	b	hyp_stuck			/* undefined */
	b	hyp_stuck			/* HVC in Hyp mode */
	b	hyp_stuck			/* prefetch abort */
	b	hyp_stuck			/* data abort */
	b	hyp_stub_call			/* hyp trap: HVC from PL1 */
	b	hyp_stuck			/* IRQ */
	b	hyp_stuck			/* FIQ */

hyp_stuck:
	wfi
	b	hyp_stuck

/*
 * The harness's own HVC #EL2_STUB_HVC (sysreg.h): the Hyp physical timer
 * (CNTHP_*), which only Hyp mode may program. r0 = operation, r1:r2 =
 * value; r0:r1 return. Uses r3 and r12. Anything else is answered -1.
 */
hyp_stub_call:
	mrc	p15, 4, r3, c5, c2, 0		/* HSR */
	lsr	r12, r3, #26
	cmp	r12, #HSR_EC_HVC
	bne	9f
	movw	r12, #EL2_STUB_HVC
	uxth	r3, r3
	cmp	r3, r12
	bne	9f
	cmp	r0, #EL2_STUB_HTIMER_CTL
	beq	10f
	cmp	r0, #EL2_STUB_HTIMER_CTL + 1
	beq	11f
	cmp	r0, #EL2_STUB_HTIMER_CVAL
	beq	12f
	cmp	r0, #EL2_STUB_HTIMER_CVAL + 1
	beq	13f
	cmp	r0, #EL2_STUB_HTIMER_TVAL
	beq	14f
	cmp	r0, #EL2_STUB_HTIMER_TVAL + 1
	beq	15f
9:	mvn	r0, #0
	mvn	r1, #0
	eret
10:	mrc	p15, 4, r0, c14, c2, 1		/* CNTHP_CTL */
	eret
11:	mcr	p15, 4, r1, c14, c2, 1
	b	16f
12:	mrrc	p15, 6, r0, r1, c14		/* CNTHP_CVAL */
	eret
13:	mcrr	p15, 6, r1, r2, c14
	b	16f
14:	mrc	p15, 4, r0, c14, c2, 0		/* CNTHP_TVAL */
	eret
15:	mcr	p15, 4, r1, c14, c2, 0
16:	isb
	mov	r0, #0
	eret
