// SPDX-License-Identifier: MIT
/*
 * timer suite: the generic timer the DT's /timer node describes. Documents
 * checked: Arm DDI 0487 D11 (the generic timer: CNTFRQ, CNTVCT/CNTPCT,
 * CNTV_* and CNTP_* with TVAL and CVAL, ENABLE/IMASK/ISTATUS; the counter
 * is monotonic and, across PEs, one system count), Linux
 * arm/arch_timer.yaml (interrupts: secure phys, non-secure phys, virtual,
 * hypervisor; clock-frequency). Every expectation names its INTID from the DT.
 */
#include <libfdt.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "runtime/watchdog.h"
#include "spec/profile_select.h"

#define FIRE_DELAY_US	2000
#define ARRIVAL_WAIT_US 100000
#define MASKED_WAIT_US	5000
#define MONOTONIC_READS 1000
#define DEFAULT_LATE_US 50000
#define STEP_CPUS	3 /* enough to see disagreement; the smp suite visits every CPU */
#define SAMPLES		3
#define SAMPLES_MAX	9 /* while the best is late: a host's slices, or the platform's own */

/*
 * How late an interrupt may arrive after its deadline, per platform: both
 * run as emulation (TCG) on a shared host, where a vCPU thread can wait for
 * a host time slice.
 */
static const struct {
	const char *profile;
	unsigned late_us;
} tolerances[] = { { "qemu-virt-7.2", 20000 }, { "xen-4.17", 20000 } };

static unsigned tolerance_us(const struct test_ctx *t)
{
	const char *why;
	const struct profile *pr = profile_select(t->plat, NULL, &why);

	for (unsigned i = 0; pr && i < ARRAY_SIZE(tolerances); i++)
		if (!strcmp(pr->name, tolerances[i].profile))
			return tolerances[i].late_us;
	return DEFAULT_LATE_US;
}

static const char *skip_if(const struct test_ctx *t)
{
	if (!t->plat->timer)
		return "no /timer node (arm,armv8-timer) in the device tree";
	if (irq_unusable())
		return irq_unusable();
	if (cpu_counter_hz() == 0)
		return CPU_REG_CNTFRQ " is 0";
	return NULL;
}

static void case_frequency(struct test_ctx *t)
{
	uint64_t hz = cpu_counter_hz();

	note(t, "cntfrq: %llu Hz; dt clock-frequency: %u", (unsigned long long)hz,
	     (unsigned)t->plat->timer_clock_frequency);
	subject_push(t, "node", "%s", t->plat->timer->path);
	subject_push(t, "prop", "clock-frequency");
	if (t->plat->timer_clock_frequency) {
		/* Compared with CNTFRQ (lie timer-clock-frequency). */
		claim_hold(t->plat->timer->node, "clock-frequency", CLAIM_PROBE);
		check(t, hz == t->plat->timer_clock_frequency, "cntfrq_matches_dt",
		      CPU_REG_CNTFRQ " %llu Hz, the DT's clock-frequency %u",
		      (unsigned long long)hz, (unsigned)t->plat->timer_clock_frequency);
	} else {
		evidence(t, "cntfrq_matches_dt",
			 CPU_REG_CNTFRQ " is set (%llu Hz) and the DT leaves it to the register",
			 (unsigned long long)hz);
	}
	subject_pop(t);
	subject_pop(t);
}

static void case_monotonic(struct test_ctx *t)
{
	static const char *const names[] = { "CNTVCT_EL0", "CNTPCT_EL0" };

	for (int k = CPU_TIMER_VIRT; k <= CPU_TIMER_PHYS; k++) {
		uint64_t prev = cpu_timer_count(k), steps = 0;
		subject_push(t, "reg", "%s", names[k]);
		for (int i = 0; i < MONOTONIC_READS; i++) {
			uint64_t now = cpu_timer_count(k);
			if (!check(t, now >= prev, "never_goes_back",
				   "%s went back from 0x%llx to 0x%llx", names[k],
				   (unsigned long long)prev, (unsigned long long)now))
				break;
			steps += now != prev;
			prev = now;
		}
		check(t, steps > 0, "advances", "%s did not advance over %d reads", names[k],
		      MONOTONIC_READS);
		subject_pop(t);
	}
	uint64_t v = cpu_timer_count(CPU_TIMER_VIRT), p = cpu_timer_count(CPU_TIMER_PHYS);
	note(t, "cntvct - cntpct: %lld ticks (CNTVOFF)", (long long)(v - p));
}

