// SPDX-License-Identifier: MIT
/*
 * boot suite, the PMU the tree describes against the one the CPU has
 * (Linux arm/pmu.yaml: "arm,armv8-pmuv3", or a core's own such as
 * "arm,cortex-a57-pmu", is a PMUv3, DDI 0487 D13, and "arm,cortex-a15-pmu"
 * an ARMv7 core's PMUv2, each core's of that core's MIDR;
 * ID_AA64DFR0_EL1.PMUVer, or ID_DFR0.PerfMon on AArch32). A PMU that is
 * there and not described is a claim left out; one described and absent is
 * a claim the CPU contradicts.
 */
#include "boot/cpu.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/boot/boot.h"
#include "util/util.h"

#define PMUV3_COMPAT "arm,armv8-pmuv3"
#define MIDR_PART(m) (((m) >> 4) & 0xfff)
#define MIDR_IMPL(m) (((m) >> 24) & 0xff)
#define IMPL_ARM     0x41

/*
 * arm/pmu.yaml's compatibles of the cores the harness boots on, by MIDR part:
 * the ARMv8 cores' PMUv3, the ARMv7 cores' PMUv2 (ID_DFR0.PerfMon 2).
 */
static const struct {
	const char *compat;
	uint32_t part;
	int v3;
} cores[] = {
	{ "arm,cortex-a35-pmu", 0xd04, 1 }, { "arm,cortex-a53-pmu", 0xd03, 1 },
	{ "arm,cortex-a57-pmu", 0xd07, 1 }, { "arm,cortex-a72-pmu", 0xd08, 1 },
	{ "arm,cortex-a76-pmu", 0xd0b, 1 }, { "arm,neoverse-n1-pmu", 0xd0c, 1 },
	{ "arm,cortex-a15-pmu", 0xc0f, 0 }, { "arm,cortex-a7-pmu", 0xc07, 0 },
};

/* The tree's PMUv3 node: the generic compatible, or a core's; *core its entry, or -1. */
static const struct dt_device *find_pmu(const struct platform *p, int *core)
{
	const struct dt_device *d = platform_find_compatible(p, PMUV3_COMPAT, 0);

	*core = -1;
	for (unsigned i = 0; i < ARRAY_SIZE(cores); i++) {
		const struct dt_device *c = platform_find_compatible(p, cores[i].compat, 0);
		if (c && (!d || c == d)) {
			d = c;
			*core = (int)i;
			break;
		}
	}
	return d;
}

void case_pmu(struct test_ctx *t)
{
	int core;
	const struct dt_device *d = find_pmu(t->plat, &core);
	unsigned v = cpu_pmu_version();
	int pmuv3 = cpu_pmuv3();

	note(t, "PMU version field: 0x%x (%s); the tree: %s", v, pmuv3 ? "a PMUv3" : "no PMUv3",
	     d ? d->path : "no PMU node (" PMUV3_COMPAT " or a core's)");
	if (!t->plat->fdt_valid) {
		skip(t, "device tree unusable");
		return;
	}
	if (!d) {
		check(t, !pmuv3, "pmu_described",
		      "the CPU has a PMUv3 (version field 0x%x), and the tree describes none "
		      "(" PMUV3_COMPAT " or a core's)",
		      v);
		return;
	}
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "prop", "compatible");
	/* A PMUv2 core's PMU: the field gives a PMU (1..0xe), not IMPLEMENTATION DEFINED 0xf. */
	if (core >= 0 && !cores[core].v3)
		check(t, v >= 1 && v <= 0xe, "pmu_present",
		      "%s says it is a %s, but the CPU's version field is 0x%x: no PMU", d->path,
		      cores[core].compat, v);
	else
		check(t, pmuv3, "pmu_present",
		      "%s says it is a PMUv3, but the CPU's version field is 0x%x", d->path, v);
	if (core >= 0) {
		uint64_t midr = cpu_midr();
		check(t, MIDR_IMPL(midr) == IMPL_ARM && MIDR_PART(midr) == cores[core].part,
		      "pmu_core_matches_cpu",
		      "%s says %s, but MIDR 0x%llx is not that core (part 0x%x)", d->path,
		      cores[core].compat, (unsigned long long)midr, (unsigned)cores[core].part);
	}
	subject_pop(t);
	subject_pop(t);
	claim_hold(d->node, "compatible", CLAIM_PROBE);
}
