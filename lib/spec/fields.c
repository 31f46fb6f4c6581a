// SPDX-License-Identifier: MIT
/* Judging a register's implementation-defined bits against its bit-level contract (fields.h). */
#include "spec/fields.h"

uint64_t fields_intid_bits(const struct reg_fields *f, uint32_t intids)
{
	unsigned per = f->bits_per_intid ? f->bits_per_intid : 32;
	unsigned n = 32 / per; /* INTIDs in a word */
	uint64_t lane = per >= 32 ? 0xffffffffull : (1ull << per) - 1, m = 0;

	for (unsigned i = 0; i < n; i++)
		if (intids & (1u << i))
			m |= lane << (i * per);
	return m;
}

/* Bytes of a word with any touched bit. */
static unsigned lanes(uint64_t touched)
{
	unsigned l = 0;

	for (unsigned i = 0; i < 8; i++)
		if (touched >> (i * 8) & 0xff)
			l |= 1u << i;
	return l;
}

static uint64_t replicate(uint64_t byte, unsigned lanemask)
{
	uint64_t m = 0;

	for (unsigned i = 0; i < 8; i++)
		if (lanemask & (1u << i))
			m |= (byte & 0xff) << (i * 8);
	return m;
}

/* k top bits of a byte set, nothing else: k; else -1. */
static int top_bits(unsigned b)
{
	for (int k = 0; k <= 8; k++)
		if (b == ((0xff00u >> k) & 0xff))
			return k;
	return -1;
}

int fields_impl_ok(const struct reg_fields *f, uint64_t touched, uint64_t got, unsigned ncpus,
		   uint64_t *expect)
{
	uint64_t sub = touched & f->impl_mask;
	unsigned l = lanes(sub);

	got &= sub;
	switch (f->impl) {
	case IMPL_PRIO: {
		int k = -1, ok = 1;
		for (unsigned i = 0; i < 8; i++) {
			if (!(l & (1u << i)))
				continue;
			int ki = top_bits((unsigned)(got >> (i * 8)) & 0xff);
			if (k < 0)
				k = ki;
			ok &= ki >= f->impl_lo && ki <= f->impl_hi && ki == k;
		}
		if (k < f->impl_lo || k > f->impl_hi)
			k = f->impl_hi;
		*expect = replicate((0xff00u >> k) & 0xff, l);
		return ok ? 0 : -1;
	}
	case IMPL_CPUS: {
		unsigned cpus = ncpus <= 1 ? 0 : ncpus >= 8 ? 0xff : (1u << ncpus) - 1;
		*expect = replicate(cpus, l) & sub;
		return got == *expect ? 0 : -1;
	}
	case IMPL_ALL_OR_NONE:
		*expect = got == sub ? sub : 0;
		return got == sub || got == 0 ? 0 : -1;
	case IMPL_ANY:
		*expect = f->ones_take & sub;
		return (got & f->ones_take) == *expect ? 0 : -1;
	default: *expect = 0; return 0;
	}
}

uint64_t fields_takes(const struct reg_fields *f, uint64_t touched, uint64_t impl_got)
{
	uint64_t t = f->writable & touched;

	if (f->impl == IMPL_PRIO || f->impl == IMPL_CPUS)
		t |= impl_got & touched & f->impl_mask;
	return t;
}
