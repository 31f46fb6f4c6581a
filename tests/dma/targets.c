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

#define TARGET_LEN  SECTOR
#define HOLE_STEP   0x10000
#define MAX_TARGETS 5

struct target {
	const char *what;
	uint64_t addr;
	uint32_t type;
};

static int overlaps(const struct platform *p, uint64_t a, uint64_t len)
{
	for (int i = 0; i < p->ndevices; i++)
		for (int r = 0; r < p->devices[i].nreg; r++) {
			const struct addr_range *g = &p->devices[i].reg[r];
			if (a < g->base + g->size && g->base < a + len)
				return 1;
		}
	for (int b = 0; b < p->nbanks; b++)
		if (a < p->banks[b].base + p->banks[b].size && p->banks[b].base < a + len)
			return 1;
	return 0;
}

/* The first 64 KiB below RAM, past a DT device's end, that nothing in the DT covers. */
static uint64_t hole(const struct platform *p)
{
	uint64_t ram = p->nbanks ? p->banks[0].base : 0;

	for (int i = 0; i < p->ndevices; i++)
		for (int r = 0; r < p->devices[i].nreg; r++) {
			const struct addr_range *g = &p->devices[i].reg[r];
			uint64_t c =
				(g->base + g->size + HOLE_STEP - 1) & ~(uint64_t)(HOLE_STEP - 1);
			if (c && c + HOLE_STEP <= ram && !overlaps(p, c, HOLE_STEP))
				return c;
		}
	return 0;
}

static unsigned find_targets(struct test_ctx *t, const struct dma_device *d, struct target *out)
{
	const struct platform *p = t->plat;
	const struct dt_device *rtc = platform_find_compatible(p, "arm,pl031", 0);
	const struct dt_device *flash = platform_find_compatible(p, "cfi-flash", 0);
	unsigned n = 0;

	if (rtc && rtc->nreg)
		out[n++] = (struct target){ "another device's MMIO window", rtc->reg[0].base,
					    BLK_T_OUT };
	if (flash && flash->nreg)
		out[n++] = (struct target){ "flash", flash->reg[0].base, BLK_T_OUT };
	uint64_t h = hole(p);
	if (h)
		out[n++] = (struct target){ "a hole nothing decodes", h, BLK_T_IN };
	out[n++] = (struct target){ "the transport's own window", d->node->reg[0].base, BLK_T_OUT };
	if (p->nbanks) {
		const struct addr_range *last = &p->banks[p->nbanks - 1];
		out[n++] = (struct target){ "across the end of RAM",
					    last->base + last->size - TARGET_LEN / 2, BLK_T_IN };
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
	struct target list[MAX_TARGETS];

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
