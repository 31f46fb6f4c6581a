// SPDX-License-Identifier: MIT
/* The context of boot/smp.h on AArch32: what secondary.S loads before calling C. */
#include "boot/smp.h"

#include <stddef.h>
#include <string.h>

#include "boot/arm/sysreg.h"
#include "boot/cache.h"

/* The TLS image (.tdata then .tbss): PC-relative symbols, unlike the linker's sizes. */
extern char __tdata_start[], __tdata_end[], __tbss_end[];

void cpu_secondary_entry(void);

enum { ARCH_MAIR0, ARCH_TTBCR, ARCH_TTBR0, ARCH_SCTLR, ARCH_VBAR, ARCH_CPACR };

/* secondary.S reads the fields at these offsets. */
_Static_assert(offsetof(struct cpu_start, stack_top) == 48, "secondary.S layout");
_Static_assert(offsetof(struct cpu_start, tls) == 52, "secondary.S layout");
_Static_assert(offsetof(struct cpu_start, fn) == 56, "secondary.S layout");
_Static_assert(offsetof(struct cpu_start, arg) == 60, "secondary.S layout");
_Static_assert(offsetof(struct cpu_start, entry_el) == 64, "secondary.S layout");

uintptr_t cpu_start_entry(void)
{
	return (uintptr_t)cpu_secondary_entry;
}

/* bit 0 selects Thumb (a valid entry); bit 1 alone is an A32 address no instruction has. */
uintptr_t cpu_start_misaligned(void)
{
	return 2;
}

uintptr_t cpu_start_prepare(struct cpu_start *s, void *stack_top, void *tls, uintptr_t tls_size,
			    cpu_start_fn fn, void *arg)
{
	uintptr_t need = (uintptr_t)__tbss_end - (uintptr_t)__tdata_start;

	if (tls_size < need || ((uintptr_t)tls & 15))
		return 0;
	memset(tls, 0, tls_size);
	memcpy(tls, __tdata_start, (uintptr_t)__tdata_end - (uintptr_t)__tdata_start);
	s->arch[ARCH_MAIR0] = sysreg_read(MAIR0);
	s->arch[ARCH_TTBCR] = sysreg_read(TTBCR);
	s->arch[ARCH_TTBR0] = sysreg_read64(TTBR0_64);
	s->arch[ARCH_SCTLR] = sysreg_read(SCTLR);
	s->arch[ARCH_VBAR] = sysreg_read(VBAR);
	s->arch[ARCH_CPACR] = sysreg_read(CPACR);
	s->stack_top = (uintptr_t)stack_top;
	s->tls = (uintptr_t)tls;
	s->fn = (uintptr_t)fn;
	s->arg = (uintptr_t)arg;
	s->entry_el = 0;
	cache_clean_to_poc(s, sizeof(*s));
	cache_clean_to_poc(tls, tls_size);
	return (uintptr_t)s;
}
