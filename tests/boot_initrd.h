/* SPDX-License-Identifier: MIT */
/* The boot suite's initrd case (boot_initrd.c), listed in boot.c. */
#ifndef TESTS_BOOT_INITRD_H
#define TESTS_BOOT_INITRD_H

#include "runtime/check.h"

void case_initrd(struct test_ctx *t);

#endif
