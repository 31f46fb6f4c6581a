// SPDX-License-Identifier: MIT
/*
 * DMA to and from what is not RAM, through the block device: a request's
 * data buffer in another device's MMIO window, in flash, in a hole nothing
 * decodes, in the transport's own window, and straddling the end of RAM,
 * all found from the DT, each tried in both directions where that is safe:
 * the device reading it (an OUT request: what it read lands in a DISK_LOOSE
 * sector) and writing it (an IN request). Not tried: writes into flash (a
 * write to a CFI flash is a command: the data would program or erase it),
 * and into the end of RAM where the harness's image, its DTB or a
 * reservation lies there. A write into another device lands past its
 * registers (PL031: 0x000-0x01f and the ID block at 0xfe0).
 * virtio 1.2 says nothing of such addresses, so the device may complete
 * the request (QEMU's bounce path), fail it (status IOERR), or set
 * DEVICE_NEEDS_RESET (2.1.2: it SHOULD when it needs a reset): each is
 * permitted, and the Status after each is recorded. Required: the guest
 * stays alive, and after a reset and a new initialization the device works
 * again (2.4, 3.1), checked after every target. A device that neither
 * completes nor asks for a reset is a deviation.
 */
#include <stddef.h>

#include "boot/cpu.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "tests/dma/dma.h"
#include "tests/dma/not_ram.h"
#include "tests/dma/request.h"

#define TARGET_LEN	VIRTIO_BLK_SECTOR
#define MAX_TARGETS	(2 * NOT_RAM_MAX)
#define PL031_PAST_REGS 0x800 /* inside its 4 KiB window, clear of its registers */
/*
 * IN requests read these sectors: the pattern, so known. Where such data
 * lands in the transport's own registers, the addresses it makes
 * (QueuePFN: sector << 16 | word, in pages; modern: high words 0x5ec70000)
 * lie far above RAM, so a device that follows them writes no guest RAM.
 */
#define IN_FIRST 400

struct target {
	const char *what;
	const char *region; /* the subject's region=: the kind, stable where addr is not */
	uint64_t addr;
	uint32_t type;
};

/* not_ram.h's list, each read by the device (OUT) and, where safe, written by it (IN). */
static unsigned find_targets(struct test_ctx *t, const struct dma_device *d, struct target *out)
{
	struct not_ram list[NOT_RAM_MAX];
	unsigned k = not_ram_targets(t->plat, d->node, TARGET_LEN / 2, list), n = 0;

	for (unsigned i = 0; i < k; i++) {
		const struct not_ram *g = &list[i];
		const char *what = g->kind == NOT_RAM_OWN ? "the transport's own window" : g->what;
		const char *region = not_ram_kind_name(g->kind);
		out[n++] = (struct target){ what, region, g->addr, VIRTIO_BLK_T_OUT };
		if (g->kind == NOT_RAM_MMIO && g->size >= PL031_PAST_REGS + TARGET_LEN)
			out[n++] =
				(struct target){ "another device's MMIO window, past its registers",
						 "other-mmio-past-regs", g->addr + PL031_PAST_REGS,
						 VIRTIO_BLK_T_IN };
		else if (g->kind == NOT_RAM_HOLE || g->kind == NOT_RAM_OWN)
			out[n++] = (struct target){ what, region, g->addr, VIRTIO_BLK_T_IN };
		else if (g->kind == NOT_RAM_RAM_END && not_ram_unused(t, g->addr, TARGET_LEN / 2))
			out[n++] = (struct target){ what, region, g->addr, VIRTIO_BLK_T_IN };
		else if (g->kind == NOT_RAM_RAM_END)
			note(t, "a write across the end of RAM not tried: the harness uses the RAM "
				"there");
	}
	return n;
}

/* An IN into the transport's own window that wrote its Status register with the data. */
static int own_status_written(const struct dma_device *d, const struct target *g, uint64_t sector,
			      uint32_t status)
{
	uint64_t own = d->node->reg[0].base;

	return g->type == VIRTIO_BLK_T_IN && g->addr <= own + VIRTIO_MMIO_STATUS &&
	       own + VIRTIO_MMIO_STATUS < g->addr + TARGET_LEN &&
	       status == shape_expected(sector, (unsigned)(own + VIRTIO_MMIO_STATUS - g->addr), 0);
}

/*
 * The request's outcome and the Status after it: 1 when permitted. sector:
 * what an IN request read, so that a Status the data wrote is recognized.
 */
