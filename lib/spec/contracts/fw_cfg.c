// SPDX-License-Identifier: MIT
/*
 * QEMU firmware configuration device, MMIO flavour: QEMU docs/specs/fw_cfg
 * ("Memory-Mapped I/O Interface"): data register at 0x0 (8 bytes, read at 8,
 * 16, 32 or 64 bits), selector at 0x8 (16-bit, big-endian, write), DMA
 * address at 0x10 (8 bytes, big-endian; never written here). Selecting key
 * 0x0000 (FW_CFG_SIGNATURE) makes the data register yield "QEMU".
 */
#include "spec/contract.h"

#define Q "QEMU docs/specs/fw_cfg MMIO"

static const struct reg_contract regs[] = {
	REG("Data", 0x000, ACC_RO, W8 | W16 | W32 | W64, CLS_DATA, 0, Q),
	REG("Selector", 0x008, ACC_WO, W16, CLS_CONTROL, F_WRITE0, Q),
	REG("DMA", 0x010, ACC_RW, 0, CLS_DMA, 0, Q),
};

static const char *const compats[] = { "qemu,fw-cfg-mmio", NULL };

const struct device_contract contract_fw_cfg = {
	.part = "fw_cfg",
	.compats = compats,
	.spec = "QEMU fw_cfg (docs/specs/fw_cfg, MMIO interface)",
	CONTRACT_REGS(regs),
	.reserved_spec = Q,
	.ro_write_spec = Q,
	.frame = 0x18,
	.extra = EXTRA_FW_CFG_SIGNATURE,
};
