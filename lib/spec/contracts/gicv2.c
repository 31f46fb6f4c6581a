// SPDX-License-Identifier: MIT
/*
 * GICv2 distributor and CPU interface: Arm IHI 0048B, Table 4-1
 * (distributor map), Table 4-2 (CPU interface map), register access:
 * every register is word-accessible; IPRIORITYR, ITARGETSR, CPENDSGIR and
 * SPENDSGIR are also byte-accessible; other widths are UNPREDICTABLE, so a
 * platform may complete or abort them), GICD_TYPER, GICC_IIDR
 * (ArchitectureVersion 0x2), Identification registers (ICPIDR2 ArchRev 0x2).
 * GICD_CTLR, GICC_CTLR/PMR are the watchdog's: read, never written here.
 * With the Virtualization Extensions (reg[2], reg[3], optional): the virtual
 * interface control (Table 5-1, GICH_VTR.PRIbits: 5 to 8 priority bits) and
 * the virtual CPU interface (Table 5-7, GICV_IIDR as GICC_IIDR); each names
 * its frame, which the other cannot pass for (GICH has nothing at 0xFC,
 * GICV's PMR at 0x4 has RES0 bits [31:8]).
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

/*
 * Bit level (IHI 0048B 4.3, 4.4): the SPI arrays are judged on the highest
 * SPI word nothing uses (SEL_SPI); the banked SGI/PPI words on the INTIDs
 * nothing uses, on every CPU. GICC_CTLR and GICD_SGIR are never written;
 * GICC_IAR never read (a read acknowledges).
 */
#define SPI(nm, off, clr, fl, r0, wr, im, ik, lo, hi, per, sp)                                     \
	{                                                                                          \
		.name = nm, .offset = off, .clear_view = clr, .flags = FB_WRITE_SAFE | (fl),       \
		.res0 = r0, .writable = wr, .impl_mask = im, .impl = ik, .impl_lo = lo,            \
		.impl_hi = hi, .sel = SEL_SPI, .bits_per_intid = per, .spec = sp                   \
	}
#define ALL 0xffffffffull

static const struct reg_fields dist_fields[] = {
	{ .name = "GICD_CTLR",
	  .offset = 0x000,
	  .flags = FB_WRITE_SAFE,
	  .res0 = ~0x3ull & ALL,
	  .writable = 0x1,
	  .impl_mask = 0x2,
	  .impl = IMPL_ANY,
	  .spec = "IHI 0048B 4.3.1 GICD_CTLR (bit 1: without the Security Extensions only)" },
	{ .name = "GICD_TYPER",
	  .offset = 0x004,
	  .flags = FB_WRITE_SAFE,
	  .res0 = 0xffff0300,
	  .ro = ALL,
	  .spec = "IHI 0048B 4.3.2 GICD_TYPER" },
	{ .name = "GICD_IIDR",
	  .offset = 0x008,
	  .flags = FB_WRITE_SAFE,
	  .ro = ALL,
	  .spec = "IHI 0048B 4.3.3 GICD_IIDR" },
	SPI("GICD_IGROUPR", 0x080, 0, 0, 0, 0, ALL, IMPL_ALL_OR_NONE, 0, 0, 1,
	    "IHI 0048B 4.3.4 GICD_IGROUPRn (RAZ/WI to a Non-secure access)"),
	SPI("GICD_ISENABLER", 0x100, 0x180, FB_SET, 0, ALL, 0, IMPL_NONE, 0, 0, 1,
	    "IHI 0048B 4.3.5/4.3.6 GICD_ISENABLERn/ICENABLERn"),
	SPI("GICD_ISPENDR", 0x200, 0x280, FB_SET, 0, ALL, 0, IMPL_NONE, 0, 0, 1,
	    "IHI 0048B 4.3.7/4.3.8 GICD_ISPENDRn/ICPENDRn"),
	SPI("GICD_ISACTIVER", 0x300, 0x380, FB_SET, 0, ALL, 0, IMPL_NONE, 0, 0, 1,
	    "IHI 0048B 4.3.9/4.3.10 GICD_ISACTIVERn/ICACTIVERn"),
	SPI("GICD_IPRIORITYR", 0x400, 0, FB_BYTE | FB_BEYOND, 0, 0, ALL, IMPL_PRIO, 4, 8, 8,
	    "IHI 0048B 4.3.11 GICD_IPRIORITYRn, 3.3 (16 to 256 levels)"),
	SPI("GICD_ITARGETSR", 0x800, 0, FB_BYTE | FB_BEYOND, 0, 0, ALL, IMPL_CPUS, 0, 0, 8,
	    "IHI 0048B 4.3.12 GICD_ITARGETSRn (absent CPUs RAZ/WI; RAZ/WI on one CPU)"),
	SPI("GICD_ICFGR", 0xc00, 0, 0, 0x55555555, 0, 0xaaaaaaaa, IMPL_ALL_OR_NONE, 0, 0, 2,
	    "IHI 0048B 4.3.13 GICD_ICFGRn (Int_config[0] reserved)"),
	{ .name = "GICD_IPRIORITYR",
	  .offset = 0x400,
	  .flags = FB_WRITE_SAFE | FB_BYTE | FB_BANKED,
	  .impl_mask = ALL,
	  .impl = IMPL_PRIO,
	  .impl_lo = 4,
	  .impl_hi = 8,
	  .sel = SEL_SGI,
	  .bits_per_intid = 8,
	  .spec = "IHI 0048B 4.3.11 GICD_IPRIORITYRn (SGIs, banked)" },
	{ .name = "GICD_ISENABLER",
	  .offset = 0x100,
	  .clear_view = 0x180,
	  .flags = FB_WRITE_SAFE | FB_SET | FB_BANKED,
	  .writable = ALL,
	  .sel = SEL_SGI,
	  .bits_per_intid = 1,
	  .spec = "IHI 0048B 4.3.5/4.3.6 GICD_ISENABLER0 (PPIs, banked)" },
	{ .name = "GICD_ITARGETSR",
	  .offset = 0x800,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .ro = ALL,
	  .sel = SEL_SGI,
	  .bits_per_intid = 8,
	  .spec = "IHI 0048B 4.3.12 GICD_ITARGETSR0-7: read-only" },
	{ .name = "GICD_ICFGR0",
	  .offset = 0xc00,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .ro = ALL,
	  .fixed_mask = ALL,
	  .fixed = 0xaaaaaaaa,
	  .spec = "IHI 0048B 4.3.13 GICD_ICFGR0: SGIs read-only, edge (0b10)" },
	{ .name = "GICD_ICFGR1",
	  .offset = 0xc04,
	  .flags = FB_BANKED,
	  .res0 = 0x55555555,
	  .spec = "IHI 0048B 4.3.13 GICD_ICFGR1 (PPIs; Int_config[0] reserved)" },
	/* SGIs 12-15 (SEL_SGI's byte word): a byte per SGI, a bit per source CPU; CPU 0's bit
	 * sets and clears on every CPU (CPU 0 always exists), the bits of absent CPUs are not
	 * judged. Pending SGIs are cleared before the IRQ mask lifts (bits.c). */
	{ .name = "GICD_SPENDSGIR",
	  .offset = 0xf20,
	  .clear_view = 0xf10,
	  .flags = FB_WRITE_SAFE | FB_SET | FB_BANKED | FB_BYTE,
	  .writable = 0x01010101,
	  .sel = SEL_SGI,
	  .bits_per_intid = 8,
	  .spec = "IHI 0048B 4.3.15/4.3.16 GICD_CPENDSGIRn/SPENDSGIRn (SGIs 12-15, source CPU 0)" },
};

