#include "drivers/psci.h"

/* In lib/probe_access.S, fault-guarded. */
uint64_t smccc_hvc_trap(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t smccc_smc_trap(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

int64_t smccc_call(int conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	if (conduit == 1)
		return (int64_t)smccc_hvc_trap(fn, a1, a2, a3);
	if (conduit == 2)
		return (int64_t)smccc_smc_trap(fn, a1, a2, a3);
	return -1;
}

void psci_system_off(int conduit)
{
	smccc_call(conduit, PSCI_SYSTEM_OFF, 0, 0, 0);
}
