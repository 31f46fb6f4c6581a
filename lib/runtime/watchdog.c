// SPDX-License-Identifier: MIT
#include "runtime/watchdog.h"

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "runtime/irq.h"
#include "runtime/ktap.h"
#include "runtime/recovery.h"

/* The proof: the timer is armed this far ahead and must interrupt within the wait. */
#define PROOF_DELAY_US 2000
#define PROOF_WAIT_US  500000

static uint32_t timer_intid;
static unsigned armed_seconds;
static const char *unusable = "not set up";
static char why[160];
/* While proving: the timer's interrupt arrived, instead of ending a case. */
static volatile int proving, proof_arrived;

static void watchdog_irq(uint32_t iar, void *arg)
{
	(void)arg;
	cpu_vtimer_stop();
	if (proving) {
		proof_arrived = 1;
		return;
	}
	gic_eoi(iar); /* we leave by longjmp: the dispatcher's EOI would not come */
	ktap_diag(2, "watchdog: case still running after %u s; ended", armed_seconds);
	recovery_escape(RECOVERED_WATCHDOG);
}

static uint64_t us_to_ticks(uint64_t us)
{
	return cpu_counter_hz() * us / 1000000;
}

/*
 * A safety net proves itself before it is relied on: the virtual timer,
 * armed a moment ahead, must interrupt on the INTID the DT names.
 */
static const char *prove(void)
{
	uint32_t other;

	proof_arrived = 0;
	proving = 1;
	irq_unclaimed_clear();
	cpu_vtimer_arm(cpu_counter() + us_to_ticks(PROOF_DELAY_US));
	cpu_irq_unmask();
	/* Bounded by looks too: a counter that stands still fires no timer and ends no wait. */
	enum wait_end end = WAIT_UNTIL(proof_arrived || irq_unclaimed(&other, 1), PROOF_WAIT_US);
	cpu_irq_mask();
	cpu_vtimer_stop();
	proving = 0;
	if (proof_arrived) {
		cpu_irq_unmask();
		return NULL;
	}
	if (irq_unclaimed(&other, 1))
		snprintf(why, sizeof(why),
			 "the virtual timer was armed, but INTID %u arrived, not the DT's INTID %u",
			 (unsigned)other, (unsigned)timer_intid);
	else
		snprintf(why, sizeof(why),
			 "the virtual timer was armed, but its interrupt (the DT's INTID %u) did "
			 "not arrive within %u ms (%s)",
			 (unsigned)timer_intid, (unsigned)(PROOF_WAIT_US / 1000),
			 wait_end_text(end));
	return why;
}

static const char *enable(const struct platform *p)
{
	const char *no_irq = irq_unusable();

	if (no_irq)
		return no_irq;
	/* The virtual timer's PPI: by its name when the node names them (arm,arch_timer.yaml). */
	int virt = p->timer ? dt_irq_index(p, p->timer, dt_timer_irq_names[TIMER_IRQ_VIRT],
					   TIMER_IRQ_VIRT)
			    : -1;
	if (virt < 0 || p->timer->nirq <= virt || p->timer->irq[virt].kind != IRQ_PPI)
		return "no virtual timer PPI in the device tree";
	if (cpu_counter_hz() == 0)
		return CPU_REG_CNTFRQ " is 0";
	timer_intid = p->timer->irq[virt].intid;
	cpu_vtimer_stop();
	if (irq_register(timer_intid, watchdog_irq, NULL))
		return "the timer's INTID already has another handler";
	gic_enable(timer_intid);
	return prove();
}

const char *watchdog_init(const struct platform *p)
{
	static jmp_buf jb;

	/* A lying DT can put the GIC anywhere: an abort here is reported, not fatal. */
	recovery_arm(&jb);
	if (setjmp(jb) == 0)
		unusable = enable(p);
	else
		unusable = "enabling the timer interrupt faulted";
	recovery_disarm();
	return unusable;
}

int watchdog_usable(void)
{
	return unusable == NULL;
}

const char *watchdog_unusable_reason(void)
{
	return unusable;
}

void watchdog_arm(unsigned seconds)
{
	armed_seconds = seconds;
	cpu_vtimer_arm(cpu_counter() + cpu_counter_hz() * seconds);
}

void watchdog_disarm(void)
{
	cpu_vtimer_stop();
}

void watchdog_cpu_init(void)
{
	cpu_vtimer_stop();
	if (!unusable)
		gic_enable(timer_intid);
}

uint32_t watchdog_intid(void)
{
	return unusable ? 0 : timer_intid; /* only an INTID the timer was seen to use */
}
