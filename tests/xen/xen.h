/* SPDX-License-Identifier: MIT */
/*
 * The xen suite's shared parts: the hypercall wrapper its cases use and the
 * cases that live in the suite's other files (events.c, grant.c, psci.c).
 */
#ifndef TESTS_XEN_H
#define TESTS_XEN_H

#include <stdint.h>

#include "drivers/xen.h"
#include "runtime/check.h"

/*
 * call.c. A hypercall that really returned: a trapped HVC is a finding (check
 * hypercall_returns, subject call=NR/A0 after the caller's: so a caller pushes
 * no call= of its own around it), and then the result is -ENOSYS (*trapped
 * says which, for callers that must tell). A caller may push other keys
 * (port=) first, so that two calls of one sub-op differ.
 */
int64_t xen_call(struct test_ctx *t, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		 int *trapped);

/* events.c */
void case_evtchn_delivery(struct test_ctx *t);
/* grant.c */
void case_gnttab_query_size(struct test_ctx *t);
void case_gnttab_map(struct test_ctx *t);
/* psci.c */
void case_psci_smccc(struct test_ctx *t);
void case_psci_v01(struct test_ctx *t);

#endif
