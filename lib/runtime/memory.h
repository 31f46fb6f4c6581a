/* SPDX-License-Identifier: MIT */
/* The guest memory the harness relies on: the DTB it was handed and the identity map. */
#ifndef RUNTIME_MEMORY_H
#define RUNTIME_MEMORY_H

#include <stdint.h>

#include "dt/platform.h"

/*
 * Look at the DTB header through the probe: x0 may point anywhere. Returns
 * the bytes to map (0 when unusable, with *why set).
 */
uint32_t dtb_extent(const void *dtb, const char **why);

/*
 * Map the image and the DTB Normal, and (with p) the DT's memory banks that
 * overlap no described device; everything else Device. Returns the PA bits
 * the map covers, 0 if it could not be built.
 */
unsigned memory_map(uintptr_t image_base, uintptr_t image_end, const void *dtb, uint32_t dtb_size,
		    const struct platform *p);

#endif
