/* SPDX-License-Identifier: MIT */
/* AArch64 implementation of boot/cpu.h (Arm ARM DDI 0487; GICv3 ICC_* in IHI 0069). */
#ifndef BOOT_AARCH64_CPU_H
#define BOOT_AARCH64_CPU_H

#include <stdint.h>

#include "boot/aarch64/sysreg.h"

#define ICC_SRE_EL1	S3_0_C12_C12_5
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1
#define ICC_CTLR_EL1	S3_0_C12_C12_4
#define ICC_DIR_EL1	S3_0_C12_C11_1
#define ICC_SGI1R_EL1	S3_0_C12_C11_5

#define CNTV_CTL_ENABLE 1u
#define CNTV_CTL_IMASK	2u
#define CNT_CTL_ISTATUS 4u

static inline unsigned cpu_current_el(void)
{
	return (unsigned)(sysreg_read(CurrentEL) >> 2) & 3;
}

static inline uint64_t cpu_midr(void)
{
	return sysreg_read(midr_el1);
}

static inline uint64_t cpu_mpidr(void)
{
	return sysreg_read(mpidr_el1);
}

static inline uint32_t cpu_affinity(uint64_t mpidr)
{
	return (uint32_t)((mpidr & 0xffffff) | ((mpidr >> 32 & 0xff) << 24));
}

static inline uint64_t cpu_counter(void)
{
	isb();
	return sysreg_read(cntvct_el0);
}

static inline uint64_t cpu_counter_hz(void)
{
	return sysreg_read(cntfrq_el0);
}

