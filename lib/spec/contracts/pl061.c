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
	{ .name = "GPIOPeriphID0",
	  .offset = 0xfe0,
	  .access = ACC_RO,
	  .required = W32,
	  .cls = CLS_ID,
	  .flags = F_WI_PROBE | F_FORM,
	  .id = { 0xff, 0x61, 0x61 },
	  .spec = ID },
	IDREG(0, "GPIOPeriphID1", 0xfe4, W32, 0xff, 0x10, 0x10, ID),
	IDREG(0, "GPIOPeriphID2", 0xfe8, W32, 0x0f, 0x4, 0x4, ID),
	IDREG(0, "GPIOPeriphID3", 0xfec, W32, 0xff, 0x00, 0x00, ID),
	IDREG(0, "GPIOPCellID0", 0xff0, W32, 0xff, 0x0d, 0x0d, ID),
	IDREG(0, "GPIOPCellID1", 0xff4, W32, 0xff, 0xf0, 0xf0, ID),
	IDREG(0, "GPIOPCellID2", 0xff8, W32, 0xff, 0x05, 0x05, ID),
	IDREG(0, "GPIOPCellID3", 0xffc, W32, 0xff, 0xb1, 0xb1, ID),
};

static const uint32_t reserved[] = { 0x424, 0x800, 0xfd0 };

static const char *const compats[] = { "arm,pl061", NULL };

const struct device_contract contract_pl061 = {
	.part = "gpio",
	.compats = compats,
	.spec = "Arm PL061 TRM (DDI 0190B)",
	CONTRACT_REGS(regs),
	CONTRACT_RESERVED(reserved),
	.reserved_spec = "DDI 0190B Table 3-1: reserved, behaviour not defined",
	.ro_write_spec = T ": RO",
};
