// SPDX-License-Identifier: MIT
/*
 * psci suite: the firmware interface the DT's /psci node promises. Documents
 * checked: Arm DEN0022D PSCI 1.1 (5.1 function IDs, 5.2.2 return codes, 5.3
 * PSCI_VERSION, 5.4 CPU_SUSPEND, 5.6 CPU_ON, 5.7 AFFINITY_INFO, 5.8-5.10
 * migration, 5.15 PSCI_FEATURES; which functions are mandatory), Arm DEN0028
 * SMCCC 1.1+ (SMCCC_VERSION, SMCCC_ARCH_FEATURES), Linux arm/psci.yaml
 * (compatible per version, method). The idle states the tree describes are
 * idle.c's.
 */
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/smp.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "drivers/psci.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "runtime/watchdog.h"
#include "tests/psci/psci.h"

#define WAIT_US 200000
/* A CPU started at a misaligned entry is waited for this many times its normal start, within
 * MISALIGNED_WAIT_MIN_US and SMP_START_WAIT_US (lost, it would hold up every run a second). */
#define MISALIGNED_PACE	       20u
#define MISALIGNED_WAIT_MIN_US 50000u
/* No DT lists it and no emulator maps it to a vCPU (Xen uses Aff0 | Aff1 << 4). */
#define ABSENT_MPIDR 0xfeffull

struct psci_fn {
	uint32_t id;
	const char *name;
	/*
	 * DEN0022D table 5 (PSCI 1.0 and later): 1 for every caller; where a
	 * function has two forms, the caller's own (psci_native) is mandatory:
	 * M64 for AArch64, M32 for AArch32.
	 */
	int mandatory;
};

enum { M32 = 32, M64 = 64 };

static const struct psci_fn functions[] = {
	{ PSCI_VERSION, "PSCI_VERSION", 1 },
	{ 0x84000001u, "CPU_SUSPEND32", M32 },
	{ PSCI_CPU_SUSPEND, "CPU_SUSPEND64", M64 },
	{ PSCI_CPU_OFF, "CPU_OFF", 1 },
	{ PSCI_CPU_ON_32, "CPU_ON32", M32 },
	{ PSCI_CPU_ON, "CPU_ON64", M64 },
	{ 0x84000004u, "AFFINITY_INFO32", M32 },
	{ PSCI_AFFINITY_INFO, "AFFINITY_INFO64", M64 },
	{ 0x84000005u, "MIGRATE32", 0 },
	{ PSCI_MIGRATE, "MIGRATE64", 0 },
	{ PSCI_MIGRATE_INFO_TYPE, "MIGRATE_INFO_TYPE", 0 },
	{ 0x84000007u, "MIGRATE_INFO_UP_CPU32", 0 },
	{ PSCI_MIGRATE_INFO_UP_CPU, "MIGRATE_INFO_UP_CPU64", 0 },
	{ PSCI_SYSTEM_OFF, "SYSTEM_OFF", 1 },
	{ PSCI_SYSTEM_RESET, "SYSTEM_RESET", 1 },
	{ PSCI_FEATURES, "PSCI_FEATURES", 1 },
	{ 0x8400000bu, "CPU_FREEZE", 0 },
	{ 0xc400000cu, "CPU_DEFAULT_SUSPEND64", 0 },
	{ 0xc400000du, "NODE_HW_STATE64", 0 },
	{ 0xc400000eu, "SYSTEM_SUSPEND64", 0 },
	{ 0x8400000fu, "PSCI_SET_SUSPEND_MODE", 0 },
	{ 0xc4000010u, "PSCI_STAT_RESIDENCY64", 0 },
	{ 0xc4000011u, "PSCI_STAT_COUNT64", 0 },
	{ 0xc4000012u, "SYSTEM_RESET2_64", 0 },
	{ 0x84000013u, "MEM_PROTECT", 0 },
	{ 0xc4000014u, "MEM_PROTECT_CHECK_RANGE64", 0 },
};

static int64_t call(const struct test_ctx *t, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return smccc_call(t->plat->psci, fn, a1, a2, a3);
}

