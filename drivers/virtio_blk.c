// SPDX-License-Identifier: MIT
#include "drivers/virtio_blk.h"

uint64_t virtio_blk_capacity(const struct virtio_dev *dev)
{
	uint64_t c = 0;

	for (unsigned i = 0; i < 8; i++)
		c |= (uint64_t)virtio_config8(dev, i) << (8 * i);
	return c;
}

int virtio_blk_request(struct virtio_dev *dev, struct virtio_blk_req *req, uint32_t type,
		       uint64_t sector, uint64_t buf, uint32_t len)
{
	/* The header is the request's first 16 bytes; the status byte follows it. */
	struct virtio_buf b[3] = { { (uintptr_t)req, 16 },
				   { buf, len },
				   { (uintptr_t)&req->status, 1 } };

	req->type = type;
	req->reserved = 0;
	req->sector = sector;
	req->status = VIRTIO_BLK_S_UNSET;
	int head = len ? virtq_submit(dev, b, 3, type == VIRTIO_BLK_T_IN ? 2 : 1)
		       : virtq_submit(dev, (struct virtio_buf[]){ b[0], b[2] }, 2, 1);
	if (head >= 0)
		virtq_kick(dev);
	return head;
}
