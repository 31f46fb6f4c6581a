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

/*
 * Bit level (IHI 0069 12.9, 12.11): the distributor's SPI arrays on the
 * highest SPI word nothing uses; the redistributors' SGI frame on the
 * INTIDs nothing uses, in every CPU's frame (banked). GICD_CTLR, GICR_CTLR
 * and GICR_WAKER are only read (the ARE and EnableLPIs bits are not for
 * undoing).
 */
#define SPI(nm, off, clr, fl, r0, wr, im, ik, lo, hi, per, sp)                                     \
	{                                                                                          \
		.name = nm, .offset = off, .clear_view = clr, .flags = FB_WRITE_SAFE | (fl),       \
		.res0 = r0, .writable = wr, .impl_mask = im, .impl = ik, .impl_lo = lo,            \
		.impl_hi = hi, .sel = SEL_SPI, .bits_per_intid = per, .spec = sp                   \
	}
#define SGI(nm, off, clr, fl, r0, wr, im, ik, per, sp)                                             \
	{                                                                                          \
		.name = nm, .region = 1, .offset = off, .clear_view = clr,                         \
		.flags = FB_WRITE_SAFE | FB_BANKED | (fl), .res0 = r0, .writable = wr,             \
		.impl_mask = im, .impl = ik, .impl_lo = 4, .impl_hi = 8, .sel = SEL_SGI,           \
		.bits_per_intid = per, .spec = sp                                                  \
	}
#define ALL 0xffffffffull

static const struct reg_fields dist_fields[] = {
	/* RES0 in both the single- and the two-security-state views. */
	{ .name = "GICD_CTLR",
	  .offset = 0x0000,
	  .res0 = 0x7ffffe2c,
	  .spec = "IHI 0069 12.9.4 GICD_CTLR" },
	SPI("GICD_IGROUPR", 0x0080, 0, 0, 0, 0, ALL, IMPL_ALL_OR_NONE, 0, 0, 1,
	    "IHI 0069 12.9.15 GICD_IGROUPR<n>"),
	SPI("GICD_ISENABLER", 0x0100, 0x0180, FB_SET, 0, ALL, 0, IMPL_NONE, 0, 0, 1,
	    "IHI 0069 12.9.21/12.9.8 GICD_ISENABLER<n>/ICENABLER<n>"),
	SPI("GICD_ISPENDR", 0x0200, 0x0280, FB_SET, 0, ALL, 0, IMPL_NONE, 0, 0, 1,
	    "IHI 0069 12.9.23/12.9.10 GICD_ISPENDR<n>/ICPENDR<n>"),
	SPI("GICD_ISACTIVER", 0x0300, 0x0380, FB_SET, 0, ALL, 0, IMPL_NONE, 0, 0, 1,
	    "IHI 0069 12.9.19/12.9.6 GICD_ISACTIVER<n>/ICACTIVER<n>"),
	SPI("GICD_IPRIORITYR", 0x0400, 0, FB_BYTE | FB_BEYOND, 0, 0, ALL, IMPL_PRIO, 4, 8, 8,
	    "IHI 0069 12.9.18 GICD_IPRIORITYR<n>, 4.8 (at least 16 levels)"),
	SPI("GICD_ICFGR", 0x0c00, 0, 0, 0x55555555, 0, 0xaaaaaaaa, IMPL_ALL_OR_NONE, 0, 0, 2,
	    "IHI 0069 12.9.11 GICD_ICFGR<n> (Int_config[0] RES0)"),
	/* IROUTER: the affinity of a CPU the DT lists takes (tests/mmio/bits.c); IRM is
	 * optional (GICD_TYPER.No1N); bits [30:24] and [63:40] RES0. */
	SPI("GICD_IROUTER", 0x6000, 0, FB_64, 0xffffff007f000000ull, 0, 1u << 31, IMPL_ANY, 0, 0,
	    64, "IHI 0069 12.9.22 GICD_IROUTER<n>"),
};

/* Offsets in region 1, a frame's: RD_base, then SGI_base at +0x10000. */
static const struct reg_fields redist_fields[] = {
	{ .name = "GICR_CTLR",
	  .offset = 0x0000,
	  .region = 1,
	  .flags = FB_BANKED,
	  .res0 = 0x78fffff0,
	  .spec = "IHI 0069 12.11.2 GICR_CTLR" },
	{ .name = "GICR_IIDR",
	  .offset = 0x0004,
	  .region = 1,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .ro = ALL,
	  .spec = "IHI 0069 12.11.16 GICR_IIDR" },
	SGI("GICR_IGROUPR0", 0x10080, 0, 0, 0, 0, ALL, IMPL_ALL_OR_NONE, 1,
	    "IHI 0069 12.11.13 GICR_IGROUPR0"),
	SGI("GICR_ISENABLER0", 0x10100, 0x10180, FB_SET, 0, ALL, 0, IMPL_NONE, 1,
	    "IHI 0069 12.11.25/12.11.6 GICR_ISENABLER0/ICENABLER0"),
	SGI("GICR_ISPENDR0", 0x10200, 0x10280, FB_SET, 0, ALL, 0, IMPL_NONE, 1,
	    "IHI 0069 12.11.28/12.11.9 GICR_ISPENDR0/ICPENDR0"),
	SGI("GICR_ISACTIVER0", 0x10300, 0x10380, FB_SET, 0, ALL, 0, IMPL_NONE, 1,
	    "IHI 0069 12.11.22/12.11.4 GICR_ISACTIVER0/ICACTIVER0"),
	SGI("GICR_IPRIORITYR", 0x10400, 0, FB_BYTE, 0, 0, ALL, IMPL_PRIO, 8,
	    "IHI 0069 12.11.20 GICR_IPRIORITYR<n> (SGIs)"),
	{ .name = "GICR_ICFGR0",
	  .offset = 0x10c00,
	  .region = 1,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .ro = ALL,
	  .fixed_mask = ALL,
	  .fixed = 0xaaaaaaaa,
	  .spec = "IHI 0069 12.11.7 GICR_ICFGR0: SGIs read-only, edge (0b10)" },
	{ .name = "GICR_ICFGR1",
	  .offset = 0x10c04,
	  .region = 1,
	  .flags = FB_BANKED,
	  .res0 = 0x55555555,
	  .spec = "IHI 0069 12.11.8 GICR_ICFGR1 (Int_config[0] RES0)" },
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
	.store_reg = "GICD_IPRIORITYR",
	.frame = 0x10000, /* the 64 KiB distributor frame */
	CONTRACT_FIELDS(dist_fields),
};

const struct device_contract contract_gicv3_redist = {
	.part = "redistributor",
	.compats = compats,
	.spec = "Arm GICv3 (IHI 0069), redistributors",
	CONTRACT_REGS(redist_regs),
	.reserved_spec = R,
	.ro_write_spec = R ": RO",
	.form_reg = "GICR_TYPER",
	.frame = 0x20000, /* RD_base + SGI_base, one CPU's */
	CONTRACT_FIELDS(redist_fields),
	.extra = EXTRA_GICR_FRAMES,
};
