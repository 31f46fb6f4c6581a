// SPDX-License-Identifier: MIT
#include "runtime/window_pick.h"

#include "util/util.h"

struct addr_range window_pick(window_held_fn held, const void *ctx, uint64_t limit, uint64_t align,
			      uint64_t max)
{
	struct addr_range best = { 0, 0 };

	for (uint64_t s = align; s < limit;) {
		uint64_t end = 0, next = limit;
		if (held(ctx, s, &end, &next)) {
			s = end >= limit ? limit : ALIGN_UP(end, align);
			continue;
		}
		uint64_t stop = ALIGN_DOWN(MIN(next, limit), align);
		if (stop <= s) { /* something starts inside this step */
			s += align;
			continue;
		}
		if (stop - s > best.size)
			best = (struct addr_range){ s, stop - s };
		s = stop;
	}
	if (!best.size)
		return best;
	/* The top of the span: furthest from what loaders place low. */
	uint64_t size = MIN(best.size, max);
	return (struct addr_range){ best.base + best.size - size, size };
}
