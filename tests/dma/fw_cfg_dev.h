/* SPDX-License-Identifier: MIT */
/*
 * The dma suite's fw_cfg (tests/dma/fw_cfg*.c): the DT's qemu,fw-cfg-mmio
 * node, checked once to answer as one, and the runner's file
 * (runtime/protocol.h FWCFG_*) in its directory.
 */
#ifndef TESTS_DMA_FW_CFG_DEV_H
#define TESTS_DMA_FW_CFG_DEV_H

#include "drivers/fw_cfg.h"
#include "runtime/case.h"

#define FW_CFG_WAIT_US 100000

struct fw_cfg_dev {
	const struct dt_device *node;
	uintptr_t base;
	uint32_t features;	 /* FW_CFG_ID */
	int dma;		 /* DMA interface offered, answering, and in the DT's window */
	struct fw_cfg_file file; /* the runner's */
	int have_file;
	const char *unusable; /* why the cases after the first skip */
};

/*
 * The DT's fw_cfg, probed on the first call (findings go to that case): NULL
 * with *why when there is none or it does not answer as fw_cfg.
 */
const struct fw_cfg_dev *fw_cfg_dev(struct test_ctx *t, const char **why);

/* fw_cfg_dev() for a case: NULL, the case skipped with why, when it or what it needs is missing. */
const struct fw_cfg_dev *fw_cfg_usable(struct test_ctx *t, int need_file, int need_dma);

/* The file's byte at offset i (the pattern's little-endian words). */
uint8_t fw_cfg_pattern_byte(uint32_t i);
/* The first offset in [0, len) where buf differs from the file at from, or -1. */
long fw_cfg_pattern_differs(const uint8_t *buf, uint32_t from, uint32_t len);

/*
 * A buffer the device may write, 4 KiB-aligned, FWCFG_FILE_SIZE bytes, from
 * run-time memory: set when fw_cfg_usable() with need_file returned the device.
 */
extern uint8_t *fw_cfg_buf;
/* DMA-read len bytes of the selected item at its offset into fw_cfg_buf + at; the control word
 * left. */
uint32_t fw_cfg_dma_to_buf(const struct fw_cfg_dev *f, uint32_t control, uint32_t at, uint32_t len);

#endif
