/* SPDX-License-Identifier: MIT */
/*
 * The GICv3 CPU interface's system registers by name, each access under
 * fault capture (probe.h): a register the platform traps and does not
 * emulate gives its syndrome instead of taking the harness down. AArch64
 * uses the ICC_*_EL1 encodings, AArch32 the CP15 ones (IHI 0069 12.1: the
 * same registers, two encodings); a hypervisor that sets HCR_EL2.IMO/FMO
 * gives the guest the virtual interface (ICV_*) behind the same encodings.
 */
#ifndef BOOT_ICC_H
#define BOOT_ICC_H

#include <stdint.h>

#include "boot/probe.h"

enum icc_reg {
	ICC_REG_PMR,
	ICC_REG_BPR0,
	ICC_REG_BPR1,
	ICC_REG_CTLR,
	ICC_REG_IGRPEN1,
	ICC_REG_SRE,
	ICC_REG_IGRPEN0,
	ICC_REG_AP0R0, /* ICC_AP0R0..3: consecutive, n = r - ICC_REG_AP0R0 */
	ICC_REG_AP0R1,
	ICC_REG_AP0R2,
	ICC_REG_AP0R3,
	ICC_REG_AP1R0, /* ICC_AP1R0..3 */
	ICC_REG_AP1R1,
	ICC_REG_AP1R2,
	ICC_REG_AP1R3,
	ICC_REG_RPR,	/* read-only */
	ICC_REG_HPPIR1, /* read-only */
	ICC_REG_HPPIR0, /* read-only */
	ICC_REG_SGI0R,	/* write-only, 64 bits: generates Group 0 SGIs */
	ICC_REG_ASGI1R, /* write-only, 64 bits: Group 1 SGIs of the other Security state */
	ICC_REG_COUNT
};

/*
 * 0, or -1 with out->faulted and the syndrome. A read's value is in out->value.
 * A write to a read-only register, or a read of a write-only one, is refused
 * (-1, out->faulted -1): no instruction encodes it (MSR to ICC_RPR_EL1 and
 * MRS of ICC_SGI0R_EL1 are UNDEFINED).
 */
int icc_read(enum icc_reg r, struct probe_outcome *out);
int icc_write(enum icc_reg r, uint64_t value, struct probe_outcome *out);
/* The register's name in this architecture's encoding ("ICC_PMR_EL1", "ICC_PMR"). */
const char *icc_name(enum icc_reg r);

#endif
