/* SPDX-License-Identifier: MIT */
/*
 * The virtio block device's requests (Virtual I/O Device 1.2, 5.2.6): a
 * header the device reads, the data, and a status byte it writes, chained
 * on a virtio_mmio.h queue. Polling for the completion is the caller's.
 */
#ifndef DRIVERS_VIRTIO_BLK_H
#define DRIVERS_VIRTIO_BLK_H

#include <stdint.h>

#include "drivers/virtio_mmio.h"

#define VIRTIO_BLK_SECTOR     512
#define VIRTIO_BLK_T_IN	      0
#define VIRTIO_BLK_T_OUT      1
#define VIRTIO_BLK_T_FLUSH    4
#define VIRTIO_BLK_S_OK	      0
#define VIRTIO_BLK_S_IOERR    1
#define VIRTIO_BLK_F_SIZE_MAX 1
#define VIRTIO_BLK_F_SEG_MAX  2
#define VIRTIO_BLK_F_FLUSH    9
#define VIRTIO_BLK_S_UNSET    0xff /* what the status byte holds until the device writes it */

/* The header alone, for a request whose status byte is a descriptor of its own. */
struct virtio_blk_header {
	uint32_t type, reserved;
	uint64_t sector;
};

struct virtio_blk_req {
	uint32_t type, reserved;
	uint64_t sector;
	volatile uint8_t status;
} __attribute__((aligned(16)));

/* Capacity in sectors (configuration offset 0, 64-bit little-endian). */
uint64_t virtio_blk_capacity(const struct virtio_dev *dev);
/*
 * Queue one request, its data len bytes at buf (none for FLUSH), and notify
 * the device. req's status is VIRTIO_BLK_S_UNSET until it completes.
 * Returns the head descriptor, or -1 when the queue is full.
 */
int virtio_blk_request(struct virtio_dev *dev, struct virtio_blk_req *req, uint32_t type,
		       uint64_t sector, uint64_t buf, uint32_t len);

#endif
