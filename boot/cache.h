/* SPDX-License-Identifier: MIT */
/*
 * Data cache maintenance for memory that another agent reads without the
 * caches: a CPU starting with its MMU off, a GIC ITS or a DMA device whose
 * accesses are not coherent with this CPU's caches. boot/<arch>/ implements it.
 */
#ifndef BOOT_CACHE_H
#define BOOT_CACHE_H

#include <stddef.h>

/* Clean (and invalidate) [p, p + len) to the point of coherency, then a full barrier. */
void cache_clean_to_poc(const void *p, size_t len);

#endif
