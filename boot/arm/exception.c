// SPDX-License-Identifier: MIT
/*
 * The dispatcher boot/arm/vectors.S calls for every exception. AArch32 at
 * PL1 has no syndrome register: the fault status (DFSR/IFSR, long-descriptor
 * format once the MMU is on) is recast as the ESR_EL1 syndrome it stands for
 * (EC, DFSC, WnR, ExT; ISV is never set, as PL1 is not told the access), so
 * boot/esr.h decodes both architectures' faults alike. Then, as on AArch64: a
 * fault of a listed instruction (extable.h) is recorded and resumed at its
 * fixup; anything else goes to the handlers the layers above installed.
 */
#include "boot/exception.h"

#include "boot/arm/sysreg.h"
#include "boot/common/extable.h"
#include "boot/common/fault.h"
#include "boot/common/fault_arch.h"
#include "boot/esr.h"

/* The frame vectors.S saves on the SVC stack. */
struct arm_frame {
	uint32_t r[13];
	uint32_t lr_svc;
	uint32_t ret; /* the exception mode's LR */
	uint32_t spsr;
};

enum { ARM_RESET, ARM_UNDEF, ARM_SVC, ARM_PABT, ARM_DABT, ARM_HYP, ARM_IRQ, ARM_FIQ };

void exception_entry(struct arm_frame *a, unsigned kind);

static exception_irq_handler irq_handler;
static exception_unexpected_handler unexpected_handler;

void exception_set_irq_handler(exception_irq_handler h)
{
	irq_handler = h;
}

void exception_set_unexpected_handler(exception_unexpected_handler h)
{
	unexpected_handler = h;
}

const char *exception_kind_name(unsigned vector)
{
	static const char *const names[4] = { "synchronous", "IRQ", "FIQ", "SError" };

	return names[vector & 3];
}

/* Every exception is taken to PL1 from PL1: the harness runs nothing else. */
const char *exception_source_name(unsigned vector)
{
	(void)vector;
	return "PL1 (SVC mode)";
}

/* A short-descriptor fault status (DDI 0406C B3.13.3) as the long format's DFSC. */
static uint32_t short_to_dfsc(uint32_t fsr)
{
	static const struct {
		uint8_t fs, dfsc;
	} map[] = {
		{ 0x01, 0x21 }, /* alignment */
		{ 0x05, 0x05 }, /* translation, section: level 1 */
		{ 0x07, 0x06 }, /* translation, page: level 2 */
		{ 0x03, 0x09 }, /* access flag, section */
		{ 0x06, 0x0a }, /* access flag, page */
		{ 0x09, 0x3d }, /* domain, section */
		{ 0x0b, 0x3e }, /* domain, page */
		{ 0x0d, 0x0d }, /* permission, section */
		{ 0x0f, 0x0e }, /* permission, page */
		{ 0x08, 0x10 }, /* synchronous external abort */
		{ 0x16, 0x11 }, /* asynchronous external abort */
		{ 0x0c, 0x15 }, /* external abort on the walk, level 1 */
		{ 0x0e, 0x16 }, /* external abort on the walk, level 2 */
		{ 0x02, 0x22 }, /* debug */
	};
	uint32_t fs = (fsr & 0xf) | ((fsr >> 6) & 0x10);

	for (unsigned i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].fs == fs)
			return map[i].dfsc;
	return 0x3f; /* nothing the long format names */
}

/* An abort's ESR_EL1 equivalent: EC, IL, DFSC, WnR (data), CM, ExT. */
static uint64_t abort_esr(uint32_t ec, uint32_t fsr, int data)
{
	uint32_t dfsc = (fsr & (1u << 9)) ? (fsr & 0x3f) : short_to_dfsc(fsr);
	uint32_t iss = dfsc | ((fsr >> 12) & 1) << 9;

	if (data)
		iss |= ((fsr >> 11) & 1) << 6 | ((fsr >> 13) & 1) << 8;
	if (dfsc == 0x11)
		iss |= 1u << 10; /* asynchronous: the fault address is not valid (FnV) */
	return (uint64_t)ec << 26 | 1u << 25 | iss;
}

static struct exception_return_seen seen;

unsigned exception_return_deviations(struct exception_return_seen *out)
{
	*out = seen;
	seen = (struct exception_return_seen){ 0 };
	return out->lr_short + out->state_lost;
}

/*
 * A listed instruction (extable.h) runs in SVC mode, in T32 or A32 as its
 * fixup says: an SPSR with another mode, state or IL set lost it (seen under
 * Xen 4.17 on QEMU: SPSR_abt, and SPSR_und, hold SPSR_svc's value), and
 * returning by it would run T32 code as A32 or enter an illegal state, so the
 * SPSR is rebuilt from the CPSR fault_begin kept, and counted for the case's
 * findings (runtime/suite.c).
 */
