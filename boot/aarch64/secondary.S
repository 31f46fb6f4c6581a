/* SPDX-License-Identifier: MIT */
/*
 * Entry of a CPU started by PSCI CPU_ON (boot/smp.h): x0 = the struct
 * cpu_start the boot CPU prepared (and cleaned to memory, as this CPU reads
 * it with its MMU and caches off). Leave EL2 as the boot CPU did, take its
 * MMU, vectors and FP state, then our stack and TLS, and call fn(arg).
 */
#include "boot/aarch64/sysreg.h"

#define START_STACK	48
#define START_TLS	56
#define START_FN	64
#define START_ENTRY_EL	80

	.section .text.boot, "ax"
	.global	cpu_secondary_entry
cpu_secondary_entry:
	mov	x19, x0
	mrs	x20, CurrentEL
	lsr	x20, x20, #2
	cmp	x20, #2
	b.ne	1f
	bl	el2_to_el1
1:	ldp	x0, x1, [x19, #0]		/* MAIR, TCR */
	msr	mair_el1, x0
	msr	tcr_el1, x1
	ldp	x0, x1, [x19, #16]		/* TTBR0, SCTLR */
	msr	ttbr0_el1, x0
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	msr	sctlr_el1, x1
	isb
	ldp	x0, x1, [x19, #32]		/* VBAR, CPACR */
	msr	vbar_el1, x0
	msr	cpacr_el1, x1
	isb
	ldr	x0, [x19, #START_STACK]
	mov	sp, x0
	ldr	x0, [x19, #START_TLS]
	sub	x0, x0, #TLS_TCB_OFFSET
	msr	tpidr_el0, x0
	str	x20, [x19, #START_ENTRY_EL]
	ldp	x1, x0, [x19, #START_FN]	/* fn, arg */
	blr	x1
2:	wfi					/* fn returned: nothing left to run */
	b	2b
