// SPDX-License-Identifier: MIT
/*
 * Block requests of any shape for the shapes and events cases (request.h):
 * a header, data segments and a status byte, in the ring or partly in an
 * indirect table, each completion checked by the used ring's id (the
 * chain's head, virtio 1.2 2.7.8) and len (at most what the chain lets the
 * device write, 2.7.8.2), its status (5.2.6) and, for a read, its data
 * against the scratch disk's pattern (runtime/protocol.h). A request that
 * failed is followed by a reset and the same initialization, so the next
 * shapes still run.
 */
#include <string.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/dma/request.h"

static struct virtio_blk_header header __attribute__((aligned(16)));
static volatile uint8_t status_byte;
static uint64_t setup_wanted;
static unsigned setup_qsize, setup_desc_off;

const char *shape_setup(struct dma_device *d, uint64_t wanted, unsigned qsize, unsigned desc_off)
{
	setup_wanted = wanted;
	setup_qsize = qsize;
	setup_desc_off = desc_off;
	d->dev.desc_off = desc_off;
	const char *why = dma_blk_setup(d, wanted, qsize);
	d->dev.desc_off = 0;
	return why;
}

/* After a request that failed: reset, initialize again, so that the next shapes run. */
static void recover(struct test_ctx *t, struct dma_device *d)
{
	uint32_t st = virtio_status(&d->dev);

	virtio_reset(&d->dev);
	const char *why = shape_setup(d, setup_wanted, setup_qsize, setup_desc_off);
	if (check(t, !why, "reinitializes", "reset after a failed request, then %s",
		  why ? why : ""))
		note(t,
		     "virtio-blk at 0x%llx: Status 0x%x after the failed request "
		     "(DEVICE_NEEDS_RESET %s); reset and initialized again",
		     BLK_AT(d), st, st & VIRTIO_STATUS_NEEDS_RESET ? "set" : "clear");
}

uint8_t shape_expected(uint64_t sector, unsigned at, int rewritten)
{
	uint64_t s = sector + at / VIRTIO_BLK_SECTOR;
	uint64_t v = DISK_PATTERN | s << 16 | (at % VIRTIO_BLK_SECTOR) / 8;

	return (uint8_t)((rewritten ? ~v : v) >> (8 * (at % 8)));
}

uint64_t dma_wait_us(const struct dma_device *d)
{
	if (d->paced < DMA_PACE_MIN)
		return DMA_WAIT_US;
	uint64_t us = smp_ticks_to_us(d->slowest_ticks) * DMA_PACE_FACTOR;
	return us < DMA_WAIT_FLOOR_US ? DMA_WAIT_FLOOR_US : us > DMA_WAIT_US ? DMA_WAIT_US : us;
}

int shape_wait(struct dma_device *d, uint32_t *head, uint32_t *len)
{
	struct wait w;
	uint64_t t0 = cpu_counter();

	wait_begin(&w, dma_wait_us(d));
	for (;;) {
		int late = wait_look(&w) != WAIT_ON;
		if (virtq_take_used(&d->dev, head, len)) {
			uint64_t took = cpu_counter() - t0;
			if (took > d->slowest_ticks)
				d->slowest_ticks = took;
			d->paced++;
			return 1;
		}
		/* A device that stopped will not complete: one more look, then give up. */
		if (late || virtio_stopped(&d->dev))
			return virtq_take_used(&d->dev, head, len);
	}
}

/* The bytes of segs, in order, against the stream of sectors from sector: the first wrong one or
 * -1. */
long shape_mismatch(const struct shape_seg *segs, unsigned n, uint64_t sector)
{
	unsigned at = 0;

	for (unsigned i = 0; i < n; i++)
		for (unsigned k = 0; k < segs[i].len; k++, at++)
			if (segs[i].at[k] != shape_expected(sector, at, 0))
				return at;
	return -1;
}

static uint32_t seg_total(const struct shape_req *r)
{
	uint32_t total = 0;

	for (unsigned i = 0; i < r->nseg; i++)
		total += r->segs[i].len;
	return total;
}

uint8_t shape_status(void)
{
	return status_byte;
}

