// SPDX-License-Identifier: MIT
/*
 * boot/trap.h on AArch32: SMCCC's SMC32/HVC32 and Xen's AArch32 hypercall
 * ABI take 32-bit registers; a result is r0 sign-extended, as both return
 * signed 32-bit values (SMCCC's NOT_SUPPORTED is -1 in r0).
 */
#include "boot/trap.h"

#include "boot/common/fault.h"

int32_t trap_hvc0(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3);
int32_t trap_smc0(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3);
int32_t trap_svc_semihosting(uint32_t op, uint32_t arg);
int32_t trap_hvc_xen(uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t nr);

static struct trap_result result(int32_t r0)
{
	struct fault_seen f;
	struct trap_result r = { .x0 = (uint64_t)(int64_t)r0 };

	if (fault_end(&f)) {
		r.trapped = 1;
		r.esr = f.esr;
	}
	return r;
}

int trap_smccc_smc64(void)
{
	return 0;
}

struct trap_result trap_smccc_hvc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	fault_begin();
	return result(trap_hvc0((uint32_t)fn, (uint32_t)a1, (uint32_t)a2, (uint32_t)a3));
}

struct trap_result trap_smccc_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	fault_begin();
	return result(trap_smc0((uint32_t)fn, (uint32_t)a1, (uint32_t)a2, (uint32_t)a3));
}

struct trap_result trap_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
				      uint64_t a3, uint64_t a4)
{
	fault_begin();
	return result(trap_hvc_xen((uint32_t)a0, (uint32_t)a1, (uint32_t)a2, (uint32_t)a3,
				   (uint32_t)a4, (uint32_t)nr));
}

struct trap_result trap_semihosting(uint64_t op, uint64_t arg)
{
	fault_begin();
	return result(trap_svc_semihosting((uint32_t)op, (uint32_t)arg));
}
