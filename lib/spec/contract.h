/*
 * MMIO device contracts: what a device must do when touched, as data taken
 * from its specification. One contract per device part (a GIC node has a
 * distributor and a CPU interface part); each register carries its offset,
 * the access widths the spec requires, its access type, the identity value
 * the spec fixes (if any) and the section it comes from. The mmio suite
 * (tests/mmio.c) holds the platform against these; classification of what it
 * sees is in contract_classify_*() so the rules live in one place.
 */
#ifndef CONTRACT_H
#define CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "dt/platform.h"

/* Access widths as a bit mask. */
#define W8 (1u << 0)
#define W16 (1u << 1)
#define W32 (1u << 2)
#define W64 (1u << 3)
#define WIDTH_BIT(bits) ((bits) == 8 ? W8 : (bits) == 16 ? W16 : (bits) == 32 ? W32 : W64)

enum reg_access { ACC_RO, ACC_RW, ACC_WO, ACC_RAZWI };

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
#define F_NOREAD (1u << 0)    /* a read has side effects (GICC_IAR acknowledges) */
#define F_WI_PROBE (1u << 1)  /* RO and a write is harmless: check it is ignored */
#define F_FORM (1u << 2)      /* the register the instruction-form table reads */

/* An identity: (value & mask) >> shift of mask must lie in [lo, hi]. */
struct reg_identity {
	uint64_t mask;
	uint64_t lo, hi;
};

struct reg_contract {
	char name[20];     /* inline: no relocation per register in the -pie image */
	uint32_t offset;
	uint8_t region;    /* index into the node's reg[] */
	uint8_t access;    /* enum reg_access */
	uint8_t required;  /* widths the spec requires to work (W8|W16|...) */
	uint8_t flags;
	uint8_t cls;       /* enum reg_class */
	struct reg_identity id; /* mask 0: no identity */
	const char *spec;  /* section of the spec */
};

/* What reserved offsets (and registers the contract leaves out) may do. */
enum reserved_rule {
	RES_RAZWI,          /* must read as zero (RES0) */
	RES_ANY,            /* reading zero or aborting are both allowed; data is a deviation */
};

/* What a write to a read-only register may do. */
enum ro_write_rule {
	ROW_IGNORED,        /* must be ignored: no abort, no change */
	ROW_UNCHANGED,      /* must not change the register; an abort is allowed */
};

struct test_ctx;
struct dt_device;

struct device_contract {
	const char *part;            /* "distributor", "uart", ... */
	const char *const *compats;  /* NULL-terminated */
	const char *spec;            /* document, e.g. "Arm PL011 TRM (DDI 0183G)" */
	const struct reg_contract *regs;
	unsigned nregs;
	const uint32_t *reserved;    /* offsets in region 0 the spec reserves */
	unsigned nreserved;
	uint8_t reserved_rule;       /* enum reserved_rule */
	const char *reserved_spec;
	uint8_t ro_write_rule;       /* enum ro_write_rule */
	const char *ro_write_spec;
	/* Checks that need more than a register table (fw_cfg selector, GICv3
	 * redistributor walk, virtio empty transport); may be NULL. */
	void (*identity_extra)(struct test_ctx *t, const struct dt_device *d,
			       const struct device_contract *c);
};

/* Every contract the harness knows, NULL-terminated (lib/contracts/index.c). */
extern const struct device_contract *const contracts[];

/*
 * The contracts that apply to a device: those whose compatible matches the
 * device's most specific compatible that any contract knows. Fills out[]
 * (up to max) and returns the count.
 */
unsigned contracts_for(const struct dt_device *d, const struct device_contract **out,
		       unsigned max, const char **matched);

enum finding_class { FIND_REQUIRED, FIND_PERMITTED, FIND_DEVIATION };
const char *finding_class_name(enum finding_class c);

/* A read of width bits that completed (faulted = 0) or aborted. */
enum finding_class contract_classify_width(const struct reg_contract *r, unsigned width,
					   int faulted);
/* A read of a reserved offset (or an offset outside the contract's subset). */
enum finding_class contract_classify_reserved(const struct device_contract *c, int faulted,
					      uint64_t value);
/* A write to a read-only register: did it abort, did the value change? */
enum finding_class contract_classify_ro_write(const struct device_contract *c, int faulted,
					      int changed);
/* An ISV=0 instruction form against the plain LDR of the same register. */
enum finding_class contract_classify_form(int ldr_faulted, uint64_t ldr_value, int form_faulted,
					  uint64_t form_value);
/* An identity read. */
int contract_identity_matches(const struct reg_identity *id, uint64_t value);
uint64_t contract_identity_field(const struct reg_identity *id, uint64_t value);

#endif

/* Table helpers for lib/contracts/ (R = region 0, R1 = region 1). */
#define REG(nm, off, acc, req, cl, fl, sp)                                                 \
	{.name = nm, .offset = off, .access = acc, .required = req, .cls = cl, .flags = fl, \
	 .spec = sp}
#define REG_IN(rg, nm, off, acc, req, cl, fl, sp)                                          \
	{.name = nm, .offset = off, .region = rg, .access = acc, .required = req, .cls = cl, \
	 .flags = fl, .spec = sp}
/* A read-only identity register whose field under mask must lie in [lo, hi]. */
#define IDREG(rg, nm, off, req, msk, l, h, sp)                                             \
	{.name = nm, .offset = off, .region = rg, .access = ACC_RO, .required = req,        \
	 .cls = CLS_ID, .flags = F_WI_PROBE, .id = {msk, l, h}, .spec = sp}
#define CONTRACT_REGS(a) .regs = a, .nregs = sizeof(a) / sizeof(a[0])
#define CONTRACT_RESERVED(a) .reserved = a, .nreserved = sizeof(a) / sizeof(a[0])