static void hold_return_state(struct arm_frame *a, uintptr_t fixup)
{
	uint32_t t32 = (fixup & 1) ? PSR_T : 0, state = MODE_MASK | PSR_T | PSR_IL;

	if (fixup && (a->spsr & state) != (MODE_SVC | t32)) {
		seen.state_lost++;
		a->spsr = (fault_arch_cpsr() & ~(uint32_t)state) | MODE_SVC | t32;
	}
}

/*
 * The instruction an abort's LR stands for: lr - arch (the architectural
 * offset). When that is not a listed instruction but one nearer LR is, the
 * one who injected the abort set LR short: Xen 4.17 inject_abt32_exception
 * sets LR_abt to the faulting instruction + 0 in A32, + 4 in T32, for data
 * and prefetch aborts alike. Listed instructions lie more than 8 bytes apart
 * (probe.S, trap.S), so at most one is in reach. Counted for the case's
 * findings (runtime/suite.c).
 */
static uint32_t abort_pc(struct arm_frame *a, unsigned arch)
{
	uint32_t lr = a->ret, pc = lr - arch;

	if (!extable_fixup(pc))
		for (unsigned off = 0; off < arch; off += 2)
			if (extable_fixup(lr - off)) {
				pc = lr - off;
				seen.lr_short++;
				seen.lr_offset = off;
				break;
			}
	hold_return_state(a, extable_fixup(pc));
	return pc;
}

/*
 * The undefined instruction: LR_und - 4 in A32, - 2 in T32, by the SPSR's T
 * bit; a lost SPSR (hold_return_state) may name the wrong state, so the
 * other offset is tried when only it gives a listed instruction.
 */
static uint32_t undef_pc(struct arm_frame *a)
{
	unsigned thumb = (a->spsr & PSR_T) ? 1 : 0;
	uint32_t pc = a->ret - (thumb ? 2 : 4), other = a->ret - (thumb ? 4 : 2);

	if (!extable_fixup(pc) && extable_fixup(other))
		pc = other;
	hold_return_state(a, extable_fixup(pc));
	return pc;
}

static void dispatch(struct exception_frame *f, unsigned vector)
{
	unsigned kind = vector & 3;

	if (kind == VEC_SYNC) {
		uintptr_t fixup = extable_fixup(f->elr);
		if (fixup) {
			fault_record(f->esr, f->far, f->elr);
			f->elr = fixup & ~(uintptr_t)1; /* T32 is the SPSR's T bit (extable.h) */
			return;
		}
	}
	if (kind == VEC_IRQ && irq_handler && irq_handler(f))
		return;
	if (unexpected_handler)
		unexpected_handler(f, vector);
	for (;;) /* nobody to tell: stop here rather than return into the fault */
		__asm__ volatile("wfi");
}

void exception_entry(struct arm_frame *a, unsigned kind)
{
	struct exception_frame f = { 0 };
	unsigned thumb = (a->spsr & PSR_T) ? 1 : 0;
	unsigned vector = VEC_SYNC;

	/* The preferred return address: the instruction that faulted, or was interrupted. */
	switch (kind) {
	case ARM_UNDEF:
		f.elr = undef_pc(a);
		f.esr = 1u << 25; /* IL, and EC 0 (ESR_EC_UNKNOWN): an undefined instruction */
		break;
	case ARM_SVC:
		f.elr = a->ret - (thumb ? 2 : 4);
		f.esr = (uint64_t)0x11 << 26 | 1u << 25;
		break;
	case ARM_PABT:
		f.elr = abort_pc(a, 4);
		f.esr = abort_esr(ESR_EC_IABT_CUR, sysreg_read(IFSR), 0);
		f.far = sysreg_read(IFAR);
		break;
	case ARM_DABT:
		f.elr = abort_pc(a, 8);
		f.esr = abort_esr(ESR_EC_DABT_CUR, sysreg_read(DFSR), 1);
		f.far = sysreg_read(DFAR);
		if ((f.esr & 0x3f) == 0x11) { /* an asynchronous abort is AArch64's SError */
			f.esr = (uint64_t)ESR_EC_SERROR << 26 | 1u << 25 | (f.esr & 0x3f);
			vector = VEC_SERROR;
		}
		break;
	case ARM_IRQ:
	case ARM_FIQ:
		f.elr = a->ret - 4;
		vector = kind == ARM_IRQ ? VEC_IRQ : VEC_FIQ;
		break;
	default: f.elr = a->ret; break;
	}
	for (unsigned i = 0; i < 13; i++)
		f.x[i] = a->r[i];
	f.x[14] = a->lr_svc;
	f.spsr = a->spsr;
	f.sp = (uintptr_t)(a + 1);
	dispatch(&f, 4 + vector);
	a->ret = (uint32_t)f.elr;
}
