#include "runtime/watchdog.h"

#include <setjmp.h>
#include <stddef.h>

#include "boot/cpu.h"
#include "boot/exception.h"
#include "drivers/gic.h"
#include "runtime/ktap.h"
#include "runtime/recovery.h"

/* Timer node interrupts: secure phys, non-secure phys, virtual, hypervisor. */
#define TIMER_IRQ_VIRT 2

static uint32_t timer_intid;
static unsigned armed_seconds;
static const char *unusable = "not set up";

static int watchdog_irq(struct exception_frame *f)
{
	(void)f;
	uint32_t intid = gic_ack();

	if (intid != timer_intid) {
		if (intid < 1020)
			gic_eoi(intid);
		return intid >= 1020; /* spurious: nothing to do */
	}
	cpu_vtimer_stop();
	gic_eoi(intid);
	ktap_diag(2, "watchdog: case still running after %u s; ended", armed_seconds);
	recovery_escape(RECOVERED_WATCHDOG);
}

static const char *enable(const struct platform *p)
{
	if (!p->gic || p->gic->nreg < 2)
		return "no usable GIC in the device tree";
	if (!p->timer || p->timer->nirq <= TIMER_IRQ_VIRT ||
	    p->timer->irq[TIMER_IRQ_VIRT].kind != IRQ_PPI)
		return "no virtual timer PPI in the device tree";
	if (cpu_counter_hz() == 0)
		return "CNTFRQ_EL0 is 0";
	timer_intid = p->timer->irq[TIMER_IRQ_VIRT].intid;
	if (gic_init_ppi(p->gic_version, p->gic->reg[0].base, p->gic->reg[1].base,
			 p->gic->reg[1].size, timer_intid))
		return "no GIC redistributor frame matches this CPU's MPIDR";
	cpu_vtimer_stop();
	exception_set_irq_handler(watchdog_irq);
	cpu_irq_unmask();
	return NULL;
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
