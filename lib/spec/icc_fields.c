// SPDX-License-Identifier: MIT
/*
 * GICv3 CPU interface system registers at bit level (spec/icc_fields.h),
 * from Arm IHI 0069 (GICv3/v4), the System register chapter. Registers a
 * write is safe for: each is put back as it was, with the CPU's IRQs masked.
 */
#include "spec/icc_fields.h"

#define CTLR_RO                                                                                    \
	((7ull << ICC_CTLR_PRIBITS_SHIFT) | (7ull << ICC_CTLR_IDBITS_SHIFT) | ICC_CTLR_SEIS |      \
	 ICC_CTLR_A3V | ICC_CTLR_RSS | ICC_CTLR_EXTRANGE)

const struct icc_fields icc_fields[] = {
	{ .reg = ICC_REG_PMR,
	  .kind = ICC_PRIORITY,
	  .res0 = ~0xffull,
	  .spec = "IHI 0069 ICC_PMR_EL1 (unimplemented low-order priority bits RAZ/WI)" },
	{ .reg = ICC_REG_BPR0,
	  .kind = ICC_BINPOINT,
	  .res0 = ~0x7ull,
	  .spec = "IHI 0069 ICC_BPR0_EL1 (below the minimum binary point: set to the minimum)" },
	{ .reg = ICC_REG_BPR1,
	  .kind = ICC_BINPOINT,
	  .res0 = ~0x7ull,
	  .spec = "IHI 0069 ICC_BPR1_EL1 (Non-secure minimum: BPR0's plus one)" },
	{ .reg = ICC_REG_CTLR,
	  .kind = ICC_PLAIN,
	  .res0 = ~0xcff43ull,
	  .writable = ICC_CTLR_EOIMODE,
	  .ro = CTLR_RO,
	  .spec = "IHI 0069 ICC_CTLR_EL1 (PRIbits, IDbits, SEIS, A3V, RSS, ExtRange read-only)" },
	{ .reg = ICC_REG_IGRPEN1,
	  .kind = ICC_PLAIN,
	  .res0 = ~0x1ull,
	  .writable = 0x1,
	  .spec = "IHI 0069 ICC_IGRPEN1_EL1 (Enable)" },
	{ .reg = ICC_REG_SRE,
	  .kind = ICC_SRE_RAO,
	  .res0 = ~0x7ull,
	  .spec = "IHI 0069 ICC_SRE_EL1 (SRE RAO/WI without legacy operation)" },
};
const unsigned icc_nfields = sizeof(icc_fields) / sizeof(icc_fields[0]);

unsigned icc_idbits(uint64_t ctlr)
{
	switch (ctlr >> ICC_CTLR_IDBITS_SHIFT & 7) {
	case 0: return 16;
	case 1: return 24;
	default: return 0;
	}
}

int icc_prio_bits(uint64_t pmr)
{
	unsigned k = 0;

	pmr &= 0xff;
	while (k < 8 && (pmr >> (7 - k) & 1))
		k++;
	return (pmr & (0xffu >> k)) ? -1 : (int)k;
}
