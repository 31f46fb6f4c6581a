/* SPDX-License-Identifier: MIT */
/*
 * Addresses that are not RAM, found from the DT, for pointing a DMA device
 * at them (tests/dma/targets.c for virtio-blk, tests/dma/fw_cfg_targets.c
 * for fw_cfg): another device's MMIO window, flash, a hole nothing in the
 * DT covers, the DMA device's own window, and an access straddling the end
 * of RAM.
 */
#ifndef TESTS_DMA_NOT_RAM_H
#define TESTS_DMA_NOT_RAM_H

#include <stdint.h>

#include "dt/platform.h"
#include "runtime/check.h"

enum not_ram_kind { NOT_RAM_MMIO, NOT_RAM_FLASH, NOT_RAM_HOLE, NOT_RAM_OWN, NOT_RAM_RAM_END };

struct not_ram {
	const char *what;
	uint64_t addr;
	uint64_t size; /* the window's size in the DT; 0 across the end of RAM */
	enum not_ram_kind kind;
};

#define NOT_RAM_MAX 5

/*
 * The targets the DT yields, in the order of not_ram_kind (those it has no
 * example of are left out). own: the DMA device's node; in_ram: how many
 * bytes of the straddling access lie below the end of RAM.
 */
unsigned not_ram_targets(const struct platform *p, const struct dt_device *own, uint32_t in_ram,
			 struct not_ram *out);

/*
 * The target's kind as a subject value (region=): other-mmio, flash, hole,
 * own-window, ram-end. Stable where the address is not (the end of RAM
 * follows --mem, the hole the DT's layout).
 */
const char *not_ram_kind_name(enum not_ram_kind kind);

/* RAM the harness does not use (not its image, not the DTB, no reservation): safe to write. */
int not_ram_unused(const struct test_ctx *t, uint64_t a, uint64_t len);

#endif
