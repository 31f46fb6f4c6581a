// SPDX-License-Identifier: MIT
/* The xen suite's hypercall wrapper: a trapped HVC is a finding, not a crash. */
#include "tests/xen/xen.h"

int64_t xen_call(struct test_ctx *t, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		 int *trapped)
{
	struct trap_result r = xen_hypercall_raw(nr, a0, a1, a2);

	*trapped = r.trapped;
	/* The subject: the call, as its number and first argument (the sub-op). */
	subject_push(t, "call", "%llu/%llu", (unsigned long long)nr, (unsigned long long)a0);
	check(t, !r.trapped, "hypercall_returns",
	      "hypercall %llu/%llu trapped (ESR 0x%llx) instead of returning",
	      (unsigned long long)nr, (unsigned long long)a0, (unsigned long long)r.esr);
	subject_pop(t);
	return r.trapped ? -XEN_ABI_ENOSYS : (int64_t)r.x0;
}
