// SPDX-License-Identifier: MIT
/*
 * GICv3 distributor and redistributors: Arm IHI 0069 (GICv3/v4),
 * "GIC memory-mapped register access": word accesses to every register; 64-bit registers also
 * as one 64-bit access; byte access only to IPRIORITYR, ITARGETSR and the
 * SGI pending registers; anything else is UNPREDICTABLE;
 * PIDR2.ArchRev (0x3 GICv3, 0x4 GICv4), GICR_TYPER (Affinity, Last), and
 * the 64 KiB RD_base + 64 KiB SGI_base frame per redistributor (two more
 * with VLPIS). GICD_CTLR and GICR_WAKER are the watchdog's: read only.
 */
#include "spec/contract.h"

#define D     "IHI 0069 GICD map"
#define R     "IHI 0069 GICR map"
#define PIDR2 "IHI 0069 PIDR2.ArchRev"

static const struct reg_contract dist_regs[] = {
	REG("GICD_CTLR", 0x0000, ACC_RW, W32, CLS_CONTROL, 0, D),
	REG("GICD_TYPER", 0x0004, ACC_RO, W32, CLS_ID, F_WI_PROBE, D),
	REG("GICD_IIDR", 0x0008, ACC_RO, W32, CLS_ID, F_WI_PROBE, D),
	REG("GICD_ISENABLER1", 0x0104, ACC_RW, W32, CLS_ENABLE, 0, D),
	REG("GICD_IPRIORITYR8", 0x0420, ACC_RW, W8 | W32, CLS_PRIORITY, 0, D ", byte-accessible"),
	REG("GICD_ICFGR2", 0x0c08, ACC_RW, W32, CLS_CONFIG, 0, D),
	REG("GICD_IROUTER32", 0x6100, ACC_RW, W32 | W64, CLS_ROUTE, 0, D ", 64-bit register"),
	IDREG(0, "GICD_PIDR2", 0xffe8, W32, 0xf0, 0x3, 0x4, PIDR2),
};

static const uint32_t dist_reserved[] = { 0x0018, 0x0f40, 0x7fe0 };

/* Offsets in region 1 (the first redistributor frame). */
static const struct reg_contract redist_regs[] = {
	REG_IN(1, "GICR_CTLR", 0x0000, ACC_RW, W32, CLS_CONTROL, 0, R),
	REG_IN(1, "GICR_IIDR", 0x0004, ACC_RO, W32, CLS_ID, F_WI_PROBE, R),
	REG_IN(1, "GICR_TYPER", 0x0008, ACC_RO, W32 | W64, CLS_ID64, F_WI_PROBE,
	       R ", 64-bit register"),
	REG_IN(1, "GICR_WAKER", 0x0014, ACC_RW, W32, CLS_POWER, 0, R),
	IDREG(1, "GICR_PIDR2", 0xffe8, W32, 0xf0, 0x3, 0x4, PIDR2),
	REG_IN(1, "GICR_IGROUPR0", 0x10080, ACC_RW, W32, CLS_ENABLE, 0, R " (SGI_base)"),
	REG_IN(1, "GICR_ISENABLER0", 0x10100, ACC_RW, W32, CLS_ENABLE, 0, R " (SGI_base)"),
	REG_IN(1, "GICR_IPRIORITYR0", 0x10400, ACC_RW, W8 | W32, CLS_PRIORITY, 0,
	       R " (SGI_base), byte-accessible"),
};

static const char *const compats[] = { "arm,gic-v3", NULL };

const struct device_contract contract_gicv3_dist = {
	.part = "distributor",
	.compats = compats,
	.spec = "Arm GICv3 (IHI 0069), distributor",
	CONTRACT_REGS(dist_regs),
	CONTRACT_RESERVED(dist_reserved),
	.reserved_spec = D ": reserved (RAZ/WI or abort, as GIC-600 may)",
	.ro_write_spec = D ": RO",
	.form_reg = "GICD_TYPER",
};

const struct device_contract contract_gicv3_redist = {
	.part = "redistributor",
	.compats = compats,
	.spec = "Arm GICv3 (IHI 0069), redistributors",
	CONTRACT_REGS(redist_regs),
	.reserved_spec = R,
	.ro_write_spec = R ": RO",
	.form_reg = "GICR_TYPER",
	.extra = EXTRA_GICR_FRAMES,
};