static int64_t version_of(const struct test_ctx *t)
{
	return call(t, PSCI_VERSION, 0, 0, 0);
}

static const char *skip_if(const struct test_ctx *t)
{
	if (t->plat->psci == PSCI_NONE)
		return "no usable PSCI node in the device tree";
	if (t->plat->psci_dt_version < 2)
		return "the DT's PSCI is 0.1 only (\"arm,psci\"): no PSCI_VERSION to ask";
	return NULL;
}

/*
 * PSCI 0.1 (arm/psci.yaml): a node that gives cpu_on gives the ID to call it
 * by. CPU_ON by that ID of an MPIDR no CPU has must be refused as the
 * standard ID's is (INVALID_PARAMETERS): the claim is held by the call.
 */
static void v01_cpu_on_absent(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	uint32_t id = p->psci_v01_id[PSCI01_CPU_ON];

	if (!(p->psci_v01_present & (1u << PSCI01_CPU_ON)))
		return;
	struct trap_result r = smccc_call_raw(p->psci, id, ABSENT_MPIDR, cpu_start_entry(), 0);
	int32_t rc = (int32_t)r.x0; /* a 0.1 call returns an int */
	claim_hold(p->psci_node, "cpu_on", CLAIM_PROBE);
	subject_push(t, "node", "%s", p->psci_path);
	subject_push(t, "prop", "cpu_on");
	check(t, !r.trapped && rc == PSCI_INVALID_PARAMETERS, "v01_cpu_on_absent_invalid",
	      "CPU_ON by the DT's 0.1 ID 0x%x of MPIDR 0x%llx, which no CPU has: %s", id,
	      ABSENT_MPIDR, r.trapped ? "trapped" : psci_error_name(rc));
	subject_pop(t);
	subject_pop(t);
}

/* The DT's method answers; the other conduit must not give a different answer. */
static void case_conduit(struct test_ctx *t)
{
	enum psci_conduit dt = t->plat->psci, other = dt == PSCI_HVC ? PSCI_SMC : PSCI_HVC;
	const char *dt_name = dt == PSCI_HVC ? "hvc" : "smc",
		   *other_name = dt == PSCI_HVC ? "smc" : "hvc";
	struct trap_result r = smccc_call_raw(dt, PSCI_VERSION, 0, 0, 0);

	/* PSCI_VERSION went through the DT's method: it must answer (lie psci-method-smc). */
	claim_hold(t->plat->psci_node, "method", CLAIM_PROBE);
	/* The subject: the PSCI node's method. */
	subject_push(t, "node", "%s", t->plat->psci_path);
	subject_push(t, "prop", "method");
	/* Two failures: the call traps (nothing takes it), or it returns an error. */
	require(t, !r.trapped, "method_not_trapped",
		"PSCI_VERSION through the DT's method %s trapped (ESR 0x%llx)", dt_name,
		(unsigned long long)r.esr);
	require(t, (int64_t)r.x0 > 0 && (int64_t)r.x0 < (1ll << 31), "method_answers",
		"PSCI_VERSION through the DT's method %s returned %lld: nothing answers there",
		dt_name, (long long)(int64_t)r.x0);
	evidence(t, "method_answers", "method %s answers PSCI_VERSION 0x%llx", dt_name,
		 (unsigned long long)r.x0);
	/* An SMC would reach EL3 firmware the DT does not describe (QEMU secure=on has none). */
	if (other == PSCI_SMC && cpu_el3_implemented()) {
		note(t, "smc not tried: EL3 is implemented and the DT does not name it");
	} else {
		struct trap_result o = smccc_call_raw(other, PSCI_VERSION, 0, 0, 0);
		if (o.trapped)
			evidence(t, "other_conduit_agrees", "%s traps (ESR 0x%llx)", other_name,
				 (unsigned long long)o.esr);
		else if ((int64_t)o.x0 == PSCI_NOT_SUPPORTED)
			evidence(t, "other_conduit_agrees", "%s answers NOT_SUPPORTED", other_name);
		else if (o.x0 == r.x0)
			note(t,
			     "%s answers PSCI_VERSION too, the same way (the platform serves both)",
			     other_name);
		else
			finding(t, "other_conduit_agrees",
				"%s answers PSCI_VERSION with 0x%llx, the DT's %s with 0x%llx",
				other_name, (unsigned long long)o.x0, dt_name,
				(unsigned long long)r.x0);
	}
	subject_pop(t);
	subject_pop(t);
}

