// SPDX-License-Identifier: MIT
/* The DT's fw_cfg, checked once (tests/dma/fw_cfg_dev.h). */
#include "tests/dma/fw_cfg_dev.h"
#include "util/util.h"

#include <string.h>

#include "boot/cache.h"
#include "boot/probe.h"
#include "dt/claims.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "runtime/window.h"

#define Q "QEMU docs/specs/fw_cfg"

uint8_t *fw_cfg_buf;
static struct fw_cfg_dma_access access;
static struct fw_cfg_dev dev;
static int probed;

uint8_t fw_cfg_pattern_byte(uint32_t i)
{
	uint64_t w = FWCFG_PATTERN | (uint64_t)(i / 8);

	return (uint8_t)(w >> (8 * (i % 8)));
}

long fw_cfg_pattern_differs(const uint8_t *buf, uint32_t from, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		if (buf[i] != fw_cfg_pattern_byte(from + i))
			return (long)i;
	return -1;
}

uint32_t fw_cfg_dma_to_buf(const struct fw_cfg_dev *f, uint32_t control, uint32_t at, uint32_t len)
{
	/* Written back and dropped before, dropped after: right without coherent DMA too. */
	cache_clean_to_poc(fw_cfg_buf + at, len);
	uint32_t c = fw_cfg_dma(f->base, &access, control, len, (uintptr_t)(fw_cfg_buf + at),
				FW_CFG_WAIT_US);
	cache_clean_to_poc(fw_cfg_buf + at, len);
	return c;
}

static int is_runners(const struct fw_cfg_file *f, void *arg)
{
	struct fw_cfg_dev *d = arg;

	if (strcmp(f->name, FWCFG_FILE_NAME))
		return 0;
	d->file = *f;
	d->have_file = 1;
	return 1;
}

/* An access to register reg that faulted where the DT puts fw_cfg: the finding; 0. */
static int no_answer(struct test_ctx *t, const struct fw_cfg_dev *d, const char *reg,
		     const char *access, unsigned off, const struct probe_outcome *o)
{
	char obs[96];

	probe_format(o, PROBE_BRIEF, obs, sizeof(obs));
	subject_push(t, "reg", "%s", reg);
	finding(t, "answers_as_fw_cfg",
		"%s (0x%llx) takes an %s: nothing answers as fw_cfg where the DT puts it", access,
		(unsigned long long)(d->base + off), obs);
	subject_pop(t);
	return 0;
}

/* Selector 0 and the data register, under fault capture: "QEMU", or why not. */
static int signature(struct test_ctx *t, struct fw_cfg_dev *d)
{
	struct probe_outcome w, r = { 0 };

	if (probe_write(d->base + FW_CFG_SELECTOR, 16, FW_CFG_KEY_SIGNATURE, &w))
		return no_answer(t, d, "Selector", "writing the selector", FW_CFG_SELECTOR, &w);
	if (probe_read(d->base + FW_CFG_DATA, 32, &r))
		return no_answer(t, d, "Data", "reading the data register", FW_CFG_DATA, &r);
	subject_push(t, "key", "0x%04x", FW_CFG_KEY_SIGNATURE);
	int ok = (uint32_t)r.value == FW_CFG_SIGNATURE;
	if (!ok)
		finding(t, "reads_signature",
			"key 0x0000 (FW_CFG_SIGNATURE) reads 0x%08x, not 0x%08x (\"QEMU\", %s): "
			"what answers where the DT puts fw_cfg is not fw_cfg",
			(uint32_t)r.value, FW_CFG_SIGNATURE, Q);
	else
		evidence(t, "reads_signature", "key 0x0000 (FW_CFG_SIGNATURE) reads \"QEMU\"");
	subject_pop(t);
	return ok;
}

/* The DMA interface: offered by FW_CFG_ID bit 1, its register in the DT's window, answering. */
static void dma_interface(struct test_ctx *t, struct fw_cfg_dev *d)
{
	uint64_t size = d->node->reg[0].size;
	struct probe_outcome o;

	if (!(d->features & FW_CFG_ID_DMA)) {
		note(t, "%s: FW_CFG_ID 0x%x: no DMA interface (bit 1 clear)", d->node->path,
		     d->features);
		return;
	}
	subject_push(t, "reg", "DMA");
	if (size < FW_CFG_WINDOW) {
		finding(t, "window_holds_dma_register",
			"FW_CFG_ID 0x%x offers the DMA interface (bit 1), but the DT's window "
			"(0x%llx bytes) ends before its address register at 0x%x-0x%x: the DT "
			"and the device disagree; DMA not tried",
			d->features, (unsigned long long)size, FW_CFG_DMA_ADDR, FW_CFG_WINDOW - 1);
		subject_pop(t);
		return;
	}
	if (probe_read(d->base + FW_CFG_DMA_ADDR, 64, &o) ||
	    __builtin_bswap64(o.value) != FW_CFG_DMA_SIGNATURE) {
		char obs[96];
		probe_format(&o, PROBE_BRIEF, obs, sizeof(obs));
		finding(t, "dma_register_signature",
			"FW_CFG_ID offers DMA, but the DMA address register %s, not 0x%016llx "
			"(\"QEMU CFG\" big-endian, %s) | deviation",
			obs, (unsigned long long)FW_CFG_DMA_SIGNATURE, Q);
		subject_pop(t);
		return;
	}
	evidence(t, "dma_register_signature",
		 "FW_CFG_ID 0x%x offers DMA and the DMA address register reads \"QEMU CFG\"",
		 d->features);
	subject_pop(t);
	d->dma = 1;
}

