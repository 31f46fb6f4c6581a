// SPDX-License-Identifier: MIT
/*
 * The xen suite's PSCI cases, through the DT's conduit: the version and
 * SMCCC discovery (Arm DEN0022 PSCI, DEN0028 SMCCC), and the PSCI 0.1
 * function IDs the /psci node names (Linux bindings arm/psci.yaml: cpu_off,
 * cpu_on, ... for "arm,psci"; Xen's values are public/arch-arm.h PSCI_*).
 */
#include <string.h>

#include "boot/smp.h"
#include "drivers/psci.h"
#include "drivers/xen_abi.h"
#include "dt/claims.h"
#include "tests/xen/xen.h"

/* An affinity no CPU of a domU with fewer than 16 vCPUs has. */
#define ABSENT_MPIDR 0xffull

void case_psci_smccc(struct test_ctx *t)
{
	static const char *const names[] = { "PSCI_VERSION", "PSCI_FEATURES", "SMCCC_VERSION" };
	const struct platform *p = t->plat;

	require(t, p->psci != PSCI_NONE, "psci_node_present",
		"no PSCI node: a Xen domU always gets one");
	subject_push(t, "node", "%s", p->psci_path);
	subject_push(t, "prop", "method");
	check(t, p->psci == PSCI_HVC, "method_is_hvc",
	      "PSCI method is not hvc: a guest's conduit is HVC #0");
	subject_pop(t);
	subject_pop(t);
	struct trap_result calls[3] = {
		smccc_call_raw(p->psci, PSCI_VERSION, 0, 0, 0),
		smccc_call_raw(p->psci, PSCI_FEATURES, SMCCC_VERSION, 0, 0),
		smccc_call_raw(p->psci, SMCCC_VERSION, 0, 0, 0),
	};
	for (unsigned i = 0; i < ARRAY_SIZE(calls); i++) {
		subject_push(t, "call", "%s", names[i]);
		require(t, !calls[i].trapped, "call_returns", "an SMCCC call trapped (ESR 0x%llx)",
			(unsigned long long)calls[i].esr);
		subject_pop(t);
	}
	int64_t psci = (int64_t)calls[0].x0, feat = (int64_t)calls[1].x0,
		smccc = (int64_t)calls[2].x0;
	note(t, "psci_version: %lld.%lld", (long long)(psci >> 16), (long long)(psci & 0xffff));
	note(t, "psci_features(SMCCC_VERSION): %lld", (long long)feat);
	note(t, "smccc_version: %lld.%lld", (long long)(smccc >> 16), (long long)(smccc & 0xffff));
	subject_push(t, "node", "%s", p->psci_path);
	subject_push(t, "prop", "compatible");
	check(t, psci >= 0x10000 || !strcmp(p->psci_compat, "arm,psci-0.2"),
	      "version_meets_compatible", "PSCI_VERSION 0x%llx below 1.0 while the DT says %s",
	      (unsigned long long)psci, p->psci_compat);
	subject_pop(t);
	subject_pop(t);
	check(t, psci >= 0x2 && psci < (1ll << 31), "version_valid",
	      "PSCI_VERSION 0x%llx is not a version", (unsigned long long)psci);
	/* DEN0028: SMCCC_VERSION exists iff PSCI_FEATURES says so; then it is >= 1.1. */
	if (feat == 0)
		check(t, smccc >= 0x10001 && smccc < (1ll << 31), "offered_version_valid",
		      "PSCI_FEATURES offers SMCCC_VERSION but it returned 0x%llx",
		      (unsigned long long)smccc);
	else
		check(t, feat == -1, "features_result_valid",
		      "PSCI_FEATURES(SMCCC_VERSION) returned %lld, neither 0 nor -1",
		      (long long)feat);
}

