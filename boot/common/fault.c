// SPDX-License-Identifier: MIT
#include "boot/common/fault.h"

#include "boot/common/fault_arch.h"

static volatile struct {
	int faulted;
	struct fault_seen seen;
} last;

void fault_begin(void)
{
	last.faulted = 0;
	fault_arch_begin();
	__asm__ volatile("" ::: "memory");
}

int fault_end(struct fault_seen *seen)
{
	__asm__ volatile("" ::: "memory");
	if (!last.faulted)
		return 0;
	seen->esr = last.seen.esr;
	seen->far = last.seen.far;
	seen->pc = last.seen.pc;
	return 1;
}

void fault_record(uint64_t esr, uint64_t far, uint64_t pc)
{
	last.seen.esr = esr;
	last.seen.far = far;
	last.seen.pc = pc;
	last.faulted = 1;
}