/*
 * Poll for the DT's INTID; anything else that arrives is recorded and
 * silenced. With fired, the counter at the first look that found timer k's
 * CTL.ISTATUS set is kept there (left as it was when none did).
 */
static uint32_t await(uint32_t want, uint64_t timeout_us, uint64_t *when, uint32_t *other,
		      enum cpu_timer k, uint64_t *fired)
{
	struct wait w;

	*other = GIC_SPURIOUS;
	wait_begin(&w, timeout_us);
	/* One acknowledge a look: a wait inside a wait would multiply their bounds. */
	while (wait_look(&w) == WAIT_ON) {
		if (fired && !*fired && (cpu_timer_read_ctl(k) & CPU_TIMER_ISTATUS))
			*fired = cpu_counter();
		uint32_t iar = irq_poll(0);
		uint32_t intid = gic_intid(iar);
		if (intid == GIC_SPURIOUS)
			continue;
		*when = cpu_counter();
		gic_eoi(iar);
		if (intid == want)
			return intid;
		*other = intid;
		gic_disable(intid);
	}
	return GIC_SPURIOUS;
}

static void program(enum cpu_timer k, int use_cval, uint64_t deadline)
{
	if (use_cval)
		cpu_timer_write_cval(k, deadline);
	else
		cpu_timer_write_tval(k, deadline - cpu_timer_count(k));
	cpu_timer_write_ctl(k, CPU_TIMER_ENABLE);
}

/*
 * Program, wait, and judge one interrupt: 1 when it came on time's side, with
 * its lateness after the timer fired and how late the timer showed it fired.
 */
static int fire_once(struct test_ctx *t, enum cpu_timer k, int use_cval, uint32_t intid,
		     const char *name, const char *how, uint64_t *late_us, uint64_t *timer_late_us)
{
	uint64_t when = 0, fired = 0,
		 deadline = cpu_timer_count(k) + smp_us_to_ticks(FIRE_DELAY_US);
	uint32_t other;

	/* Every PPI enabled: the one that arrives is shown, whichever it is. */
	for (uint32_t ppi = 16; ppi < GIC_FIRST_SPI; ppi++)
		gic_enable(ppi);
	program(k, use_cval, deadline);
	uint32_t got = await(intid, ARRIVAL_WAIT_US, &when, &other, k, &fired);
	uint64_t waited_us = ARRIVAL_WAIT_US;
	/*
	 * The DT's INTID did not come: a starved host's, unless a grace already
	 * found it missing (irq.h). Another INTID that came proves nothing of the
	 * host (on Xen a PPI the mmio suite left pending comes first).
	 */
	if (got != intid && irq_grace_left()) {
		uint32_t first_other = other;
		waited_us += ARRIVAL_WAIT_US * IRQ_GRACE_FACTOR;
		got = await(intid, ARRIVAL_WAIT_US * IRQ_GRACE_FACTOR, &when, &other, k, &fired);
		if (other == GIC_SPURIOUS)
			other = first_other;
		if (got != intid)
			irq_grace_spent();
	}
	uint32_t ctl = (uint32_t)cpu_timer_read_ctl(k);
	cpu_timer_write_ctl(k, CPU_TIMER_IMASK);
	/*
	 * The timer's interrupt arrived, on the DT's INTID or another (every PPI is
	 * enabled): the DT's was compared with it (lies timer-wrong-*-ppi). The claim
	 * is the whole property; the secure timer's entry is never asked.
	 */
	if (got == intid || other != GIC_SPURIOUS)
		claim_hold(t->plat->timer->node, "interrupts", CLAIM_PROBE);
	if (got != intid) {
		if (other != GIC_SPURIOUS)
			finding(t, "arrives_on_dt_intid",
				"%s (%s): INTID %u arrived, not the DT's INTID %u", name, how,
				other, intid);
		else
			finding(t, "arrives",
				"%s (%s): the DT's INTID %u did not arrive within %u ms (CTL 0x%x)",
				name, how, intid, (unsigned)(waited_us / 1000), ctl);
		return 0;
	}
	/*
	 * Compare in the counter the timer counts. The two reads are sequenced,
	 * cpu_counter's first: a vCPU descheduled between them then makes the
	 * offset (and the arrival) later, never earlier, so that it cannot pass
	 * for an early interrupt (not_early); in one expression their order is
	 * the compiler's.
	 */
	uint64_t before = cpu_counter();
	uint64_t offset = cpu_timer_count(k) - before;
	uint64_t at = when + offset;
	if (at < deadline) {
		finding(t, "not_early", "%s (%s): INTID %u arrived %llu us before its deadline",
			name, how, intid, (unsigned long long)smp_ticks_to_us(deadline - at));
		return 0;
	}
	/*
	 * Lateness is counted from when the timer showed it had fired (CTL.ISTATUS
	 * at a look), or from the deadline when that is later: the interrupt's
	 * path (GIC, hypervisor) is judged, not the timer's own thread, which an
	 * emulator on a loaded host starves (both come late then, together).
	 */
	uint64_t from = deadline;
	if (fired && fired + offset > from && fired + offset <= at)
		from = fired + offset;
	*late_us = smp_ticks_to_us(at - from);
	*timer_late_us = smp_ticks_to_us(from - deadline);
	return check(t, ctl & CPU_TIMER_ISTATUS, "istatus_when_fired",
		     "%s (%s): fired but CTL.ISTATUS is clear", name, how);
}

