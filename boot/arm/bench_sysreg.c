// SPDX-License-Identifier: MIT
/*
 * The bench suite's register reads on AArch32: the same trap groups as
 * AArch64's (boot/bench.h), by their AArch32 names (ID_PFR1 and ID_MMFR0 are
 * the ID group HCR.TID3 traps, ACTLR is HCR.TAC's).
 */
#include "boot/bench.h"

#include "boot/arm/sysreg.h"

uint64_t bench_sysreg_read(enum bench_sysreg r)
{
	switch (r) {
	case BENCH_MIDR: return sysreg_read(MIDR);
	case BENCH_ID_AA64PFR0: return sysreg_read(ID_PFR1);
	case BENCH_ID_AA64MMFR0: return sysreg_read(ID_MMFR0);
	case BENCH_ACTLR: return sysreg_read(ACTLR);
	case BENCH_CNTP_CTL: return sysreg_read(CNTP_CTL);
	case BENCH_CNTVCT: return sysreg_read64(CNTVCT_64);
	default: return 0;
	}
}

const char *bench_sysreg_name(enum bench_sysreg r)
{
	static const char *const names[] = { "MIDR",  "ID_PFR1",  "ID_MMFR0",
					     "ACTLR", "CNTP_CTL", "CNTVCT" };

	return r < BENCH_SYSREG_COUNT ? names[r] : "?";
}
