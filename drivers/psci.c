// SPDX-License-Identifier: MIT
#include "drivers/psci.h"

struct trap_result smccc_call_raw(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2,
				  uint64_t a3)
{
	if (conduit == PSCI_HVC)
		return trap_smccc_hvc(fn, a1, a2, a3);
	if (conduit == PSCI_SMC)
		return trap_smccc_smc(fn, a1, a2, a3);
	return (struct trap_result){ .x0 = (uint64_t)SMCCC_NOT_SUPPORTED };
}

int64_t smccc_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct trap_result r = smccc_call_raw(conduit, fn, a1, a2, a3);

	return r.trapped ? SMCCC_NOT_SUPPORTED : (int64_t)r.x0;
}

void psci_system_off(enum psci_conduit conduit)
{
	smccc_call(conduit, PSCI_SYSTEM_OFF, 0, 0, 0);
}

const char *psci_error_name(int64_t r)
{
	static const char *const names[] = {
		"SUCCESS",    "NOT_SUPPORTED",	"INVALID_PARAMETERS", "DENIED",
		"ALREADY_ON", "ON_PENDING",	"INTERNAL_FAILURE",   "NOT_PRESENT",
		"DISABLED",   "INVALID_ADDRESS"
	};

	return r <= 0 && r >= -9 ? names[-r] : "not a PSCI return code";
}
