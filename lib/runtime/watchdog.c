#include "runtime/watchdog.h"

#include <stddef.h>

#include "boot/exception.h"
#include "drivers/gic.h"
#include "runtime/ktap.h"
#include "boot/mmio.h"
#include "runtime/recovery.h"

/* Timer node interrupts: secure phys, non-secure phys, virtual, hypervisor. */
#define TIMER_IRQ_VIRT 2

static uint32_t timer_intid;
static unsigned armed_seconds;

static int watchdog_irq(struct exception_frame *f)
{
	(void)f;
	uint32_t intid = gic_ack();

	if (intid != timer_intid) {
		if (intid < 1020)
			gic_eoi(intid);
		return intid >= 1020; /* spurious: nothing to do */
	}
	sysreg_write(cntv_ctl_el0, 2); /* masked, disabled */
	gic_eoi(intid);
	ktap_diag(2, "watchdog: case still running after %u s; ended", armed_seconds);
	recovery_escape(RECOVERED_WATCHDOG);
}

const char *watchdog_init(struct harness *h)
{
	const struct platform *p = &h->plat;

	if (!p->gic || p->gic->nreg < 2)
		return "no usable GIC in the device tree";
	if (!p->timer || p->timer->nirq <= TIMER_IRQ_VIRT ||
	    p->timer->irq[TIMER_IRQ_VIRT].kind != IRQ_PPI)
		return "no virtual timer PPI in the device tree";
	if (sysreg_read(cntfrq_el0) == 0)
		return "CNTFRQ_EL0 is 0";
	timer_intid = p->timer->irq[TIMER_IRQ_VIRT].intid;
	if (gic_init_ppi(p->gic_version, p->gic->reg[0].base, p->gic->reg[1].base,
			 p->gic->reg[1].size, timer_intid))
		return "no GIC redistributor frame matches this CPU's MPIDR";
	sysreg_write(cntv_ctl_el0, 2);
	exception_irq_hook = watchdog_irq;
	__asm__ volatile("msr daifclr, #2");
	return NULL;
}

void watchdog_arm(unsigned seconds)
{
	armed_seconds = seconds;
	sysreg_write(cntv_cval_el0, sysreg_read(cntvct_el0) + sysreg_read(cntfrq_el0) * seconds);
	sysreg_write(cntv_ctl_el0, 1);
	isb();
}

void watchdog_disarm(void)
{
	sysreg_write(cntv_ctl_el0, 2);
	isb();
}