/*
 * Which of the node's interrupts is this timer's: by interrupt-names when the
 * node gives them (arm,arch_timer.yaml; Linux then takes each by its name),
 * else by its place. -1: the names leave it out.
 */
static int timer_irq_index(struct test_ctx *t, const struct dt_device *tn, int dt_irq)
{
	if (!fdt_getprop(t->plat->fdt, tn->node, "interrupt-names", NULL))
		return dt_irq;
	/*
	 * Held when every name is one whose timer this run sends an interrupt
	 * by (phys and virt; hyp-phys entered at EL2): a name no timer here
	 * uses (sec-phys, hyp-virt) stays an unchecked claim.
	 */
	int el2 = t->boot->entry_el == 2,
	    count = fdt_stringlist_count(t->plat->fdt, tn->node, "interrupt-names");
	int used = 0;
	for (int k = 0; k < count; k++) {
		const char *n =
			fdt_stringlist_get(t->plat->fdt, tn->node, "interrupt-names", k, NULL);
		used += n && (!strcmp(n, dt_timer_irq_names[TIMER_IRQ_PHYS]) ||
			      !strcmp(n, dt_timer_irq_names[TIMER_IRQ_VIRT]) ||
			      (el2 && !strcmp(n, dt_timer_irq_names[TIMER_IRQ_HYP])));
	}
	if (count > 0 && used == count)
		claim_hold(tn->node, "interrupt-names", CLAIM_PROBE);
	return dt_irq_index(t->plat, tn, dt_timer_irq_names[dt_irq], dt_irq);
}

