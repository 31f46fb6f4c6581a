/* SPDX-License-Identifier: MIT */
/*
 * AArch32 CP15 registers (Arm ARM DDI 0487 G8; ARMv7-A DDI 0406C B4): their
 * encodings, the fields the start-up code sets, and for C the accessors of
 * boot/arm/. Nothing above boot/ uses this file: boot/cpu.h is the interface.
 */
#ifndef BOOT_ARM_SYSREG_H
#define BOOT_ARM_SYSREG_H

#define MODE_SVC	 0x13
#define MODE_HYP	 0x1a
#define MODE_MASK	 0x1f
#define PSR_A		 (1 << 8)
#define PSR_I		 (1 << 7)
#define PSR_F		 (1 << 6)
#define PSR_T		 (1 << 5)
#define PSR_IL		 (1 << 20) /* SPSR: illegal execution state */
#define SVC_AIF_MASKED	 (MODE_SVC | PSR_A | PSR_I | PSR_F)
#define HCPTR_RES1	 0x33ff
#define CNTHCTL_PL1PCTEN (1 << 0)
#define CNTHCTL_PL1PCEN	 (1 << 1)
#define ICC_HSRE_ENABLE	 0xf /* SRE, DFB, DIB, Enable (PL1 may use SRE) */
/* SCTLR at PL1 with the MMU and caches off: the RES1 bits, CP15 barriers on. */
#define SCTLR_PL1_RESET 0x00c50878
/*
 * The harness's own calls to its Hyp stub (head.S), when it entered in Hyp
 * mode: HVC #EL2_STUB_HVC, r0 = operation, r1:r2 = value; r0:r1 return. Any
 * other HVC reaching the stub returns -1 (not supported).
 */
#define EL2_STUB_HVC	     0x4c32
#define HSR_EC_HVC	     0x12
#define EL2_STUB_HTIMER_CTL  0 /* read CNTHP_CTL; +1 writes it */
#define EL2_STUB_HTIMER_CVAL 2 /* read CNTHP_CVAL; +1 writes it */
#define EL2_STUB_HTIMER_TVAL 4 /* read CNTHP_TVAL; +1 writes it */
#define TLS_TCB_OFFSET	     8 /* picolibc's Arm TLS: TPIDRURO = block - 8 */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* 32-bit CP15 registers by MRC/MCR encoding, 64-bit ones by MRRC/MCRR. */
#define cp15_read(op1, crn, crm, op2)                                                              \
	({                                                                                         \
		uint32_t _v;                                                                       \
		__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2                \
				 : "=r"(_v)::"memory");                                            \
		_v;                                                                                \
	})
#define cp15_write(op1, crn, crm, op2, v)                                                          \
	__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 ::"r"((uint32_t)(v))   \
			 : "memory")
#define cp15_read64(op1, crm)                                                                      \
	({                                                                                         \
		uint64_t _v;                                                                       \
		__asm__ volatile("mrrc p15, " #op1 ", %Q0, %R0, " #crm : "=r"(_v)::"memory");      \
		_v;                                                                                \
	})
#define cp15_write64(op1, crm, v)                                                                  \
	__asm__ volatile("mcrr p15, " #op1 ", %Q0, %R0, " #crm ::"r"((uint64_t)(v)) : "memory")

/* The registers boot/arm/ reads and writes, named as the Arm ARM does. */
#define MIDR	  0, c0, c0, 0
#define CTR	  0, c0, c0, 1
#define MPIDR	  0, c0, c0, 5
#define ID_PFR1	  0, c0, c1, 1
#define ID_DFR0	  0, c0, c1, 2
#define ID_MMFR0  0, c0, c1, 4
#define SCTLR	  0, c1, c0, 0
#define ACTLR	  0, c1, c0, 1
#define CPACR	  0, c1, c0, 2
#define TTBCR	  0, c2, c0, 2
#define DFSR	  0, c5, c0, 0
#define IFSR	  0, c5, c0, 1
#define DFAR	  0, c6, c0, 0
#define IFAR	  0, c6, c0, 2
#define MAIR0	  0, c10, c2, 0
#define MAIR1	  0, c10, c2, 1
#define VBAR	  0, c12, c0, 0
#define TPIDRPRW  0, c13, c0, 4
#define CNTFRQ	  0, c14, c0, 0
#define CNTP_TVAL 0, c14, c2, 0
#define CNTP_CTL  0, c14, c2, 1
#define CNTV_TVAL 0, c14, c3, 0
#define CNTV_CTL  0, c14, c3, 1
/* GICv3 CPU interface, AArch32 (IHI 0069 12.2). */
#define ICC_PMR	    0, c4, c6, 0
#define ICC_IAR1    0, c12, c12, 0
#define ICC_EOIR1   0, c12, c12, 1
#define ICC_CTLR    0, c12, c12, 4
#define ICC_SRE	    0, c12, c12, 5
#define ICC_IGRPEN1 0, c12, c12, 7
#define ICC_DIR	    0, c12, c11, 1
/* 64-bit: op1, CRm. */
#define TTBR0_64    0, c2
#define CNTPCT_64   0, c14
#define CNTVCT_64   1, c14
#define CNTP_CVAL64 2, c14
#define CNTV_CVAL64 3, c14
#define ICC_SGI1R64 0, c12

#define sysreg_read(reg)       cp15_read_(reg)
#define sysreg_write(reg, v)   cp15_write_(reg, v)
#define sysreg_read64(reg)     cp15_read64_(reg)
#define sysreg_write64(reg, v) cp15_write64_(reg, v)
#define cp15_read_(...)	       cp15_read(__VA_ARGS__)
#define cp15_write_(...)       cp15_write(__VA_ARGS__)
#define cp15_read64_(...)      cp15_read64(__VA_ARGS__)
#define cp15_write64_(...)     cp15_write64(__VA_ARGS__)
#define isb()		       __asm__ volatile("isb" ::: "memory")
#define dsb(opt)	       __asm__ volatile("dsb " #opt ::: "memory")
#endif

#endif