static void case_version(struct test_ctx *t)
{
	int64_t v = version_of(t);
	uint32_t claim = t->plat->psci_dt_version;

	note(t, "psci_version: %lld.%lld; dt: %s (claims %u.%u)", (long long)(v >> 16),
	     (long long)(v & 0xffff), t->plat->psci_compat, claim >> 16, claim & 0xffff);
	require(t, v > 0 && (v >> 16) <= 1, "version_valid",
		"PSCI_VERSION 0x%llx is not a PSCI version (0.2 to 1.x)", (unsigned long long)v);
	subject_push(t, "node", "%s", t->plat->psci_path);
	subject_push(t, "prop", "compatible");
	check(t, (uint64_t)v >= claim, "version_meets_compatible",
	      "the DT's compatible claims PSCI %u.%u, but PSCI_VERSION is %lld.%lld", claim >> 16,
	      claim & 0xffff, (long long)(v >> 16), (long long)(v & 0xffff));
	claim_hold(t->plat->psci_node, "compatible", CLAIM_PROBE);
	subject_pop(t);
	subject_pop(t);
	if (claim < 0x10000 && v >= 0x10000)
		note(t, "the DT claims 0.2 only; the firmware is %lld.%lld", (long long)(v >> 16),
		     (long long)(v & 0xffff));
}

/* Add a name to a list note, writing the note out when the line is full. */
static void list_add(struct test_ctx *t, char *list, size_t size, const char *title,
		     const char *name)
{
	size_t n = strlen(list);

	if (n + strlen(name) + 2 >= size) {
		note(t, "%s: %s", title, list);
		list[0] = 0;
		n = 0;
	}
	snprintf(list + n, size - n, "%s%s", n ? " " : "", name);
}

static void case_features(struct test_ctx *t)
{
	char yes[160] = "", no[160] = "";

	if (version_of(t) < 0x10000) {
		skip(t, "PSCI_FEATURES exists from PSCI 1.0");
		return;
	}
	for (unsigned i = 0; i < ARRAY_SIZE(functions); i++) {
		const struct psci_fn *f = &functions[i];
		int64_t r = call(t, PSCI_FEATURES, f->id, 0, 0);
		if (r >= 0)
			list_add(t, yes, sizeof(yes), "supported", f->name);
		else
			list_add(t, no, sizeof(no), "not supported", f->name);
		subject_push(t, "call", "%s", f->name);
		if (!check(t, r >= 0 || r == PSCI_NOT_SUPPORTED, "features_result_valid",
			   "PSCI_FEATURES(%s) returned %lld, neither flags nor NOT_SUPPORTED",
			   f->name, (long long)r)) {
			subject_pop(t);
			continue;
		}
		if (f->mandatory == 1 || f->mandatory == (trap_smccc_smc64() ? M64 : M32))
			check(t, r >= 0, "mandatory_supported",
			      "PSCI_FEATURES says %s is not supported; DEN0022D makes it mandatory",
			      f->name);
		if ((f->id | SMCCC_SMC64) == PSCI_CPU_SUSPEND && r > 0)
			check(t, (r & ~3ll) == 0, "suspend_flags_reserved_zero",
			      "PSCI_FEATURES(CPU_SUSPEND) flags 0x%llx: bits 31:2 are reserved",
			      (unsigned long long)r);
		else if (r > 0)
			finding(t, "flags_only_for_suspend",
				"PSCI_FEATURES(%s) returned %lld: only CPU_SUSPEND has flags",
				f->name, (long long)r);
		subject_pop(t);
	}
	note(t, "supported: %s", yes);
	note(t, "not supported: %s", no);
	int64_t unknown = call(t, PSCI_FEATURES, 0x8400001fu, 0, 0);
	subject_push(t, "call", "0x8400001f");
	check(t, unknown == PSCI_NOT_SUPPORTED, "unassigned_not_supported",
	      "PSCI_FEATURES of an unassigned ID 0x8400001f returned %lld, not NOT_SUPPORTED",
	      (long long)unknown);
	subject_pop(t);
}

