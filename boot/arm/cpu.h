/* SPDX-License-Identifier: MIT */
/*
 * AArch32 implementation of boot/cpu.h: CP15 (Arm ARM DDI 0487 G8, ARMv7-A
 * DDI 0406C B4), the GICv3 CPU interface through CP15 (IHI 0069 12.2).
 */
#ifndef BOOT_ARM_CPU_H
#define BOOT_ARM_CPU_H

#include <stdint.h>

#include "boot/arm/sysreg.h"

static inline uint32_t cpu_cpsr(void)
{
	uint32_t v;
	__asm__ volatile("mrs %0, cpsr" : "=r"(v)::"memory");
	return v;
}

/* PL1 (SVC) reads as EL1 and Hyp as EL2: the layers above speak of ELs. */
static inline unsigned cpu_current_el(void)
{
	return (cpu_cpsr() & MODE_MASK) == MODE_HYP ? 2 : 1;
}

static inline uint64_t cpu_midr(void)
{
	return sysreg_read(MIDR);
}

static inline uint64_t cpu_mpidr(void)
{
	return sysreg_read(MPIDR);
}

/* AArch32 MPIDR has no Aff3. */
static inline uint32_t cpu_affinity(uint64_t mpidr)
{
	return (uint32_t)(mpidr & 0xffffff);
}

static inline uint64_t cpu_counter(void)
{
	isb();
	return sysreg_read64(CNTVCT_64);
}

static inline uint64_t cpu_counter_hz(void)
{
	return sysreg_read(CNTFRQ);
}

static inline void cpu_vtimer_arm(uint64_t cval)
{
	sysreg_write64(CNTV_CVAL64, cval);
	sysreg_write(CNTV_CTL, CPU_TIMER_ENABLE);
	isb();
}

static inline void cpu_vtimer_stop(void)
{
	sysreg_write(CNTV_CTL, CPU_TIMER_IMASK);
	isb();
}

/* The harness's Hyp stub (head.S): only valid when the harness entered in Hyp mode. */
static inline uint64_t cpu_el2_stub_call(uint32_t op, uint64_t v)
{
	register uint32_t r0 __asm__("r0") = op, r1 __asm__("r1") = (uint32_t)v,
			     r2 __asm__("r2") = (uint32_t)(v >> 32);

	__asm__ volatile(".arch_extension virt\n\thvc %3"
			 : "+r"(r0), "+r"(r1), "+r"(r2)
			 : "i"(EL2_STUB_HVC)
			 : "r3", "r12", "memory");
	return (uint64_t)r1 << 32 | r0;
}

static inline uint64_t cpu_timer_read_ctl(enum cpu_timer t)
{
	if (t == CPU_TIMER_HYP)
		return (uint32_t)cpu_el2_stub_call(EL2_STUB_HTIMER_CTL, 0);
	return t == CPU_TIMER_VIRT ? sysreg_read(CNTV_CTL) : sysreg_read(CNTP_CTL);
}

static inline void cpu_timer_write_ctl(enum cpu_timer t, uint64_t v)
{
	if (t == CPU_TIMER_HYP)
		cpu_el2_stub_call(EL2_STUB_HTIMER_CTL + 1, v);
	else if (t == CPU_TIMER_VIRT)
		sysreg_write(CNTV_CTL, v);
	else
		sysreg_write(CNTP_CTL, v);
	isb();
}

static inline uint64_t cpu_timer_read_cval(enum cpu_timer t)
{
	if (t == CPU_TIMER_HYP)
		return cpu_el2_stub_call(EL2_STUB_HTIMER_CVAL, 0);
	return t == CPU_TIMER_VIRT ? sysreg_read64(CNTV_CVAL64) : sysreg_read64(CNTP_CVAL64);
}

static inline void cpu_timer_write_cval(enum cpu_timer t, uint64_t v)
{
	if (t == CPU_TIMER_HYP)
		cpu_el2_stub_call(EL2_STUB_HTIMER_CVAL + 1, v);
	else if (t == CPU_TIMER_VIRT)
		sysreg_write64(CNTV_CVAL64, v);
	else
		sysreg_write64(CNTP_CVAL64, v);
	isb();
}

/* TVAL is a 32-bit register: read zero-extended, as AArch64 reads its RES0 upper half. */
static inline uint64_t cpu_timer_read_tval(enum cpu_timer t)
{
	if (t == CPU_TIMER_HYP)
		return (uint32_t)cpu_el2_stub_call(EL2_STUB_HTIMER_TVAL, 0);
	return t == CPU_TIMER_VIRT ? sysreg_read(CNTV_TVAL) : sysreg_read(CNTP_TVAL);
}

