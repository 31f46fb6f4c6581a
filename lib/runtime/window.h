/* SPDX-License-Identifier: MIT */
/*
 * Windows onto PA the identity map does not reach (boot/mmu.h): the area of
 * VA they take, chosen from the DT, and probes of any PA a window reaches.
 * AArch32 maps 4 GiB of a 40-bit PA; AArch64 maps all of it and has none.
 */
#ifndef RUNTIME_WINDOW_H
#define RUNTIME_WINDOW_H

#include <stdint.h>

#include "boot/probe.h"
#include "dt/platform.h"

/*
 * Before the run-time map: name the area (boot/mmu.h mmu_window_area), the
 * largest 2 MiB-aligned span below 2^mapped_bits, at most 1 GiB, that no
 * bank, DT reg (of any device), bus window, reservation, initrd, the DTB or
 * the image touches, and not the first 2 MiB (VA 0). Returns NULL, or why
 * there is none (window_why() keeps it).
 */
const char *window_plan(const struct platform *p, uintptr_t image_base, uintptr_t image_end,
			unsigned mapped_bits, unsigned pa_bits);
/* The area planned ({0, 0}: none) and why none. */
struct addr_range window_area(void);
const char *window_why(void);

/* Does the identity map reach [pa, pa + size)? (A 32-bit uintptr_t would cut a PA above.) */
int window_identity(uint64_t pa, uint64_t size);
/* NULL when a window onto [pa, pa + size) can be had (the identity map reaches it, or the
 * area is larger than it and nothing else is open), else why not. */
const char *window_cannot(uint64_t pa, uint64_t size);
/* The first PA a probe reaches, through the identity map or a window. */
uint64_t window_reach(void);
/*
 * [pa, pa + size) at a VA (identity where the map reaches it; *why NULL), or 0 with *why
 * set (the area's why, or "full"). Closed by window_close, or by the suite's end
 * (window_close_all).
 */
uintptr_t window_open(uint64_t pa, uint64_t size, const char **why);
void window_close(uintptr_t va);
void window_close_all(void);

/*
 * probe_read/probe_write of a PA: through the identity map, or a window
 * opened for it and closed after (FAR given back as the PA). -2 when no
 * window reaches it (o: not faulted, no value): the caller says so.
 */
int window_probe_read(uint64_t pa, unsigned width, struct probe_outcome *o);
int window_probe_write(uint64_t pa, unsigned width, uint64_t v, struct probe_outcome *o);

#endif
