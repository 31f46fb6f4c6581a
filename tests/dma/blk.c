// SPDX-License-Identifier: MIT
/*
 * The block device (virtio 1.2 5.2) on the runner's scratch disk
 * (runtime/protocol.h: DISK_*): every sector read and its pattern verified,
 * in requests of a header, the data and a status byte (5.2.6), more of them
 * than the queue holds (the rings wrap); DISK_WRITE_COUNT sectors rewritten
 * with the complement, flushed when VIRTIO_BLK_F_FLUSH is offered, and read
 * back. The runner then checks on the host that exactly those changed.
 */
#include <string.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/dma/dma.h"
#include "util/util.h"

#define PER_REQUEST 8
#define QUEUE	    8
/*
 * The whole-disk read's requests: 64 sectors each (32 requests, the queue of
 * 8 still wraps 4 times) from run-time memory, where the device lets one
 * segment be that long (VIRTIO_BLK_F_SIZE_MAX); else PER_REQUEST. Each
 * request is a round trip to the device's thread: 256 of them were most of
 * the case's time under QEMU, for the same sectors checked.
 */
#define READ_PER_REQUEST 64

static uint64_t data[PER_REQUEST * VIRTIO_BLK_SECTOR / 8] __attribute__((aligned(PAGE_SIZE)));
static struct {
	uint32_t type, reserved;
	uint64_t sector;
} header __attribute__((aligned(16)));
static volatile uint8_t status_byte;
/* Where request() and verify() put the data, and how many sectors fit. */
static uint64_t *buf = data;
static unsigned buf_sectors = PER_REQUEST;

static uint64_t word(uint64_t sector, unsigned w, int written)
{
	uint64_t v = DISK_PATTERN | sector << 16 | w;

	return written ? ~v : v;
}

int dma_blk_request(struct test_ctx *t, struct dma_device *d, uint32_t type, uint64_t sector,
		    uint64_t buf, uint32_t len, uint32_t *irq_other)
{
	struct virtio_buf b[3] = { { (uintptr_t)&header, sizeof(header) },
				   { buf, len },
				   { (uintptr_t)&status_byte, 1 } };
	uint32_t written, other = GIC_SPURIOUS;

	header.type = type;
	header.reserved = 0;
	header.sector = sector;
	status_byte = VIRTIO_BLK_S_UNSET;
	/* IN: the data is the device's to write; OUT: to read; FLUSH carries none. */
	int head = len ? virtq_submit(&d->dev, b, 3, type == VIRTIO_BLK_T_IN ? 2 : 1)
		       : virtq_submit(&d->dev, (struct virtio_buf[]){ b[0], b[2] }, 2, 1);
	if (head < 0)
		return DMA_BLK_NOT_QUEUED;
	if (irq_other) {
		cpu_irq_mask();
		dma_spis(1); /* every SPI: the one that arrives is named, whichever it is */
	}
	virtq_kick(&d->dev);
	int done = dma_complete(t, d, irq_other != NULL, &written, &other);
	if (irq_other) {
		dma_spis(0);
		cpu_irq_unmask();
		*irq_other = other;
	}
	return done ? status_byte : DMA_BLK_NOT_DONE;
}

/* One request on the harness's own data buffer. */
static int request(struct test_ctx *t, struct dma_device *d, uint32_t type, uint64_t sector,
		   unsigned nsectors)
{
	return dma_blk_request(t, d, type, sector, (uintptr_t)buf, nsectors * VIRTIO_BLK_SECTOR,
			       NULL);
}

/* The requests the case makes, each its own pair of checks (completes, status OK). */
enum op { OP_READ, OP_IRQ_READ, OP_WRITE, OP_FLUSH };
static const char *const op_what[] = { "read", "read by interrupt", "write", "flush" };
static const char *const op_completes[] = { "read_completes", "irq_read_completes",
					    "write_completes", "flush_completes" };
static const char *const op_status_ok[] = { "read_status_ok", "irq_read_status_ok",
					    "write_status_ok", "flush_status_ok" };

