// SPDX-License-Identifier: MIT
#include "boot/cache.h"

#include <stdint.h>

#include "boot/aarch64/sysreg.h"
#include "util/util.h"

void cache_clean_to_poc(const void *p, size_t len)
{
	/* CTR_EL0.DminLine: log2 of the smallest data cache line, in words. */
	unsigned line = 4u << ((sysreg_read(ctr_el0) >> 16) & 0xf);
	uintptr_t a = ALIGN_DOWN((uintptr_t)p, line);

	dsb(ish);
	for (; a < (uintptr_t)p + len; a += line)
		__asm__ volatile("dc civac, %0" ::"r"(a) : "memory");
	dsb(sy);
}
