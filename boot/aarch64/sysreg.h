/* System register fields used by the assembly start-up (Arm ARM DDI 0487). */
#ifndef SYSREG_H
#define SYSREG_H

#define CPACR_FPEN_ALL (3 << 20)
#define HCR_EL2_RW (1 << 31)
#define CNTHCTL_EL1PCTEN (1 << 0)
#define CNTHCTL_EL1PCEN (1 << 1)
#define CPTR_EL2_RES1 0x33ff
#define ICC_SRE_EL2 S3_4_C12_C9_5
#define ICC_SRE_EL2_ENABLE_SRE 0xf /* SRE, DFB, DIB, Enable (EL1 may use SRE) */
#define SCTLR_EL1_RES1 0x30d00800
#define SPSR_EL1H_DAIF_MASKED 0x3c5

#endif
