// SPDX-License-Identifier: MIT
/*
 * Descriptor shapes on the block device (virtio 1.2 2.7 split virtqueues,
 * 5.2 block device), each request's data checked against the scratch disk's
 * pattern (runtime/protocol.h) and its completion by the used ring's id
 * (the chain's head, 2.7.8) and len (at most what the chain lets the device
 * write, 2.7.8.2):
 *   - a data buffer that crosses a 4 KiB page, read and written;
 *   - a descriptor table that crosses a page (modern only: legacy puts it at
 *     QueuePFN, page-aligned, and a queue of VIRTQ_MAX fits in one page);
 *   - a 4 KiB read scattered over many 64..512-byte segments, within the
 *     Queue Size and seg_max (5.2.3, when VIRTIO_BLK_F_SEG_MAX is offered);
 *   - with VIRTIO_F_INDIRECT_DESC: a request through an indirect table, one
 *     of many segments in a table that crosses a page, and a chain of ring
 *     descriptors ending in an indirect one (2.7.5.3.2: the device MUST
 *     handle it);
 *   - the whole ring in flight at once, round after round, until the ring
 *     went around WRAP_LAPS times, each completion matched to its request by
 *     the used id, whatever the order; the case idx_wrap (on request: its
 *     65536 requests take seconds under TCG) goes on until the 16-bit
 *     available and used idx wrap, within WRAP_BUDGET_US (when that runs
 *     out, the wrap is said not checked).
 * All of these are required of the device (2.6.4.1: it MUST NOT assume an
 * arrangement of descriptors; 2.7.5.3.2). A feature not offered is a note,
 * never a pass.
 */
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/dma/request.h"
#include "util/util.h"

#define BLOCK	       4096 /* the scattered reads' size */
#define SHAPE_QUEUE    VIRTQ_MAX
#define IDX_WRAP       65536u  /* requests for the 16-bit idx to wrap */
#define WRAP_LAPS      4u      /* times the default run's requests go around the ring */
#define WRAP_BUDGET_US 8000000 /* well under the case watchdog on a slow host */
#define SCATTER_FIRST  64      /* sectors the shapes read: pattern, never rewritten */
#define RING_FIRST     128

#define AREA_SIZE  (3 * PAGE_SIZE)
#define TABLE_SIZE (2 * PAGE_SIZE)
/* The shapes' buffers and indirect tables: from run-time memory, page-aligned, not the image. */
static uint8_t *area, *table_mem;
static struct virtio_blk_header headers[SHAPE_QUEUE] __attribute__((aligned(16)));
static volatile uint8_t status_bytes[SHAPE_QUEUE];
/* A sector per request in flight (32 KiB): from run-time memory, not the image. */
static uint8_t (*ring_data)[VIRTIO_BLK_SECTOR];
static struct virtq_desc ring_tables[SHAPE_QUEUE][3] __attribute__((aligned(16)));

/* A buffer across a page boundary in area, read; one written to a loose sector and read back. */
static void straddle(struct test_ctx *t, struct dma_device *d)
{
	struct shape_seg seg = { area + PAGE_SIZE - VIRTIO_BLK_SECTOR, 2 * VIRTIO_BLK_SECTOR };
	uint64_t loose = DISK_LOOSE_FIRST + DISK_LOOSE_COUNT - 1;
	uint8_t *out = area + 2 * PAGE_SIZE - VIRTIO_BLK_SECTOR / 2;

	shape_request(t, d, "page-crossing-read", "a 1 KiB read into a buffer across a 4 KiB page",
		      &(struct shape_req){ VIRTIO_BLK_T_IN, SCATTER_FIRST, &seg, 1, NULL, 0, 0 });
	for (unsigned k = 0; k < VIRTIO_BLK_SECTOR; k++)
		out[k] = (uint8_t)(k * 7 + 1);
	seg = (struct shape_seg){ out, VIRTIO_BLK_SECTOR };
	if (!shape_request(t, d, "page-crossing-write",
			   "a sector written from a buffer across a 4 KiB page",
			   &(struct shape_req){ VIRTIO_BLK_T_OUT, loose, &seg, 1, NULL, 0, 0 }))
		return;
	/* Read back into area: the loose sector holds what was written, not the pattern. */
	seg = (struct shape_seg){ area, VIRTIO_BLK_SECTOR };
	struct shape_req back = { VIRTIO_BLK_T_IN, loose, &seg, 1, NULL, 0, 0 };
	int head = shape_submit(d, &back);
	if (head < 0)
		return;
	virtq_kick(&d->dev);
	uint32_t used, len;
	int ok = shape_wait(d, &used, &len) && shape_status() == VIRTIO_BLK_S_OK;
	for (unsigned k = 0; ok && k < VIRTIO_BLK_SECTOR; k++)
		ok = area[k] == out[k];
	subject_push(t, "form", "page-crossing-write");
	if (check(t, ok, "reads_back", "the sector written from across a page does not read back"))
		evidence(t, "reads_back",
			 "the sector written from across a page reads back | required");
	subject_pop(t);
}

