/* SPDX-License-Identifier: MIT */
/*
 * virtio-mmio transport (Virtual I/O Device 1.2, 4.2), legacy (Version 1,
 * 4.2.4) and modern (Version 2), with one split virtqueue per device
 * (2.7). The driver follows the initialization order of 3.1.1: reset,
 * ACKNOWLEDGE, DRIVER, features, FEATURES_OK (modern), queues, DRIVER_OK.
 * Memory given to a device is identity-mapped RAM: addresses are physical.
 */
#ifndef DRIVERS_VIRTIO_MMIO_H
#define DRIVERS_VIRTIO_MMIO_H

#include <stdint.h>

#define VIRTIO_MAGIC		  0x74726976 /* "virt" */
#define VIRTIO_ID_NET		  1
#define VIRTIO_ID_BLOCK		  2
#define VIRTIO_ID_RNG		  4
#define VIRTIO_STATUS_ACKNOWLEDGE 1u
#define VIRTIO_STATUS_DRIVER	  2u
#define VIRTIO_STATUS_DRIVER_OK	  4u
#define VIRTIO_STATUS_FEATURES_OK 8u
#define VIRTIO_STATUS_NEEDS_RESET 64u
#define VIRTIO_STATUS_FAILED	  128u
#define VIRTIO_F_INDIRECT_DESC	  28
#define VIRTIO_F_EVENT_IDX	  29
#define VIRTIO_F_VERSION_1	  32
#define VIRTQ_DESC_F_NEXT	  1u
#define VIRTQ_DESC_F_WRITE	  2u
#define VIRTQ_DESC_F_INDIRECT	  4u
#define VIRTQ_MAX		  64 /* descriptors the harness gives a queue at most */
#define VIRTQ_USED_F_NO_NOTIFY	  1u

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags, next;
};

struct virtq {
	unsigned num;
	struct virtq_desc *desc;
	volatile uint16_t *avail; /* flags, idx, ring[num], used_event */
	volatile uint16_t *used;  /* flags, idx, then {u32 id, u32 len}[num], avail_event */
	uint16_t next_avail, last_used, free_head;
	unsigned nfree;		  /* descriptors not in a request */
	uint8_t chain[VIRTQ_MAX]; /* by head: the request's descriptor count */
};

struct virtio_dev {
	uintptr_t base;
	uint32_t version, device_id, vendor_id;
	uint64_t offered, accepted; /* feature bits */
	struct virtq q;
	void *queue_mem; /* VIRTIO_QUEUE_MEM bytes, 4 KiB-aligned, the caller's */
	/*
	 * Modern only: where the descriptor table starts in queue_mem (16-byte
	 * aligned; 0: at the start), so that it can be made to cross a page.
	 * Legacy places it at QueuePFN, on a page boundary.
	 */
	unsigned desc_off;
	uint32_t status; /* what the driver last wrote to Status */
};
#define VIRTIO_QUEUE_MEM 0x3000

/* Magic, Version and DeviceID: 0 and dev filled, or why the transport is not usable. */
const char *virtio_probe(struct virtio_dev *dev, uintptr_t base);
/*
 * Reset, negotiate (accept offered & wanted; modern: VERSION_1 is required),
 * set up queue 0 with at most qsize descriptors in dev->queue_mem, DRIVER_OK.
 * NULL, or the step the device refused.
 */
const char *virtio_init(struct virtio_dev *dev, uint64_t wanted, unsigned qsize);
void virtio_reset(struct virtio_dev *dev);
uint32_t virtio_status(const struct virtio_dev *dev);
/*
 * Has the device left the state the driver set (Status shows
 * DEVICE_NEEDS_RESET, or reads other than written)? Then a request in
 * flight will not complete, and waiting longer for it is pointless.
 */
int virtio_stopped(const struct virtio_dev *dev);
/* Where the device-specific configuration space starts (4.2.2): the registers come before it. */
#define VIRTIO_MMIO_STATUS 0x070 /* 4.2.2 */
#define VIRTIO_MMIO_CONFIG 0x100
/* A byte of the device-specific configuration space (4.2.2: offset 0x100). */
uint8_t virtio_config8(const struct virtio_dev *dev, unsigned off);

/*
 * One request: n buffers chained in order, the last nwrite of them written
 * by the device. Returns the head descriptor, or -1 when the queue is full.
 * Descriptors are handed out as a ring, so requests must complete in the
 * order they were made (every request here waits for the one before).
 */
struct virtio_buf {
	uint64_t addr;
	uint32_t len;
};
int virtq_submit(struct virtio_dev *dev, const struct virtio_buf *bufs, unsigned n,
		 unsigned nwrite);
/*
 * The same request with an indirect table (2.7.5.3; the caller has
 * negotiated VIRTIO_F_INDIRECT_DESC): the first ndirect buffers chained in
 * the ring as usual, the rest in table (which the caller keeps, 16-byte
 * aligned, until the request completes), referred to by one more ring
 * descriptor, the chain's last.
 */
int virtq_submit_indirect(struct virtio_dev *dev, struct virtq_desc *table,
			  const struct virtio_buf *bufs, unsigned n, unsigned nwrite,
			  unsigned ndirect);
/*
 * Event index (2.7.7, 2.7.10; VIRTIO_F_EVENT_IDX negotiated): used_event,
 * the used idx past which the driver wants the next interrupt; avail_event,
 * the device's, read after the available idx was published.
 */
void virtq_set_used_event(struct virtio_dev *dev, uint16_t idx);
uint16_t virtq_avail_event(const struct virtio_dev *dev);
uint16_t virtq_avail_idx(const struct virtio_dev *dev);
uint16_t virtq_used_idx(const struct virtio_dev *dev);
/*
 * Whether the requests made since the available idx was old need a
 * notification: with EVENT_IDX, when the idx passed avail_event (2.7.10);
 * without it, unless the device set VIRTQ_USED_F_NO_NOTIFY (2.7.7).
 */
int virtq_notify_needed(const struct virtio_dev *dev, uint16_t old);
/* Notify queue 0. */
void virtq_kick(struct virtio_dev *dev);
/* A completed request: 1 with its head and the length the device wrote, 0 if none yet. */
int virtq_take_used(struct virtio_dev *dev, uint32_t *head, uint32_t *written);
/* InterruptStatus, and its acknowledge. */
uint32_t virtio_irq_status(const struct virtio_dev *dev);
void virtio_irq_ack(const struct virtio_dev *dev, uint32_t bits);

#endif
