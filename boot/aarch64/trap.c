// SPDX-License-Identifier: MIT
#include "boot/trap.h"

#include "boot/common/fault.h"

uint64_t trap_hvc0(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t trap_smc0(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t trap_hlt_semihosting(uint64_t op, uint64_t arg);
uint64_t trap_hvc_xen(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t nr);

static struct trap_result result(uint64_t x0)
{
	struct fault_seen f;
	struct trap_result r = { .x0 = x0 };

	if (fault_end(&f)) {
		r.trapped = 1;
		r.esr = f.esr;
	}
	return r;
}

struct trap_result trap_smccc_hvc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	fault_begin();
	return result(trap_hvc0(fn, a1, a2, a3));
}

struct trap_result trap_smccc_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	fault_begin();
	return result(trap_smc0(fn, a1, a2, a3));
}

struct trap_result trap_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
				      uint64_t a3, uint64_t a4)
{
	fault_begin();
	return result(trap_hvc_xen(a0, a1, a2, a3, a4, nr));
}

struct trap_result trap_semihosting(uint64_t op, uint64_t arg)
{
	fault_begin();
	return result(trap_hlt_semihosting(op, arg));
}

int trap_smccc_smc64(void)
{
	return 1;
}
