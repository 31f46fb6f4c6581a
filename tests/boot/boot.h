/* SPDX-License-Identifier: MIT */
/* The boot suite's cases in files of their own (initrd.c, pmu.c), listed in suite.c. */
#ifndef TESTS_BOOT_BOOT_H
#define TESTS_BOOT_BOOT_H

#include "runtime/check.h"

void case_initrd(struct test_ctx *t);
void case_pmu(struct test_ctx *t);

#endif
