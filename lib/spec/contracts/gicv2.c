// SPDX-License-Identifier: MIT
/*
 * GICv2 distributor and CPU interface: Arm IHI 0048B, Table 4-1
 * (distributor map), Table 4-2 (CPU interface map), register access:
 * every register is word-accessible; IPRIORITYR, ITARGETSR, CPENDSGIR and
 * SPENDSGIR are also byte-accessible; other widths are UNPREDICTABLE, so a
 * platform may complete or abort them), GICD_TYPER, GICC_IIDR
 * (ArchitectureVersion 0x2), Identification registers (ICPIDR2 ArchRev 0x2).
 * GICD_CTLR, GICC_CTLR/PMR are the watchdog's: read, never written here.
 * GICC_IAR is never read (a read acknowledges an interrupt).
 */
#include "spec/contract.h"

#define D "IHI 0048B Table 4-1"
#define C "IHI 0048B Table 4-2"

static const struct reg_contract dist_regs[] = {
	REG("GICD_CTLR", 0x000, ACC_RW, W32, CLS_CONTROL, 0, D),
	REG("GICD_TYPER", 0x004, ACC_RO, W32, CLS_ID, F_WI_PROBE, D),
	REG("GICD_IIDR", 0x008, ACC_RO, W32, CLS_ID, F_WI_PROBE, D),
	REG("GICD_IGROUPR0", 0x080, ACC_RW, W32, CLS_ENABLE, 0, D),
	REG("GICD_ISENABLER0", 0x100, ACC_RW, W32, CLS_ENABLE, 0, D),
	REG("GICD_ISPENDR0", 0x200, ACC_RW, W32, CLS_PENDING, 0, D),
	REG("GICD_IPRIORITYR8", 0x420, ACC_RW, W8 | W32, CLS_PRIORITY, 0, D ", byte-accessible"),
	REG("GICD_ITARGETSR0", 0x800, ACC_RO, W8 | W32, CLS_TARGET, 0, D ", byte-accessible"),
	REG("GICD_ICFGR1", 0xc04, ACC_RW, W32, CLS_CONFIG, 0, D),
	REG("GICD_SGIR", 0xf00, ACC_WO, W32, CLS_SGI, 0, D),
	IDREG(0, "GICD_ICPIDR2", 0xfe8, W32, 0xf0, 0x2, 0x2, "IHI 0048B ICPIDR2.ArchRev"),
};

static const uint32_t dist_reserved[] = { 0x00c, 0x040, 0xf04 };

static const struct reg_contract cpu_regs[] = {
	REG_IN(1, "GICC_CTLR", 0x000, ACC_RW, W32, CLS_CONTROL, 0, C),
	REG_IN(1, "GICC_PMR", 0x004, ACC_RW, W32, CLS_PRIORITY, 0, C),
	REG_IN(1, "GICC_BPR", 0x008, ACC_RW, W32, CLS_PRIORITY, 0, C),
	REG_IN(1, "GICC_IAR", 0x00c, ACC_RO, W32, CLS_ACK, F_NOREAD, C),
	REG_IN(1, "GICC_EOIR", 0x010, ACC_WO, W32, CLS_ACK, 0, C),
	REG_IN(1, "GICC_RPR", 0x014, ACC_RO, W32, CLS_STATUS, F_WI_PROBE, C),
	REG_IN(1, "GICC_HPPIR", 0x018, ACC_RO, W32, CLS_STATUS, 0, C),
	IDREG(1, "GICC_IIDR", 0x0fc, W32, 0xf0000, 0x2, 0x2,
	      "IHI 0048B GICC_IIDR.ArchitectureVersion"),
};

static const char *const compats[] = { "arm,cortex-a15-gic", "arm,gic-400", NULL };

const struct device_contract contract_gicv2_dist = {
	.part = "distributor",
	.compats = compats,
	.spec = "Arm GICv2 (IHI 0048B), distributor",
	CONTRACT_REGS(dist_regs),
	CONTRACT_RESERVED(dist_reserved),
	.reserved_spec = D ": reserved (RAZ/WI or abort)",
	.ro_write_spec = D ": RO",
	.form_reg = "GICD_TYPER",
	.extra = EXTRA_GICD_TYPER_CPUS,
};

const struct device_contract contract_gicv2_cpu = {
	.part = "cpu interface",
	.compats = compats,
	.spec = "Arm GICv2 (IHI 0048B), CPU interface",
	CONTRACT_REGS(cpu_regs),
	.reserved_spec = C,
	.ro_write_spec = C ": RO",
	.form_reg = "GICC_PMR",
};