static void one_timer(struct test_ctx *t, enum cpu_timer k, int role, const char *name)
{
	const struct dt_device *tn = t->plat->timer;
	unsigned late = tolerance_us(t);
	int dt_irq = timer_irq_index(t, tn, role);

	/* The subject: the timer node and the INTID it names for this timer. */
	subject_push(t, "node", "%s", tn->path);
	subject_push(t, "prop", "interrupts");
	int named = check(t, dt_irq >= 0 && tn->nirq > dt_irq && tn->irq[dt_irq].kind == IRQ_PPI,
			  "dt_names_ppi", "%s: the DT's /timer has no PPI for it (interrupt %d%s)",
			  name, dt_irq >= 0 ? dt_irq : role,
			  dt_irq >= 0 ? "" : ": interrupt-names does not name it");
	subject_pop(t);
	if (!named) {
		subject_pop(t);
		return;
	}
	uint32_t intid = tn->irq[dt_irq].intid;
	subject_push(t, "intid", "%u", intid);
	int was_masked = cpu_irq_masked();
	cpu_irq_mask();
	for (int use_cval = 0; use_cval <= 1; use_cval++) {
		const char *how = use_cval ? "CVAL" : "TVAL";
		uint64_t best = ~0ull, worst = 0, timer_worst = 0;
		int ok = 1;
		subject_push(t, "form", "%s", use_cval ? "cval" : "tval");
		int n = 0;
		for (; ok && (n < SAMPLES || (best > late && n < SAMPLES_MAX)); n++) {
			uint64_t us = 0, timer_us = 0;
			ok = fire_once(t, k, use_cval, intid, name, how, &us, &timer_us);
			best = us < best ? us : best;
			worst = us > worst ? us : worst;
			timer_worst = timer_us > timer_worst ? timer_us : timer_worst;
		}
		/*
		 * The best of a few, more while it is late: a host that deschedules
		 * the vCPU makes single ones late, a late platform makes every one.
		 */
		if (ok && check(t, best <= late, "on_time",
				"%s (%s): INTID %u arrived at best %llu us after the timer fired "
				"in %d tries (tolerance %u us)",
				name, how, intid, (unsigned long long)best, n, late))
			evidence(t, "on_time",
				 "%s (%s): INTID %u, %llu to %llu us after the timer fired "
				 "(CTL.ISTATUS up to %llu us after the deadline)",
				 name, how, intid, (unsigned long long)best,
				 (unsigned long long)worst, (unsigned long long)timer_worst);
		subject_pop(t);
	}
	/* IMASK: the condition is met but no interrupt may be signalled. */
	uint64_t when, deadline = cpu_timer_count(k) + smp_us_to_ticks(100);
	uint32_t other;
	cpu_timer_write_cval(k, deadline);
	cpu_timer_write_ctl(k, CPU_TIMER_ENABLE | CPU_TIMER_IMASK);
	uint32_t got = await(intid, MASKED_WAIT_US, &when, &other, k, NULL);
	/*
	 * QEMU sets ISTATUS from its own timer thread: give it the arrival's wait
	 * and its grace (it ends when ISTATUS is set).
	 */
	uint32_t ctl;
	struct wait w;
	wait_begin(&w, ARRIVAL_WAIT_US * (1 + IRQ_GRACE_FACTOR));
	for (;;) {
		enum wait_end end = wait_look(&w);
		ctl = (uint32_t)cpu_timer_read_ctl(k);
		if ((ctl & CPU_TIMER_ISTATUS) || end != WAIT_ON)
			break;
	}
	cpu_timer_write_ctl(k, CPU_TIMER_IMASK);
	check(t, got == GIC_SPURIOUS, "imask_masks", "%s: CTL.IMASK set, yet INTID %u arrived",
	      name, intid);
	check(t, ctl & CPU_TIMER_ISTATUS, "istatus_when_masked",
	      "%s: deadline passed with IMASK set, CTL.ISTATUS still clear %u ms later", name,
	      (MASKED_WAIT_US + ARRIVAL_WAIT_US * (1 + IRQ_GRACE_FACTOR)) / 1000);
	subject_pop(t);
	subject_pop(t);
	for (uint32_t ppi = 16; ppi < GIC_FIRST_SPI; ppi++)
		if (ppi != intid)
			gic_disable(ppi);
	if (watchdog_intid())
		gic_enable(watchdog_intid());
	if (!was_masked)
		cpu_irq_unmask();
}

static void case_virtual_timer(struct test_ctx *t)
{
	one_timer(t, CPU_TIMER_VIRT, TIMER_IRQ_VIRT, "virtual timer");
}

static void case_physical_timer(struct test_ctx *t)
{
	one_timer(t, CPU_TIMER_PHYS, TIMER_IRQ_PHYS, "EL1 physical timer");
}

