// SPDX-License-Identifier: MIT
/*
 * Arm PrimeCell Real Time Clock (PL031) TRM, Arm DDI 0224B: register
 * summary (Table 3-1) and the PrimeCell identification registers at
 * 0xFE0-0xFFC. 32-bit APB registers.
 */
#include "spec/contract.h"

#define T  "DDI 0224B Table 3-1"
#define ID "DDI 0224B PrimeCell IDs"

static const struct reg_contract regs[] = {
	/* RTCDR counts seconds: a write-ignored check could race the tick. */
	REG("RTCDR", 0x000, ACC_RO, W32, CLS_DATA, 0, T),
	REG("RTCMR", 0x004, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("RTCLR", 0x008, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("RTCCR", 0x00c, ACC_RW, W32, CLS_CONTROL, 0, T),
	REG("RTCIMSC", 0x010, ACC_RW, W32, CLS_IRQ, 0, T),
	REG("RTCRIS", 0x014, ACC_RO, W32, CLS_IRQ, F_WI_PROBE, T),
	REG("RTCMIS", 0x018, ACC_RO, W32, CLS_IRQ, 0, T),
	REG("RTCICR", 0x01c, ACC_WO, W32, CLS_IRQ, 0, T),
	PRIMECELL_ID_REGS("RTC", 0x31, ID),
};

static const uint32_t reserved[] = { 0x020, 0x100, 0xfd0 };

/*
 * Bit level (DDI 0224B 3.3): the match register takes any value; the
 * interrupt mask one bit. RTCLR (it sets the time) and RTCCR (a started
 * RTC may not stop) are never written.
 */
static const struct reg_fields fields[] = {
	{ .name = "RTCMR",
	  .offset = 0x004,
	  .flags = FB_WRITE_SAFE,
	  .writable = 0xffffffff,
	  .spec = "DDI 0224B 3.3.2 RTCMR" },
	{ .name = "RTCIMSC",
	  .offset = 0x010,
	  .flags = FB_WRITE_SAFE | FB_RESET,
	  .res0 = 0xfffffffe,
	  .writable = 0x1,
	  .raw_status = 0x014,
	  .spec = "DDI 0224B 3.3.5 RTCIMSC" },
	{ .name = "RTCCR", .offset = 0x00c, .res0 = 0xfffffffe, .spec = "DDI 0224B 3.3.4 RTCCR" },
	{ .name = "RTCRIS",
	  .offset = 0x014,
	  .flags = FB_WRITE_SAFE,
	  .res0 = 0xfffffffe,
	  .ro = 0xffffffff,
	  .spec = "DDI 0224B 3.3.6 RTCRIS" },
};

static const char *const compats[] = { "arm,pl031", NULL };

const struct device_contract contract_pl031 = {
	.part = "rtc",
	.compats = compats,
	.spec = "Arm PL031 TRM (DDI 0224B)",
	CONTRACT_REGS(regs),
	CONTRACT_RESERVED(reserved),
	.reserved_spec = "DDI 0224B Table 3-1: reserved, behaviour not defined",
	.ro_write_spec = T ": RO",
	.form_reg = "RTCPCellID0",
	.store_reg = "RTCIMSC",
	.frame = 0x1000,
	CONTRACT_FIELDS(fields),
};
