/* SPDX-License-Identifier: MIT */
/*
 * What C leaves every layer to hand-roll: array lengths, the translation
 * granule, alignment, the lesser and the greater of two values.
 *
 * The lowest layer (docs/architecture.md): headers only, no code and no
 * state, so every layer may include it ("util/util.h"), the host builds of
 * the harness's own tests too.
 */
#ifndef UTIL_UTIL_H
#define UTIL_UTIL_H

/* The number of elements of an array (not of a pointer). */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The translation granule the harness maps with: 4 KiB (Arm DDI 0487 D8). */
#define PAGE_SHIFT 12
#define PAGE_SIZE  (1ull << PAGE_SHIFT)

/* x rounded down or up to a multiple of a, a power of two; the result has x's type. */
#define ALIGN_DOWN(x, a) ((x) & ~(__typeof__(x))((a)-1))
#define ALIGN_UP(x, a)	 ALIGN_DOWN((x) + (__typeof__(x))((a)-1), (a))
#define IS_ALIGNED(x, a) (((x) & (__typeof__(x))((a)-1)) == 0)

/* The lesser and the greater of a and b (each evaluated twice: no side effects). */
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#endif
