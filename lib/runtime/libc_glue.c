// SPDX-License-Identifier: MIT
/* What Debian's aarch64 libfdt.a expects of its C library beyond picolibc. */
#include <stdint.h>

#include "runtime/ktap.h"
#include "runtime/protocol.h"
#include "runtime/stop.h"

uintptr_t __stack_chk_guard = (uintptr_t)0x5e1f7e570c4a11edull;

void __stack_chk_fail(void)
{
	ktap_diag(0, "fatal: stack protector tripped");
	harness_stop(GUEST_EXIT_FATAL);
}
