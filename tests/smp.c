// SPDX-License-Identifier: MIT
/*
 * smp suite: every CPU the DT lists is started by its enable-method and runs
 * a per-CPU check set, reporting through the boot CPU. Documents checked:
 * Devicetree Specification v0.4 3.8 and Linux arm/cpus.yaml (reg = MPIDR
 * affinity, enable-method, cpu-release-addr), Linux booting.rst (every CPU
 * enters at the same exception level; spin-table), Arm DEN0022 PSCI CPU_ON,
 * IHI 0069 (GICR_TYPER.Affinity_Value: each CPU's own redistributor frame),
 * DDI 0487 (MPIDR_EL1, the generic timer), IHI 0048B/0069 SGIs.
 */
#include <setjmp.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "drivers/psci.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/recovery.h"
#include "runtime/smp.h"
#include "runtime/watchdog.h"
#include "spec/cpu_ids.h"

#define SGI_SELF      1
#define SGI_FROM_BOOT 2
#define SGI_REPLY     3
#define OFF_WAIT_US   200000
/*
 * A started CPU's checks: its waits (the timer's and its own SGI's
 * EVENT_WAIT_US, the boot CPU's SGI's five) and one grace of IRQ_GRACE_FACTOR
 * times the longest, so that the boot CPU never gives up on a CPU that still
 * runs (and would write the report the next CPU's turn reads).
 */
#define CHECKS_WAIT_US (EVENT_WAIT_US * 7 + EVENT_WAIT_US * 5 * IRQ_GRACE_FACTOR)
#define EVENT_WAIT_US  100000
#define TIMER_DELAY_US 1000

/* What a started CPU saw; the boot CPU reads it once the CPU's function ended. */
struct cpu_report {
	uint64_t mpidr, midr;
	unsigned el_now;
	const char *gic_problem;
	uintptr_t redist;
	uint32_t timer_seen, sgi_self_seen, sgi_boot_seen;
	int contained;
	uint32_t token; /* names this CPU as an SGI target */
	volatile int ready_for_sgi;
	uint32_t boot_token;
	uint64_t sgi_sent, sgi_taken, reply_sent; /* counter values, for a late reply */
	int reply_pending, reply_enabled;	  /* the boot CPU's SGI_REPLY bits then */
};

static struct cpu_report report;

static void per_cpu_checks(struct smp_slot *s)
{
	struct cpu_report *r = s->arg;
	jmp_buf jb, *outer = recovery_armed();

	r->mpidr = cpu_mpidr();
	r->midr = cpu_midr();
	r->el_now = cpu_current_el();
	r->gic_problem = irq_cpu_setup();
	r->redist = gic_redist_base();
	if (r->gic_problem)
		return;
	watchdog_cpu_init();
	uint32_t vtimer = watchdog_intid();

	/* Its own virtual timer, polled: the PPI must arrive on this CPU. */
	if (vtimer) {
		cpu_vtimer_arm(cpu_counter() + smp_us_to_ticks(TIMER_DELAY_US));
		uint32_t iar = irq_expect(EVENT_WAIT_US);
		cpu_vtimer_stop();
		r->timer_seen = gic_intid(iar);
		if (r->timer_seen != GIC_SPURIOUS)
			gic_eoi(iar);
	}
	gic_enable(SGI_SELF);
	gic_enable(SGI_FROM_BOOT);
	gic_send_sgi(SGI_SELF, SGI_TO_SELF, 0);
	uint32_t iar = irq_expect(EVENT_WAIT_US);
	r->sgi_self_seen = gic_intid(iar);
	if (r->sgi_self_seen != GIC_SPURIOUS)
		gic_eoi(iar);

	r->token = gic_cpu_token();
	__atomic_store_n(&r->ready_for_sgi, 1, __ATOMIC_RELEASE);
	iar = irq_expect(EVENT_WAIT_US * 5);
	r->sgi_boot_seen = gic_intid(iar);
	if (r->sgi_boot_seen != GIC_SPURIOUS) {
		r->sgi_taken = cpu_counter();
		gic_eoi(iar);
		gic_send_sgi(SGI_REPLY, SGI_TO_CPU, r->boot_token);
		r->reply_sent = cpu_counter();
	}

	/* An unexpected exception here must end up where it does on the boot CPU. */
	recovery_arm(&jb);
	if (setjmp(jb) == 0)
		cpu_undefined_instruction();
	else
		r->contained = 1;
	recovery_arm(outer);
}

static const char *enable_method_name(int m)
{
	static const char *const names[] = { "none", "psci", "spin-table", "unknown" };
	return names[m & 3];
}

