// SPDX-License-Identifier: MIT
/*
 * Throughput, in bytes per second of guest time, of what moves data: one
 * large virtio-blk read (the runner's scratch disk), and QEMU's fw_cfg
 * reading the runner's file by one DMA operation against its data register
 * (64-bit reads). Each sample times one whole transfer with its cache
 * maintenance, as a driver that cannot count on coherent DMA does it; the
 * first is checked against the pattern (runtime/protocol.h), so a transfer
 * that moves the wrong bytes is a failure, not a figure. The figure's line
 * carries bytes= and median_mb_s= (MB: 10^6 bytes).
 */
#include <stdio.h>
#include <string.h>

#include "boot/cache.h"
#include "boot/cpu.h"
#include "boot/probe.h"
#include "boot/wait.h"
#include "drivers/fw_cfg.h"
#include "drivers/virtio_blk.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "runtime/window.h"
#include "tests/bench/bench.h"
#include "util/util.h"

#define BLK_BYTES    (1u << 20)
#define DMA_SAMPLES  16
#define DATA_SAMPLES 4
#define WAIT_US	     1000000
#define BLK_QUEUE    8

/* The transfer's buffer and the queue, from run-time memory (throughput_memory). */
static uint8_t *buf, *queue_mem;
static struct virtio_blk_req req;
static struct fw_cfg_dma_access access;
static uint64_t ticks[DMA_SAMPLES];

static void report(struct test_ctx *t, const char *target, unsigned n, uint32_t bytes)
{
	struct bench_stats s;

	bench_from_ticks(ticks, n, 0, &s);
	bench_report_bytes(t, "throughput", target, &s, bytes);
}

static uint64_t word_at(uint32_t i)
{
	uint64_t w;

	memcpy(&w, buf + i, 8);
	return w;
}

/* One IN request of len bytes from sector 0 into buf, polled: 1 when OK. */
static int blk_read(struct virtio_dev *d, uint32_t len)
{
	uint32_t head, written;

	cache_clean_to_poc(buf, len);
	if (virtio_blk_request(d, &req, VIRTIO_BLK_T_IN, 0, (uintptr_t)buf, len) < 0)
		return 0;
	enum wait_end end = WAIT_UNTIL(virtq_take_used(d, &head, &written), WAIT_US);
	if (end != WAIT_ON)
		return 0;
	cache_clean_to_poc(buf, len);
	return req.status == VIRTIO_BLK_S_OK;
}

static int find_blk(const struct platform *p, struct virtio_dev *d, const struct dt_device **node)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *n = &p->devices[i];
		/* Only a window that holds the registers and the capacity read (the dma suite's
		 * rule). */
		if (n->enabled && n->nreg && dt_compat_has(n, "virtio,mmio") &&
		    n->reg[0].size >= VIRTIO_MMIO_CONFIG + 8 &&
		    window_identity(n->reg[0].base, n->reg[0].size) &&
		    !virtio_probe(d, (uintptr_t)n->reg[0].base) &&
		    d->device_id == VIRTIO_ID_BLOCK) {
			*node = n;
			return 1;
		}
	}
	return 0;
}

/* The figures reported: 0 or 1. */
static unsigned blk(struct test_ctx *t)
{
	struct virtio_dev d;
	const struct dt_device *n;
	char target[80];

	if (!find_blk(t->plat, &d, &n)) {
		bench_untimed("throughput", NULL, "blk",
			      "no block device behind the DT's virtio-mmio transports");
		return 0;
	}
	d.queue_mem = queue_mem;
	const char *why = virtio_init(&d, 0, BLK_QUEUE);
	uint64_t cap = why ? 0 : virtio_blk_capacity(&d) * VIRTIO_BLK_SECTOR;
	uint32_t len = cap < BLK_BYTES ? (uint32_t)cap : BLK_BYTES;
	node_push(t, n->path);
	int ready = check(t, !why && len >= VIRTIO_BLK_SECTOR, "blk_ready", "virtio-blk %s",
			  why ? why : "capacity under a sector");
	subject_pop(t);
	if (!ready)
		return 0;
	const char *bad = NULL;
	unsigned k = 0;
	/* Word w of sector s: DISK_PATTERN | s << 16 | w (protocol.h). */
	uint64_t last = DISK_PATTERN | (uint64_t)(len / VIRTIO_BLK_SECTOR - 1) << 16 |
			(VIRTIO_BLK_SECTOR / 8 - 1);
	for (; k < DMA_SAMPLES; k++) {
		uint64_t t0 = cpu_counter();
		if (!blk_read(&d, len)) {
			bad = "did not complete";
			break;
		}
		ticks[k] = cpu_counter() - t0;
		if (k == 0 && (word_at(0) != DISK_PATTERN || word_at(len - 8) != last)) {
			bad = "did not read the scratch disk's pattern";
			break;
		}
	}
	virtio_reset(&d);
	node_push(t, n->path);
	int right = check(t, !bad, "blk_read_right", "a %u-byte virtio-blk read %s (sample %u)",
			  len, bad ? bad : "", k);
	subject_pop(t);
	if (!right)
		return 0;
	snprintf(target, sizeof(target), "%s:blk_read", n->path);
	report(t, target, k, len);
	return 1;
}

static int runners(const struct fw_cfg_file *f, void *arg)
{
	if (strcmp(f->name, FWCFG_FILE_NAME))
		return 0;
	*(struct fw_cfg_file *)arg = *f;
	return 1;
}