static const struct reg_fields cpu_fields[] = {
	{ .name = "GICC_PMR",
	  .offset = 0x004,
	  .region = 1,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .res0 = 0xffffff00,
	  .impl_mask = 0xff,
	  .impl = IMPL_PRIO,
	  .impl_lo = 4,
	  .impl_hi = 8,
	  .reset = 0,
	  .spec = "IHI 0048B 4.4.2 GICC_PMR (the priority bits implemented)" },
	{ .name = "GICC_BPR",
	  .offset = 0x008,
	  .region = 1,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .res0 = 0xfffffff8,
	  .impl_mask = 0x7,
	  .impl = IMPL_ANY,
	  .ones_take = 0x7,
	  .spec = "IHI 0048B 4.4.3 GICC_BPR (an implementation-defined minimum; 7 always)" },
	{ .name = "GICC_IAR",
	  .offset = 0x00c,
	  .region = 1,
	  .flags = FB_READ_SIDE | FB_BANKED,
	  .res0 = 0xffffe000,
	  .spec = "IHI 0048B 4.4.4 GICC_IAR: a read acknowledges" },
	/* RAZ/WI to a Non-secure access with the Security Extensions, or without grouping;
	 * else the Non-secure binary point with its own minimum: only RES0 is required. */
	{ .name = "GICC_ABPR",
	  .offset = 0x01c,
	  .region = 1,
	  .flags = FB_WRITE_SAFE | FB_BANKED,
	  .res0 = 0xfffffff8,
	  .impl_mask = 0x7,
	  .impl = IMPL_ANY,
	  .spec = "IHI 0048B 4.4.8 GICC_ABPR (RAZ/WI to Non-secure with the Security Extensions)" },
};

#define H "IHI 0048B Table 5-1"
#define V "IHI 0048B Table 5-7"

static const struct reg_contract hyp_regs[] = {
	IDREG(2, "GICH_VTR", 0x004, W32, 0xe0000000, 0x4, 0x7,
	      "IHI 0048B 5.3.2 GICH_VTR.PRIbits (5 to 8 priority bits, minus one)"),
};

static const struct reg_contract vcpu_regs[] = {
	IDREG(3, "GICV_IIDR", 0x0fc, W32, 0xf0000, 0x2, 0x2,
	      "IHI 0048B 5.4 GICV_IIDR (as GICC_IIDR).ArchitectureVersion"),
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
	.store_reg = "GICD_IPRIORITYR",
	.frame = 0x1000, /* Table 4-1: 0x000-0xFFF */
	CONTRACT_FIELDS(dist_fields),
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
	.frame = 0x2000, /* Table 4-2: GICC_DIR at 0x1000 */
	CONTRACT_FIELDS(cpu_fields),
};

const struct device_contract contract_gicv2_hyp = {
	.part = "virtual interface control",
	.compats = compats,
	.spec = "Arm GICv2 (IHI 0048B), virtual interface control (GICH)",
	CONTRACT_REGS(hyp_regs),
	.reserved_spec = H,
	.ro_write_spec = H ": RO",
	.region_optional = 1,
};

const struct device_contract contract_gicv2_vcpu = {
	.part = "virtual cpu interface",
	.compats = compats,
	.spec = "Arm GICv2 (IHI 0048B), virtual CPU interface (GICV)",
	CONTRACT_REGS(vcpu_regs),
	.reserved_spec = V,
	.ro_write_spec = V ": RO",
	.region_optional = 1,
};
