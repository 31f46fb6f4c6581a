/* SPDX-License-Identifier: MIT */
/*
 * Entry point: the Linux arm64 Image header (Documentation/arch/arm64/booting.rst)
 * so that QEMU -kernel, Xen and U-Boot booti accept the image, then the
 * position-independent start-up: drop EL2 to EL1, enable FP/SIMD, set up the
 * stack, clear BSS, apply our own relocations, install the vectors, set up TLS
 * and call harness_main(dtb, entry_el).
 */
#include "boot/aarch64/sysreg.h"

/* reg = the run-time address of sym (PC-relative, +-4 GiB): no relocation needed. */
	.macro	adr_l reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
	.endm

	.section .head, "ax"
	.global _head
_head:
	b	primary_entry			/* code0 */
	.long	0				/* code1 */
	.quad	0				/* text_offset */
	.quad	_end - _head			/* image_size: includes BSS, stack, page tables */
	.quad	0xa				/* flags: LE, 4 KiB pages, place anywhere */
	.global	image_header_dtb
image_header_dtb:
	.quad	0				/* res2: DTB address set by the runner's --dtb (0: use x0) */
	.quad	0				/* res3 */
	.quad	0				/* res4 */
	.ascii	"ARM\x64"			/* magic */
	.long	0				/* res5: no PE/COFF header */

	.section .text.boot, "ax"
primary_entry:
	mov	x19, x0				/* DTB from the loader */
	mrs	x20, CurrentEL
	lsr	x20, x20, #2			/* entry exception level */
	cmp	x20, #3
	b.ne	0f
	bl	el3_contain
0:	cmp	x20, #2
	b.ne	1f
	bl	el2_to_el1
1:	mov	x0, #CPACR_FPEN_ALL
	msr	cpacr_el1, x0			/* FP/SIMD: picolibc and SIMD probes use it */
	isb

	adr_l	x0, __stack_top
	mov	sp, x0

	/* Zero .tbss and .bss; MMU is off, so only aligned stores. */
	adr_l	x0, __zero_start
	adr_l	x1, __bss_end
2:	cmp	x0, x1
	b.hs	3f
	str	xzr, [x0], #8
	b	2b

	/*
	 * Self-relocation: add the load base to every place the packed table
	 * at __rela_start names (scripts/pack-relocs: an even word is a place's
	 * offset, an odd one a bitmap of the 63 words after the last place
	 * covered, a zero word the end).
	 */
3:	adr_l	x2, _head
	adr_l	x0, __rela_start
4:	ldr	x3, [x0], #8
	cbz	x3, 6f
	tbnz	x3, #0, 5f
	add	x6, x2, x3			/* a place: relocate it */
	ldr	x4, [x6]
	add	x4, x4, x2
	str	x4, [x6], #8			/* x6: the first word a bitmap covers */
	b	4b
5:	mov	x7, x6				/* a bitmap: bit i for the word x6 + 8(i-1) */
7:	lsr	x3, x3, #1
	cbz	x3, 8f
	tbz	x3, #0, 9f
	ldr	x4, [x7]
	add	x4, x4, x2
	str	x4, [x7]
9:	add	x7, x7, #8
	b	7b
8:	add	x6, x6, #63 * 8
	b	4b
6:	adr_l	x0, exception_vectors
	msr	vbar_el1, x0
	isb

	adr_l	x0, __tls_base
	sub	x0, x0, #TLS_TCB_OFFSET		/* picolibc's layout; linker script asserts it */
	msr	tpidr_el0, x0

	mov	x0, x19
	mov	x1, x20
	bl	harness_main
halt_early:
	wfi
	b	halt_early

/*
 * Entered at EL3 (secure=on without a boot loader): not a guest's entry
 * (booting.rst allows EL2 or EL1). Nothing is set up for the secure world
 * to leave it; any exception here stops at the EL3 stub vectors instead of
 * running off, FP is not trapped, and harness_main, told the EL, stops the
 * run at once with its fatal exit code.
 */
el3_contain:
	adr_l	x0, el3_stub_vectors
	msr	vbar_el3, x0
	msr	cptr_el3, xzr
	isb
	ret

/*
 * Leave EL2 for EL1 with the MMU off. Registers that reset to UNKNOWN values
 * and change what EL1 sees are given defined ones; the EL2 vectors turn any
 * HVC that reaches them into "not supported" (-1) instead of a hang, except
 * the harness's own calls for the EL2 timer (el2_stub_call).
 * Secondary CPUs come through here too (secondary.S). Uses x0 and x30 only.
 */
	.global	el2_to_el1
el2_to_el1:
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mov	x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	mov	x0, #CPTR_EL2_RES1
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #24, #4			/* GIC system registers implemented? */
	cbz	x0, 1f
	mov	x0, #ICC_SRE_EL2_ENABLE_SRE
	msr	ICC_SRE_EL2, x0
	isb
1:	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	adr_l	x0, el2_stub_vectors
	msr	vbar_el2, x0
	mov	x0, #SPSR_EL1H_DAIF_MASKED
	msr	spsr_el2, x0
	msr	elr_el2, x30
	eret

	.macro	el2_stub
	.balign	128
	mov	x0, #-1
	eret
	.endm

	.section .vectors, "ax"
	.balign	2048
el2_stub_vectors:
	.rept	8
	el2_stub
	.endr
	.balign	128				/* synchronous, from EL1 (AArch64) */
	b	el2_stub_call
	.rept	7
	el2_stub
	.endr

/*
 * The harness's own HVC #EL2_STUB_HVC (sysreg.h): the EL2 physical timer
 * (CNTHP_*), which only EL2 may program. x0 = operation, x1 = value; uses
 * x2 and x3. Anything else is answered -1 as above.
 */
el2_stub_call:
	mrs	x2, esr_el2
	mov	w3, #(EL2_STUB_ESR & 0xffff)
	movk	w3, #(EL2_STUB_ESR >> 16), lsl #16
	cmp	w2, w3
	b.ne	9f
	cmp	x0, #EL2_STUB_HTIMER_CTL
	b.eq	10f
	cmp	x0, #EL2_STUB_HTIMER_CTL + 1
	b.eq	11f
	cmp	x0, #EL2_STUB_HTIMER_CVAL
	b.eq	12f
	cmp	x0, #EL2_STUB_HTIMER_CVAL + 1
	b.eq	13f
	cmp	x0, #EL2_STUB_HTIMER_TVAL
	b.eq	14f
	cmp	x0, #EL2_STUB_HTIMER_TVAL + 1
	b.eq	15f
9:	mov	x0, #-1
	eret
10:	mrs	x0, cnthp_ctl_el2
	eret
11:	msr	cnthp_ctl_el2, x1
	b	16f
12:	mrs	x0, cnthp_cval_el2
	eret
13:	msr	cnthp_cval_el2, x1
	b	16f
14:	mrs	x0, cnthp_tval_el2
	eret
15:	msr	cnthp_tval_el2, x1
16:	isb
	mov	x0, #0
	eret

	.balign	2048
el3_stub_vectors:
	.rept	16
	.balign	128
1:	wfi
	b	1b
	.endr
