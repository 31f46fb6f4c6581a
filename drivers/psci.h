/* SPDX-License-Identifier: MIT */
/* PSCI and SMCCC calls (Arm DEN0022 PSCI, DEN0028 SMCCC). */
#ifndef DRIVERS_PSCI_H
#define DRIVERS_PSCI_H

#include <stdint.h>

#include "boot/trap.h"

/* Function IDs (DEN0022 5.1; the 64-bit forms where there are two). */
#define PSCI_VERSION		 0x84000000u
#define PSCI_CPU_SUSPEND	 0xc4000001u
#define PSCI_CPU_OFF		 0x84000002u
#define PSCI_CPU_ON		 0xc4000003u
#define PSCI_CPU_ON_32		 0x84000003u
#define PSCI_AFFINITY_INFO	 0xc4000004u
#define PSCI_MIGRATE		 0xc4000005u
#define PSCI_MIGRATE_INFO_TYPE	 0x84000006u
#define PSCI_MIGRATE_INFO_UP_CPU 0xc4000007u
#define PSCI_SYSTEM_OFF		 0x84000008u
#define PSCI_SYSTEM_RESET	 0x84000009u
#define PSCI_FEATURES		 0x8400000au
#define SMCCC_VERSION		 0x80000000u
#define SMCCC_ARCH_FEATURES	 0x80000001u
#define SMCCC_NOT_SUPPORTED	 (-1)

/* Return codes (DEN0022 5.2.2). */
#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)
#define PSCI_ON_PENDING		(-5)
#define PSCI_INTERNAL_FAILURE	(-6)
#define PSCI_NOT_PRESENT	(-7)
#define PSCI_DISABLED		(-8)
#define PSCI_INVALID_ADDRESS	(-9)
/* AFFINITY_INFO states. */
#define PSCI_AFF_ON	    0
#define PSCI_AFF_OFF	    1
#define PSCI_AFF_ON_PENDING 2
/* The MPIDR fields PSCI takes as a target (Aff3, Aff2, Aff1, Aff0). */
#define PSCI_MPIDR_AFFINITY 0xff00ffffffull

/* SMCCC's SMC64 bit (DEN 0028 2.5): set in the 64-bit forms' IDs above. */
#define SMCCC_SMC64 0x40000000u

/*
 * A function's ID in the caller's own convention: the 64-bit form above on
 * AArch64, the 32-bit one on AArch32, which has SMC32 calls only.
 */
static inline uint32_t psci_native(uint32_t fn)
{
	return trap_smccc_smc64() ? fn : fn & ~SMCCC_SMC64;
}

/* How SMCCC calls reach the firmware or hypervisor (the DT's psci "method"). */
enum psci_conduit { PSCI_NONE, PSCI_HVC, PSCI_SMC };

/* The call's x0; SMCCC_NOT_SUPPORTED when it trapped or there is no conduit. */
int64_t smccc_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
/* The same, with whether the call trapped instead of returning. */
struct trap_result smccc_call_raw(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2,
				  uint64_t a3);
void psci_system_off(enum psci_conduit conduit);
/* "SUCCESS", "INVALID_PARAMETERS", ...; "unknown" for others. */
const char *psci_error_name(int64_t r);

#endif
