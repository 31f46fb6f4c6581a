// SPDX-License-Identifier: MIT
#include "runtime/check.h"
#include "tests/pci/pci.h"

void case_intx(struct test_ctx *t)
{
	skip(t, "not yet");
}
