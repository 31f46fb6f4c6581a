/* SPDX-License-Identifier: MIT */
/*
 * Fault capture for the listed instructions (extable.h): fault_begin() before
 * one, fault_end() after it tells whether it faulted and what was seen.
 * Internal to boot/; the layers above get outcomes (probe.h, trap.h).
 */
#ifndef BOOT_COMMON_FAULT_H
#define BOOT_COMMON_FAULT_H

#include <stdint.h>

struct fault_seen {
	uint64_t esr, far, pc;
};

void fault_begin(void);

/* 1 when the instruction since fault_begin() faulted (*seen filled), else 0. */
int fault_end(struct fault_seen *seen);
/* Called by the exception dispatcher for a listed instruction. */
void fault_record(uint64_t esr, uint64_t far, uint64_t pc);

struct probe_outcome;
/* fault_end() into a probe's outcome: value, or the fault seen (-1). */
int fault_outcome(struct probe_outcome *out, uint64_t value);

#endif
