// SPDX-License-Identifier: MIT
#include "drivers/virtio_mmio.h"

#include <stddef.h>
#include <string.h>

#include "boot/mmio.h"
#include "boot/probe.h"
#include "boot/wait.h"
#include "util/util.h"

#define RESET_WAIT_MS 100
#define STR_(x)	      #x
#define STR(x)	      STR_(x)

/* Register offsets, 4.2.2 (modern) and 4.2.4 (legacy). */
#define R_MAGIC		  0x000
#define R_VERSION	  0x004
#define R_DEVICE_ID	  0x008
#define R_VENDOR_ID	  0x00c
#define R_DEV_FEATURES	  0x010
#define R_DEV_FEAT_SEL	  0x014
#define R_DRV_FEATURES	  0x020
#define R_DRV_FEAT_SEL	  0x024
#define R_GUEST_PAGE_SIZE 0x028 /* legacy */
#define R_QUEUE_SEL	  0x030
#define R_QUEUE_NUM_MAX	  0x034
#define R_QUEUE_NUM	  0x038
#define R_QUEUE_ALIGN	  0x03c /* legacy */
#define R_QUEUE_PFN	  0x040 /* legacy */
#define R_QUEUE_READY	  0x044
#define R_QUEUE_NOTIFY	  0x050
#define R_IRQ_STATUS	  0x060
#define R_IRQ_ACK	  0x064
#define R_STATUS	  VIRTIO_MMIO_STATUS
#define R_QUEUE_DESC	  0x080
#define R_QUEUE_DRIVER	  0x090
#define R_QUEUE_DEVICE	  0x0a0
#define R_CONFIG	  VIRTIO_MMIO_CONFIG
#define QUEUE_ALIGN	  4096
#define USED_OFF	  0x1000 /* the used ring's offset in queue_mem (legacy alignment) */

static uint32_t rd(const struct virtio_dev *d, unsigned off)
{
	return mmio_read32(d->base + off);
}

static void wr(const struct virtio_dev *d, unsigned off, uint32_t v)
{
	mmio_write32(d->base + off, v);
}

const char *virtio_probe(struct virtio_dev *dev, uintptr_t base)
{
	struct probe_outcome o;

	memset(dev, 0, sizeof(*dev));
	dev->base = base;
	/* Where the DT is wrong nothing may answer: an abort is an answer, not a crash. */
	if (probe_read(base + R_MAGIC, 32, &o))
		return "reading MagicValue raised an abort: no transport answers there";
	if (o.value != VIRTIO_MAGIC)
		return "MagicValue is not \"virt\"";
	dev->version = rd(dev, R_VERSION);
	if (dev->version != 1 && dev->version != 2)
		return "Version is neither 1 (legacy) nor 2";
	dev->device_id = rd(dev, R_DEVICE_ID);
	dev->vendor_id = rd(dev, R_VENDOR_ID);
	return NULL;
}

void virtio_reset(struct virtio_dev *dev)
{
	wr(dev, R_STATUS, 0);
	dev->status = 0;
	/* 4.2.3.1: the driver waits for Status to read 0 after the reset (virtio_init checks). */
	(void)WAIT_UNTIL(rd(dev, R_STATUS) == 0, RESET_WAIT_MS * 1000);
}

uint32_t virtio_status(const struct virtio_dev *dev)
{
	return rd(dev, R_STATUS);
}

int virtio_stopped(const struct virtio_dev *dev)
{
	uint32_t s = rd(dev, R_STATUS);

	return (s & VIRTIO_STATUS_NEEDS_RESET) || s != dev->status;
}

static void set_status(struct virtio_dev *dev, uint32_t bits)
{
	dev->status = rd(dev, R_STATUS) | bits;
	wr(dev, R_STATUS, dev->status);
}

static uint64_t read_features(struct virtio_dev *dev)
{
	uint64_t f = 0;

	for (unsigned half = 0; half < (dev->version == 1 ? 1u : 2u); half++) {
		wr(dev, R_DEV_FEAT_SEL, half);
		f |= (uint64_t)rd(dev, R_DEV_FEATURES) << (32 * half);
	}
	return f;
}

static void write_features(struct virtio_dev *dev, uint64_t f)
{
	for (unsigned half = 0; half < (dev->version == 1 ? 1u : 2u); half++) {
		wr(dev, R_DRV_FEAT_SEL, half);
		wr(dev, R_DRV_FEATURES, (uint32_t)(f >> (32 * half)));
	}
}

static void wr64(struct virtio_dev *dev, unsigned off, uint64_t v)
{
	wr(dev, off, (uint32_t)v);
	wr(dev, off + 4, (uint32_t)(v >> 32));
}

