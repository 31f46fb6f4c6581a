// SPDX-License-Identifier: MIT
/*
 * Arm PrimeCell GPIO (PL061) TRM, Arm DDI 0190B: register summary
 * (Table 3-1) and the PrimeCell identification registers at 0xFE0-0xFFC.
 * Nothing is written but the read-only interrupt status (a GPIO write could
 * drive a line).
 */
#include "spec/contract.h"

#define T  "DDI 0190B Table 3-1"
#define ID "DDI 0190B PrimeCell IDs"

static const struct reg_contract regs[] = {
	REG("GPIODATA", 0x3fc, ACC_RW, W32, CLS_DATA, 0, T),
	REG("GPIODIR", 0x400, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("GPIOIS", 0x404, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("GPIOIBE", 0x408, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("GPIOIEV", 0x40c, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("GPIOIE", 0x410, ACC_RW, W32, CLS_IRQ, 0, T),
	REG("GPIORIS", 0x414, ACC_RO, W32, CLS_IRQ, F_WI_PROBE, T),
	REG("GPIOMIS", 0x418, ACC_RO, W32, CLS_IRQ, 0, T),
	REG("GPIOIC", 0x41c, ACC_WO, W32, CLS_IRQ, 0, T),
	REG("GPIOAFSEL", 0x420, ACC_RW, W32, CLS_CONTROL, 0, T),
	PRIMECELL_ID_REGS("GPIO", 0x61, ID),
};

static const uint32_t reserved[] = { 0x424, 0x800, 0xfd0 };

/*
 * Bit level (DDI 0190B 3.3): the control registers take 8 bits, [31:8]
 * read as zero, and reset to 0; GPIODATA is never written (a line could
 * move), GPIOAFSEL's reset depends on the configuration (not checked).
 */
#define RW(nm, off, fl, sp)                                                                        \
	{                                                                                          \
		.name = nm, .offset = off, .flags = FB_WRITE_SAFE | (fl), .res0 = 0xffffff00,      \
		.writable = 0xff, .spec = sp                                                       \
	}

static const struct reg_fields fields[] = {
	RW("GPIODIR", 0x400, FB_RESET, "DDI 0190B 3.3.2 GPIODIR"),
	RW("GPIOIS", 0x404, FB_RESET, "DDI 0190B 3.3.3 GPIOIS"),
	RW("GPIOIBE", 0x408, FB_RESET, "DDI 0190B 3.3.4 GPIOIBE"),
	RW("GPIOIEV", 0x40c, FB_RESET, "DDI 0190B 3.3.5 GPIOIEV"),
	{ .name = "GPIOIE",
	  .offset = 0x410,
	  .flags = FB_WRITE_SAFE | FB_RESET,
	  .res0 = 0xffffff00,
	  .writable = 0xff,
	  .raw_status = 0x414,
	  .spec = "DDI 0190B 3.3.6 GPIOIE" },
	RW("GPIOAFSEL", 0x420, 0, "DDI 0190B 3.3.10 GPIOAFSEL"),
	{ .name = "GPIORIS",
	  .offset = 0x414,
	  .flags = FB_WRITE_SAFE,
	  .res0 = 0xffffff00,
	  .ro = 0xffffffff,
	  .spec = "DDI 0190B 3.3.7 GPIORIS" },
};

static const char *const compats[] = { "arm,pl061", NULL };

const struct device_contract contract_pl061 = {
	.part = "gpio",
	.compats = compats,
	.spec = "Arm PL061 TRM (DDI 0190B)",
	CONTRACT_REGS(regs),
	CONTRACT_RESERVED(reserved),
	.reserved_spec = "DDI 0190B Table 3-1: reserved, behaviour not defined",
	.ro_write_spec = T ": RO",
	.form_reg = "GPIOPeriphID0",
	.store_reg = "GPIODIR",
	.frame = 0x1000,
	CONTRACT_FIELDS(fields),
};
