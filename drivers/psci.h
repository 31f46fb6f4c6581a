/* PSCI and SMCCC calls (Arm DEN0022 PSCI, DEN0028 SMCCC). */
#ifndef PSCI_H
#define PSCI_H

#include <stdint.h>

#define PSCI_VERSION 0x84000000u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_FEATURES 0x8400000au
#define SMCCC_VERSION 0x80000000u

/* conduit: 1 = HVC, 2 = SMC (enum psci_conduit); -1 if the call trapped. */
int64_t smccc_call(int conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
void psci_system_off(int conduit);

#endif