/* The DT's fw_cfg, answering as one, with the runner's file: 1 and *file. */
static int fw_cfg_ready(struct test_ctx *t, const struct dt_device **node, struct fw_cfg_file *file)
{
	const struct dt_device *n = platform_find_compatible(t->plat, "qemu,fw-cfg-mmio", 0);
	struct probe_outcome w, r;

	if (!n || !n->enabled || !n->nreg || n->reg[0].size < FW_CFG_SELECTOR + 2) {
		bench_untimed("throughput", NULL, "fw_cfg",
			      "no fw_cfg (qemu,fw-cfg-mmio) in the device tree");
		return 0;
	}
	if (!window_identity(n->reg[0].base, n->reg[0].size)) {
		bench_untimed("throughput", NULL, "fw_cfg",
			      "the fw_cfg reg lies above what the identity map reaches");
		return 0;
	}
	uintptr_t base = (uintptr_t)n->reg[0].base;
	if (probe_write(base + FW_CFG_SELECTOR, 16, FW_CFG_KEY_SIGNATURE, &w) ||
	    probe_read(base + FW_CFG_DATA, 32, &r) || (uint32_t)r.value != FW_CFG_SIGNATURE) {
		bench_untimed("throughput", NULL, "fw_cfg",
			      "%s does not answer as fw_cfg (the dma suite says why)", n->path);
		return 0;
	}
	file->size = 0;
	fw_cfg_files(base, runners, file);
	if (file->size < 8 || file->size > BLK_BYTES) {
		bench_untimed("throughput", NULL, "fw_cfg",
			      "no file %s of at most %u bytes (scripts/run attaches it)",
			      FWCFG_FILE_NAME, BLK_BYTES);
		return 0;
	}
	*node = n;
	return 1;
}

/* Clear what file_read_right() looks at, so that each sample shows its own bytes. */
static void clear_ends(uint32_t size)
{
	memset(buf, 0, 8);
	memset(buf + (size / 8 - 1) * 8, 0, 8);
}

static int file_read_right(uint32_t size)
{
	uint32_t last = size / 8 - 1;

	return word_at(0) == FWCFG_PATTERN && word_at(last * 8) == (FWCFG_PATTERN | last);
}

/* The figures reported: 0 to 2. */
static unsigned fw_cfg(struct test_ctx *t)
{
	const struct dt_device *n;
	struct fw_cfg_file f;
	char target[80];

	if (!fw_cfg_ready(t, &n, &f))
		return 0;
	uintptr_t base = (uintptr_t)n->reg[0].base;
	unsigned k = 0;
	for (; k < DATA_SAMPLES; k++) {
		clear_ends(f.size);
		uint64_t t0 = cpu_counter();
		fw_cfg_select(base, f.select);
		fw_cfg_read(base, buf, f.size);
		ticks[k] = cpu_counter() - t0;
		if (!file_read_right(f.size))
			break;
	}
	node_push(t, n->path);
	int right = check(t, k == DATA_SAMPLES, "data_read_right",
			  "%s through the data register is not the runner's file", FWCFG_FILE_NAME);
	subject_pop(t);
	if (!right)
		return 0;
	snprintf(target, sizeof(target), "%s:data_read:64", n->path);
	report(t, target, k, f.size);
	fw_cfg_select(base, FW_CFG_KEY_ID);
	snprintf(target, sizeof(target), "%s:dma_read", n->path);
	if (n->reg[0].size < FW_CFG_WINDOW || !(fw_cfg_read_le32(base) & FW_CFG_ID_DMA)) {
		bench_untimed("throughput", target, "fw_cfg", "%s",
			      n->reg[0].size < FW_CFG_WINDOW
				      ? "the DT's window has no DMA address register"
				      : "FW_CFG_ID offers no DMA interface");
		return 1;
	}
	for (k = 0; k < DMA_SAMPLES; k++) {
		clear_ends(f.size);
		uint64_t t0 = cpu_counter();
		cache_clean_to_poc(buf, f.size);
		uint32_t c = fw_cfg_dma(base, &access, FW_CFG_DMA_KEY(f.select) | FW_CFG_DMA_READ,
					f.size, (uintptr_t)buf, WAIT_US);
		cache_clean_to_poc(buf, f.size);
		ticks[k] = cpu_counter() - t0;
		if (c || !file_read_right(f.size))
			break;
	}
	node_push(t, n->path);
	right = check(t, k == DMA_SAMPLES, "dma_read_right",
		      "a DMA read of %s is not the runner's file", FWCFG_FILE_NAME);
	subject_pop(t);
	if (!right)
		return 1;
	report(t, target, k, f.size);
	return 2;
}

/* NULL, or why there is no memory for the transfers. */
static const char *throughput_memory(void)
{
	if (!buf)
		buf = arena_alloc(BLK_BYTES, PAGE_SIZE);
	if (!buf)
		return arena_refusal("the throughput buffer", BLK_BYTES);
	if (!queue_mem)
		queue_mem = arena_alloc(VIRTIO_QUEUE_MEM, PAGE_SIZE);
	return queue_mem ? NULL : arena_refusal("the throughput queue", VIRTIO_QUEUE_MEM);
}

void case_throughput(struct test_ctx *t)
{
	const char *why = throughput_memory();

	if (why) {
		skip(t, why);
		return;
	}
	unsigned n = blk(t);

	n += fw_cfg(t);
	if (n)
		passed(t);
	else
		skip(t, "nothing that moves data answered: no virtio-blk device and no fw_cfg with "
			"the runner's file");
}
