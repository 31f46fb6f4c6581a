/*
 * DMA to and from what is not RAM, through the block device: a request's
 * data buffer in another device's MMIO window, in flash, in a hole nothing
 * decodes, in the transport's own window, and straddling the end of RAM,
 * all found from the DT. virtio 1.2 says nothing of such addresses, so the
 * device may complete the request (QEMU's bounce path), fail it (status
 * IOERR), or set DEVICE_NEEDS_RESET (2.1.2: it SHOULD when it needs a
 * reset): each is permitted. Required: the guest stays alive, and after a
 * reset and a new initialization the device works again (2.4, 3.1). A
 * device that neither completes nor asks for a reset is a deviation.
 * Reads from MMIO and flash are device writes to the disk (OUT, into the
 * DISK_LOOSE sectors); the hole and the end of RAM are written (IN).
 */
#include <stddef.h>

#include "boot/cpu.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "tests/dma/dma.h"
#include "tests/dma/not_ram.h"

#define TARGET_LEN SECTOR

struct target {
	const char *what;
	uint64_t addr;
	uint32_t type;
};

/* not_ram.h's list: the device reads MMIO, flash and its own window, and writes the rest. */
static unsigned find_targets(struct test_ctx *t, const struct dma_device *d, struct target *out)
{
	struct not_ram list[NOT_RAM_MAX];
	unsigned n = not_ram_targets(t->plat, d->node, TARGET_LEN / 2, list);

	for (unsigned i = 0; i < n; i++) {
		enum not_ram_kind k = list[i].kind;
		out[i] = (struct target){
			k == NOT_RAM_OWN ? "the transport's own window" : list[i].what,
			list[i].addr,
			k == NOT_RAM_HOLE || k == NOT_RAM_RAM_END ? BLK_T_IN : BLK_T_OUT
		};
	}
	return n;
}

static void one_target(struct test_ctx *t, struct dma_device *d, const struct target *g, unsigned i)
{
	const char *why = dma_blk_init(d);
	if (!check(t, !why, "%s: initialization before the %s test: %s", d->node->path, g->what,
		   why ? why : ""))
		return;
	int st = dma_blk_request(t, d, g->type, DISK_LOOSE_FIRST + i, g->addr, TARGET_LEN, NULL);
	uint32_t status = virtio_status(&d->dev);
	const char *dir = g->type == BLK_T_IN ? "disk to" : "disk from";
	if (st == BLK_S_OK)
		evidence(
			t,
			"%s: %s 0x%llx (%s): completed OK (the device went through it) | permitted",
			d->node->path, dir, (unsigned long long)g->addr, g->what);
	else if (st > 0)
		evidence(t, "%s: %s 0x%llx (%s): failed the request (status %d) | permitted",
			 d->node->path, dir, (unsigned long long)g->addr, g->what, st);
	else if (status & VIRTIO_STATUS_NEEDS_RESET)
		evidence(
			t,
			"%s: %s 0x%llx (%s): no completion, DEVICE_NEEDS_RESET set (Status 0x%x) | "
			"permitted",
			d->node->path, dir, (unsigned long long)g->addr, g->what, status);
	else
		finding(t,
			"%s: %s 0x%llx (%s): no completion within %u ms and no DEVICE_NEEDS_RESET "
			"(Status 0x%x): the driver cannot tell what happened | deviation",
			d->node->path, dir, (unsigned long long)g->addr, g->what,
			DMA_WAIT_US / 1000, status);
	/* Alive here; the device must work again after a reset. */
	virtio_reset(&d->dev);
	why = dma_blk_init(d);
	if (check(t, !why && dma_blk_read_back(t, d),
		  "%s: after the %s test, reset and initialized again, it %s | deviation",
		  d->node->path, g->what, why ? why : "reads the disk wrong"))
		passed(t);
}

void targets(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK);
	struct target list[NOT_RAM_MAX];

	if (!d) {
		skip(t, "no block device (DeviceID 2) behind the DT's transports");
		return;
	}
	unsigned n = find_targets(t, d, list);
	for (unsigned i = 0; i < n && i < DISK_LOOSE_COUNT; i++)
		one_target(t, d, &list[i], i);
	note(t,
	     "dma targets that are not RAM: %u tried (virtio 1.2 leaves them undefined: any "
	     "answer but silence is permitted)",
	     n);
	virtio_reset(&d->dev);
}
