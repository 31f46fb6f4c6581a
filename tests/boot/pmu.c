// SPDX-License-Identifier: MIT
/*
 * boot suite, the PMU the tree describes against the one the CPU has
 * (Linux arm/pmu.yaml: "arm,armv8-pmuv3" is a PMUv3, DDI 0487 D13;
 * ID_AA64DFR0_EL1.PMUVer, or ID_DFR0.PerfMon on AArch32). A PMU that is
 * there and not described is a claim left out; one described and absent is
 * a claim the CPU contradicts.
 */
#include "boot/cpu.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/boot/boot.h"

#define PMUV3_COMPAT "arm,armv8-pmuv3"

void case_pmu(struct test_ctx *t)
{
	const struct dt_device *d = platform_find_compatible(t->plat, PMUV3_COMPAT, 0);
	unsigned v = cpu_pmu_version();
	int pmuv3 = cpu_pmuv3();

	note(t, "PMU version field: 0x%x (%s); the tree: %s", v, pmuv3 ? "a PMUv3" : "no PMUv3",
	     d ? d->path : "no " PMUV3_COMPAT " node");
	if (!t->plat->fdt_valid) {
		skip(t, "device tree unusable");
		return;
	}
	if (!d) {
		check(t, !pmuv3, "pmu_described",
		      "the CPU has a PMUv3 (version field 0x%x), and the tree describes none "
		      "(" PMUV3_COMPAT ")",
		      v);
		return;
	}
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "prop", "compatible");
	check(t, pmuv3, "pmu_present",
	      "%s says " PMUV3_COMPAT ", but the CPU's version field is 0x%x: no PMUv3", d->path,
	      v);
	subject_pop(t);
	subject_pop(t);
	claim_hold(d->node, "compatible", CLAIM_PROBE);
}
