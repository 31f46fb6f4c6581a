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
#include <libfdt.h>
#include <string.h>

#include "boot/cpu.h"
#include "dt/claims.h"
#include "dt/phandles.h"
#include "runtime/check.h"
#include "spec/cpu_ids.h"
#include "tests/boot/boot.h"

#define PMUV3_COMPAT "arm,armv8-pmuv3"
#define PMU_SUFFIX   "-pmu"

/*
 * A core's own PMU compatible (arm/pmu.yaml: "arm,cortex-a57-pmu") names that
 * core: its identity (lib/spec/cpu_ids.h) by the core's compatible, or NULL.
 */
static const struct cpu_identity *pmu_core(const char *compat)
{
	char core[40];
	size_t n = strlen(compat), sfx = strlen(PMU_SUFFIX);

	if (n <= sfx || n - sfx >= sizeof(core) || strcmp(compat + n - sfx, PMU_SUFFIX))
		return NULL;
	memcpy(core, compat, n - sfx);
	core[n - sfx] = 0;
	return cpu_identity_of(core);
}

/* The tree's PMU node: the generic PMUv3 compatible, or a core's; *core that core, or NULL. */
static const struct dt_device *find_pmu(const struct platform *p, const struct cpu_identity **core)
{
	*core = NULL;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled)
			continue;
		for (const char *c = dt_compat_next(d, NULL); c; c = dt_compat_next(d, c))
			if ((*core = pmu_core(c)) != NULL)
				return d;
		if (dt_compat_has(d, PMUV3_COMPAT))
			return d;
	}
	return NULL;
}

/* The CPUs (bits, up to 64) that have this PMU: a core's, those of its compatible; else all. */
static uint64_t cpus_with_pmu(const struct platform *p, const struct cpu_identity *core)
{
	uint64_t set = 0;

	for (int i = 0; i < p->ncpus && i < 64; i++)
		if (!core || (p->cpu_compat[i] && !strcmp(p->cpu_compat[i], core->compat)))
			set |= 1ull << i;
	return set;
}

/*
 * interrupt-affinity (arm/pmu.yaml): with SPIs, the CPU of each interrupt,
 * one phandle each, each CPU once; with a PPI, the set of CPUs that have a
 * PMU of this node's type (a core's PMU: the CPUs of that core's
 * compatible; the generic one, every CPU). Absent, nothing to hold.
 */
static void pmu_affinity(struct test_ctx *t, const struct dt_device *d,
			 const struct cpu_identity *core)
{
	const struct platform *p = t->plat;
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, d->node, "interrupt-affinity", &len);

	if (!v)
		return;
	subject_push(t, "prop", "interrupt-affinity");
	uint64_t named = 0;
	int n = len / (int)sizeof(fdt32_t), ok = 1, twice = 0;
	ok &= check(t, len > 0 && len % (int)sizeof(fdt32_t) == 0, "affinity_names_cpus",
		    "%s interrupt-affinity is %d bytes: not a list of phandles", d->path, len);
	for (int k = 0; ok && k < n; k++) {
		uint32_t ph = fdt32_ld(&v[k]);
		int cpu = dt_cpu_of_node(p, dt_phandle_node(p, ph));
		ok &= check(
			t, cpu >= 0, "affinity_names_cpus",
			"%s interrupt-affinity entry %d (phandle 0x%x) is no CPU the tree lists",
			d->path, k, ph);
		if (cpu >= 0 && cpu < 64) {
			twice |= !!(named & (1ull << cpu));
			named |= 1ull << cpu;
		}
	}
	int ppi = d->nirq > 0 && d->irq[0].kind == IRQ_PPI, judged = ok;
	if (ok && p->ncpus > 64) {
		note(t, "%s interrupt-affinity: %d entries; which CPUs it names is read up to 64",
		     d->path, n);
		judged = 0;
	} else if (ok && ppi) {
		uint64_t want = cpus_with_pmu(p, core);
		ok &= check(t, named == want, "affinity_covers_cpus",
			    "%s's interrupt is PPI %u and interrupt-affinity names %d CPUs; the "
			    "tree lists %d with a PMU of this type (%s)",
			    d->path, d->irq[0].number, __builtin_popcountll(named),
			    __builtin_popcountll(want), core ? core->compat : "every CPU");
		if (ok)
			evidence(t, "affinity_covers_cpus",
				 "%s interrupt-affinity: the %d CPUs with a PMU of this type",
				 d->path, n);
	} else if (ok) {
		ok &= check(t, n == d->nirq && !twice, "affinity_matches_interrupts",
			    "%s gives %d interrupts and %d interrupt-affinity entries%s: one CPU "
			    "each",
			    d->path, d->nirq, n, twice ? ", a CPU named twice" : "");
		if (ok)
			evidence(t, "affinity_matches_interrupts",
				 "%s interrupt-affinity: one CPU per interrupt, %d", d->path, n);
	}
	subject_pop(t);
	claim_hold(d->node, "interrupt-affinity", judged ? CLAIM_DOC : CLAIM_FORM);
}

void case_pmu(struct test_ctx *t)
{
	const struct cpu_identity *core;
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
	if (core && core->armv7)
		check(t, v >= 1 && v <= 0xe, "pmu_present",
		      "%s says it is a %s PMU, but the CPU's version field is 0x%x: no PMU",
		      d->path, core->compat, v);
	else
		check(t, pmuv3, "pmu_present",
		      "%s says it is a PMUv3, but the CPU's version field is 0x%x", d->path, v);
	if (core) {
		uint64_t midr = cpu_midr();
		check(t,
		      MIDR_IMPLEMENTER(midr) == core->implementer &&
			      MIDR_PARTNUM(midr) == core->part,
		      "pmu_core_matches_cpu",
		      "%s says %s%s, but MIDR 0x%llx is not that core (part 0x%x)", d->path,
		      core->compat, PMU_SUFFIX, (unsigned long long)midr, (unsigned)core->part);
	}
	subject_pop(t);
	pmu_affinity(t, d, core);
	subject_pop(t);
	claim_hold(d->node, "compatible", CLAIM_PROBE);
}
