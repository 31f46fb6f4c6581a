/* SPDX-License-Identifier: MIT */
/*
 * Calls that leave the guest: SMCCC through HVC or SMC, Xen hypercalls,
 * semihosting. Each is fault-guarded: where nothing answers (no EL2 handler,
 * no Xen, semihosting off) the call returns with trapped set and the
 * syndrome of the exception it raised, instead of taking the harness down.
 */
#ifndef BOOT_TRAP_H
#define BOOT_TRAP_H

#include <stdint.h>

struct trap_result {
	uint64_t x0;  /* what the call returned in x0/r0 */
	int trapped;  /* the call raised an exception here instead of returning */
	uint64_t esr; /* its syndrome, when trapped */
};

/*
 * SMC Calling Convention (Arm DEN 0028): function ID and three arguments.
 * On AArch32 every register is 32 bits: the arguments are truncated, and x0
 * is r0 sign-extended.
 */
struct trap_result trap_smccc_hvc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
struct trap_result trap_smccc_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
/*
 * Whether the caller may use SMCCC's SMC64 convention (DEN 0028 2.5): 1 on
 * AArch64; 0 on AArch32, which has SMC32 function IDs only.
 */
int trap_smccc_smc64(void);
/*
 * Xen hypercall (public/arch-arm.h): HVC #0xEA1, number in x16 (r12 on
 * AArch32), arguments x0..x4 (r0..r4).
 */
struct trap_result trap_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
				      uint64_t a3, uint64_t a4);
/* Arm semihosting (IHI 0058): operation and parameter block (HLT #0xF000; A32 SVC #0x123456). */
struct trap_result trap_semihosting(uint64_t op, uint64_t arg);

#endif
