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
 * call.c. A hypercall that really returned: a trapped HVC is a finding, and then the
 * result is -ENOSYS (*trapped says which, for callers that must tell).
 */
int64_t xen_call(struct test_ctx *t, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		 int *trapped);

/* events.c */
void evtchn_delivery(struct test_ctx *t);
/* grant.c */
void gnttab_query_size(struct test_ctx *t);
void gnttab_map(struct test_ctx *t);
/* psci.c */
void psci_smccc(struct test_ctx *t);
void psci_v01(struct test_ctx *t);

#endif
