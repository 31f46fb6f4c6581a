// SPDX-License-Identifier: MIT
/*
 * virtio-mmio transport, Virtual I/O Device (VIRTIO) 1.2, 4.2.2 "MMIO Device
 * Register Layout" (legacy layout: 4.2.4). "The driver MUST only use 32 bit
 * wide and aligned reads and writes to access the control registers": 32-bit
 * is required, other widths are undefined (permitted either way). The driver
 * must not write read-only registers, so nothing is written.
 */
#include "spec/contract.h"

#define V "virtio 1.2 4.2.2"

static const struct reg_contract regs[] = {
	{ .name = "MagicValue",
	  .offset = 0x000,
	  .access = ACC_RO,
	  .required = W32,
	  .cls = CLS_ID,
	  .flags = 0,
	  .id = { 0xffffffff, 0x74726976, 0x74726976 },
	  .spec = V },
	{ .name = "Version",
	  .offset = 0x004,
	  .access = ACC_RO,
	  .required = W32,
	  .cls = CLS_ID,
	  .id = { 0xffffffff, 1, 2 },
	  .spec = V " (1 legacy, 2)" },
	REG("DeviceID", 0x008, ACC_RO, W32, CLS_ID, 0, V),
	REG("VendorID", 0x00c, ACC_RO, W32, CLS_ID, 0, V),
	REG("DeviceFeatures", 0x010, ACC_RO, W32, CLS_FEATURES, 0, V),
	REG("QueueNumMax", 0x034, ACC_RO, W32, CLS_QUEUE, 0, V),
	REG("InterruptStatus", 0x060, ACC_RO, W32, CLS_IRQ, 0, V),
	REG("Status", 0x070, ACC_RW, W32, CLS_STATUS, F_WRITE0, V), /* 0: reset, 4.2.3.1 */
};

static const uint32_t reserved[] = { 0x018, 0x048,
				     0x0c8 }; /* 0x0ac-0x0c0 are SHM/QueueReset in virtio 1.2 */

static const char *const compats[] = { "virtio,mmio", NULL };

const struct device_contract contract_virtio_mmio = {
	.part = "transport",
	.compats = compats,
	.spec = "virtio 1.2 4.2.2 (virtio-mmio)",
	CONTRACT_REGS(regs),
	CONTRACT_RESERVED(reserved),
	.reserved_spec = V ": reserved offsets not defined",
	.ro_write_spec = V,
	.form_reg = "MagicValue",
	.frame = 0x100,
	.extra = EXTRA_VIRTIO_DEVICE_ID,
};
