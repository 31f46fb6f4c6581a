/* SPDX-License-Identifier: MIT */
/*
 * The trap instructions, each listed in the extable: on an exception the
 * dispatcher records it (boot/common/fault.h) and resumes at the fixup.
 */
#include "boot/common/extable.h"

	.macro	trap_fn name, insn:vararg
	.text
	.global	\name
	.type	\name, %function
\name:
1:	\insn
	ret
2:	mov	x0, #0
	ret
	extable	1b, 2b
	.endm

	trap_fn	trap_hvc0, hvc #0			/* SMCCC: x0 function, x1..x3 */
	trap_fn	trap_smc0, smc #0
	trap_fn	trap_hlt_semihosting, hlt #0xf000	/* x0 operation, x1 parameter */

/* x0..x4 arguments, x5 hypercall number (moved to x16). */
	.text
	.global	trap_hvc_xen
	.type	trap_hvc_xen, %function
trap_hvc_xen:
	mov	x16, x5
1:	hvc	#0xea1
	ret
2:	mov	x0, #0
	ret
	extable	1b, 2b