/*
 * Xen writes cpu_off and cpu_on (PSCI_cpu_off, PSCI_cpu_on) into the /psci
 * node of every domain. The 0.1 CPU_ON is called for an MPIDR no CPU has,
 * with a valid entry point, so that only the target is wrong: DEN0022 says
 * INVALID_PARAMETERS, and nothing may start.
 */
void case_psci_v01(struct test_ctx *t)
{
	static const struct {
		int idx;
		const char *name;
		uint32_t want;
	} ids[] = {
		{ PSCI01_CPU_OFF, "cpu_off", XEN_ABI_PSCI_cpu_off },
		{ PSCI01_CPU_ON, "cpu_on", XEN_ABI_PSCI_cpu_on },
	};
	const struct platform *p = t->plat;

	require(t, p->psci != PSCI_NONE, "psci_node_present",
		"no PSCI node: a Xen domU always gets one");
	note(t, "psci 0.1 ids: present 0x%x cpu_suspend 0x%x cpu_off 0x%x cpu_on 0x%x migrate 0x%x",
	     p->psci_v01_present, p->psci_v01_id[PSCI01_CPU_SUSPEND],
	     p->psci_v01_id[PSCI01_CPU_OFF], p->psci_v01_id[PSCI01_CPU_ON],
	     p->psci_v01_id[PSCI01_MIGRATE]);
	/* The subject of each: the PSCI node's property of that function's ID. */
	subject_push(t, "node", "%s", p->psci_path);
	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++) {
		subject_push(t, "prop", "%s", ids[i].name);
		if (check(t, p->psci_v01_present & (1u << ids[i].idx), "v01_id_present",
			  "/psci has no %s property; Xen 4.17 writes %s = %u", ids[i].name,
			  ids[i].name, ids[i].want)) {
			/* Against arch-arm.h (lie xen-wrong-hypervisor). */
			claim_hold(p->psci_node, ids[i].name, CLAIM_DOC);
			check(t, p->psci_v01_id[ids[i].idx] == ids[i].want, "v01_id_matches_abi",
			      "/psci %s = 0x%x; arch-arm.h PSCI_%s is %u", ids[i].name,
			      p->psci_v01_id[ids[i].idx], ids[i].name, ids[i].want);
		}
		subject_pop(t);
	}
	subject_pop(t);
	if (!(p->psci_v01_present & (1u << PSCI01_CPU_ON)))
		return;
	for (int i = 0; i < p->ncpus; i++)
		if ((p->cpu_mpidr[i] & PSCI_MPIDR_AFFINITY) == ABSENT_MPIDR) {
			note(t, "cpu %d has MPIDR 0x%llx: no absent target to try", i,
			     ABSENT_MPIDR);
			return;
		}
	struct trap_result r = smccc_call_raw(p->psci, p->psci_v01_id[PSCI01_CPU_ON], ABSENT_MPIDR,
					      cpu_start_entry(), 0);
	/* Called by the node's ID: a wrong one is no CPU_ON (lie psci-v01-cpu-on-wrong). */
	claim_hold(p->psci_node, "cpu_on", CLAIM_PROBE);
	require(t, !r.trapped, "v01_cpu_on_returns", "PSCI 0.1 CPU_ON (0x%x) trapped (ESR 0x%llx)",
		p->psci_v01_id[PSCI01_CPU_ON], (unsigned long long)r.esr);
	/* A 0.1 call returns an int: the low 32 bits are the result. */
	int32_t rc = (int32_t)r.x0;
	note(t, "psci 0.1 cpu_on(0x%llx): x0 0x%llx (%s)", ABSENT_MPIDR, (unsigned long long)r.x0,
	     psci_error_name(rc));
	check(t, rc == PSCI_INVALID_PARAMETERS, "v01_cpu_on_absent_invalid",
	      "PSCI 0.1 CPU_ON of absent MPIDR 0x%llx returned %d (%s), not INVALID_PARAMETERS",
	      ABSENT_MPIDR, rc, psci_error_name(rc));
}
