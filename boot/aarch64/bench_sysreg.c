// SPDX-License-Identifier: MIT
#include "boot/bench.h"

#include "boot/aarch64/sysreg.h"

uint64_t bench_sysreg_read(enum bench_sysreg r)
{
	switch (r) {
	case BENCH_MIDR: return sysreg_read(midr_el1);
	case BENCH_ID_AA64PFR0: return sysreg_read(id_aa64pfr0_el1);
	case BENCH_ID_AA64MMFR0: return sysreg_read(id_aa64mmfr0_el1);
	case BENCH_ACTLR: return sysreg_read(actlr_el1);
	case BENCH_CNTP_CTL: return sysreg_read(cntp_ctl_el0);
	case BENCH_CNTVCT: return sysreg_read(cntvct_el0);
	default: return 0;
	}
}

const char *bench_sysreg_name(enum bench_sysreg r)
{
	static const char *const names[] = { "MIDR_EL1",  "ID_AA64PFR0_EL1", "ID_AA64MMFR0_EL1",
					     "ACTLR_EL1", "CNTP_CTL_EL0",    "CNTVCT_EL0" };

	return r < BENCH_SYSREG_COUNT ? names[r] : "?";
}