static void check_report(struct test_ctx *t, int i, const struct smp_slot *s,
			 const struct cpu_report *r, uint32_t reply)
{
	const struct platform *p = t->plat;
	uint64_t want = p->cpu_mpidr[i] & PSCI_MPIDR_AFFINITY;

	check(t, (r->mpidr & PSCI_MPIDR_AFFINITY) == want, "mpidr_matches_dt",
	      "cpu %d: started for DT reg 0x%llx, but its " CPU_REG_MPIDR " is 0x%llx", i,
	      (unsigned long long)want, (unsigned long long)r->mpidr);
	check(t, s->entry_el == t->boot->entry_el, "entry_el_same",
	      "cpu %d entered at EL%u, the boot CPU at EL%u (booting.rst: all CPUs enter at the "
	      "same level)",
	      i, s->entry_el, t->boot->entry_el);
	check(t, r->el_now == 1, "runs_at_el1", "cpu %d runs its checks at EL%u, expected EL1", i,
	      r->el_now);
	const struct cpu_identity *id = cpu_identity_of(p->cpu_compat[i]);
	unsigned impl = MIDR_IMPLEMENTER(r->midr), part = MIDR_PARTNUM(r->midr);
	if (id && impl != 0) {
		check(t, impl == id->implementer && part == id->part, "cpu_compatible_midr",
		      "cpu %d's node is compatible \"%s\", but its " CPU_REG_MIDR " is 0x%08llx", i,
		      p->cpu_compat[i], (unsigned long long)r->midr);
		claim_hold(p->cpu_node[i], "compatible", CLAIM_PROBE);
	}
	/* Each problem its own check (irq_problem_check), so that one is not known for another. */
	if (r->gic_problem) {
		finding(t, irq_problem_check(r->gic_problem), "cpu %d: %s", i, r->gic_problem);
		return;
	}
	passed(t);
	if (p->gic_version == 3)
		note(t, "cpu %d: redistributor frame 0x%llx", i, (unsigned long long)r->redist);
	uint32_t vtimer = watchdog_intid();
	if (vtimer && r->timer_seen == GIC_SPURIOUS)
		check(t, 0, "vtimer_arrives",
		      "cpu %d: its virtual timer (the DT's INTID %u) did not arrive within %u ms",
		      i, vtimer, EVENT_WAIT_US / 1000);
	else if (vtimer)
		check(t, r->timer_seen == vtimer, "vtimer_intid",
		      "cpu %d: its virtual timer was armed; INTID %u arrived, not the DT's INTID "
		      "%u",
		      i, r->timer_seen, vtimer);
	/* Nothing arriving and another INTID arriving are two checks (_arrives, _intid). */
	check(t, r->sgi_self_seen == SGI_SELF,
	      r->sgi_self_seen == GIC_SPURIOUS ? "sgi_self_arrives" : "sgi_self_intid",
	      "cpu %d: SGI %d to itself: %u arrived", i, SGI_SELF, r->sgi_self_seen);
	check(t, r->sgi_boot_seen == SGI_FROM_BOOT,
	      r->sgi_boot_seen == GIC_SPURIOUS ? "sgi_from_boot_arrives" : "sgi_from_boot_intid",
	      "cpu %d: SGI %d from the boot CPU: %u arrived (%s)", i, SGI_FROM_BOOT,
	      r->sgi_boot_seen, r->sgi_boot_seen == GIC_SPURIOUS ? "nothing" : "another INTID");
	if (r->sgi_boot_seen == SGI_FROM_BOOT && reply == GIC_SPURIOUS)
		check(t, 0, "sgi_to_boot_arrives",
		      "cpu %d: its SGI %d to the boot CPU did not arrive within %u ms (it took SGI "
		      "%d %llu us after it was sent, and replied %llu us later; the boot CPU's "
		      "SGI %d: pending %d, enabled %d)",
		      i, SGI_REPLY, EVENT_WAIT_US * 5 / 1000, SGI_FROM_BOOT,
		      (unsigned long long)smp_ticks_to_us(r->sgi_taken - r->sgi_sent),
		      (unsigned long long)smp_ticks_to_us(r->reply_sent - r->sgi_taken), SGI_REPLY,
		      r->reply_pending, r->reply_enabled);
	else if (r->sgi_boot_seen == SGI_FROM_BOOT)
		check(t, reply == SGI_REPLY, "sgi_to_boot_intid",
		      "cpu %d: its SGI %d to the boot CPU: %u arrived", i, SGI_REPLY, reply);
	check(t, r->contained, "undef_contained",
	      "cpu %d: an undefined instruction was not contained", i);
}

/*
 * Start CPU i by PSCI and run the check set; a CPU that cannot run it is a
 * finding. A CPU whose DT says spin-table is tried too: if PSCI starts it,
 * the DT names the wrong method.
 */
