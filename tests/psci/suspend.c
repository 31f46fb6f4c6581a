// SPDX-License-Identifier: MIT
/*
 * psci suite, CPU_SUSPEND woken: the boot CPU's virtual timer armed a
 * millisecond on with interrupts masked at the CPU, so a standby (or a
 * powerdown taken as one) returns on its wake-up event (DEN0022D 5.4.1),
 * then the timer's interrupt acknowledged.
 */
#include "boot/cpu.h"
#include "boot/smp.h"
#include "drivers/gic.h"
#include "drivers/psci.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "tests/psci/psci.h"

int64_t psci_suspend_woken(struct test_ctx *t, uint32_t id, uint32_t power_state)
{
	cpu_irq_mask();
	cpu_vtimer_arm(cpu_counter() + smp_us_to_ticks(1000));
	uint64_t start = cpu_counter();
	int64_t r = smccc_call(t->plat->psci, id, power_state, cpu_start_entry(), 0);
	uint64_t took = cpu_counter() - start;
	cpu_vtimer_stop();
	uint32_t iar = irq_poll(1000);
	if (gic_intid(iar) != GIC_SPURIOUS)
		gic_eoi(iar);
	cpu_irq_unmask();
	note(t, "cpu_suspend(0x%x) by 0x%x: %lld after %llu us", power_state, id, (long long)r,
	     (unsigned long long)(took * 1000000 / cpu_counter_hz()));
	return id == psci_native(PSCI_CPU_SUSPEND) ? r : (int32_t)r; /* a 0.1 call returns an int */
}