/*
 * A request that did not complete says why in its subject (outcome=: the
 * device stopped, the wait ended, or the queue had no room), so that a
 * device that stops and one that stays silent are two findings.
 */
static int checked(struct test_ctx *t, struct dma_device *d, enum op op, uint64_t sector,
		   int status)
{
	if (status == 0)
		return 1;
	if (status > 0) {
		finding(t, op_status_ok[op], "%s at sector %llu: status %d, not OK", op_what[op],
			(unsigned long long)sector, status);
		return 0;
	}
	if (status == DMA_BLK_NOT_QUEUED)
		subject_push(t, "outcome", "no_room");
	else
		dma_outcome_push(t, d);
	finding(t, op_completes[op], "%s at sector %llu: %s", op_what[op],
		(unsigned long long)sector,
		status == DMA_BLK_NOT_QUEUED ? "the queue had no room for it"
		: virtio_stopped(&d->dev)    ? "the device stopped (DEVICE_NEEDS_RESET or its "
					       "Status changed) before it completed"
					     : "no completion within the wait");
	subject_pop(t);
	return 0;
}

/* Read [first, first + count) and compare with the pattern; 1 when all matched. */
static int verify(struct test_ctx *t, struct dma_device *d, uint64_t first, uint64_t count,
		  int rewritten_from)
{
	for (uint64_t s = first; s < first + count; s += buf_sectors) {
		unsigned n = first + count - s < buf_sectors ? (unsigned)(first + count - s)
							     : buf_sectors;
		if (!checked(t, d, OP_READ, s, request(t, d, VIRTIO_BLK_T_IN, s, n)))
			return 0;
		for (unsigned k = 0; k < n * VIRTIO_BLK_SECTOR / 8; k++) {
			uint64_t sec = s + k / (VIRTIO_BLK_SECTOR / 8);
			int w = rewritten_from >= 0 && sec >= DISK_WRITE_FIRST &&
				sec < DISK_WRITE_FIRST + DISK_WRITE_COUNT;
			uint64_t want = word(sec, k % (VIRTIO_BLK_SECTOR / 8), w);
			if (buf[k] != want) {
				finding(t,
					rewritten_from >= 0 ? "reads_back_written"
							    : "reads_pattern",
					"sector %llu word %u reads 0x%llx, not 0x%llx",
					(unsigned long long)sec, k % (VIRTIO_BLK_SECTOR / 8),
					(unsigned long long)buf[k], (unsigned long long)want);
				return 0;
			}
		}
	}
	return 1;
}

const char *dma_blk_setup(struct dma_device *d, uint64_t wanted, unsigned qsize)
{
	return virtio_init(&d->dev, wanted, qsize);
}

const char *dma_blk_init(struct dma_device *d)
{
	return dma_blk_setup(d, 1ull << VIRTIO_BLK_F_FLUSH, QUEUE);
}

int dma_blk_read_back(struct test_ctx *t, struct dma_device *d)
{
	return verify(t, d, 0, PER_REQUEST, -1);
}

