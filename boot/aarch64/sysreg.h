/*
 * AArch64 system registers (Arm ARM DDI 0487): the fields the start-up code
 * sets, and for C the accessors of boot/aarch64/. Nothing above boot/ uses
 * this file: boot/cpu.h is the interface.
 */
#ifndef BOOT_AARCH64_SYSREG_H
#define BOOT_AARCH64_SYSREG_H

#define CPACR_FPEN_ALL	       (3 << 20)
#define HCR_EL2_RW	       (1 << 31)
#define CNTHCTL_EL1PCTEN       (1 << 0)
#define CNTHCTL_EL1PCEN	       (1 << 1)
#define CPTR_EL2_RES1	       0x33ff
#define ICC_SRE_EL2	       S3_4_C12_C9_5
#define ICC_SRE_EL2_ENABLE_SRE 0xf /* SRE, DFB, DIB, Enable (EL1 may use SRE) */
#define SCTLR_EL1_RES1	       0x30d00800
#define SPSR_EL1H_DAIF_MASKED  0x3c5
#define TLS_TCB_OFFSET	       16 /* picolibc's AArch64 TLS: TPIDR_EL0 = block - 16 */

#ifndef __ASSEMBLER__
#include <stdint.h>

#define sysreg_read(name)                                                                          \
	({                                                                                         \
		uint64_t _v;                                                                       \
		__asm__ volatile("mrs %0, " #name : "=r"(_v));                                     \
		_v;                                                                                \
	})
#define sysreg_write(name, v) __asm__ volatile("msr " #name ", %0" ::"r"((uint64_t)(v)) : "memory")
#define isb()		      __asm__ volatile("isb" ::: "memory")
#define dsb(opt)	      __asm__ volatile("dsb " #opt ::: "memory")
#endif

#endif