/* Queue 0 in queue_mem: descriptors, the available ring after them, the used ring at 4 KiB. */
static const char *setup_queue(struct virtio_dev *dev, unsigned qsize)
{
	struct virtq *q = &dev->q;
	uint8_t *mem = dev->queue_mem;

	wr(dev, R_QUEUE_SEL, 0);
	if (dev->version == 1 ? rd(dev, R_QUEUE_PFN) != 0 : rd(dev, R_QUEUE_READY) != 0)
		return "queue 0 was already in use after the reset";
	unsigned max = rd(dev, R_QUEUE_NUM_MAX);
	if (max == 0)
		return "QueueNumMax of queue 0 is 0: the queue is not available";
	unsigned num = MIN(qsize, max);
	if (num > VIRTQ_MAX)
		num = VIRTQ_MAX;
	/* Descriptors and available ring wholly past the used ring, inside queue_mem. */
	unsigned off = dev->version == 1 ? 0 : dev->desc_off;
	if (off && (off % 16 || off < USED_OFF + 6 + 8 * VIRTQ_MAX ||
		    off + 18 * num + 6 > VIRTIO_QUEUE_MEM))
		return "the driver's descriptor table offset does not fit its queue memory";
	memset(mem, 0, VIRTIO_QUEUE_MEM);
	q->num = num;
	q->desc = (struct virtq_desc *)(void *)(mem + off);
	q->avail = (volatile uint16_t *)(void *)(mem + off + 16 * num);
	q->used = (volatile uint16_t *)(void *)(mem + USED_OFF);
	q->next_avail = q->last_used = 0;
	q->free_head = 0;
	q->nfree = num;
	wr(dev, R_QUEUE_NUM, num);
	if (dev->version == 1) {
		wr(dev, R_QUEUE_ALIGN, QUEUE_ALIGN);
		wr(dev, R_QUEUE_PFN, (uint32_t)((uintptr_t)mem / QUEUE_ALIGN));
	} else {
		wr64(dev, R_QUEUE_DESC, (uintptr_t)q->desc);
		wr64(dev, R_QUEUE_DRIVER, (uintptr_t)q->avail);
		wr64(dev, R_QUEUE_DEVICE, (uintptr_t)q->used);
		wr(dev, R_QUEUE_READY, 1);
	}
	return NULL;
}

const char *virtio_init(struct virtio_dev *dev, uint64_t wanted, unsigned qsize)
{
	virtio_reset(dev);
	if (rd(dev, R_STATUS) != 0)
		return "Status did not read 0 within " STR(RESET_WAIT_MS) " ms of the reset";
	set_status(dev, VIRTIO_STATUS_ACKNOWLEDGE);
	set_status(dev, VIRTIO_STATUS_DRIVER);
	dev->offered = read_features(dev);
	if (dev->version == 2) {
		if (!(dev->offered & (1ull << VIRTIO_F_VERSION_1)))
			return "a Version 2 device that does not offer VIRTIO_F_VERSION_1";
		wanted |= 1ull << VIRTIO_F_VERSION_1;
	}
	dev->accepted = dev->offered & wanted;
	write_features(dev, dev->accepted);
	if (dev->version == 2) {
		set_status(dev, VIRTIO_STATUS_FEATURES_OK);
		if (!(rd(dev, R_STATUS) & VIRTIO_STATUS_FEATURES_OK))
			return "FEATURES_OK did not stay set: the device refused the features";
	} else {
		wr(dev, R_GUEST_PAGE_SIZE, QUEUE_ALIGN);
	}
	const char *why = setup_queue(dev, qsize);
	if (why) {
		set_status(dev, VIRTIO_STATUS_FAILED);
		return why;
	}
	set_status(dev, VIRTIO_STATUS_DRIVER_OK);
	return NULL;
}

uint8_t virtio_config8(const struct virtio_dev *dev, unsigned off)
{
	return mmio_read8(dev->base + R_CONFIG + off);
}

static void fill(struct virtq_desc *d, const struct virtio_buf *b, unsigned i, unsigned n,
		 unsigned nwrite, uint16_t next)
{
	d->addr = b->addr;
	d->len = b->len;
	d->flags = (uint16_t)((i + 1 < n ? VIRTQ_DESC_F_NEXT : 0) |
			      (i >= n - nwrite ? VIRTQ_DESC_F_WRITE : 0));
	d->next = next;
}

/* Publish the chain at head (2.7.13: the ring entry before the index). */
static void publish(struct virtq *q, uint16_t head)
{
	q->avail[2 + q->next_avail % q->num] = head;
	mmio_wmb();
	q->next_avail++;
	q->avail[1] = q->next_avail;
}