static inline void cpu_timer_write_tval(enum cpu_timer t, uint64_t v)
{
	if (t == CPU_TIMER_HYP)
		cpu_el2_stub_call(EL2_STUB_HTIMER_TVAL + 1, v);
	else if (t == CPU_TIMER_VIRT)
		sysreg_write(CNTV_TVAL, v);
	else
		sysreg_write(CNTP_TVAL, v);
	isb();
}

/* The count a timer compares with: the Hyp physical timer counts CNTPCT too. */
static inline uint64_t cpu_timer_count(enum cpu_timer t)
{
	isb();
	return t == CPU_TIMER_VIRT ? sysreg_read64(CNTVCT_64) : sysreg_read64(CNTPCT_64);
}

/* As on AArch64 (boot/aarch64/cpu.h): a poll loop pauses in the guest between reads. */
#define CPU_RELAX_SPINS 256
/* The registers as AArch32 names them, for report text (DDI 0406C B4.1, B8.1). */
#define CPU_REG_MIDR   "MIDR"
#define CPU_REG_MPIDR  "MPIDR"
#define CPU_REG_CNTFRQ "CNTFRQ"
static inline void cpu_relax(void)
{
	for (unsigned i = 0; i < CPU_RELAX_SPINS; i++)
		__asm__ volatile("" ::: "memory");
}

static inline void cpu_set_local(void *p)
{
	sysreg_write(TPIDRPRW, (uintptr_t)p);
}

static inline void *cpu_local(void)
{
	return (void *)(uintptr_t)sysreg_read(TPIDRPRW);
}

/* ID_PFR1.Security: the Security Extensions (EL3) are implemented. */
static inline int cpu_el3_implemented(void)
{
	return ((sysreg_read(ID_PFR1) >> 4) & 0xf) != 0;
}

/* 8 for an ARMv8 CPU in AArch32, 7 for an ARMv7 one: ID_DFR0.CopDbg, the debug
 * architecture, is 0b0110 or more from ARMv8 on (DDI 0487 G8.2.46), 0b0101 or less before. */
static inline unsigned cpu_arch_version(void)
{
	return (sysreg_read(ID_DFR0) & 0xf) >= 6 ? 8 : 7;
}

/* ID_DFR0.PerfMon: 0 no PMU, 0xf an IMPLEMENTATION DEFINED one, 3 and up a PMUv3. */
static inline unsigned cpu_pmu_version(void)
{
	return (sysreg_read(ID_DFR0) >> 24) & 0xf;
}

static inline int cpu_pmuv3(void)
{
	unsigned v = cpu_pmu_version();

	return v >= 3 && v != 0xf;
}

static inline int cpu_irq_masked(void)
{
	return (cpu_cpsr() & PSR_I) != 0;
}

static inline void cpu_irq_unmask(void)
{
	__asm__ volatile("cpsie i" ::: "memory");
}

static inline void cpu_irq_mask(void)
{
	__asm__ volatile("cpsid i" ::: "memory");
}

static inline void cpu_wait(void)
{
	__asm__ volatile("wfe" ::: "memory");
}

static inline void cpu_halt(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

static inline void cpu_undefined_instruction(void)
{
	__asm__ volatile("udf #0x4a11");
}

/* CPACR.cp10 and cp11 full access (head.S grants it where the CPU has VFP). */
static inline int cpu_fp_enabled(void)
{
	return ((sysreg_read(CPACR) >> 20) & 0xf) == 0xf;
}

static inline int cpu_mmu_enabled(void)
{
	return sysreg_read(SCTLR) & 1;
}

static inline int cpu_dcache_enabled(void)
{
	return (sysreg_read(SCTLR) >> 2) & 1;
}

static inline void gic_cpuif_enable(uint32_t pmr)
{
	sysreg_write(ICC_SRE, sysreg_read(ICC_SRE) | 1);
	isb();
	sysreg_write(ICC_PMR, pmr);
	sysreg_write(ICC_IGRPEN1, 1);
	isb();
}

static inline void gic_cpuif_set_pmr(uint32_t pmr)
{
	sysreg_write(ICC_PMR, pmr);
	isb();
}

static inline uint32_t gic_cpuif_pmr(void)
{
	return sysreg_read(ICC_PMR);
}

static inline void gic_cpuif_set_eoimode(int split)
{
	uint32_t c = sysreg_read(ICC_CTLR);
	sysreg_write(ICC_CTLR, split ? c | 2 : c & ~2u);
	isb();
}

static inline void gic_cpuif_deactivate(uint32_t intid)
{
	sysreg_write(ICC_DIR, intid);
	isb();
}

static inline void gic_cpuif_sgi(uint64_t sgi1r)
{
	sysreg_write64(ICC_SGI1R64, sgi1r);
	isb();
}

static inline uint32_t gic_cpuif_ack(void)
{
	return sysreg_read(ICC_IAR1) & 0xffffff;
}

static inline void gic_cpuif_eoi(uint32_t intid)
{
	sysreg_write(ICC_EOIR1, intid);
	isb();
}

#endif
