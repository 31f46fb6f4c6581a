// SPDX-License-Identifier: MIT
/* fault_begin's architecture part (boot/common/fault.h): ELR_EL1 and SPSR_EL1 are
 * the hardware's (or the hypervisor's) to get right, so nothing is kept. */
#include "boot/common/fault_arch.h"

void fault_arch_begin(void)
{
}
