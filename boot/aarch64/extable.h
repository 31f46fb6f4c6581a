/*
 * Exception fixups: an instruction that may fault on purpose (a probe, a
 * semihosting trap, a hypercall) is listed with the address to resume at.
 * Entries are PC-relative so they need no relocation.
 */
#ifndef EXTABLE_H
#define EXTABLE_H

#ifdef __ASSEMBLER__
	.macro	extable insn, fixup
	.pushsection .extable, "a"
	.balign	4
	.long	\insn - .
	.long	\fixup - .
	.popsection
	.endm
#else
#include <stdint.h>

struct extable_entry {
	int32_t insn;
	int32_t fixup;
};

/* Resume address for a fault at pc, or 0 when pc is not a listed instruction. */
uintptr_t extable_fixup(uintptr_t pc);

/* What the last listed instruction that faulted saw. */
struct fault_record {
	int faulted;
	uint64_t esr;
	uint64_t far;
	uint64_t pc;
};
extern volatile struct fault_record fault_record;
#endif

#endif