/*
 * BLOCK bytes in segments of 64, 128, 256 and 512 bytes in turn, placed in
 * area in reverse order with a gap between them: a real scatter.
 */
static unsigned scatter(struct shape_seg *segs, unsigned max, unsigned step_min)
{
	static const unsigned sizes[] = { 64, 128, 256, 512 };
	unsigned n = 0, done = 0;
	uint8_t *end = area + AREA_SIZE;

	while (done < BLOCK && n < max) {
		unsigned len = step_min ? step_min : sizes[n % 4];
		if (len > BLOCK - done)
			len = BLOCK - done;
		end -= len + 16;
		segs[n++] = (struct shape_seg){ end, len };
		done += len;
	}
	return done == BLOCK ? n : 0;
}

static void segments(struct test_ctx *t, struct dma_device *d, unsigned seg_max)
{
	struct shape_seg segs[SHAPE_MAX_SEGS];
	unsigned n = scatter(segs, SHAPE_MAX_SEGS, 0);
	char what[96];

	if (n > seg_max || n + 2 > d->dev.q.num) {
		note(t,
		     "virtio-blk at 0x%llx: a 4 KiB read in %u segments not checked: seg_max %u, "
		     "queue of %u",
		     BLK_AT(d), n, seg_max, d->dev.q.num);
		return;
	}
	snprintf(what, sizeof(what), "a 4 KiB read in %u segments of 64..512 bytes", n);
	shape_request(t, d, "scattered", what,
		      &(struct shape_req){ VIRTIO_BLK_T_IN, SCATTER_FIRST, segs, n, NULL, 0, 0 });
}

static void indirect(struct test_ctx *t, struct dma_device *d, unsigned seg_max)
{
	struct shape_seg segs[SHAPE_MAX_SEGS];

	if (!(d->dev.accepted & (1ull << VIRTIO_F_INDIRECT_DESC))) {
		note(t,
		     "virtio-blk at 0x%llx: indirect descriptors not checked: "
		     "VIRTIO_F_INDIRECT_DESC not offered",
		     BLK_AT(d));
		return;
	}
	struct virtq_desc *table = (struct virtq_desc *)(void *)table_mem;
	segs[0] = (struct shape_seg){ area, VIRTIO_BLK_SECTOR };
	shape_request(
		t, d, "indirect", "a sector read through an indirect table of 3",
		&(struct shape_req){ VIRTIO_BLK_T_IN, SCATTER_FIRST + 8, segs, 1, table, 0, 0 });
	/* 128-byte segments: 32 of them, and the table across a page boundary. */
	unsigned n = scatter(segs, SHAPE_MAX_SEGS, 128);
	table = (struct virtq_desc *)(void *)(table_mem + PAGE_SIZE - 16 * 8);
	if (n > seg_max || n + 2 > d->dev.q.num) {
		note(t,
		     "virtio-blk at 0x%llx: an indirect 4 KiB read in %u segments not checked: "
		     "seg_max %u",
		     BLK_AT(d), n, seg_max);
	} else {
		char what[112];
		snprintf(
			what, sizeof(what),
			"a 4 KiB read in %u segments through an indirect table of %u across a page",
			n, n + 2);
		shape_request(t, d, "indirect-scattered", what,
			      &(struct shape_req){ VIRTIO_BLK_T_IN, SCATTER_FIRST, segs, n, table,
						   0, 0 });
	}
	segs[0] = (struct shape_seg){ area + PAGE_SIZE, VIRTIO_BLK_SECTOR };
	segs[1] = (struct shape_seg){ area, VIRTIO_BLK_SECTOR };
	shape_request(t, d, "indirect-chained",
		      "ring descriptors (header, a sector) chained to an indirect table (a sector, "
		      "status) (2.7.5.3.2)",
		      &(struct shape_req){ VIRTIO_BLK_T_IN, SCATTER_FIRST + 16, segs, 2,
					   (struct virtq_desc *)(void *)table_mem, 2, 0 });
}

