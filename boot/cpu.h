/* SPDX-License-Identifier: MIT */
/*
 * The CPU as the layers above see it: identification, the generic timer's
 * counter and virtual timer, interrupt masking, the GICv3 CPU interface
 * (system registers on AArch64), and the few controls the boot suite reads.
 * Each architecture implements these inline in boot/<arch>/cpu.h, with
 * CPU_REG_MIDR, CPU_REG_MPIDR and CPU_REG_CNTFRQ: the registers' names in
 * report text.
 */
#ifndef BOOT_CPU_H
#define BOOT_CPU_H

#include <stdint.h>

/*
 * The generic timers: CNTV_* and CNTP_* (EL1 physical), which a guest at EL1
 * may use, and CNTHP_* (EL2 physical), reached through the harness's EL2
 * stub only when it entered at EL2 (the boot info's entry_el).
 */
enum cpu_timer { CPU_TIMER_VIRT, CPU_TIMER_PHYS, CPU_TIMER_HYP };
/* CNT*_CTL bits (DDI 0487 D11): enable, interrupt mask, condition met. */
#define CPU_TIMER_ENABLE  1u
#define CPU_TIMER_IMASK	  2u
#define CPU_TIMER_ISTATUS 4u

#if defined(__aarch64__)
#include "boot/aarch64/cpu.h"
#elif defined(__arm__)
#include "boot/arm/cpu.h"
#else
#error "no architecture layer for this target: add boot/<arch>/cpu.h"
#endif

/*
 * Declared here, defined inline by the architecture:
 *   unsigned cpu_current_el(void);      exception level now running
 *   uint64_t cpu_midr(void), cpu_mpidr(void);
 *   uint32_t cpu_affinity(uint64_t mpidr);  Aff3.Aff2.Aff1.Aff0 packed as GICR_TYPER has it
 *   uint64_t cpu_counter(void);         virtual count, ordered after earlier instructions
 *   uint64_t cpu_counter_hz(void);      CNTFRQ
 *   void cpu_vtimer_arm(uint64_t cval); void cpu_vtimer_stop(void);
 *   uint64_t cpu_timer_read_{ctl,cval,tval}(enum cpu_timer);
 *   void cpu_timer_write_{ctl,cval,tval}(enum cpu_timer, uint64_t);
 *   uint64_t cpu_timer_count(enum cpu_timer);  CNTVCT or CNTPCT, ordered
 *   void cpu_set_local(void *); void *cpu_local(void);  this CPU's own pointer
 *   int cpu_irq_masked(void);
 *   int cpu_el3_implemented(void);      ID_AA64PFR0_EL1.EL3
 *   unsigned cpu_arch_version(void);    8 (ARMv8 and later) or 7 (an ARMv7 CPU, AArch32 only)
 *   unsigned cpu_pmu_version(void);     ID_AA64DFR0_EL1.PMUVer (ID_DFR0.PerfMon)
 *   int cpu_pmuv3(void);                that field names a PMUv3
 *   void cpu_irq_unmask(void), cpu_irq_mask(void);
 *   void cpu_wait(void);                wait for an event or interrupt (WFE)
 *   void cpu_relax(void);               a short pause between two polls, in the guest
 *   void cpu_halt(void);                idle until an interrupt (WFI), to stop
 *   void cpu_undefined_instruction(void); raise an undefined-instruction exception
 *   int cpu_fp_enabled(void), cpu_mmu_enabled(void), cpu_dcache_enabled(void);
 *   void gic_cpuif_enable(uint32_t pmr); uint32_t gic_cpuif_ack(void);
 *   void gic_cpuif_eoi(uint32_t intid);  GICv3 CPU interface (ICC_*_EL1):
 *   void gic_cpuif_set_pmr(uint32_t); uint32_t gic_cpuif_pmr(void);
 *   void gic_cpuif_set_eoimode(int split); void gic_cpuif_deactivate(uint32_t intid);
 *   void gic_cpuif_sgi(uint64_t sgi1r);
 */

#endif
