/* SPDX-License-Identifier: MIT */
/*
 * Entry of a CPU started by PSCI CPU_ON (boot/smp.h): r0 = the struct
 * cpu_start the boot CPU prepared (and cleaned to memory, as this CPU reads
 * it with its MMU and caches off). Leave Hyp mode as the boot CPU did, take
 * its MMU, vectors and VFP access, then our stack and TLS, and call fn(arg).
 */
#include "boot/arm/sysreg.h"

#define START_STACK	48
#define START_TLS	52
#define START_FN	56
#define START_ARG	60
#define START_ENTRY_EL	64

	.arm
	.syntax	unified

	.section .text.boot, "ax"
	.global	cpu_secondary_entry
	.type	cpu_secondary_entry, %function
cpu_secondary_entry:
	mov	r4, r0
	mrs	r5, cpsr
	and	r5, r5, #MODE_MASK
	cmp	r5, #MODE_HYP
	moveq	r5, #2
	movne	r5, #1
	bleq	hyp_to_svc
	cpsid	aif
	ldr	r0, [r4, #0]			/* MAIR0 */
	mcr	p15, 0, r0, c10, c2, 0
	ldr	r0, [r4, #8]			/* TTBCR */
	mcr	p15, 0, r0, c2, c0, 2
	ldrd	r0, r1, [r4, #16]		/* TTBR0 */
	mcrr	p15, 0, r0, r1, c2
	isb
	mcr	p15, 0, r0, c8, c7, 0		/* TLBIALL */
	dsb	nsh
	isb
	ldr	r0, [r4, #24]			/* SCTLR */
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	r0, [r4, #32]			/* VBAR */
	mcr	p15, 0, r0, c12, c0, 0
	bl	vfp_enable			/* the boot CPU's CPACR, where VFP is */
	isb
	ldr	sp, [r4, #START_STACK]
	ldr	r0, [r4, #START_TLS]
	sub	r0, r0, #TLS_TCB_OFFSET
	mcr	p15, 0, r0, c13, c0, 3		/* TPIDRURO */
	mov	r0, #0
	str	r5, [r4, #START_ENTRY_EL]	/* entry_el, a uint64_t */
	str	r0, [r4, #START_ENTRY_EL + 4]
	ldr	r1, [r4, #START_FN]
	ldr	r0, [r4, #START_ARG]
	blx	r1
2:	wfi					/* fn returned: nothing left to run */
	b	2b