int virtq_submit(struct virtio_dev *dev, const struct virtio_buf *bufs, unsigned n, unsigned nwrite)
{
	struct virtq *q = &dev->q;

	if (n == 0 || n > q->nfree || nwrite > n)
		return -1;
	uint16_t head = q->free_head;
	q->chain[head] = (uint8_t)n;
	q->nfree -= n;
	for (unsigned i = 0; i < n; i++) {
		uint16_t d = (uint16_t)((head + i) % q->num);
		fill(&q->desc[d], &bufs[i], i, n, nwrite, (uint16_t)((d + 1) % q->num));
	}
	q->free_head = (uint16_t)((head + n) % q->num);
	publish(q, head);
	return head;
}

int virtq_submit_indirect(struct virtio_dev *dev, struct virtq_desc *table,
			  const struct virtio_buf *bufs, unsigned n, unsigned nwrite,
			  unsigned ndirect)
{
	struct virtq *q = &dev->q;

	/* 2.7.5.3.1: no chain longer than the Queue Size, indirect or not. */
	if (ndirect >= n || n > q->num || ndirect + 1 > q->nfree || nwrite > n)
		return -1;
	uint16_t head = q->free_head;
	q->chain[head] = (uint8_t)(ndirect + 1);
	q->nfree -= ndirect + 1;
	for (unsigned i = 0; i < ndirect; i++) {
		uint16_t d = (uint16_t)((head + i) % q->num);
		fill(&q->desc[d], &bufs[i], i, n, nwrite, (uint16_t)((d + 1) % q->num));
	}
	unsigned rest = n - ndirect;
	for (unsigned i = 0; i < rest; i++)
		fill(&table[i], &bufs[ndirect + i], i, rest, MIN(nwrite, rest), (uint16_t)(i + 1));
	uint16_t last = (uint16_t)((head + ndirect) % q->num);
	/* Neither NEXT with INDIRECT (2.7.5.3.1) nor WRITE, which the device ignores. */
	q->desc[last] =
		(struct virtq_desc){ (uintptr_t)table, 16 * rest, VIRTQ_DESC_F_INDIRECT, 0 };
	q->free_head = (uint16_t)((head + ndirect + 1) % q->num);
	publish(q, head);
	return head;
}

void virtq_set_used_event(struct virtio_dev *dev, uint16_t idx)
{
	dev->q.avail[2 + dev->q.num] = idx;
	mmio_mb(); /* seen before any used entry the device writes next is read */
}

uint16_t virtq_avail_event(const struct virtio_dev *dev)
{
	mmio_mb(); /* the available idx published before the device's word is read */
	return dev->q.used[2 + 4 * dev->q.num];
}

uint16_t virtq_avail_idx(const struct virtio_dev *dev)
{
	return dev->q.next_avail;
}

uint16_t virtq_used_idx(const struct virtio_dev *dev)
{
	return dev->q.used[1];
}

int virtq_notify_needed(const struct virtio_dev *dev, uint16_t old)
{
	uint16_t now = dev->q.next_avail;

	if (!(dev->accepted & (1ull << VIRTIO_F_EVENT_IDX))) {
		mmio_mb();
		return !(dev->q.used[0] & VIRTQ_USED_F_NO_NOTIFY);
	}
	/* The idx passed avail_event in (old, now]: it was avail_event for one of them. */
	return (uint16_t)(now - virtq_avail_event(dev) - 1) < (uint16_t)(now - old);
}

void virtq_kick(struct virtio_dev *dev)
{
	mmio_wmb(); /* the index before the notification */
	wr(dev, R_QUEUE_NOTIFY, 0);
}

int virtq_take_used(struct virtio_dev *dev, uint32_t *head, uint32_t *written)
{
	struct virtq *q = &dev->q;

	if (q->used[1] == q->last_used)
		return 0;
	mmio_rmb(); /* the entry after the index that published it */
	const volatile uint32_t *e =
		(const volatile uint32_t *)(const volatile void *)(q->used + 2) +
		2 * (q->last_used % q->num);
	*head = e[0];
	*written = e[1];
	if (*head < q->num)
		q->nfree += q->chain[*head];
	q->last_used++;
	return 1;
}

uint32_t virtio_irq_status(const struct virtio_dev *dev)
{
	return rd(dev, R_IRQ_STATUS);
}

void virtio_irq_ack(const struct virtio_dev *dev, uint32_t bits)
{
	wr(dev, R_IRQ_ACK, bits);
}