static inline void cpu_vtimer_arm(uint64_t cval)
{
	sysreg_write(cntv_cval_el0, cval);
	sysreg_write(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

static inline void cpu_vtimer_stop(void)
{
	sysreg_write(cntv_ctl_el0, CNTV_CTL_IMASK);
	isb();
}

/* The harness's EL2 stub (head.S): only valid when the harness entered at EL2. */
static inline uint64_t cpu_el2_stub_call(uint64_t op, uint64_t v)
{
	register uint64_t x0 __asm__("x0") = op, x1 __asm__("x1") = v;

	__asm__ volatile("hvc %2" : "+r"(x0) : "r"(x1), "i"(EL2_STUB_HVC) : "x2", "x3", "memory");
	return x0;
}

/* The generic timers by enum cpu_timer (boot/cpu.h): virtual, EL1 or EL2 physical. */
#define TIMER_ACCESSORS(reg, HTIMER_OP)                                                            \
	static inline uint64_t cpu_timer_read_##reg(enum cpu_timer t)                              \
	{                                                                                          \
		if (t == CPU_TIMER_HYP)                                                            \
			return cpu_el2_stub_call(HTIMER_OP, 0);                                    \
		return t == CPU_TIMER_VIRT ? sysreg_read(cntv_##reg##_el0)                         \
					   : sysreg_read(cntp_##reg##_el0);                        \
	}                                                                                          \
	static inline void cpu_timer_write_##reg(enum cpu_timer t, uint64_t v)                     \
	{                                                                                          \
		if (t == CPU_TIMER_HYP)                                                            \
			cpu_el2_stub_call(HTIMER_OP + 1, v);                                       \
		else if (t == CPU_TIMER_VIRT)                                                      \
			sysreg_write(cntv_##reg##_el0, v);                                         \
		else                                                                               \
			sysreg_write(cntp_##reg##_el0, v);                                         \
		isb();                                                                             \
	}
TIMER_ACCESSORS(ctl, EL2_STUB_HTIMER_CTL)
TIMER_ACCESSORS(cval, EL2_STUB_HTIMER_CVAL)
TIMER_ACCESSORS(tval, EL2_STUB_HTIMER_TVAL)
#undef TIMER_ACCESSORS

/* The count a timer compares with: the EL2 physical timer counts CNTPCT too. */
static inline uint64_t cpu_timer_count(enum cpu_timer t)
{
	isb();
	return t == CPU_TIMER_VIRT ? sysreg_read(cntvct_el0) : sysreg_read(cntpct_el0);
}

/*
 * Under QEMU TCG every counter, GIC CPU interface and MMIO read takes QEMU's
 * global lock: a loop of nothing else starves the thread that fires timers
 * and other vCPUs' GIC writes (timer PPIs 100 ms late with 16 vCPUs on two
 * host cores). A poll loop pauses here between reads; plain instructions
 * leave neither the guest nor the translated code.
 */
#define CPU_RELAX_SPINS 256
/* The registers as this architecture names them, for report text (DDI 0487 D17). */
#define CPU_REG_MIDR   "MIDR_EL1"
#define CPU_REG_MPIDR  "MPIDR_EL1"
#define CPU_REG_CNTFRQ "CNTFRQ_EL0"
static inline void cpu_relax(void)
{
	for (unsigned i = 0; i < CPU_RELAX_SPINS; i++)
		__asm__ volatile("" ::: "memory");
}

static inline void cpu_set_local(void *p)
{
	sysreg_write(tpidr_el1, (uintptr_t)p);
}

static inline void *cpu_local(void)
{
	return (void *)(uintptr_t)sysreg_read(tpidr_el1);
}

static inline int cpu_el3_implemented(void)
{
	return ((sysreg_read(id_aa64pfr0_el1) >> 12) & 0xf) != 0;
}

/* An AArch64 CPU is ARMv8 or later. */
static inline unsigned cpu_arch_version(void)
{
	return 8;
}

/* ID_AA64DFR0_EL1.PMUVer: 0 no PMU, 0xf an IMPLEMENTATION DEFINED one, else a PMUv3. */
static inline unsigned cpu_pmu_version(void)
{
	return (sysreg_read(id_aa64dfr0_el1) >> 8) & 0xf;
}

static inline int cpu_pmuv3(void)
{
	unsigned v = cpu_pmu_version();

	return v >= 1 && v != 0xf;
}

static inline int cpu_irq_masked(void)
{
	return (sysreg_read(daif) >> 7) & 1;
}

static inline void cpu_irq_unmask(void)
{
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}

static inline void cpu_irq_mask(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
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

static inline int cpu_fp_enabled(void)
{
	return ((sysreg_read(cpacr_el1) >> 20) & 3) == 3;
}

static inline int cpu_mmu_enabled(void)
{
	return sysreg_read(sctlr_el1) & 1;
}

static inline int cpu_dcache_enabled(void)
{
	return (sysreg_read(sctlr_el1) >> 2) & 1;
}

static inline void gic_cpuif_enable(uint32_t pmr)
{
	sysreg_write(ICC_SRE_EL1, sysreg_read(ICC_SRE_EL1) | 1);
	isb();
	sysreg_write(ICC_PMR_EL1, pmr);
	sysreg_write(ICC_IGRPEN1_EL1, 1);
	isb();
}

static inline void gic_cpuif_set_pmr(uint32_t pmr)
{
	sysreg_write(ICC_PMR_EL1, pmr);
	isb();
}

static inline uint32_t gic_cpuif_pmr(void)
{
	return (uint32_t)sysreg_read(ICC_PMR_EL1);
}

static inline void gic_cpuif_set_eoimode(int split)
{
	uint64_t c = sysreg_read(ICC_CTLR_EL1);
	sysreg_write(ICC_CTLR_EL1, split ? c | 2 : c & ~2ull);
	isb();
}

static inline void gic_cpuif_deactivate(uint32_t intid)
{
	sysreg_write(ICC_DIR_EL1, intid);
	isb();
}

static inline void gic_cpuif_sgi(uint64_t sgi1r)
{
	sysreg_write(ICC_SGI1R_EL1, sgi1r);
	isb();
}

static inline uint32_t gic_cpuif_ack(void)
{
	return (uint32_t)sysreg_read(ICC_IAR1_EL1) & 0xffffff;
}

static inline void gic_cpuif_eoi(uint32_t intid)
{
	sysreg_write(ICC_EOIR1_EL1, intid);
	isb();
}

#endif
