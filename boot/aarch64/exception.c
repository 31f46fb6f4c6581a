#include "boot/exception.h"

#include <stddef.h>

#include "boot/esr.h"
#include "boot/aarch64/extable.h"
#include "runtime/harness.h"
#include "runtime/ktap.h"
#include "runtime/recovery.h"

int (*exception_irq_hook)(struct exception_frame *frame);

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

static const char *const vector_names[4] = {"synchronous", "IRQ", "FIQ", "SError"};
static const char *const source_names[4] = {"current EL with SP_EL0", "current EL with SP_ELx",
					    "lower EL AArch64", "lower EL AArch32"};

static void report_unexpected(const struct exception_frame *f, uint64_t vector)
{
	char esr[160];

	esr_format(f->esr, esr, sizeof(esr));
	ktap_diag(2, "unexpected %s exception from %s", vector_names[vector & 3],
		  source_names[(vector >> 2) & 3]);
	ktap_diag(2, "%s", esr);
	ktap_diag(2, "FAR 0x%016llx ELR 0x%016llx (image+0x%llx) SPSR 0x%08llx",
		  (unsigned long long)f->far, (unsigned long long)f->elr,
		  (unsigned long long)(f->elr - harness.image_base), (unsigned long long)f->spsr);
}

void exception_dispatch(struct exception_frame *f, uint64_t vector)
{
	unsigned kind = vector & 3;

	if (kind == VEC_SYNC) {
		uintptr_t fixup = extable_fixup(f->elr);
		if (fixup) {
			fault_record.faulted = 1;
			fault_record.esr = f->esr;
			fault_record.far = f->far;
			fault_record.pc = f->elr;
			f->elr = fixup;
			return;
		}
	}
	if (kind == VEC_IRQ && exception_irq_hook && exception_irq_hook(f))
		return;
	report_unexpected(f, vector);
	recovery_escape(RECOVERED_EXCEPTION);
}