static int outcome(struct test_ctx *t, struct dma_device *d, const struct target *g, int st,
		   uint64_t sector)
{
	uint32_t status = virtio_status(&d->dev);
	const char *dir = g->type == VIRTIO_BLK_T_IN ? "disk to" : "disk from";
	const char *nr = status & VIRTIO_STATUS_NEEDS_RESET ? "DEVICE_NEEDS_RESET set"
							    : "DEVICE_NEEDS_RESET clear";
	unsigned long long a = g->addr;

	if (st == VIRTIO_BLK_S_OK)
		evidence(t, "outcome_tellable",
			 "%s 0x%llx (%s): completed OK (the device went through it), %s | "
			 "permitted",
			 dir, a, g->what, nr);
	else if (st > 0)
		evidence(t, "outcome_tellable",
			 "%s 0x%llx (%s): failed the request (status %d), %s | permitted", dir, a,
			 g->what, st, nr);
	else if (status & VIRTIO_STATUS_NEEDS_RESET)
		evidence(t, "outcome_tellable",
			 "%s 0x%llx (%s): no completion, %s (Status 0x%x) | permitted", dir, a,
			 g->what, nr, status);
	else if (own_status_written(d, g, sector, status))
		/* Asked to write its own registers, it did: its state is what the data said. */
		evidence(t, "outcome_tellable",
			 "%s 0x%llx (%s): no completion: the data landed in its own registers "
			 "(Status reads 0x%x, the data's byte at 0x%x) | permitted",
			 dir, a, g->what, status, VIRTIO_MMIO_STATUS);
	else
		finding(t, "outcome_tellable",
			"%s 0x%llx (%s): no completion (within %u ms, or before the device "
			"stopped) and no DEVICE_NEEDS_RESET (Status 0x%x): the driver cannot tell "
			"what happened | deviation",
			dir, a, g->what, DMA_WAIT_US / 1000, status);
	return st >= 0 || (status & VIRTIO_STATUS_NEEDS_RESET) ||
	       own_status_written(d, g, sector, status);
}

/*
 * One target; 1 when the device works again after it, reset and initialized
 * again. Its subject: region= the target's kind (not its address, which
 * follows --mem), form= in (the device writes it) or out (the device reads
 * it).
 */
static int one_target(struct test_ctx *t, struct dma_device *d, const struct target *g, unsigned i)
{
	const char *why = dma_blk_init(d);
	if (!check(t, !why, "initializes", "initialization before the %s test: %s", g->what,
		   why ? why : ""))
		return 0;
	/* OUT lands in a loose sector; IN reads one that holds the pattern. */
	uint64_t sector = g->type == VIRTIO_BLK_T_IN ? IN_FIRST + i : DISK_LOOSE_FIRST + i;
	int st = dma_blk_request(t, d, g->type, sector, g->addr, TARGET_LEN, NULL);
	(void)outcome(t, d, g, st, sector);
	/* Alive here; the device must work again after a reset. */
	virtio_reset(&d->dev);
	why = dma_blk_init(d);
	return check(t, !why && dma_blk_read_back(t, d), "works_after_reset",
		     "after the %s test (%s), reset and initialized again, it %s | required",
		     g->what, g->type == VIRTIO_BLK_T_IN ? "disk to it" : "disk from it",
		     why ? why : "reads the disk wrong");
}

void case_targets(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK,
					"no block device (DeviceID 2) behind the DT's transports");
	struct target list[MAX_TARGETS];

	if (!d)
		return;
	unsigned n = find_targets(t, d, list), again = 0;
	node_push(t, d->node->path);
	/* The shapes case writes the last loose sector. */
	for (unsigned i = 0; i < n && i + 1 < DISK_LOOSE_COUNT; i++) {
		subject_push(t, "region", "%s", list[i].region);
		subject_push(t, "form", "%s", list[i].type == VIRTIO_BLK_T_IN ? "in" : "out");
		again += (unsigned)one_target(t, d, &list[i], i);
		subject_pop(t);
		subject_pop(t);
	}
	if (again == n)
		evidence(t, "works_after_reset",
			 "after each of the %u targets, reset and initialized again, it read the "
			 "disk right | required",
			 n);
	subject_pop(t);
	note(t,
	     "dma targets that are not RAM: %u tried (virtio 1.2 leaves them undefined: any answer "
	     "but silence is permitted; not tried: writes into flash, a CFI command)",
	     n);
	virtio_reset(&d->dev);
}