/*
 * The whole ring in flight: requests of a header, a sector and a status
 * byte (through an indirect table each when negotiated, else 3 ring
 * descriptors), all made before one notification, round after round; each
 * completion is matched to its request by the used id, whatever the order.
 */
static void wrap(struct test_ctx *t, struct dma_device *d, unsigned want)
{
	int ind = !!(d->dev.accepted & (1ull << VIRTIO_F_INDIRECT_DESC));
	unsigned per = ind ? d->dev.q.num : d->dev.q.num / 3, reqs = 0;
	unsigned rounds = (want + per - 1) / per + (want == IDX_WRAP);
	uint16_t start_idx = virtq_avail_idx(&d->dev);
	uint64_t t0 = cpu_counter();
	int by_head[VIRTQ_MAX];

	if (!ring_data && !(ring_data = arena_alloc(SHAPE_QUEUE * VIRTIO_BLK_SECTOR, 16))) {
		note(t, "ring wrap not tried: %s",
		     arena_refusal("its sectors", SHAPE_QUEUE * VIRTIO_BLK_SECTOR));
		return;
	}
	subject_push(t, "form", "ring-wrap");
	unsigned round = 0;
	for (; round < rounds && cpu_counter() - t0 < smp_us_to_ticks(WRAP_BUDGET_US); round++) {
		for (unsigned h = 0; h < VIRTQ_MAX; h++)
			by_head[h] = -1;
		for (unsigned i = 0; i < per; i++) {
			uint64_t sector = RING_FIRST + (round * per + i) % 256;
			headers[i] = (struct virtio_blk_header){ VIRTIO_BLK_T_IN, 0, sector };
			status_bytes[i] = VIRTIO_BLK_S_UNSET;
			memset(ring_data[i], 0, VIRTIO_BLK_SECTOR);
			struct virtio_buf b[3] = {
				{ (uintptr_t)&headers[i], sizeof(headers[i]) },
				{ (uintptr_t)ring_data[i], VIRTIO_BLK_SECTOR },
				{ (uintptr_t)&status_bytes[i], 1 },
			};
			int h = ind ? virtq_submit_indirect(&d->dev, ring_tables[i], b, 3, 2, 0)
				    : virtq_submit(&d->dev, b, 3, 2);
			if (!check(t, h >= 0, "queue_has_room",
				   "ring wrap: no room for request %u of %u", i, per)) {
				subject_pop(t);
				return;
			}
			by_head[h] = (int)i;
		}
		virtq_kick(&d->dev);
		for (unsigned done = 0; done < per; done++) {
			uint32_t head, len;
			if (!shape_wait(d, &head, &len)) {
				dma_outcome_push(t, d);
				finding(t, "completes",
					"ring wrap: %u of %u requests in flight completed (round "
					"%u, Status 0x%x) | required",
					done, per, round, virtio_status(&d->dev));
				subject_pop(t);
				subject_pop(t);
				return;
			}
			int i = head < d->dev.q.num ? by_head[head] : -1;
			if (!check(t, i >= 0, "used_id_is_head",
				   "ring wrap: used id %u is no request's head (2.7.8) | required",
				   head)) {
				subject_pop(t);
				return;
			}
			by_head[head] = -1;
			struct shape_seg seg = { ring_data[i], VIRTIO_BLK_SECTOR };
			long bad = shape_mismatch(&seg, 1, headers[i].sector);
			if (!check(t,
				   status_bytes[i] == VIRTIO_BLK_S_OK &&
					   len <= VIRTIO_BLK_SECTOR + 1 && bad < 0,
				   "request_ok",
				   "ring wrap: sector %llu: status %u, len %u, byte %ld wrong",
				   (unsigned long long)headers[i].sector, status_bytes[i], len,
				   bad)) {
				subject_pop(t);
				return;
			}
			reqs++;
		}
	}
	uint16_t end = virtq_avail_idx(&d->dev);
	int wrapped = round == rounds && want == IDX_WRAP;
	if (want == IDX_WRAP && !wrapped)
		note(t,
		     "virtio-blk at 0x%llx: ring wrap: the 16-bit idx wrap not checked: %u "
		     "requests in %u ms did not reach 65536",
		     BLK_AT(d), reqs, WRAP_BUDGET_US / 1000);
	if (check(t, virtq_used_idx(&d->dev) == end, "used_idx_matches",
		  "ring wrap: used idx %u, available idx %u after all completed | required",
		  virtq_used_idx(&d->dev), end))
		evidence(t, "ring_wraps",
			 "ring wrap: %u requests, %u in flight at once (%s): the ring of %u went "
			 "around %u times%s, every completion by its id | required",
			 reqs, per, ind ? "indirect" : "3 descriptors each", d->dev.q.num,
			 reqs / d->dev.q.num,
			 wrapped ? " and the 16-bit available and used idx wrapped past 65535"
				 : "");
	subject_pop(t);
	note(t, "virtio-blk at 0x%llx: ring wrap: %u requests from idx %u to %u in %llu ms",
	     BLK_AT(d), reqs, start_idx, virtq_avail_idx(&d->dev),
	     (unsigned long long)smp_ticks_to_us(cpu_counter() - t0) / 1000);
}

