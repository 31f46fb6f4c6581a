// SPDX-License-Identifier: MIT
/*
 * boot/icc.h, what every architecture shares: the fault capture around
 * each architecture's one-instruction accessors (boot/<arch>/icc.S).
 */
#include "boot/icc.h"

#include <stddef.h>

#include "boot/common/fault.h"

/* clang-format off */
#define ICC_ACCESSORS(x)                                                                           \
	uint64_t icc_rd_##x(void);                                                                 \
	void icc_wr_##x(uint64_t v);
/* clang-format on */
ICC_ACCESSORS(pmr)
ICC_ACCESSORS(bpr0)
ICC_ACCESSORS(bpr1)
ICC_ACCESSORS(ctlr)
ICC_ACCESSORS(igrpen1)
ICC_ACCESSORS(sre)
ICC_ACCESSORS(igrpen0)
ICC_ACCESSORS(ap0r0)
ICC_ACCESSORS(ap0r1)
ICC_ACCESSORS(ap0r2)
ICC_ACCESSORS(ap0r3)
ICC_ACCESSORS(ap1r0)
ICC_ACCESSORS(ap1r1)
ICC_ACCESSORS(ap1r2)
ICC_ACCESSORS(ap1r3)
uint64_t icc_rd_rpr(void);
uint64_t icc_rd_hppir1(void);
uint64_t icc_rd_hppir0(void);
void icc_wr_sgi0r(uint64_t v);
void icc_wr_asgi1r(uint64_t v);

#if defined(__aarch64__)
#define EL "_EL1"
#else
#define EL ""
#endif

static const struct {
	uint64_t (*rd)(void);
	void (*wr)(uint64_t);
	const char *name;
} regs[ICC_REG_COUNT] = {
	[ICC_REG_PMR] = { icc_rd_pmr, icc_wr_pmr, "ICC_PMR" EL },
	[ICC_REG_BPR0] = { icc_rd_bpr0, icc_wr_bpr0, "ICC_BPR0" EL },
	[ICC_REG_BPR1] = { icc_rd_bpr1, icc_wr_bpr1, "ICC_BPR1" EL },
	[ICC_REG_CTLR] = { icc_rd_ctlr, icc_wr_ctlr, "ICC_CTLR" EL },
	[ICC_REG_IGRPEN1] = { icc_rd_igrpen1, icc_wr_igrpen1, "ICC_IGRPEN1" EL },
	[ICC_REG_SRE] = { icc_rd_sre, icc_wr_sre, "ICC_SRE" EL },
	[ICC_REG_IGRPEN0] = { icc_rd_igrpen0, icc_wr_igrpen0, "ICC_IGRPEN0" EL },
	[ICC_REG_AP0R0] = { icc_rd_ap0r0, icc_wr_ap0r0, "ICC_AP0R0" EL },
	[ICC_REG_AP0R1] = { icc_rd_ap0r1, icc_wr_ap0r1, "ICC_AP0R1" EL },
	[ICC_REG_AP0R2] = { icc_rd_ap0r2, icc_wr_ap0r2, "ICC_AP0R2" EL },
	[ICC_REG_AP0R3] = { icc_rd_ap0r3, icc_wr_ap0r3, "ICC_AP0R3" EL },
	[ICC_REG_AP1R0] = { icc_rd_ap1r0, icc_wr_ap1r0, "ICC_AP1R0" EL },
	[ICC_REG_AP1R1] = { icc_rd_ap1r1, icc_wr_ap1r1, "ICC_AP1R1" EL },
	[ICC_REG_AP1R2] = { icc_rd_ap1r2, icc_wr_ap1r2, "ICC_AP1R2" EL },
	[ICC_REG_AP1R3] = { icc_rd_ap1r3, icc_wr_ap1r3, "ICC_AP1R3" EL },
	[ICC_REG_RPR] = { icc_rd_rpr, NULL, "ICC_RPR" EL },
	[ICC_REG_HPPIR1] = { icc_rd_hppir1, NULL, "ICC_HPPIR1" EL },
	[ICC_REG_HPPIR0] = { icc_rd_hppir0, NULL, "ICC_HPPIR0" EL },
	[ICC_REG_SGI0R] = { NULL, icc_wr_sgi0r, "ICC_SGI0R" EL },
	[ICC_REG_ASGI1R] = { NULL, icc_wr_asgi1r, "ICC_ASGI1R" EL },
};

int icc_read(enum icc_reg r, struct probe_outcome *out)
{
	if ((unsigned)r >= ICC_REG_COUNT || !regs[r].rd) {
		*out = (struct probe_outcome){ .faulted = -1 };
		return -1;
	}
	fault_begin();
	uint64_t v = regs[r].rd();
	return fault_outcome(out, v);
}

int icc_write(enum icc_reg r, uint64_t value, struct probe_outcome *out)
{
	if ((unsigned)r >= ICC_REG_COUNT || !regs[r].wr) {
		*out = (struct probe_outcome){ .faulted = -1 };
		return -1;
	}
	fault_begin();
	regs[r].wr(value);
	return fault_outcome(out, 0);
}

const char *icc_name(enum icc_reg r)
{
	return (unsigned)r < ICC_REG_COUNT ? regs[r].name : "?";
}
