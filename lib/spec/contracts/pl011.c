// SPDX-License-Identifier: MIT
/*
 * Arm PrimeCell UART (PL011) Technical Reference Manual, Arm DDI 0183G:
 * Table 3-1 (register summary), section 3.3 (descriptions), PrimeCell
 * identification registers at 0xFE0-0xFFC. The APB interface is 32 bits
 * wide: word accesses are what the TRM defines; narrower or wider ones are
 * not described, so they are permitted to work or to abort.
 */
#include "spec/contract.h"

#define T  "DDI 0183G Table 3-1"
#define ID "DDI 0183G PrimeCell IDs"

static const struct reg_contract regs[] = {
	REG("UARTDR", 0x000, ACC_RW, W32, CLS_DATA, 0, T),
	REG("UARTRSR", 0x004, ACC_RW, W32, CLS_STATUS, 0, T),
	REG("UARTFR", 0x018, ACC_RO, W32, CLS_STATUS, F_WI_PROBE, T),
	REG("UARTILPR", 0x020, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("UARTIBRD", 0x024, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("UARTFBRD", 0x028, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("UARTLCR_H", 0x02c, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("UARTCR", 0x030, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("UARTIFLS", 0x034, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("UARTIMSC", 0x038, ACC_RW, W32, CLS_IRQ, 0, T),
	REG("UARTRIS", 0x03c, ACC_RO, W32, CLS_IRQ, 0, T),
	REG("UARTMIS", 0x040, ACC_RO, W32, CLS_IRQ, 0, T),
	REG("UARTICR", 0x044, ACC_WO, W32, CLS_IRQ, 0, T),
	REG("UARTDMACR", 0x048, ACC_RW, W32, CLS_CONTROL, 0, T),
	PRIMECELL_ID_REGS("UART", 0x11, ID),
};

/* Reserved in Table 3-1 (0x080-0x08C, the test registers, are left alone). */
static const uint32_t reserved[] = { 0x008, 0x01c, 0x04c, 0xfd0 };

/*
 * Bit level (DDI 0183G 3.3): reset values (3.2, Table 3-1) at entry, nothing
 * having written them before the guest; the baud rate divisors are only
 * latched by a UARTLCR_H write, which is never made (nor one to UARTCR): the
 * console's framing is never changed.
 */
#define RW(nm, off, wr, rst, sp)                                                                   \
	{                                                                                          \
		.name = nm, .offset = off, .flags = FB_WRITE_SAFE | FB_RESET, .res0 = ~(wr)&ALL,   \
		.writable = wr, .reset = rst, .spec = sp                                           \
	}
#define ALL 0xffffffffull

static const struct reg_fields fields[] = {
	RW("UARTILPR", 0x020, 0xff, 0, "DDI 0183G 3.3.5 UARTILPR"),
	RW("UARTIBRD", 0x024, 0xffff, 0, "DDI 0183G 3.3.6 UARTIBRD"),
	RW("UARTFBRD", 0x028, 0x3f, 0, "DDI 0183G 3.3.7 UARTFBRD"),
	RW("UARTIFLS", 0x034, 0x3f, 0x12, "DDI 0183G 3.3.10 UARTIFLS"),
	{ .name = "UARTIMSC",
	  .offset = 0x038,
	  .flags = FB_WRITE_SAFE | FB_RESET,
	  .res0 = ~0x7ffull & ALL,
	  .writable = 0x7ff,
	  .raw_status = 0x03c,
	  .spec = "DDI 0183G 3.3.11 UARTIMSC" },
	RW("UARTDMACR", 0x048, 0x7, 0, "DDI 0183G 3.3.15 UARTDMACR"),
	{ .name = "UARTCR",
	  .offset = 0x030,
	  .res0 = 0xffff0078,
	  .spec = "DDI 0183G 3.3.8 UARTCR (bits [6:3] reserved)" },
	{ .name = "UARTLCR_H",
	  .offset = 0x02c,
	  .res0 = 0xffffff00,
	  .spec = "DDI 0183G 3.3.7 UARTLCR_H" },
	{ .name = "UARTFR",
	  .offset = 0x018,
	  .flags = FB_WRITE_SAFE,
	  .res0 = 0xfffffe00,
	  .ro = ALL,
	  .spec = "DDI 0183G 3.3.3 UARTFR" },
	{ .name = "UARTDR",
	  .offset = 0x000,
	  .flags = FB_READ_SIDE,
	  .spec = "DDI 0183G 3.3.1 UARTDR: a read takes a character" },
};

static const char *const compats[] = { "arm,pl011", NULL };

const struct device_contract contract_pl011 = {
	.part = "uart",
	.compats = compats,
	.spec = "Arm PL011 TRM (DDI 0183G)",
	CONTRACT_REGS(regs),
	CONTRACT_RESERVED(reserved),
	.reserved_spec = "DDI 0183G Table 3-1: reserved, behaviour not defined",
	.ro_write_spec = "DDI 0183G Table 3-1: RO",
	.form_reg = "UARTIMSC",
	.store_reg = "UARTIMSC",
	.frame = 0x1000,
	CONTRACT_FIELDS(fields),
};
