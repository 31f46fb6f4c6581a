/* PSCI and SMCCC calls (Arm DEN0022 PSCI, DEN0028 SMCCC). */
#ifndef DRIVERS_PSCI_H
#define DRIVERS_PSCI_H

#include <stdint.h>

#include "boot/trap.h"

#define PSCI_VERSION	    0x84000000u
#define PSCI_SYSTEM_OFF	    0x84000008u
#define PSCI_FEATURES	    0x8400000au
#define SMCCC_VERSION	    0x80000000u
#define SMCCC_NOT_SUPPORTED (-1)

/* How SMCCC calls reach the firmware or hypervisor (the DT's psci "method"). */
enum psci_conduit { PSCI_NONE, PSCI_HVC, PSCI_SMC };

/* The call's x0; SMCCC_NOT_SUPPORTED when it trapped or there is no conduit. */
int64_t smccc_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
/* The same, with whether the call trapped instead of returning. */
struct trap_result smccc_call_raw(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2,
				  uint64_t a3);
void psci_system_off(enum psci_conduit conduit);

#endif
