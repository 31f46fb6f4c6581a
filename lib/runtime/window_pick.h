/* SPDX-License-Identifier: MIT */
/*
 * The window area's choice (runtime/window.h), apart from the platform so
 * that host tests can hold it: the largest free span of VA, from align up
 * to limit, in align steps, its top max bytes.
 */
#ifndef RUNTIME_WINDOW_PICK_H
#define RUNTIME_WINDOW_PICK_H

#include <stdint.h>

#include "dt/platform.h"

/*
 * Is s inside a used range? Then *end: the furthest end of those holding it;
 * else *next: the nearest base above s (left alone when none is).
 */
typedef int (*window_held_fn)(const void *ctx, uint64_t s, uint64_t *end, uint64_t *next);

/* {0, 0} when no align-sized step is free. align: a power of two. */
struct addr_range window_pick(window_held_fn held, const void *ctx, uint64_t limit, uint64_t align,
			      uint64_t max);

#endif
