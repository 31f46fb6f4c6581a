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

/* Active priorities: one bit per group priority; 0 with nothing active (the reset value),
 * and a write of the value read is what restoring a context does (safe). */
#define APR(r, f, s)                                                                               \
	{                                                                                          \
		.reg = (r), .kind = ICC_ACTIVE, .flags = ICC_F_APR | (f), .res0 = ~0xffffffffull,  \
		.idle = 0, .spec = s " (0 with no interrupt active)"                               \
	}

const struct icc_fields icc_fields[] = {
	{ .reg = ICC_REG_PMR,
	  .kind = ICC_PRIORITY,
	  .res0 = ~0xffull,
	  .spec = "IHI 0069 ICC_PMR_EL1 (unimplemented low-order priority bits RAZ/WI)" },
	{ .reg = ICC_REG_BPR0,
	  .kind = ICC_BINPOINT,
	  .flags = ICC_F_GROUP0,
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
	/* Group 0's enable: at Non-secure EL1 the register itself unless EL3 traps it
	 * (SCR_EL3.FIQ) or EL2 gives the virtual one (HCR_EL2.FMO: ICV_IGRPEN0_EL1). */
	{ .reg = ICC_REG_IGRPEN0,
	  .kind = ICC_PLAIN,
	  .flags = ICC_F_GROUP0,
	  .res0 = ~0x1ull,
	  .writable = 0x1,
	  .spec = "IHI 0069 ICC_IGRPEN0_EL1 (Enable)" },
	APR(ICC_REG_AP0R0, ICC_F_GROUP0, "IHI 0069 ICC_AP0R0_EL1"),
	APR(ICC_REG_AP0R1, ICC_F_GROUP0, "IHI 0069 ICC_AP0R1_EL1 (6 or more priority bits)"),
	APR(ICC_REG_AP0R2, ICC_F_GROUP0, "IHI 0069 ICC_AP0R2_EL1 (7 bits of preemption)"),
	APR(ICC_REG_AP0R3, ICC_F_GROUP0, "IHI 0069 ICC_AP0R3_EL1 (7 bits of preemption)"),
	APR(ICC_REG_AP1R0, 0, "IHI 0069 ICC_AP1R0_EL1"),
	APR(ICC_REG_AP1R1, 0, "IHI 0069 ICC_AP1R1_EL1 (6 or more priority bits)"),
	APR(ICC_REG_AP1R2, 0, "IHI 0069 ICC_AP1R2_EL1 (7 bits of preemption)"),
	APR(ICC_REG_AP1R3, 0, "IHI 0069 ICC_AP1R3_EL1 (7 bits of preemption)"),
	/* [63:62] are NMI's (FEAT_GICv3_NMI): not judged. */
	{ .reg = ICC_REG_RPR,
	  .kind = ICC_STATUS,
	  .res0 = 0x3fffffffffffff00ull,
	  .idle = ICC_RPR_IDLE,
	  .spec = "IHI 0069 ICC_RPR_EL1 (0xff: no active priority)" },
	{ .reg = ICC_REG_HPPIR1,
	  .kind = ICC_STATUS,
	  .res0 = ~(uint64_t)ICC_INTID_MASK,
	  .idle = ICC_INTID_SPURIOUS,
	  .spec = "IHI 0069 ICC_HPPIR1_EL1 (1023: no pending Group 1 interrupt)" },
	{ .reg = ICC_REG_HPPIR0,
	  .kind = ICC_STATUS,
	  .flags = ICC_F_GROUP0,
	  .res0 = ~(uint64_t)ICC_INTID_MASK,
	  .idle = ICC_INTID_SPURIOUS,
	  .spec = "IHI 0069 ICC_HPPIR0_EL1 (1023: no pending Group 0 interrupt)" },
	/*
	 * The SGI generation registers besides SGI1R (which every SGI the suite
	 * sends goes through): present with the System register interface, a
	 * write at EL1 trapped only by EL2 (HCR_EL2.IMO/FMO, which must then
	 * emulate it) or by EL3 (SCR_EL3.IRQ/FIQ: hence ICC_F_GROUP0).
	 */
	{ .reg = ICC_REG_SGI0R,
	  .kind = ICC_SGI_GEN,
	  .flags = ICC_F_GROUP0,
	  .spec = "IHI 0069 ICC_SGI0R_EL1 (WO; TargetList 0, IRM 0: no PE)" },
	{ .reg = ICC_REG_ASGI1R,
	  .kind = ICC_SGI_GEN,
	  .flags = ICC_F_GROUP0,
	  .spec = "IHI 0069 ICC_ASGI1R_EL1 (WO; TargetList 0, IRM 0: no PE)" },
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

static unsigned preempt_bits(uint64_t ctlr)
{
	unsigned pri = (unsigned)(ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7) + 1;

	return pri > 7 ? 7 : pri;
}

unsigned icc_apr_count(uint64_t ctlr)
{
	unsigned pri = (unsigned)(ctlr >> ICC_CTLR_PRIBITS_SHIFT & 7) + 1;

	return pri <= 5 ? 1 : pri == 6 ? 2 : 4;
}

unsigned icc_apr_bit(unsigned prio, uint64_t ctlr)
{
	return (prio & 0xff) >> (8 - preempt_bits(ctlr));
}

unsigned icc_apr_prio(unsigned bit, uint64_t ctlr)
{
	return (bit << (8 - preempt_bits(ctlr))) & 0xff;
}
