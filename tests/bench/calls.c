// SPDX-License-Identifier: MIT
/*
 * Exits that are not MMIO: system-register reads a hypervisor may trap (the
 * figure against MIDR_EL1, which none traps, shows which ones it does), and
 * hypercalls: PSCI_VERSION and SMCCC_VERSION through the DT's PSCI conduit,
 * on Xen also xen_version through HVC #0xEA1. Each call is made once guarded
 * (boot/trap.h) and timed only if it answered.
 */
#include <stdio.h>

#include "boot/bench.h"
#include "boot/cpu.h"
#include "boot/trap.h"
#include "drivers/psci.h"
#include "drivers/xen.h"
#include "runtime/check.h"
#include "tests/bench/bench.h"

static void read_sysreg(const void *arg)
{
	(void)bench_sysreg_read(*(const enum bench_sysreg *)arg);
}

/*
 * Whether a read traps is not claimed: under QEMU TCG every register is
 * emulated and the counter costs more than MIDR for its own reasons. The
 * figures against MIDR_EL1 and against a hypercall (hypercalls ran first)
 * let a reader see it: a trapped read costs a sizeable part of an exit.
 */
void case_system_registers(struct test_ctx *t)
{
	static const enum bench_sysreg regs[] = { BENCH_MIDR,	      BENCH_ID_AA64PFR0,
						  BENCH_ID_AA64MMFR0, BENCH_ACTLR,
						  BENCH_CNTP_CTL,     BENCH_CNTVCT };
	uint64_t midr = 0, call = bench_median_of("smccc", "hvc:PSCI_VERSION");
	char x[24], y[24];

	if (!call)
		call = bench_median_of("smccc", "smc:PSCI_VERSION");
	for (unsigned i = 0; i < ARRAY_SIZE(regs); i++) {
		struct bench_stats s;
		bench_loop(read_sysreg, &regs[i], BENCH_BATCH, &s);
		bench_report(t, "sysreg_read", bench_sysreg_name(regs[i]), &s);
		if (regs[i] == BENCH_MIDR)
			midr = s.median;
		else if (midr && call)
			note(t, "sysreg_read %s: %sx " CPU_REG_MIDR ", %sx a PSCI_VERSION call",
			     bench_sysreg_name(regs[i]), bench_ratio(x, sizeof(x), s.median, midr),
			     bench_ratio(y, sizeof(y), s.median, call));
		passed(t);
	}
}

struct smccc_op {
	enum psci_conduit conduit;
	uint64_t fn;
};

static void smccc(const void *arg)
{
	const struct smccc_op *o = arg;

	if (o->conduit == PSCI_HVC)
		(void)bench_hvc(o->fn);
	else
		(void)bench_smc(o->fn);
}

static void xen_version_call(const void *arg)
{
	(void)arg;
	(void)bench_xen_hypercall(XEN_HC_XEN_VERSION, XENVER_version, 0);
}

/* One SMCCC call, timed if a guarded call answered it; returns 1 when timed. */
static int time_smccc(struct test_ctx *t, enum psci_conduit conduit, uint64_t fn, const char *name)
{
	struct trap_result r = smccc_call_raw(conduit, fn, 0, 0, 0);
	const char *how = conduit == PSCI_HVC ? "hvc" : "smc";
	char target[48];

	snprintf(target, sizeof(target), "%s:%s", how, name);
	if (r.trapped || (int64_t)r.x0 == SMCCC_NOT_SUPPORTED) {
		bench_untimed("smccc", target, NULL, "%s",
			      r.trapped ? "the call trapped" : "NOT_SUPPORTED");
		return 0;
	}
	struct smccc_op o = { conduit, fn };
	struct bench_stats s;
	bench_loop(smccc, &o, BENCH_BATCH, &s);
	bench_report(t, "smccc", target, &s);
	subject_push(t, "form", "%s", target);
	check(t, (uint64_t)smccc_call(conduit, fn, 0, 0, 0) == r.x0, "answers_alike",
	      "%s returned 0x%llx, then something else", target, (unsigned long long)r.x0);
	subject_pop(t);
	return 1;
}

void case_hypercalls(struct test_ctx *t)
{
	enum psci_conduit c = t->plat->psci;
	int made = 0;

	if (c == PSCI_HVC || c == PSCI_SMC) {
		made += time_smccc(t, c, PSCI_VERSION, "PSCI_VERSION");
		made += time_smccc(t, c, SMCCC_VERSION, "SMCCC_VERSION");
	} else {
		bench_untimed("smccc", NULL, NULL,
			      "no PSCI conduit in the DT: no SMCCC call timed");
	}
	if (t->plat->hypervisor) {
		struct trap_result r =
			trap_xen_hypercall(XEN_HC_XEN_VERSION, XENVER_version, 0, 0, 0, 0);
		if (!r.trapped) {
			struct bench_stats s;
			bench_loop(xen_version_call, NULL, BENCH_BATCH, &s);
			bench_report(t, "xen_hypercall", "hvc0xea1:xen_version", &s);
			passed(t);
			made++;
		} else {
			bench_untimed("xen_hypercall", "hvc0xea1:xen_version", NULL,
				      "HVC #0xEA1 trapped (ESR 0x%llx)", (unsigned long long)r.esr);
		}
	}
	if (!made)
		skip(t, "no hypercall answered");
}
