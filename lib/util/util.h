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

/*
 * a * b / c (c != 0) with the product's 128 bits kept: a 32-bit target has
 * no 128-bit type. The quotient's bits above 64 are dropped.
 */
static inline unsigned long long mul_div_u64(unsigned long long a, unsigned long long b,
					     unsigned long long c)
{
	unsigned long long al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
	unsigned long long ll = al * bl, lh = al * bh, hl = ah * bl;
	unsigned long long mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
	unsigned long long lo = mid << 32 | (ll & 0xffffffffu);
	unsigned long long hi = ah * bh + (lh >> 32) + (hl >> 32) + (mid >> 32);
	unsigned long long q = 0, r = 0;

	/* Restoring division, a bit at a time; r's carry out means r > c. */
	for (int i = 127; i >= 0; i--) {
		unsigned long long carry = r >> 63;
		r = r << 1 | ((i >= 64 ? hi >> (i - 64) : lo >> i) & 1);
		q <<= 1;
		if (carry || r >= c) {
			r -= c;
			q |= 1;
		}
	}
	return q;
}

#endif