static uint32_t config32(const struct dma_device *d, unsigned off)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < 4; i++)
		v |= (uint32_t)virtio_config8(&d->dev, off + i) << (8 * i);
	return v;
}

void case_shapes(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK,
					"no block device (DeviceID 2) behind the DT's transports");

	if (!d)
		return;
	if ((!area && !(area = arena_alloc(AREA_SIZE, PAGE_SIZE))) ||
	    (!table_mem && !(table_mem = arena_alloc(TABLE_SIZE, PAGE_SIZE)))) {
		skip(t, arena_refusal("the shapes' buffers", AREA_SIZE + TABLE_SIZE));
		return;
	}
	/* The descriptor table across a page where the transport lets the driver place it. */
	const char *why =
		shape_setup(d,
			    1ull << VIRTIO_F_INDIRECT_DESC | 1ull << VIRTIO_BLK_F_SEG_MAX |
				    1ull << VIRTIO_BLK_F_SIZE_MAX,
			    SHAPE_QUEUE, d->dev.version == 2 ? 2 * PAGE_SIZE - 16 * 4 : 0);
	dma_blk_push(t, d);
	require(t, !why, "initializes", "initialization (virtio 1.2 3.1.1): %s", why ? why : "");
	unsigned seg_max =
		(d->dev.accepted & (1ull << VIRTIO_BLK_F_SEG_MAX)) ? config32(d, 12) : ~0u;
	unsigned size_max =
		(d->dev.accepted & (1ull << VIRTIO_BLK_F_SIZE_MAX)) ? config32(d, 8) : ~0u;
	char segs[24] = "not offered", size[24] = "not offered";
	if (seg_max != ~0u)
		snprintf(segs, sizeof(segs), "%u", seg_max);
	if (size_max != ~0u)
		snprintf(size, sizeof(size), "%u", size_max);
	note(t,
	     "virtio-blk at 0x%llx: Version %u, queue of %u, indirect %s, seg_max %s, size_max %s",
	     BLK_AT(d), d->dev.version, d->dev.q.num,
	     d->dev.accepted & (1ull << VIRTIO_F_INDIRECT_DESC) ? "offered" : "not offered", segs,
	     size);
	if (size_max < VIRTIO_BLK_SECTOR * 2) {
		note(t,
		     "virtio-blk at 0x%llx: shapes not checked: size_max %u is below the 1 KiB "
		     "segment they use",
		     BLK_AT(d), size_max);
		virtio_reset(&d->dev);
		dma_blk_pop(t);
		return;
	}
	if (d->dev.version == 2)
		note(t,
		     "virtio-blk at 0x%llx: the queue's descriptor table at 0x%llx crosses a 4 KiB "
		     "page: every shape below goes through it",
		     BLK_AT(d), (unsigned long long)(uintptr_t)d->dev.q.desc);
	else
		note(t,
		     "virtio-blk at 0x%llx: a descriptor table across a page not checked: legacy "
		     "places it at QueuePFN",
		     BLK_AT(d));
	straddle(t, d);
	segments(t, d, seg_max);
	indirect(t, d, seg_max);
	wrap(t, d, WRAP_LAPS * d->dev.q.num + 1);
	virtio_reset(&d->dev);
	dma_blk_pop(t);
}

/* On request: the ring in flight until the 16-bit available and used idx wrap. */
void case_idx_wrap(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK,
					"no block device (DeviceID 2) behind the DT's transports");

	if (!d)
		return;
	const char *why = shape_setup(d, 1ull << VIRTIO_F_INDIRECT_DESC, SHAPE_QUEUE, 0);
	dma_blk_push(t, d);
	require(t, !why, "initializes", "initialization (virtio 1.2 3.1.1): %s", why ? why : "");
	wrap(t, d, IDX_WRAP);
	virtio_reset(&d->dev);
	dma_blk_pop(t);
}
