// SPDX-License-Identifier: MIT
#include "boot/cache.h"

#include <stdint.h>

#include "boot/arm/sysreg.h"
#include "util/util.h"

void cache_clean_to_poc(const void *p, size_t len)
{
	/* CTR.DminLine: log2 of the smallest data cache line, in words. */
	unsigned line = 4u << ((sysreg_read(CTR) >> 16) & 0xf);
	uintptr_t a = ALIGN_DOWN((uintptr_t)p, line);

	dsb(ish);
	for (; a < (uintptr_t)p + len; a += line)
		cp15_write(0, c7, c14, 1, a); /* DCCIMVAC */
	dsb(sy);
}
