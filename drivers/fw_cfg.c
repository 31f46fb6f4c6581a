// SPDX-License-Identifier: MIT
#include "drivers/fw_cfg.h"

#include <string.h>

#include "boot/cache.h"
#include "boot/mmio.h"
#include "boot/wait.h"

void fw_cfg_select(uintptr_t base, uint16_t key)
{
	mmio_write16(base + FW_CFG_SELECTOR, __builtin_bswap16(key));
}

void fw_cfg_read(uintptr_t base, void *buf, size_t len)
{
	uint8_t *p = buf;

	/*
	 * String-preserving: the word's bytes in memory order are the item's.
	 * The widest single access (a 64-bit one is two on AArch32, and each
	 * read of the data register takes the next bytes).
	 */
	for (; len >= sizeof(uintptr_t); len -= sizeof(uintptr_t), p += sizeof(uintptr_t)) {
		uintptr_t w = mmio_read_word(base + FW_CFG_DATA);
		memcpy(p, &w, sizeof(w));
	}
	for (; len; len--)
		*p++ = mmio_read8(base + FW_CFG_DATA);
}

uint32_t fw_cfg_read_le32(uintptr_t base)
{
	uint8_t b[4];

	fw_cfg_read(base, b, 4);
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

uint64_t fw_cfg_dma_signature(uintptr_t base)
{
	return __builtin_bswap64(mmio_read64(base + FW_CFG_DMA_ADDR));
}

static uint32_t be32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint32_t fw_cfg_files(uintptr_t base, int (*found)(const struct fw_cfg_file *f, void *arg),
		      void *arg)
{
	uint8_t raw[4 + 2 + 2 + FW_CFG_FILE_NAME];

	fw_cfg_select(base, FW_CFG_KEY_FILE_DIR);
	fw_cfg_read(base, raw, 4);
	uint32_t count = be32(raw);
	for (uint32_t i = 0; i < count; i++) {
		struct fw_cfg_file f;
		fw_cfg_read(base, raw, sizeof(raw));
		f.size = be32(raw);
		f.select = (uint16_t)(raw[4] << 8 | raw[5]);
		memcpy(f.name, raw + 8, FW_CFG_FILE_NAME);
		f.name[FW_CFG_FILE_NAME - 1] = 0;
		if (found(&f, arg))
			break;
	}
	return count;
}

uint32_t fw_cfg_dma(uintptr_t base, struct fw_cfg_dma_access *acc, uint32_t control,
		    uint32_t length, uint64_t address, unsigned wait_us)
{
	volatile uint32_t *ctl = &acc->control;
	uint64_t pa = (uintptr_t)acc;
	struct wait w;

	wait_begin(&w, wait_us);
	acc->control = __builtin_bswap32(control);
	acc->length = __builtin_bswap32(length);
	acc->address = __builtin_bswap64(address);
	cache_clean_to_poc(acc, sizeof(*acc));
	/* One 64-bit write: the device starts on the write of the low half. */
	mmio_write64(base + FW_CFG_DMA_ADDR, __builtin_bswap64(pa));
	for (;;) {
		enum wait_end end = wait_look(&w);
		cache_clean_to_poc(acc, sizeof(*acc)); /* clean already: drops the line */
		uint32_t c = __builtin_bswap32(*ctl);
		if (!(c & ~FW_CFG_DMA_ERROR) || end != WAIT_ON)
			return c;
	}
}
