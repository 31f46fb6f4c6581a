// SPDX-License-Identifier: MIT
/* fault_begin's architecture part (boot/common/fault.h): the CPSR a listed
 * instruction runs in, for an abort whose SPSR lost it (exception.c). */
#include "boot/common/fault_arch.h"

#include "boot/arm/sysreg.h"

static uint32_t begin_cpsr = MODE_SVC | PSR_A | PSR_I | PSR_F;

void fault_arch_begin(void)
{
	__asm__ volatile("mrs %0, cpsr" : "=r"(begin_cpsr));
}

uint32_t fault_arch_cpsr(void)
{
	return begin_cpsr;
}
