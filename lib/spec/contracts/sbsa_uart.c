// SPDX-License-Identifier: MIT
/*
 * SBSA generic UART: Arm Base System Architecture (DEN0094) Appendix B,
 * "Generic UART". Only a subset of the PL011 registers is required (DR,
 * RSR/ECR, FR, IMSC, RIS, MIS, ICR); every other offset, the PrimeCell ID
 * registers included, is outside the contract and may abort. Only 32-bit
 * accesses are guaranteed (ACPI SPCR even has an interface type for
 * "32-bit access only" generic UARTs); 8/16-bit are permitted, 64-bit is not
 * defined for 32-bit registers.
 */
#include "spec/contract.h"

#define B "DEN0094 App. B generic UART"

static const struct reg_contract regs[] = {
	REG("UARTDR", 0x000, ACC_RW, W32, CLS_DATA, 0, B),
	REG("UARTRSR", 0x004, ACC_RW, W32, CLS_STATUS, 0, B),
	REG("UARTFR", 0x018, ACC_RO, W32, CLS_STATUS, F_WI_PROBE, B),
	REG("UARTIMSC", 0x038, ACC_RW, W32, CLS_IRQ, 0, B),
	REG("UARTRIS", 0x03c, ACC_RO, W32, CLS_IRQ, 0, B),
	REG("UARTMIS", 0x040, ACC_RO, W32, CLS_IRQ, 0, B),
	REG("UARTICR", 0x044, ACC_WO, W32, CLS_IRQ, 0, B),
};

/* PL011 registers the generic UART does not include, and its ID window. */
static const uint32_t reserved[] = { 0x024, 0x02c, 0x030, 0xfe0, 0xfe8, 0xff0 };

/*
 * Bit level: the generic UART's UARTIMSC takes the receive and transmit
 * masks (DEN0094 B.2: RXIM, TXIM); the other PL011 mask bits may or may not
 * be there.
 */
static const struct reg_fields fields[] = {
	{ .name = "UARTIMSC",
	  .offset = 0x038,
	  .flags = FB_WRITE_SAFE,
	  .res0 = 0xfffff800,
	  .writable = 0x30,
	  .impl_mask = 0x7cf,
	  .impl = IMPL_ANY,
	  .raw_status = 0x03c,
	  .spec = "DEN0094 App. B UARTIMSC (RXIM, TXIM)" },
	{ .name = "UARTFR",
	  .offset = 0x018,
	  .flags = FB_WRITE_SAFE,
	  .res0 = 0xfffffe00,
	  .ro = 0xffffffff,
	  .spec = "DEN0094 App. B UARTFR" },
	{ .name = "UARTDR",
	  .offset = 0x000,
	  .flags = FB_READ_SIDE,
	  .spec = "DEN0094 App. B UARTDR: a read takes a character" },
};

static const char *const compats[] = { "arm,sbsa-uart", NULL };

const struct device_contract contract_sbsa_uart = {
	.part = "uart",
	.compats = compats,
	.spec = "SBSA generic UART (Arm DEN0094 App. B)",
	CONTRACT_REGS(regs),
	CONTRACT_RESERVED(reserved),
	.reserved_spec = "DEN0094 App. B: outside the generic UART subset",
	.ro_write_spec = B " UARTFR: RO",
	.form_reg = "UARTIMSC",
	.store_reg = "UARTIMSC",
	.frame = 0x1000,
	CONTRACT_FIELDS(fields),
};