void case_blk(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK,
					"no block device (DeviceID 2) behind the DT's transports");

	if (!d)
		return;
	node_push(t, d->node->path);
	const char *why = dma_blk_init(d);
	require(t, !why, "initializes", "initialization (virtio 1.2 3.1.1): %s", why ? why : "");
	uint64_t capacity = 0;
	for (unsigned i = 0; i < 8; i++)
		capacity |= (uint64_t)virtio_config8(&d->dev, i) << (8 * i);
	note(t, "%s: Version %u, capacity %llu sectors, queue of %u, flush %s", d->node->path,
	     d->dev.version, (unsigned long long)capacity, d->dev.q.num,
	     d->dev.accepted & (1ull << VIRTIO_BLK_F_FLUSH) ? "offered" : "not offered");
	require(t, capacity == DISK_SECTORS, "capacity_matches_disk",
		"capacity %llu sectors, not the runner's scratch disk (%u)",
		(unsigned long long)capacity, DISK_SECTORS);
	/* One read completed by the transport's interrupt, on the INTID the DT names. */
	uint32_t intid = d->node->nirq > 0 ? d->node->irq[0].intid : 0, other = GIC_SPURIOUS;
	int st = dma_blk_request(t, d, VIRTIO_BLK_T_IN, 0, (uintptr_t)data, VIRTIO_BLK_SECTOR,
				 &other);
	/* A completion arrived, on the DT's INTID or another (lie virtio-blk-wrong-irq). */
	if (st >= 0 || other != GIC_SPURIOUS)
		claim_hold(d->node->node, "interrupts", CLAIM_PROBE);
	if (st < 0 && other != GIC_SPURIOUS)
		dma_wrong_irq(t, d, "a read", other);
	else if (checked(t, d, OP_IRQ_READ, 0, st))
		evidence(t, "completes_on_dt_intid",
			 "a read completed by interrupt on the DT's INTID %u", intid);
	uint32_t size_max = ~0u;
	if (d->dev.offered & (1ull << VIRTIO_BLK_F_SIZE_MAX))
		for (unsigned i = 0; i < 4; i++)
			size_max = (size_max & ~(0xffu << (8 * i))) |
				   (uint32_t)virtio_config8(&d->dev, 8 + i) << (8 * i);
	static uint64_t *big;
	if (size_max >= READ_PER_REQUEST * VIRTIO_BLK_SECTOR && !big)
		big = arena_alloc(READ_PER_REQUEST * VIRTIO_BLK_SECTOR, PAGE_SIZE);
	if (big && size_max >= READ_PER_REQUEST * VIRTIO_BLK_SECTOR) {
		buf = big;
		buf_sectors = READ_PER_REQUEST;
	}
	uint64_t t0 = cpu_counter();
	int read_all = verify(t, d, 0, DISK_SECTORS, -1);
	unsigned nreq = DISK_SECTORS / buf_sectors;
	buf = data;
	buf_sectors = PER_REQUEST;
	if (!read_all) {
		subject_pop(t);
		return;
	}
	uint64_t us = smp_ticks_to_us(cpu_counter() - t0);
	evidence(t, "reads_pattern",
		 "all %u sectors read in %u requests (the queue of %u wrapped) and match",
		 DISK_SECTORS, nreq, d->dev.q.num);
	dma_throughput("blk", d->node->path, "read", DISK_SECTORS * VIRTIO_BLK_SECTOR, us);
	for (uint64_t s = DISK_WRITE_FIRST; s < DISK_WRITE_FIRST + DISK_WRITE_COUNT;
	     s += PER_REQUEST) {
		for (unsigned k = 0; k < PER_REQUEST * VIRTIO_BLK_SECTOR / 8; k++)
			data[k] = word(s + k / (VIRTIO_BLK_SECTOR / 8), k % (VIRTIO_BLK_SECTOR / 8),
				       1);
		if (!checked(t, d, OP_WRITE, s, request(t, d, VIRTIO_BLK_T_OUT, s, PER_REQUEST))) {
			subject_pop(t);
			return;
		}
	}
	if (d->dev.accepted & (1ull << VIRTIO_BLK_F_FLUSH) &&
	    !checked(t, d, OP_FLUSH, 0, request(t, d, VIRTIO_BLK_T_FLUSH, 0, 0))) {
		subject_pop(t);
		return;
	}
	if (verify(t, d, DISK_WRITE_FIRST - PER_REQUEST, DISK_WRITE_COUNT + 2 * PER_REQUEST, 1))
		evidence(t, "reads_back_written", "%u sectors from %u rewritten%s and read back",
			 DISK_WRITE_COUNT, DISK_WRITE_FIRST,
			 d->dev.accepted & (1ull << VIRTIO_BLK_F_FLUSH) ? ", flushed" : "");
	virtio_reset(&d->dev);
	subject_pop(t);
}