static void probe(struct test_ctx *t)
{
	struct fw_cfg_dev *d = &dev;

	memset(d, 0, sizeof(*d));
	d->node = platform_find_compatible(t->plat, "qemu,fw-cfg-mmio", 0); /* enabled ones only */
	if (!d->node) {
		d->unusable = "no fw_cfg (qemu,fw-cfg-mmio) in the device tree";
		return;
	}
	int more = 0;
	while (platform_find_compatible(t->plat, "qemu,fw-cfg-mmio", more + 1))
		more++;
	if (more)
		note(t,
		     "%d more fw_cfg nodes after %s: only the first is exercised here (the mmio "
		     "suite checks each answers as fw_cfg)",
		     more, d->node->path);
	if (d->node->nreg && !window_identity(d->node->reg[0].base, d->node->reg[0].size)) {
		d->unusable =
			"the fw_cfg reg lies above what the identity map reaches (AArch32: 4 GiB)";
		return;
	}
	d->base = (uintptr_t)d->node->reg[0].base;
	node_push(t, d->node->path);
	if (d->node->nreg < 1 || d->node->reg[0].size < FW_CFG_SELECTOR + 2) {
		finding(t, "window_holds_registers",
			"reg does not cover the data register and the selector (0x0-0x9)");
		d->unusable = "the DT's fw_cfg window does not hold its registers";
		subject_pop(t);
		return;
	}
	/*
	 * What answers at reg must be fw_cfg: its selector and data register, and the
	 * signature (lies fwcfg-moved, fwcfg-on-gpio); the DMA register inside reg's
	 * window when FW_CFG_ID offers it (lie fwcfg-dma-outside-window).
	 */
	claim_hold(d->node->node, "reg", CLAIM_PROBE);
	claim_hold(d->node->node, "compatible", CLAIM_PROBE);
	if (!signature(t, d)) {
		d->unusable = "the DT's fw_cfg does not answer as one (first fw_cfg case)";
		subject_pop(t);
		return;
	}
	fw_cfg_select(d->base, FW_CFG_KEY_ID);
	d->features = fw_cfg_read_le32(d->base);
	subject_push(t, "key", "0x%04x", FW_CFG_KEY_ID);
	check(t, d->features & FW_CFG_ID_TRADITIONAL, "id_traditional_bit",
	      "FW_CFG_ID 0x%x: bit 0 (traditional interface) clear; %s says always set",
	      d->features, Q);
	subject_pop(t);
	dma_interface(t, d);
	subject_pop(t);
	uint32_t count = fw_cfg_files(d->base, is_runners, d);
	note(t, "%s: %u files in the directory (key 0x19)", d->node->path, count);
}

const struct fw_cfg_dev *fw_cfg_dev(struct test_ctx *t, const char **why)
{
	if (!probed) {
		probe(t);
		probed = 1;
	}
	*why = dev.unusable;
	return dev.unusable ? NULL : &dev;
}

const struct fw_cfg_dev *fw_cfg_usable(struct test_ctx *t, int need_file, int need_dma)
{
	const char *why;
	const struct fw_cfg_dev *f = fw_cfg_dev(t, &why);

	if (!f)
		skip(t, why);
	else if (need_file && !f->have_file)
		skip(t, "the runner's file " FWCFG_FILE_NAME " is not in the fw_cfg directory "
			"(scripts/run attaches it)");
	else if (need_dma && !f->dma)
		skip(t, "no usable fw_cfg DMA interface (first fw_cfg case)");
	else if (need_file && !fw_cfg_buf &&
		 !(fw_cfg_buf = arena_alloc(FWCFG_FILE_SIZE, PAGE_SIZE)))
		skip(t, arena_refusal("the fw_cfg file's buffer", FWCFG_FILE_SIZE));
	else
		return f;
	return NULL;
}
