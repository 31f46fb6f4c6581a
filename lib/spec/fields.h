/* SPDX-License-Identifier: MIT */
/*
 * Register contracts at bit level (issue 22): per register, what each bit
 * holds and what a write does, as data taken from the device's spec. The
 * mmio suite's write_read case (tests/mmio/bits.c) writes the registers a
 * write is safe for and reads them back against this; the classifiers that
 * judge a read-back live in fields.c so the rules are in one place.
 *
 * Masks are 64 bits wide for the 64-bit GICv3 registers; every other
 * register uses the low 32.
 */
#ifndef SPEC_FIELDS_H
#define SPEC_FIELDS_H

#include <stdint.h>

/* How the implementation-defined writable bits (impl_mask) are bounded. */
enum impl_kind {
	IMPL_NONE,
	/* Per byte the top k bits take a write, the rest RAZ/WI; k lies in
	 * [impl_lo, impl_hi] and is the same in every byte (GIC priority). */
	IMPL_PRIO,
	/* Per byte bit n takes a write if CPU interface n exists (GICD_TYPER
	 * CPUNumber), else RAZ/WI; with one CPU the whole register is RAZ/WI
	 * (IHI 0048B 4.3.12, GICD_ITARGETSRn). */
	IMPL_CPUS,
	/* The bits either all take a write or all hold (RAZ/WI, RAO/WI). */
	IMPL_ALL_OR_NONE,
	/* Each bit may take a write or hold; writing ones must read ones in
	 * ones_take (a binary point's largest value, say). */
	IMPL_ANY,
};

/* Which word of a per-INTID GIC array a check touches. */
enum intid_sel {
	SEL_NONE, /* not an array: the register at offset */
	SEL_SPI,  /* the highest implemented SPI word nothing uses */
	SEL_SGI,  /* INTIDs 0-31 (banked): only the INTIDs nothing uses */
};

/* Flags. */
#define FB_BYTE	      (1u << 0) /* byte-accessible (reads and writes) */
#define FB_BANKED     (1u << 1) /* one copy per CPU (GICv3 redistributor: per frame) */
#define FB_READ_SIDE  (1u << 2) /* a read changes state: never read by a check */
#define FB_WRITE_SAFE (1u << 3) /* a write can be undone and starts nothing */
#define FB_RESET      (1u << 4) /* reset holds the value at entry (nothing ran before) */
#define FB_SET	      (1u << 5) /* writing 1 sets; the clear view (clear_view) clears */
#define FB_64	      (1u << 6) /* a 64-bit register (two words) */
#define FB_BEYOND     (1u << 7) /* a word past GICD_TYPER's INTIDs is RAZ/WI */

struct reg_fields {
	char name[20];
	uint32_t offset;     /* an array's base for SEL_SPI/SEL_SGI */
	uint32_t clear_view; /* FB_SET: the clear view's offset (base for arrays) */
	uint8_t region;
	uint8_t flags;
	uint8_t impl; /* enum impl_kind */
	uint8_t impl_lo, impl_hi;
	uint8_t sel;		/* enum intid_sel */
	uint8_t bits_per_intid; /* arrays: 1, 2, 8 (64: IROUTER) */
	/* An interrupt mask: the offset of its raw status register. A bit whose
	 * raw status is set is never unmasked (that would raise the line: on Xen
	 * 4.17 a vpl011 SPI raised so stays in flight), 0: none. */
	uint16_t raw_status;
	uint64_t res0;		    /* RES0 and read-as-zero bits */
	uint64_t writable;	    /* bits a write must take */
	uint64_t impl_mask;	    /* bits whose writability impl bounds */
	uint64_t ones_take;	    /* IMPL_ANY: bits that read one after writing ones */
	uint64_t ro;		    /* read-only fields: hold across writes */
	uint64_t fixed_mask, fixed; /* bits whose value the spec fixes */
	uint64_t reset;		    /* FB_RESET: the value at reset */
	const char *spec;
};

/* Table helpers: a plain read-write register and a per-INTID array. */
#define FIELDS(nm, rg, off, fl, r0, wr, sp)                                                        \
	{                                                                                          \
		.name = nm, .region = rg, .offset = off, .flags = fl, .res0 = r0, .writable = wr,  \
		.spec = sp                                                                         \
	}

/* The bits of a per-INTID register word that belong to INTIDs in the set (bit i: INTID i of
 * the word's first). */
uint64_t fields_intid_bits(const struct reg_fields *f, uint32_t intids);

/*
 * The mask of implementation-defined bits a write of ones to impl_mask left
 * set (got), judged: 0 when it lies in the contract's range, else -1. ncpus
 * is the CPU interfaces GICD_TYPER counts (IMPL_CPUS). *expect gets the
 * mask the contract allows (for the record), the nearest one when it fails.
 */
int fields_impl_ok(const struct reg_fields *f, uint64_t touched, uint64_t got, unsigned ncpus,
		   uint64_t *expect);
/* The mask of bits that take a write, for a given implemented mask (impl_got). */
uint64_t fields_takes(const struct reg_fields *f, uint64_t touched, uint64_t impl_got);

#endif