static void run_psci_cpu(struct test_ctx *t, int i)
{
	const struct platform *p = t->plat;
	int spin_table = p->cpu_enable[i] == ENABLE_SPIN_TABLE;
	int64_t rc;

	memset(&report, 0, sizeof(report));
	report.boot_token = gic_cpu_token();
	struct smp_slot *s = smp_start(p, i, per_cpu_checks, &report, &rc);
	if (spin_table && !s) {
		note(t,
		     "cpu %d: enable-method spin-table, which the harness does not drive; PSCI "
		     "CPU_ON does not start it (%s)",
		     i, psci_error_name(rc));
		return;
	}
	/*
	 * reg and enable-method against CPU_ON: held whatever CPU_ON returned for
	 * "psci" (cpu_on_succeeds judges both: CPU_ON takes the reg as its target,
	 * and a started CPU says its MPIDR to mpidr_matches_dt), for "spin-table"
	 * only when PSCI started the CPU (spin_table_not_psci): a CPU it does not
	 * start says nothing of it.
	 */
	claim_hold(p->cpu_node[i], "reg", CLAIM_PROBE);
	claim_hold(p->cpu_node[i], "enable-method", CLAIM_PROBE);
	/* okay or disabled: startable, which cpu_on_succeeds and cpu_runs judge. */
	claim_hold(p->cpu_node[i], "status", CLAIM_PROBE);
	if (spin_table)
		finding(t, "spin_table_not_psci",
			"cpu %d (reg 0x%llx): enable-method spin-table, but PSCI CPU_ON starts it",
			i, (unsigned long long)p->cpu_mpidr[i]);
	if (!s) {
		finding(t, "cpu_on_succeeds",
			"cpu %d (reg 0x%llx, enable-method psci, status %s): CPU_ON returned %lld "
			"(%s)",
			i, (unsigned long long)p->cpu_mpidr[i],
			dt_cpu_status_name(p->cpu_status[i]), (long long)rc,
			rc == 1 ? "no start slot, or the call trapped" : psci_error_name(rc));
		return;
	}
	if (smp_wait(s, SLOT_RUNNING, SMP_START_WAIT_US)) {
		finding(t, "cpu_runs",
			"cpu %d (reg 0x%llx): CPU_ON succeeded but the CPU did not run within %u "
			"ms",
			i, (unsigned long long)p->cpu_mpidr[i], SMP_START_WAIT_US / 1000);
		return;
	}
	uint32_t reply = GIC_SPURIOUS;
	(void)WAIT_UNTIL(__atomic_load_n(&report.ready_for_sgi, __ATOMIC_ACQUIRE) ||
				 s->state >= SLOT_DONE,
			 CHECKS_WAIT_US);
	if (report.ready_for_sgi && irq_unusable() == NULL) {
		/*
		 * Masked before the send: a reply that came before the poll would be taken by
		 * the dispatcher as unclaimed, and disabled.
		 */
		int was_masked = cpu_irq_masked();
		cpu_irq_mask();
		gic_enable(SGI_REPLY);
		report.sgi_sent = cpu_counter();
		gic_send_sgi(SGI_FROM_BOOT, SGI_TO_CPU, report.token);
		uint32_t iar = irq_expect(EVENT_WAIT_US * 5);
		reply = gic_intid(iar);
		if (reply != GIC_SPURIOUS)
			gic_eoi(iar);
		report.reply_pending = gic_pending(SGI_REPLY);
		report.reply_enabled = gic_enabled(SGI_REPLY);
		if (!was_masked)
			cpu_irq_unmask();
	}
	if (smp_wait(s, SLOT_DONE, CHECKS_WAIT_US)) {
		finding(t, "checks_end", "cpu %d: its checks did not end within %u ms", i,
			CHECKS_WAIT_US / 1000);
		return;
	}
	check(t, !s->recovered, "checks_no_exception",
	      "cpu %d: its checks ended by an unexpected exception", i);
	check_report(t, i, s, &report, reply);
	if (smp_release(p, s, OFF_WAIT_US))
		finding(t, "cpu_off",
			"cpu %d: CPU_OFF, then AFFINITY_INFO did not say OFF within %u ms%s", i,
			OFF_WAIT_US / 1000,
			s->state == SLOT_OFF_FAILED ? " (CPU_OFF returned)" : "");
}

static volatile uint64_t failed_cpu_mpidr;

static void say_mpidr(struct smp_slot *s)
{
	(void)s;
	failed_cpu_mpidr = cpu_mpidr();
}

/*
 * A CPU whose status is fail (DT spec 0.4 2.3.4: not operational) must not
 * run: CPU_ON of it either fails or starts nothing. One that runs and says
 * its MPIDR is a finding; the status claim is held either way. No other
 * suite starts it (dt_cpu_startable).
 */
