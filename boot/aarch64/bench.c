#include "boot/bench.h"

#include "boot/aarch64/sysreg.h"

/* trap.S: the bare instructions behind boot/trap.h's guarded calls. */
uint64_t trap_hvc0(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t trap_smc0(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t trap_hvc_xen(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t nr);

uint64_t bench_hvc(uint64_t fn)
{
	return trap_hvc0(fn, 0, 0, 0);
}

uint64_t bench_smc(uint64_t fn)
{
	return trap_smc0(fn, 0, 0, 0);
}

uint64_t bench_xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1)
{
	return trap_hvc_xen(a0, a1, 0, 0, 0, nr);
}

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