static volatile int hold;
/* What the last CPU started from the right entry says its MPIDR is (NO_MPIDR: nothing yet). */
#define NO_MPIDR (~0ull)
static volatile uint64_t started_mpidr = NO_MPIDR;

static void wait_for_release(struct smp_slot *s)
{
	(void)s;
	started_mpidr = cpu_mpidr();
	(void)WAIT_UNTIL(!__atomic_load_n(&hold, __ATOMIC_ACQUIRE), WAIT_US * 5);
}

/* The DT's last CPU other than the boot CPU whose status lets it start, or -1. */
static int other_cpu(const struct platform *p)
{
	int boot = dt_cpu_index(p, cpu_mpidr());

	for (int i = p->ncpus - 1; i >= 0; i--)
		if (i != boot && dt_cpu_startable(p, i))
			return i;
	return -1;
}

/* One check (its name given) of a CPU_ON that must be refused. */
static void expect_refused(struct test_ctx *t, const char *check_name, const struct smp_slot *s,
			   int64_t rc, int64_t want1, int64_t want2, const char *what)
{
	if (s || rc == PSCI_SUCCESS) {
		finding(t, check_name, "CPU_ON %s succeeded; DEN0022D 5.6 wants %s", what,
			psci_error_name(want1));
		return;
	}
	if (rc == want1 || rc == want2)
		evidence(t, check_name, "CPU_ON %s: %s", what, psci_error_name(rc));
	else
		finding(t, check_name, "CPU_ON %s returned %lld (%s), expected %s", what,
			(long long)rc, psci_error_name(rc), psci_error_name(want1));
}

/*
 * CPU_ON of cpu i with a misaligned entry point: it can never run, so the call
 * must refuse it (boot/smp.h cpu_start_misaligned: +1 on AArch64, +2 on
 * AArch32, where bit 0 would ask for T32 state, a valid entry). Last of
 * this case's starts: a CPU the platform starts there anyway may be lost. If
 * it was started from the address aligned down (what an A32 PE may do with a
 * misaligned PC, CONSTRAINED UNPREDICTABLE), it runs the normal entry and
 * turns itself off; if it took a PC alignment fault it runs vectors the
 * harness does not own, no PSCI call stops it, and later users skip it.
 */
static void misaligned_on(struct test_ctx *t, int i, uint64_t normal_start_us)
{
	const struct platform *p = t->plat;
	uint64_t mpidr = p->cpu_mpidr[i] & PSCI_MPIDR_AFFINITY;
	int64_t rc;
	/* Whether it runs is known long before SMP_START_WAIT_US: a CPU that does runs in about
	 * the time the same CPU took to start from the right entry just before. */
	uint64_t wait_us = normal_start_us * MISALIGNED_PACE;

	wait_us = wait_us < MISALIGNED_WAIT_MIN_US ? MISALIGNED_WAIT_MIN_US
		  : wait_us > SMP_START_WAIT_US	   ? SMP_START_WAIT_US
						   : wait_us;

	__atomic_store_n(&hold, 0, __ATOMIC_RELEASE); /* if it runs, it ends at once */
	struct smp_slot *s = smp_start_mpidr(p, mpidr, wait_for_release, NULL, &rc,
					     cpu_start_entry() + cpu_start_misaligned());
	expect_refused(t, "cpu_on_misaligned_refused", s, rc, PSCI_INVALID_ADDRESS,
		       PSCI_INVALID_PARAMETERS, "with a misaligned entry point");
	if (!s)
		return;
	if (smp_wait(s, SLOT_DONE, (uint32_t)wait_us) == 0 && smp_release(p, s, WAIT_US) == 0) {
		note(t,
		     "cpu %d, started at the misaligned entry, ran from the address aligned down "
		     "and turned itself off",
		     i);
		return;
	}
	smp_mark_lost(p, mpidr,
		      "psci/cpu_on_off started it at a misaligned entry point (finding "
		      "cpu_on_misaligned_refused) and it never ran the harness's code");
	note(t,
	     "cpu %d, started at the misaligned entry, never ran the harness's code within "
	     "%u ms (%u x its start from the right entry, %u us): lost for the rest of the run "
	     "(no PSCI call turns another CPU off)",
	     i, (unsigned)(wait_us / 1000), MISALIGNED_PACE, (unsigned)normal_start_us);
}

