/* SPDX-License-Identifier: MIT */
/*
 * Run-time memory: an arena carved from a DT memory bank, clear of the
 * image, the DTB, the initrd and every reservation, so that large buffers
 * (page tables, suite state, DMA areas, secondary stacks) cost guest RAM
 * at run time and not image_size (the smallest guest a loader accepts).
 * A bump allocator: nothing is freed (a device may still own a DMA area).
 * A buffer that does not fit is refused (NULL) and its user says so.
 */
#ifndef RUNTIME_ARENA_H
#define RUNTIME_ARENA_H

#include <stddef.h>
#include <stdint.h>

#include "dt/platform.h"

/* The arena's most: what every suite at once takes, with room to spare. */
#define ARENA_MAX (8ull << 20)

/*
 * Carve the arena: the largest free span of a bank the map makes Normal
 * (one that overlaps no described device), below 2^mapped_bits, at most
 * ARENA_MAX. Returns its size, 0 when none (arena_why() says why).
 */
uint64_t arena_setup(const struct platform *p, uintptr_t image_base, uintptr_t image_end,
		     unsigned mapped_bits);
/* No arena after all (its map failed): reason is arena_why()'s. */
void arena_drop(const char *reason);

/* size bytes aligned to align (a power of two), zeroed; NULL when they do not fit. */
void *arena_alloc(size_t size, size_t align);
/* The same not zeroed: before the map makes the arena Normal (memset may use DC ZVA). */
void *arena_take(size_t size, size_t align);

/* /chosen linux,initrd-start/-end as a range; 0 when absent or malformed. */
int chosen_initrd(const struct platform *p, struct addr_range *r);

/* Where the arena is ({0, 0}: none), what was taken, and why there is none. */
struct addr_range arena_range(void);
uint64_t arena_used(void);
const char *arena_why(void);

/* The reason a buffer of size bytes for what is missing, for a skip or a finding. */
const char *arena_refusal(const char *what, size_t size);

#endif
