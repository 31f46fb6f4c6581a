/* SPDX-License-Identifier: MIT */
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
/*
 * The harness's own calls to its EL2 stub (head.S), when it entered at EL2:
 * HVC #EL2_STUB_HVC, x0 = operation, x1 = value; x0 returns. Any other HVC
 * reaching the stub returns -1 (not supported).
 */
#define EL2_STUB_HVC	     0x4c32
#define EL2_STUB_ESR	     (0x5a000000 | EL2_STUB_HVC) /* EC HVC64, IL, imm16 */
#define EL2_STUB_HTIMER_CTL  0				 /* read CNTHP_CTL_EL2; +1 writes it */
#define EL2_STUB_HTIMER_CVAL 2				 /* read CNTHP_CVAL_EL2; +1 writes it */
#define EL2_STUB_HTIMER_TVAL 4				 /* read CNTHP_TVAL_EL2; +1 writes it */
#define TLS_TCB_OFFSET	     16 /* picolibc's AArch64 TLS: TPIDR_EL0 = block - 16 */

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
