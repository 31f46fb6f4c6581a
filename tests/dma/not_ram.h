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

enum not_ram_kind { NOT_RAM_MMIO, NOT_RAM_FLASH, NOT_RAM_HOLE, NOT_RAM_OWN, NOT_RAM_RAM_END };

struct not_ram {
	const char *what;
	uint64_t addr;
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

#endif
