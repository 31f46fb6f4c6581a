/* SPDX-License-Identifier: MIT */
/* The guest memory the harness relies on: the DTB it was handed and the identity map. */
#ifndef RUNTIME_MEMORY_H
#define RUNTIME_MEMORY_H

#include <stdint.h>

#include "boot/mmu.h"
#include "dt/platform.h"

/*
 * Look at the DTB header through the probe: x0 may point anywhere. Returns
 * the bytes to map (0 when unusable, with *why set).
 */
uint32_t dtb_extent(const void *dtb, const char **why);

/*
 * Map the image and the DTB Normal, and (with p) the DT's memory banks that
 * overlap no described device; everything else Device. The tables are taken
 * from pool (NULL: the image's, for the first map). Returns the PA bits the
 * map covers, 0 if it could not be built.
 */
unsigned memory_map(uintptr_t image_base, uintptr_t image_end, const void *dtb, uint32_t dtb_size,
		    const struct platform *p, const struct mmu_pool *pool);

/*
 * After the DT is parsed: carve the run-time arena (runtime/arena.h), build
 * the full map in it and switch to it. Returns the PA bits mapped, or 0 when
 * there is no arena or its map failed (the first map stays; the arena is
 * then dropped, with the reason, as its RAM is not Normal).
 */
unsigned memory_map_runtime(uintptr_t image_base, uintptr_t image_end, const void *dtb,
			    uint32_t dtb_size, const struct platform *p, unsigned mapped_bits);

#endif
