/* SPDX-License-Identifier: MIT */
/*
 * MMIO device contracts: what a device must do when touched, as data taken
 * from its specification. One contract per device part (a GIC node has a
 * distributor and a CPU interface part); each register carries its offset,
 * the access widths the spec requires, its access type, the identity value
 * the spec fixes (if any) and the section it comes from. The mmio suite
 * (tests/mmio/) holds the platform against these; classification of what it
 * sees is in contract_classify_*() so the rules live in one place.
 */
#ifndef SPEC_CONTRACT_H
#define SPEC_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "spec/fields.h"
#include "util/util.h"

/* Access widths as a bit mask. */
#define W8		(1u << 0)
#define W16		(1u << 1)
#define W32		(1u << 2)
#define W64		(1u << 3)
#define WIDTH_BIT(bits) ((bits) == 8 ? W8 : (bits) == 16 ? W16 : (bits) == 32 ? W32 : W64)

enum reg_access { ACC_RO, ACC_RW, ACC_WO };

/* Register classes: the width matrix probes one register of each. */
enum reg_class {
	CLS_ID,
	CLS_ID64,
	CLS_DATA,
	CLS_STATUS,
	CLS_CONTROL,
	CLS_IRQ,
	CLS_ENABLE,
	CLS_PENDING,
	CLS_PRIORITY,
	CLS_TARGET,
	CLS_CONFIG,
	CLS_SGI,
	CLS_ACK,
	CLS_ROUTE,
	CLS_POWER,
	CLS_FEATURES,
	CLS_QUEUE,
	CLS_DMA,
	CLS_COUNT
};
const char *reg_class_name(unsigned cls);

/* Register flags. */
#define F_NOREAD   (1u << 0) /* a read has side effects (GICC_IAR acknowledges) */
#define F_WI_PROBE (1u << 1) /* RO and a write is harmless: check it is ignored */
#define F_WRITE0   (1u << 2) /* writing 0 is harmless (a reset, key 0): the bench writes it */

/* An identity: (value & mask) >> shift of mask must lie in [lo, hi]. */
struct reg_identity {
	uint64_t mask;
	uint64_t lo, hi;
};

struct reg_contract {
	char name[20]; /* inline: no relocation per register in the -pie image */
	uint32_t offset;
	uint8_t region;	  /* index into the node's reg[] */
	uint8_t access;	  /* enum reg_access */
	uint8_t required; /* widths the spec requires to work (W8|W16|...) */
	uint8_t flags;
	uint8_t cls;		/* enum reg_class */
	struct reg_identity id; /* mask 0: no identity */
	const char *spec;	/* section of the spec */
};

/*
 * Identity checks a register table cannot express; the spec each one comes
 * from is named where the suite makes it.
 */
enum contract_extra {
	EXTRA_NONE,
	EXTRA_GICD_TYPER_CPUS,	/* GICv2 GICD_TYPER.CPUNumber against the DT's CPUs */
	EXTRA_GICR_FRAMES,	/* GICv3: one redistributor frame per DT CPU, Last, Affinity */
	EXTRA_FW_CFG_SIGNATURE, /* fw_cfg key 0x0000 reads "QEMU" */
	EXTRA_VIRTIO_DEVICE_ID, /* virtio-mmio DeviceID 0: an empty transport */
};

struct device_contract {
	const char *part;	    /* "distributor", "uart", ... */
	const char *const *compats; /* NULL-terminated */
	const char *spec;	    /* document, e.g. "Arm PL011 TRM (DDI 0183G)" */
	const struct reg_contract *regs;
	unsigned nregs;
	/* Reserved offsets in region 0 (and offsets outside a subset): reading zero
	 * or aborting are both allowed, data is a deviation. */
	const uint32_t *reserved;
	unsigned nreserved;
	const char *reserved_spec;
	/* A write to a read-only register must not change it; an abort is allowed. */
	const char *ro_write_spec;
	const char *form_reg; /* the register the instruction-form table reads */
	/* The register the store-form table writes (a write to it is safe, fields.h). */
	const char *store_reg;
	/* The smallest window the spec gives the part's region (its frame), 0: none. */
	uint32_t frame;
	/* Bit-level contracts (fields.h), for the registers the spec defines them for. */
	const struct reg_fields *fields;
	unsigned nfields;
	enum contract_extra extra;
	/* The part's region is optional in the binding (GICv2's GICH, GICV): a node whose reg
	 * stops before it has no such part; one that gives it must have the part there. */
	uint8_t region_optional;
};

