/* SPDX-License-Identifier: MIT */
/*
 * fault_begin's architecture part (boot/<arch>/fault_state.c), apart from
 * fault.h so that the state has no call back into fault.c. Internal to boot/.
 */
#ifndef BOOT_COMMON_FAULT_ARCH_H
#define BOOT_COMMON_FAULT_ARCH_H

#include <stdint.h>

/* AArch32 keeps the CPSR the listed instruction runs in, which an injected
 * abort's SPSR may have lost; AArch64 keeps nothing. */
void fault_arch_begin(void);
/* AArch32 only: the CPSR the last fault_begin ran in. */
uint32_t fault_arch_cpsr(void);

#endif