/* One system count: what one CPU reads after another's read is never earlier. */
struct step {
	volatile uint64_t boot_before, cpu_read, cpu_after;
	volatile int go, done;
};
static struct step step;

static void step_cpu(struct smp_slot *s)
{
	(void)s;
	(void)WAIT_UNTIL(__atomic_load_n(&step.go, __ATOMIC_ACQUIRE), ARRIVAL_WAIT_US);
	step.cpu_read = cpu_counter();
	step.cpu_after = cpu_counter();
	__atomic_store_n(&step.done, 1, __ATOMIC_RELEASE);
}

static void case_across_cpus(struct test_ctx *t)
{
	if (!smp_usable(t))
		return;
	const struct platform *p = t->plat;
	int boot = dt_cpu_index(p, cpu_mpidr()), tried = 0;

	for (int i = 0; i < p->ncpus && tried < STEP_CPUS; i++) {
		int64_t rc;
		if (i == boot || p->cpu_enable[i] != ENABLE_PSCI || !dt_cpu_startable(p, i))
			continue;
		tried++;
		memset((void *)&step, 0, sizeof(step));
		subject_push(t, "cpu", "%d", i);
		struct smp_slot *s = smp_start(p, i, step_cpu, NULL, &rc);
		if (!check(t, s != NULL, "cpu_starts", "cpu %d did not start (CPU_ON %lld)", i,
			   (long long)rc) ||
		    !check(t, smp_wait(s, SLOT_RUNNING, SMP_START_WAIT_US) == 0, "cpu_runs",
			   "cpu %d did not run within %u ms", i, SMP_START_WAIT_US / 1000)) {
			subject_pop(t);
			continue;
		}
		step.boot_before = cpu_counter();
		__atomic_store_n(&step.go, 1, __ATOMIC_RELEASE);
		if (!check(t, smp_wait(s, SLOT_DONE, ARRIVAL_WAIT_US * 2) == 0, "cpu_answers",
			   "cpu %d did not answer", i)) {
			subject_pop(t);
			continue;
		}
		uint64_t boot_after = cpu_counter();
		check(t, step.cpu_read >= step.boot_before, "count_not_behind_boot",
		      "cpu %d read 0x%llx after the boot CPU read 0x%llx: the counters disagree", i,
		      (unsigned long long)step.cpu_read, (unsigned long long)step.boot_before);
		check(t, boot_after >= step.cpu_after, "boot_count_not_behind",
		      "the boot CPU read 0x%llx after cpu %d read 0x%llx: the counters disagree",
		      (unsigned long long)boot_after, i, (unsigned long long)step.cpu_after);
		note(t, "cpu %d: read %llu us after the boot CPU", i,
		     (unsigned long long)smp_ticks_to_us(step.cpu_read - step.boot_before));
		smp_release(p, s, ARRIVAL_WAIT_US * 2);
		subject_pop(t);
	}
	if (!tried)
		skip(t, "no other CPU to compare with");
	else if (p->ncpus - 1 > tried)
		note(t, "compared %d of the %d other CPUs (the smp suite starts every one)", tried,
		     p->ncpus - 1);
}

/*
 * Entered at EL2, the harness keeps a stub there (boot/aarch64/head.S) that
 * programs CNTHP_* for it; with HCR_EL2.IMO clear, the timer's PPI is taken
 * at EL1 like any other. A guest entered at EL1 has no EL2 timer to test.
 */
static void case_el2_timers(struct test_ctx *t)
{
	if (t->boot->entry_el < 2) {
		skip(t, "entered at EL1: the EL2 timers belong to the hypervisor");
		return;
	}
	one_timer(t, CPU_TIMER_HYP, TIMER_IRQ_HYP, "EL2 physical timer");
	note(t, "EL2 virtual timer (CNTHV): not checked; it needs FEAT_VHE and the DT's fifth "
		"interrupt");
}

static const struct test_case cases[] = {
	CASE(frequency),      CASE(monotonic),	 CASE(virtual_timer),
	CASE(physical_timer), CASE(across_cpus), CASE(el2_timers),
};
SUITE(55, timer, cases, .skip_if = skip_if);
