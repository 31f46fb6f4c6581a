/* SPDX-License-Identifier: MIT */
/*
 * The trap instructions, each listed in the extable: on an exception the
 * dispatcher records it (boot/common/fault.h) and resumes at the fixup.
 * Where no hypervisor or firmware answers, HVC and SMC are UNDEFINED at PL1.
 */
#include "boot/common/extable.h"

	.arm
	.syntax	unified
	.arch_extension virt
	.arch_extension sec

	.macro	trap_fn name, insn:vararg
	.text
	.global	\name
	.type	\name, %function
\name:
	push	{r4-r7, lr}			/* SMCCC may return in r4-r7; SVC takes LR */
1:	\insn
	pop	{r4-r7, pc}
2:	mov	r0, #0
	pop	{r4-r7, pc}
	extable	1b, 2b
	.endm

	trap_fn	trap_hvc0, hvc 0			/* SMCCC: r0 function, r1..r3 */
	trap_fn	trap_smc0, smc 0
	trap_fn	trap_svc_semihosting, svc 0x123456	/* r0 operation, r1 parameter */

/* r0..r3 and [sp] a4, [sp + 4] the hypercall number (moved to r12). */
	.text
	.global	trap_hvc_xen
	.type	trap_hvc_xen, %function
trap_hvc_xen:
	push	{r4, lr}
	ldr	r4, [sp, #8]
	ldr	r12, [sp, #12]
1:	hvc	#0xea1
	pop	{r4, pc}
2:	mov	r0, #0
	pop	{r4, pc}
	extable	1b, 2b
