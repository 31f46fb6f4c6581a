/* SPDX-License-Identifier: MIT */
/*
 * Exception fixups: an instruction that may fault on purpose (a probe, a
 * trap) is listed with the address to resume at. Entries are PC-relative so
 * they need no relocation. Internal to boot/.
 */
#ifndef BOOT_COMMON_EXTABLE_H
#define BOOT_COMMON_EXTABLE_H

#ifdef __ASSEMBLER__
/* The assembler macro is not C: */
/* clang-format off */
	.macro	extable insn, fixup, t32=0
	.pushsection .extable, "a"
	.balign	4
	.long	\insn - .
	.long	\fixup - . + \t32
	.popsection
	.endm
/* clang-format on */
#else
#include <stdint.h>

struct extable_entry {
	int32_t insn;
	int32_t fixup;
};

/*
 * Resume address for a fault at pc, or 0 when pc is not a listed instruction.
 * On AArch32 bit 0 set marks a T32 instruction (the fixup is T32 too): an
 * exception return to it must be to T32 state.
 */
uintptr_t extable_fixup(uintptr_t pc);
#endif

#endif