static void judge_failed_cpu(struct test_ctx *t, int i)
{
	const struct platform *p = t->plat;
	int64_t rc;

	claim_hold(p->cpu_node[i], "status", CLAIM_PROBE);
	failed_cpu_mpidr = ~0ull;
	struct smp_slot *s = smp_start(p, i, say_mpidr, NULL, &rc);
	if (!s) {
		evidence(t, "failed_cpu_stays_off",
			 "cpu %d (reg 0x%llx, status fail): CPU_ON returned %lld (%s)", i,
			 (unsigned long long)p->cpu_mpidr[i], (long long)rc, psci_error_name(rc));
		return;
	}
	if (smp_wait(s, SLOT_DONE, SMP_START_WAIT_US)) {
		evidence(t, "failed_cpu_stays_off",
			 "cpu %d (reg 0x%llx, status fail): CPU_ON succeeded, but the CPU did not "
			 "run within %u ms",
			 i, (unsigned long long)p->cpu_mpidr[i], SMP_START_WAIT_US / 1000);
		return;
	}
	finding(t, "failed_cpu_stays_off",
		"cpu %d (reg 0x%llx): its status is fail (not operational), but CPU_ON started "
		"it and it ran (MPIDR 0x%llx)",
		i, (unsigned long long)p->cpu_mpidr[i], (unsigned long long)failed_cpu_mpidr);
	if (smp_release(p, s, OFF_WAIT_US))
		note(t, "cpu %d: AFFINITY_INFO did not say OFF after its CPU_OFF", i);
}

static const char *skip_if(const struct test_ctx *t)
{
	if (t->plat->ncpus < 2)
		return "the DT lists one CPU";
	return smp_reserve(); /* no run-time memory for the other CPUs' stacks: why */
}

static void case_every_cpu(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	int boot = dt_cpu_index(p, cpu_mpidr());

	int others = 0, lost = 0;

	note(t, "cpus: %d, boot cpu %d (MPIDR 0x%llx)", p->ncpus, boot,
	     (unsigned long long)cpu_mpidr());
	if (boot >= 0) {
		/* It runs this: a status of fail is untrue of it. */
		claim_hold(p->cpu_node[boot], "status", CLAIM_PROBE);
		subject_push(t, "cpu", "%d", boot);
		check(t, p->cpu_status[boot] != CPU_STATUS_FAIL, "failed_cpu_stays_off",
		      "cpu %d, the boot CPU, runs, but its status is %s", boot,
		      dt_cpu_status_name(p->cpu_status[boot]));
		subject_pop(t);
	}
	for (int i = 0; i < p->ncpus; i++) {
		if (i == boot)
			continue;
		others++;
		if (p->cpu_status[i] == CPU_STATUS_RESERVED) {
			note(t, "cpu %d not tried: status reserved (other software's)", i);
			others--;
			continue;
		}
		/* An earlier suite's finding left it on (smp_mark_lost): nothing to start. */
		const char *why = smp_lost(p, i);
		if (why) {
			note(t, "cpu %d not tried: %s", i, why);
			lost++;
			continue;
		}
		/* A field only: each text already says "cpu N". */
		subject_push(t, "cpu", "%d", i);
		if (p->cpu_status[i] == CPU_STATUS_FAIL && p->psci != PSCI_NONE) {
			judge_failed_cpu(t, i);
			subject_pop(t);
			continue;
		}
		switch (p->cpu_enable[i]) {
		case ENABLE_PSCI:
			if (!check(t, p->psci != PSCI_NONE, "psci_for_enable_method",
				   "cpu %d: enable-method psci, but no usable PSCI node", i))
				break;
			run_psci_cpu(t, i);
			break;
		case ENABLE_SPIN_TABLE:
			if (p->psci != PSCI_NONE)
				run_psci_cpu(t, i);
			else
				note(t,
				     "cpu %d: enable-method spin-table, not driven by the harness",
				     i);
			break;
		case ENABLE_NONE:
			/* Optional on AArch32: PSCI is then the way (dt/platform.h). */
			if (platform_guest_aarch32 && p->psci != PSCI_NONE) {
				note(t, "cpu %d: no enable-method (optional on AArch32): PSCI", i);
				run_psci_cpu(t, i);
				break;
			}
			/* fall through */
		default:
			finding(t, "enable_method_usable",
				"cpu %d (reg 0x%llx): enable-method %s: not started", i,
				(unsigned long long)p->cpu_mpidr[i],
				enable_method_name(p->cpu_enable[i]));
		}
		subject_pop(t);
	}
	if (others && lost == others)
		skip(t, "every other CPU was lost to an earlier suite's finding (see the notes)");
}

static const struct test_case cases[] = {
	CASE(every_cpu),
};
SUITE(65, smp, cases, .skip_if = skip_if);
