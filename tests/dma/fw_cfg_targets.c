// SPDX-License-Identifier: MIT
/*
 * fw_cfg DMA reads into what is not RAM (tests/dma/not_ram.h): the device
 * writes there. The document says the address is "the physical RAM
 * address", so elsewhere is outside it: completing (the bytes went
 * wherever the platform sent them) and the error bit are each permitted; a
 * control word left in progress is a deviation (the driver cannot tell).
 * Required: the guest stays alive and the interface reads the file right
 * afterwards. Where a device could act on what it is given (another
 * device's registers, flash, whose writes are commands) only 4 zero bytes
 * are written, from past the end of the file: a read-only data register
 * and flash's read-array command; the rest get the file's bytes.
 */
#include <string.h>

#include "boot/cache.h"
#include "boot/probe.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "tests/dma/dma.h"
#include "tests/dma/fw_cfg_dev.h"
#include "tests/dma/not_ram.h"

#define WRITE_LEN 512
#define GENTLE	  4
#define AFTER_LEN 64

static struct fw_cfg_dma_access access;

/* The straddling target's part below the end of RAM reads, one probed word: 1 when it does. */
static int ram_part_reads(const struct not_ram *g)
{
	struct probe_outcome o;

	return g->kind == NOT_RAM_RAM_END && !probe_read((uintptr_t)g->addr, 64, &o);
}

static uint32_t into(const struct fw_cfg_dev *f, const struct not_ram *g, uint32_t *len)
{
	int gentle = g->kind == NOT_RAM_MMIO || g->kind == NOT_RAM_FLASH;
	uint32_t offset = gentle ? FWCFG_FILE_SIZE : 0;
	int ram = ram_part_reads(g);

	*len = gentle ? GENTLE : g->kind == NOT_RAM_OWN ? 8 : WRITE_LEN;
	if (ram)
		cache_clean_to_poc((const void *)(uintptr_t)g->addr, WRITE_LEN / 2);
	uint32_t c = fw_cfg_dma(f->base, &access, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_SKIP,
				offset, 0, FW_CFG_WAIT_US);
	if (c)
		return c;
	c = fw_cfg_dma(f->base, &access, FW_CFG_DMA_READ, *len, g->addr, FW_CFG_WAIT_US);
	if (ram)
		cache_clean_to_poc((const void *)(uintptr_t)g->addr, WRITE_LEN / 2);
	return c;
}

/* What the part in RAM holds after, each word read under fault capture. */
static const char *ram_part(const struct not_ram *g)
{
	struct probe_outcome o;

	if (g->kind != NOT_RAM_RAM_END)
		return "";
	for (uint32_t i = 0; i < WRITE_LEN / 2; i += 8) {
		uint64_t want = 0;
		for (unsigned b = 0; b < 8; b++)
			want |= (uint64_t)fw_cfg_pattern_byte(i + b) << (8 * b);
		if (probe_read((uintptr_t)g->addr + i, 64, &o))
			return "; the part the DT calls RAM does not read (abort)";
		if (o.value != want)
			return "; the part in RAM does not hold the file's bytes";
	}
	return "; the part in RAM holds the file's bytes";
}

static void one(struct test_ctx *t, const struct fw_cfg_dev *f, const struct not_ram *g)
{
	uint32_t len, c = into(f, g, &len);
	const char *in_ram = ram_part(g);
	if (c == 0)
		evidence(t, "outcome_tellable",
			 "DMA read of %u bytes to 0x%llx (%s): completed, no error%s | permitted",
			 len, (unsigned long long)g->addr, g->what, in_ram);
	else if (c == FW_CFG_DMA_ERROR)
		evidence(t, "outcome_tellable",
			 "DMA read of %u bytes to 0x%llx (%s): error bit set%s | permitted", len,
			 (unsigned long long)g->addr, g->what, in_ram);
	else
		finding(t, "outcome_tellable",
			"DMA read of %u bytes to 0x%llx (%s): control 0x%08x after %u ms, still in "
			"progress: the driver cannot tell what happened | deviation",
			len, (unsigned long long)g->addr, g->what, c, FW_CFG_WAIT_US / 1000);
	/* Alive here; the interface must read the file right again. */
	fw_cfg_select(f->base, FW_CFG_KEY_SIGNATURE);
	uint32_t sig = fw_cfg_read_le32(f->base);
	memset(fw_cfg_buf, 0, AFTER_LEN);
	c = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_READ, 0, AFTER_LEN);
	check(t,
	      sig == FW_CFG_SIGNATURE && c == 0 &&
		      fw_cfg_pattern_differs(fw_cfg_buf, 0, AFTER_LEN) < 0,
	      "works_after_target",
	      "after the %s test, the signature reads 0x%08x and a DMA read control 0x%08x%s | "
	      "deviation",
	      g->what, sig, c,
	      fw_cfg_pattern_differs(fw_cfg_buf, 0, AFTER_LEN) < 0 ? "" : ", not the file's bytes");
}

void case_fw_cfg_targets(struct test_ctx *t)
{
	const struct fw_cfg_dev *f = fw_cfg_usable(t, 1, 1);
	struct not_ram list[NOT_RAM_MAX];

	if (!f)
		return;
	unsigned n = not_ram_targets(t->plat, f->node, WRITE_LEN / 2, list), tried = 0;
	for (unsigned i = 0; i < n; i++) {
		const struct not_ram *g = &list[i];
		/* The device writes: never into RAM the harness holds. */
		if (g->kind == NOT_RAM_RAM_END && !not_ram_unused(t, g->addr, WRITE_LEN / 2)) {
			note(t,
			     "%s: a DMA read across the end of RAM not tried: the harness uses "
			     "the RAM there",
			     f->node->path);
			continue;
		}
		node_push(t, f->node->path);
		/* The kind of target, not its address: the end of RAM follows --mem. */
		subject_push(t, "region", "%s", not_ram_kind_name(g->kind));
		one(t, f, g);
		subject_pop(t);
		subject_pop(t);
		tried++;
	}
	note(t,
	     "fw_cfg dma targets that are not RAM: %u tried (the document names only RAM: any "
	     "answer the driver can tell is permitted)",
	     tried);
}