/*
 * The CPU CPU_ON started from the right entry said its MPIDR: the DT's reg of
 * cpu i is held by it (CPU_ON took the reg as its target, the CPU that ran
 * names itself), whatever later starts of that CPU do (the misaligned one may
 * lose it for the smp suite). Its status too (okay or disabled, other_cpu's
 * pick): startable, and it ran.
 */
static void cpu_started_as_dt_says(struct test_ctx *t, int i)
{
	const struct platform *p = t->plat;
	uint64_t want = p->cpu_mpidr[i] & PSCI_MPIDR_AFFINITY, got = started_mpidr;

	if (!check(t, got != NO_MPIDR, "cpu_ran_entry",
		   "cpu %d finished without running the entry's function", i))
		return;
	check(t, (got & PSCI_MPIDR_AFFINITY) == want, "mpidr_matches_dt",
	      "cpu %d: started for DT reg 0x%llx, but its MPIDR is 0x%llx", i,
	      (unsigned long long)want, (unsigned long long)got);
	claim_hold(p->cpu_node[i], "reg", CLAIM_PROBE);
	claim_hold(p->cpu_node[i], "status", CLAIM_PROBE);
}

/* CPU_ON and AFFINITY_INFO of the DT's CPU i, another than the caller (the subject: cpu=i). */
static void other_on_off(struct test_ctx *t, int i)
{
	const struct platform *p = t->plat;
	uint64_t mpidr = p->cpu_mpidr[i] & PSCI_MPIDR_AFFINITY;
	int64_t rc, aff = smp_affinity(p, mpidr);

	check(t, aff == PSCI_AFF_OFF, "affinity_off_before_on",
	      "AFFINITY_INFO of cpu %d before CPU_ON is %lld, not OFF (1)", i, (long long)aff);
	hold = 1;
	started_mpidr = NO_MPIDR;
	uint64_t t0 = cpu_counter();
	struct smp_slot *s =
		smp_start_mpidr(p, mpidr, wait_for_release, NULL, &rc, cpu_start_entry());
	if (!check(t, s != NULL, "cpu_on_succeeds", "CPU_ON of cpu %d returned %lld (%s)", i,
		   (long long)rc, psci_error_name(rc)))
		return;
	if (!check(t, smp_wait(s, SLOT_RUNNING, SMP_START_WAIT_US) == 0, "cpu_runs",
		   "cpu %d did not run within %u ms", i, SMP_START_WAIT_US / 1000))
		return;
	uint64_t start_us = smp_ticks_to_us(cpu_counter() - t0);
	struct smp_slot *again =
		smp_start_mpidr(p, mpidr, wait_for_release, NULL, &rc, cpu_start_entry());
	expect_refused(t, "cpu_on_running_refused", again, rc, PSCI_ALREADY_ON, PSCI_ALREADY_ON,
		       "of a CPU that runs");
	aff = smp_affinity(p, mpidr);
	check(t, aff == PSCI_AFF_ON, "affinity_on_when_running",
	      "AFFINITY_INFO of running cpu %d is %lld, not ON (0)", i, (long long)aff);
	__atomic_store_n(&hold, 0, __ATOMIC_RELEASE);
	if (!check(t, smp_wait(s, SLOT_DONE, WAIT_US) == 0, "cpu_finishes", "cpu %d did not finish",
		   i))
		return;
	cpu_started_as_dt_says(t, i);
	/* Only a CPU that is off again can tell a refused start from ALREADY_ON. */
	if (check(t, smp_release(p, s, WAIT_US) == 0, "affinity_off_after_cpu_off",
		  "after CPU_OFF, AFFINITY_INFO of cpu %d did not become OFF within %u ms", i,
		  WAIT_US / 1000))
		misaligned_on(t, i, start_us);
}

