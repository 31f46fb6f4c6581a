/* SPDX-License-Identifier: MIT */
/* The psci suite's shared parts: the woken CPU_SUSPEND and the cases in its other files. */
#ifndef TESTS_PSCI_H
#define TESTS_PSCI_H

#include <stdint.h>

#include "runtime/check.h"

/*
 * suspend.c. CPU_SUSPEND by function id with that power_state, the CPU woken by
 * its virtual timer a millisecond on (the caller knows the timer's interrupt
 * arrives: watchdog_intid); its result, noted.
 */
int64_t psci_suspend_woken(struct test_ctx *t, uint32_t id, uint32_t power_state);

/* idle.c */
void case_idle_states(struct test_ctx *t);

#endif
