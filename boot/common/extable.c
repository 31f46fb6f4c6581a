// SPDX-License-Identifier: MIT
/* The fixup table of the instructions that may fault on purpose (extable.h). */
#include "boot/common/extable.h"

extern const struct extable_entry __extable_start[], __extable_end[];

uintptr_t extable_fixup(uintptr_t pc)
{
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++) {
		uintptr_t insn = (uintptr_t)&e->insn + e->insn;
		if (insn == pc)
			return (uintptr_t)&e->fixup + e->fixup;
	}
	return 0;
}
