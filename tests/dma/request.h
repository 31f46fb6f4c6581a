/* SPDX-License-Identifier: MIT */
/* Block requests of any descriptor shape (request.c), for the shapes and events cases. */
#ifndef TESTS_DMA_REQUEST_H
#define TESTS_DMA_REQUEST_H

#include "tests/dma/dma.h"

/*
 * How notes name the device: by its transport's base. Findings and evidence
 * say it through the subject (dma_blk_push: node=, and the same words).
 */
#define BLK_AT(d) ((unsigned long long)(d)->dev.base)

/*
 * Initialize the block device for shapes (dma_blk_setup, the descriptor
 * table at desc_off where the transport allows it), kept so that a request
 * that failed can be followed by a reset and the same initialization.
 */
const char *shape_setup(struct dma_device *d, uint64_t wanted, unsigned qsize, unsigned desc_off);

#define SHAPE_MAX_SEGS (VIRTQ_MAX - 2) /* data segments of one request, at most */

struct shape_seg {
	uint8_t *at;
	uint32_t len;
};

/*
 * A request of a header, nseg data segments and a status byte. With table:
 * the first ndirect of those buffers in the ring, the rest in that indirect
 * table.
 */
struct shape_req {
	uint32_t type;
	uint64_t sector;
	const struct shape_seg *segs;
	unsigned nseg;
	struct virtq_desc *table;
	unsigned ndirect;
	int quiet; /* no evidence line of its own when all held */
};

/* Byte at of the scratch disk's pattern from sector on (rewritten: its complement). */
uint8_t shape_expected(uint64_t sector, unsigned at, int rewritten);
/* The first byte of segs (in order) that is not the disk's from sector on, or -1. */
long shape_mismatch(const struct shape_seg *segs, unsigned n, uint64_t sector);
/* Poll the used ring up to dma_wait_us(d): 1 with the entry's id and len. */
int shape_wait(struct dma_device *d, uint32_t *head, uint32_t *len);
/* Make the request (not notified): its head, or -1 when the queue has no room. */
int shape_submit(struct dma_device *d, const struct shape_req *r);
/* The status byte of the last request made. */
uint8_t shape_status(void);
/*
 * Wait for the request made with head want and check it: the used id, len,
 * status and, for a read, the data against the disk. 1 when all held. What
 * is said has the subject form=FORM (a short name of the shape) and the words
 * "SHAPE: " before the text; the caller has pushed the device (dma_blk_push).
 */
int shape_finish(struct test_ctx *t, struct dma_device *d, const char *form, const char *shape,
		 const struct shape_req *r, int want);
/* Submit, notify, finish. */
int shape_request(struct test_ctx *t, struct dma_device *d, const char *form, const char *shape,
		  const struct shape_req *r);

#endif