/* How an observation stands against the spec. */
enum outcome_class { OUTCOME_REQUIRED, OUTCOME_PERMITTED, OUTCOME_DEVIATION };
const char *outcome_class_name(enum outcome_class c);

/* A read of width bits that completed (faulted = 0) or aborted. */
enum outcome_class contract_classify_width(const struct reg_contract *r, unsigned width,
					   int faulted);
/* A read of a reserved offset (or an offset outside the contract's subset). */
enum outcome_class contract_classify_reserved(int faulted, uint64_t value);
/* A write to a read-only register: did it abort, did the value change? */
enum outcome_class contract_classify_ro_write(int faulted, int changed);
/* An ISV=0 instruction form against the plain LDR of the same register. */
enum outcome_class contract_classify_form(int ldr_faulted, uint64_t ldr_value, int form_faulted,
					  uint64_t form_value);
/* May the register be read without a side effect (not write-only, not F_NOREAD)? */
int contract_reg_readable(const struct reg_contract *r);
/* An identity read. */
int contract_identity_matches(const struct reg_identity *id, uint64_t value);
uint64_t contract_identity_field(const struct reg_identity *id, uint64_t value);

/* Table helpers for lib/spec/contracts/ (REG: region 0, REG_IN: region rg). */
#define REG(nm, off, acc, req, cl, fl, sp)                                                         \
	{                                                                                          \
		.name = nm, .offset = off, .access = acc, .required = req, .cls = cl, .flags = fl, \
		.spec = sp                                                                         \
	}
#define REG_IN(rg, nm, off, acc, req, cl, fl, sp)                                                  \
	{                                                                                          \
		.name = nm, .offset = off, .region = rg, .access = acc, .required = req,           \
		.cls = cl, .flags = fl, .spec = sp                                                 \
	}
/* A read-only identity register whose field under mask must lie in [lo, hi]. */
#define IDREG(rg, nm, off, req, msk, l, h, sp)                                                     \
	{                                                                                          \
		.name = nm, .offset = off, .region = rg, .access = ACC_RO, .required = req,        \
		.cls = CLS_ID, .flags = F_WI_PROBE, .id = { msk, l, h }, .spec = sp                \
	}
/*
 * The PrimeCell identification registers at 0xFE0-0xFFC of an Arm APB
 * peripheral: PeriphID0 the part number's low byte, PeriphID1 0x10 (part
 * number 0x0nn, designer 0x41's low nibble), PeriphID2[3:0] 0x4 (the
 * designer's high bits; the revision above them varies), PeriphID3 0 (no
 * configuration); the cell ID 0xB105F00D.
 */
#define PRIMECELL_ID_REGS(prefix, part, spec)                                                      \
	IDREG(0, prefix "PeriphID0", 0xfe0, W32, 0xff, part, part, spec),                          \
		IDREG(0, prefix "PeriphID1", 0xfe4, W32, 0xff, 0x10, 0x10, spec),                  \
		IDREG(0, prefix "PeriphID2", 0xfe8, W32, 0x0f, 0x4, 0x4, spec),                    \
		IDREG(0, prefix "PeriphID3", 0xfec, W32, 0xff, 0x00, 0x00, spec),                  \
		IDREG(0, prefix "PCellID0", 0xff0, W32, 0xff, 0x0d, 0x0d, spec),                   \
		IDREG(0, prefix "PCellID1", 0xff4, W32, 0xff, 0xf0, 0xf0, spec),                   \
		IDREG(0, prefix "PCellID2", 0xff8, W32, 0xff, 0x05, 0x05, spec),                   \
		IDREG(0, prefix "PCellID3", 0xffc, W32, 0xff, 0xb1, 0xb1, spec)
#define CONTRACT_REGS(a)     .regs = a, .nregs = ARRAY_SIZE(a)
#define CONTRACT_RESERVED(a) .reserved = a, .nreserved = ARRAY_SIZE(a)
#define CONTRACT_FIELDS(a)   .fields = a, .nfields = ARRAY_SIZE(a)

#endif
