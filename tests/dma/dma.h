/* SPDX-License-Identifier: MIT */
/* The dma suite's shared parts (tests/dma/): the virtio devices the DT's transports hold. */
#ifndef TESTS_DMA_DMA_H
#define TESTS_DMA_DMA_H

#include "drivers/virtio_blk.h"
#include "drivers/virtio_mmio.h"
#include "runtime/case.h"

#define DMA_MAX_DEVICES 8
/*
 * How long a request may take. QEMU completes one in microseconds to a few
 * ms even on a loaded 2-core host; a device that stopped is given up at once
 * (virtio_stopped), so only a silent one costs the whole wait.
 */
#define DMA_WAIT_US 400000
/*
 * Once the device has shown its pace, a shape's request waits DMA_PACE_FACTOR
 * times the slowest of the (at least DMA_PACE_MIN) requests it completed in
 * this run, within DMA_WAIT_FLOOR_US..DMA_WAIT_US (dma_wait_us). A request
 * the device drops without a word (QEMU 7.2 marks a legacy device broken on
 * a chain it refuses, and Status says nothing) then costs half of
 * DMA_WAIT_US; one that is merely slow is still given many times what any
 * of its requests took, and never less than the floor: a loaded host stalls
 * QEMU for tens of ms (a 50 ms floor timed out 32 of 64 ring-wrap requests
 * in flight under CI load).
 */
#define DMA_WAIT_FLOOR_US 200000
#define DMA_PACE_FACTOR	  16
#define DMA_PACE_MIN	  4

struct dma_device {
	const struct dt_device *node;
	struct virtio_dev dev;
	uint64_t slowest_ticks; /* the slowest completion a shape waited for */
	unsigned paced;		/* completions measured */
};

/* The deadline of the device's next shape request, in us (DMA_WAIT_FLOOR_US). */
uint64_t dma_wait_us(const struct dma_device *d);

struct dma_state {
	struct dma_device devs[DMA_MAX_DEVICES];
	unsigned ndevs, devices, transports, empty;
	const struct dt_device *broken[4]; /* transports that do not answer as one, and why */
	const char *why[4];
	const char *check[4]; /* the check each failed (its finding's name) */
	unsigned nbroken;
	/* The transports asked to answer as one (MagicValue, Version), by node offset. */
	int probed[PLAT_MAX_DEVICES];
	unsigned nprobed;
};

static inline struct dma_state *dma_state(struct test_ctx *t)
{
	return t->state;
}

/* The first device of this virtio DeviceID, or NULL. */
struct dma_device *dma_lookup(struct test_ctx *t, uint32_t device_id);
/*
 * The same, its queue memory taken from
 * run-time memory; or NULL with the case skipped: with none when there is no
 * such device, or why there is no memory for its queue.
 */
struct dma_device *dma_find(struct test_ctx *t, uint32_t device_id, const char *none);
/*
 * Wait for the request to complete, by polling the used ring or, with
 * by_irq, by the transport's interrupt on the DT's INTID (any other that
 * arrives is named in *other). 1 with the length written, 0 on timeout.
 */
int dma_complete(struct test_ctx *t, struct dma_device *d, int by_irq, uint32_t *written,
		 uint32_t *other);

/* Enable (route here) or disable every SPI the distributor has. */
void dma_spis(int on);
/*
 * The finding for a completion (what: "a read") that arrived on INTID arrived,
 * not the DT's; the caller has pushed the transport's node.
 */
void dma_wrong_irq(struct test_ctx *t, const struct dma_device *d, const char *what,
		   uint32_t arrived);
/*
 * Why a request did not complete, as the subject field outcome=: stopped
 * (the device set DEVICE_NEEDS_RESET or its Status is not what the driver
 * wrote: virtio_stopped) or timeout (it said nothing before the deadline).
 * In the identity, so that a device known to stop on a request and one that
 * merely stays silent are two findings. One push: subject_pop() undoes it.
 */
void dma_outcome_push(struct test_ctx *t, const struct dma_device *d);
/*
 * The subject of what is said of the block device by its base (shapes,
 * events): node= its transport's DT path, and the words "virtio-blk at
 * 0xBASE: " before the text. Two pushes: dma_blk_pop() undoes them.
 */
void dma_blk_push(struct test_ctx *t, const struct dma_device *d);
void dma_blk_pop(struct test_ctx *t);
/* A transfer's figure: a dma-throughput record (runtime/protocol.h). */
void dma_throughput(const char *device, const char *node, const char *how, uint64_t bytes,
		    uint64_t us);

void case_transports(struct test_ctx *t); /* suite.c */
void case_rng(struct test_ctx *t);	  /* rng.c */
void case_blk(struct test_ctx *t);	  /* blk.c */
void case_targets(struct test_ctx *t);	  /* targets.c */
void case_fw_cfg(struct test_ctx *t);	  /* fw_cfg.c */
void case_fw_cfg_contents(struct test_ctx *t);
void case_fw_cfg_control(struct test_ctx *t);
void case_fw_cfg_targets(struct test_ctx *t); /* fw_cfg_targets.c */
void case_shapes(struct test_ctx *t);	      /* shapes.c */
void case_idx_wrap(struct test_ctx *t);	      /* shapes.c, on request */
void case_events(struct test_ctx *t);	      /* events.c */
void case_claims(struct test_ctx *t);	      /* claims.c */

/* The block device's requests (blk.c; drivers/virtio_blk.h names their parts). */
/* Initialize the block device (queue, FLUSH): NULL or why not. */
const char *dma_blk_init(struct dma_device *d);
/* Initialize it with these features wanted and a queue of up to qsize (shapes.c). */
const char *dma_blk_setup(struct dma_device *d, uint64_t wanted, unsigned qsize);
/*
 * A request with its data at buf: the device's status byte, or
 * DMA_BLK_NOT_DONE when it did not complete (stopped or the wait ended:
 * dma_outcome_push tells which), DMA_BLK_NOT_QUEUED when the queue had no
 * room. With irq_other, completion is awaited by the transport's interrupt
 * (every SPI enabled) and *irq_other names another INTID that came.
 */
#define DMA_BLK_NOT_DONE   (-1)
#define DMA_BLK_NOT_QUEUED (-2)
int dma_blk_request(struct test_ctx *t, struct dma_device *d, uint32_t type, uint64_t sector,
		    uint64_t buf, uint32_t len, uint32_t *irq_other);
/* Read the disk's first sectors and check the pattern: 1 when they match. */
int dma_blk_read_back(struct test_ctx *t, struct dma_device *d);

#endif