static void case_cpu_on_off(struct test_ctx *t)
{
	if (!smp_usable(t))
		return;
	const struct platform *p = t->plat;
	int64_t rc;
	uint64_t boot = cpu_mpidr() & PSCI_MPIDR_AFFINITY;

	subject_push(t, "cpu", "%d", dt_cpu_index(p, cpu_mpidr()));
	struct smp_slot *s =
		smp_start_mpidr(p, boot, wait_for_release, NULL, &rc, cpu_start_entry());
	expect_refused(t, "cpu_on_self_refused", s, rc, PSCI_ALREADY_ON, PSCI_ALREADY_ON,
		       "of the calling CPU");
	int64_t aff = smp_affinity(p, boot);
	check(t, aff == PSCI_AFF_ON, "affinity_self_on",
	      "AFFINITY_INFO of the calling CPU is %lld, not ON (0)", (long long)aff);
	subject_pop(t);
	s = smp_start_mpidr(p, ABSENT_MPIDR, wait_for_release, NULL, &rc, cpu_start_entry());
	expect_refused(t, "cpu_on_absent_refused", s, rc, PSCI_INVALID_PARAMETERS,
		       PSCI_INVALID_PARAMETERS, "of MPIDR 0xfeff, which the DT does not list");
	v01_cpu_on_absent(t);
	aff = smp_affinity(p, ABSENT_MPIDR);
	if (aff == PSCI_INVALID_PARAMETERS)
		evidence(t, "affinity_absent_invalid",
			 "AFFINITY_INFO of MPIDR 0xfeff: INVALID_PARAMETERS");
	else
		note(t, "AFFINITY_INFO of MPIDR 0xfeff, which does not exist: %lld",
		     (long long)aff);

	int i = other_cpu(p);
	if (i < 0) {
		note(t, "one CPU: CPU_ON of another CPU not tried");
		return;
	}
	subject_push(t, "cpu", "%d", i);
	other_on_off(t, i);
	subject_pop(t);
}

static void case_migrate_info(struct test_ctx *t)
{
	int64_t type = call(t, PSCI_MIGRATE_INFO_TYPE, 0, 0, 0);

	note(t, "migrate_info_type: %lld", (long long)type);
	if (type == PSCI_NOT_SUPPORTED)
		return;
	require(t, type >= 0 && type <= 2, "migrate_info_type_valid",
		"MIGRATE_INFO_TYPE %lld is not 0, 1 or 2", (long long)type);
	if (type == 2) {
		evidence(t, "migrate_info_type_valid", "no Trusted OS that needs migration");
		return;
	}
	int64_t up = call(t, psci_native(PSCI_MIGRATE_INFO_UP_CPU), 0, 0, 0);
	note(t, "migrate_info_up_cpu: 0x%llx", (unsigned long long)up);
	check(t, dt_cpu_index(t->plat, (uint64_t)up) >= 0, "up_cpu_listed",
	      "MIGRATE_INFO_UP_CPU 0x%llx is no CPU the DT lists", (unsigned long long)up);
}

/* Standby: power_state 0, StateType standby in both formats. */
static int64_t standby(struct test_ctx *t, uint32_t id)
{
	return psci_suspend_woken(t, id, 0);
}

