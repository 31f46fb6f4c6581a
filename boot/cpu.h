/*
 * The CPU as the layers above see it: identification, the generic timer's
 * counter and virtual timer, interrupt masking, the GICv3 CPU interface
 * (system registers on AArch64), and the few controls the boot suite reads.
 * Each architecture implements these inline in boot/<arch>/cpu.h.
 */
#ifndef BOOT_CPU_H
#define BOOT_CPU_H

#include <stdint.h>

#if defined(__aarch64__)
#include "boot/aarch64/cpu.h"
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
 *   void cpu_irq_unmask(void), cpu_irq_mask(void);
 *   void cpu_wait(void);                wait for an event or interrupt (WFE)
 *   void cpu_halt(void);                idle until an interrupt (WFI), to stop
 *   void cpu_undefined_instruction(void); raise an undefined-instruction exception
 *   int cpu_fp_enabled(void), cpu_mmu_enabled(void), cpu_dcache_enabled(void);
 *   void gic_cpuif_enable(uint32_t pmr); uint32_t gic_cpuif_ack(void);
 *   void gic_cpuif_eoi(uint32_t intid);  GICv3 CPU interface (ICC_*_EL1)
 */

#endif