int shape_submit(struct dma_device *d, const struct shape_req *r)
{
	struct virtio_buf b[SHAPE_MAX_SEGS + 2];

	if (r->nseg > SHAPE_MAX_SEGS)
		return -1;
	header = (struct virtio_blk_header){ r->type, 0, r->sector };
	status_byte = VIRTIO_BLK_S_UNSET;
	b[0] = (struct virtio_buf){ (uintptr_t)&header, sizeof(header) };
	for (unsigned i = 0; i < r->nseg; i++) {
		b[1 + i] = (struct virtio_buf){ (uintptr_t)r->segs[i].at, r->segs[i].len };
		if (r->type == VIRTIO_BLK_T_IN)
			memset(r->segs[i].at, 0xa5, r->segs[i].len);
	}
	b[1 + r->nseg] = (struct virtio_buf){ (uintptr_t)&status_byte, 1 };
	unsigned n = r->nseg + 2, nwrite = r->type == VIRTIO_BLK_T_IN ? r->nseg + 1 : 1;
	return r->table ? virtq_submit_indirect(&d->dev, r->table, b, n, nwrite, r->ndirect)
			: virtq_submit(&d->dev, b, n, nwrite);
}

static void shape_push(struct test_ctx *t, const char *form, const char *shape)
{
	subject_push(t, "form", "%s", form);
	prefix_push(t, "%s: ", shape);
}

static void shape_pop(struct test_ctx *t)
{
	subject_pop(t);
	subject_pop(t);
}

int shape_request(struct test_ctx *t, struct dma_device *d, const char *form, const char *shape,
		  const struct shape_req *r)
{
	int want = shape_submit(d, r);

	shape_push(t, form, shape);
	int room =
		check(t, want >= 0, "queue_has_room",
		      "the queue of %u has no room for %u descriptors", d->dev.q.num, r->nseg + 2);
	shape_pop(t);
	if (!room)
		return 0;
	virtq_kick(&d->dev);
	return shape_finish(t, d, form, shape, r, want);
}

static int finish(struct test_ctx *t, struct dma_device *d, const struct shape_req *r, int want)
{
	uint32_t total = seg_total(r), head, len;
	uint64_t wait_us = dma_wait_us(d);
	unsigned paced = d->paced;

	if (!shape_wait(d, &head, &len)) {
		dma_outcome_push(t, d);
		finding(t, "completes",
			"no completion (within %llu ms%s, or before the device stopped) | required",
			(unsigned long long)wait_us / 1000,
			paced >= DMA_PACE_MIN ? ": the device's pace (dma.h DMA_PACE_FACTOR times "
						"the slowest request it completed)"
					      : "");
		subject_pop(t);
		recover(t, d);
		return 0;
	}
	uint32_t writable = r->type == VIRTIO_BLK_T_IN ? total + 1 : 1;
	if (!check(t, head == (uint32_t)want, "used_id_is_head",
		   "the used ring names id %u, not the chain's head %d (2.7.8) | required", head,
		   want) ||
	    !check(t, len <= writable, "used_len_within_chain",
		   "used len %u, more than the %u bytes the chain lets the device write "
		   "(2.7.8.2) | required",
		   len, writable) ||
	    !check(t, status_byte == VIRTIO_BLK_S_OK, "status_ok",
		   "status %u, not OK (5.2.6) | required", status_byte)) {
		recover(t, d);
		return 0;
	}
	if (r->type == VIRTIO_BLK_T_IN) {
		long bad = shape_mismatch(r->segs, r->nseg, r->sector);
		if (!check(t, bad < 0, "reads_disk", "byte %ld of the %u read is not the disk's",
			   bad, total))
			return 0;
	}
	if (!r->quiet)
		evidence(t, "completes", "used id %u len %u, %u bytes %s | required", head, len,
			 total, r->type == VIRTIO_BLK_T_IN ? "read and match the disk" : "written");
	return 1;
}

int shape_finish(struct test_ctx *t, struct dma_device *d, const char *form, const char *shape,
		 const struct shape_req *r, int want)
{
	shape_push(t, form, shape);
	int ok = finish(t, d, r, want);
	shape_pop(t);
	return ok;
}