/* Standby returns on a wake-up event; by the DT's 0.1 cpu_suspend ID too. */
static void case_cpu_suspend_standby(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!watchdog_intid() || irq_unusable()) {
		skip(t, "no timer interrupt to wake the CPU");
		return;
	}
	int64_t r = standby(t, psci_native(PSCI_CPU_SUSPEND));
	check(t, r == PSCI_SUCCESS, "standby_returns_success",
	      "CPU_SUSPEND standby returned %lld (%s)", (long long)r, psci_error_name(r));
	if (!(p->psci_v01_present & (1u << PSCI01_CPU_SUSPEND)))
		return;
	r = standby(t, p->psci_v01_id[PSCI01_CPU_SUSPEND]);
	claim_hold(p->psci_node, "cpu_suspend", CLAIM_PROBE);
	subject_push(t, "node", "%s", p->psci_path);
	subject_push(t, "prop", "cpu_suspend");
	check(t, r == PSCI_SUCCESS, "v01_standby_returns_success",
	      "CPU_SUSPEND standby by the DT's 0.1 ID 0x%x returned %lld (%s)",
	      p->psci_v01_id[PSCI01_CPU_SUSPEND], (long long)r, psci_error_name(r));
	subject_pop(t);
	subject_pop(t);
}

/* DEN0028: SMCCC_VERSION exists iff PSCI_FEATURES offers it; then ARCH_FEATURES answers. */
static void case_smccc(struct test_ctx *t)
{
	static const struct {
		uint32_t id;
		const char *name;
	} arch[] = { { SMCCC_VERSION, "SMCCC_VERSION" },
		     { 0x80000002u, "SMCCC_ARCH_SOC_ID" },
		     { 0x80008000u, "SMCCC_ARCH_WORKAROUND_1" },
		     { 0x80007fffu, "SMCCC_ARCH_WORKAROUND_2" },
		     { 0x80003fffu, "SMCCC_ARCH_WORKAROUND_3" } };
	int64_t offered =
		version_of(t) >= 0x10000 ? call(t, PSCI_FEATURES, SMCCC_VERSION, 0, 0) : -1;
	int64_t v = call(t, SMCCC_VERSION, 0, 0, 0);

	note(t, "psci_features(SMCCC_VERSION): %lld; smccc_version: %lld", (long long)offered,
	     (long long)v);
	if (offered != 0) {
		check(t, v == SMCCC_NOT_SUPPORTED, "version_absent_unless_offered",
		      "SMCCC_VERSION answers 0x%llx though PSCI_FEATURES does not offer it",
		      (unsigned long long)v);
		note(t, "SMCCC 1.0: no SMCCC_VERSION, no SMCCC_ARCH_FEATURES");
		return;
	}
	require(t, v >= 0x10001 && v < (1ll << 31), "offered_version_valid",
		"PSCI_FEATURES offers SMCCC_VERSION but it returned 0x%llx", (unsigned long long)v);
	for (unsigned i = 0; i < ARRAY_SIZE(arch); i++) {
		int64_t r = call(t, SMCCC_ARCH_FEATURES, arch[i].id, 0, 0);
		note(t, "arch_features(%s): %lld", arch[i].name, (long long)r);
		/* -1 absent, 0 or 1 present; WORKAROUND_2 may also say -2 (not required). */
		subject_push(t, "call", "%s", arch[i].name);
		check(t, r == 0 || r == 1 || r == -1 || (r == -2 && arch[i].id == 0x80007fffu),
		      "arch_features_result_valid", "SMCCC_ARCH_FEATURES(%s) returned %lld",
		      arch[i].name, (long long)r);
		subject_pop(t);
	}
	int64_t unknown = call(t, SMCCC_ARCH_FEATURES, 0x8000ff00u, 0, 0);
	subject_push(t, "call", "0x8000ff00");
	check(t, unknown == SMCCC_NOT_SUPPORTED, "unassigned_not_supported",
	      "SMCCC_ARCH_FEATURES of an unassigned ID returned %lld", (long long)unknown);
	subject_pop(t);
}

static const struct test_case cases[] = {
	CASE(conduit),	   CASE(version),      CASE(features),
	CASE(cpu_on_off),  CASE(migrate_info), CASE(cpu_suspend_standby),
	CASE(idle_states), CASE(smccc),
};
SUITE(60, psci, cases, .skip_if = skip_if);
