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
#include "tests/dma/request.h"

#define TARGET_LEN	SECTOR
#define HOLE_STEP	0x10000
#define MAX_TARGETS	10
#define PL031_PAST_REGS 0x800 /* inside its 4 KiB window, clear of its registers */
#define STATUS_OFF	0x70  /* virtio-mmio Status (4.2.2) */
/*
 * IN requests read these sectors: the pattern, so known. Where such data
 * lands in the transport's own registers, the addresses it makes
 * (QueuePFN: sector << 16 | word, in pages; modern: high words 0x5ec70000)
 * lie far above RAM, so a device that follows them writes no guest RAM.
 */
#define IN_FIRST 400

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

/* RAM the harness does not use: not its image, not the DTB, no reservation. */
static int ram_unused(const struct test_ctx *t, uint64_t a, uint64_t len)
{
	const struct platform *p = t->plat;
	uintptr_t fdt = (uintptr_t)p->fdt;

	return !ranges_overlap(a, len, t->boot->image_base,
			       t->boot->image_end - t->boot->image_base) &&
	       !(fdt && ranges_overlap(a, len, fdt, p->fdt_size)) && !dt_reserved_at(p, a, len);
}

static unsigned find_targets(struct test_ctx *t, const struct dma_device *d, struct target *out)
{
	const struct platform *p = t->plat;
	const struct dt_device *rtc = platform_find_compatible(p, "arm,pl031", 0);
	const struct dt_device *flash = platform_find_compatible(p, "cfi-flash", 0);
	unsigned n = 0;

	if (rtc && rtc->nreg) {
		out[n++] = (struct target){ "another device's MMIO window", rtc->reg[0].base,
					    BLK_T_OUT };
		if (rtc->reg[0].size >= PL031_PAST_REGS + TARGET_LEN)
			out[n++] =
				(struct target){ "another device's MMIO window, past its registers",
						 rtc->reg[0].base + PL031_PAST_REGS, BLK_T_IN };
	}
	if (flash && flash->nreg)
		out[n++] = (struct target){ "flash", flash->reg[0].base, BLK_T_OUT };
	uint64_t h = hole(p);
	if (h) {
		out[n++] = (struct target){ "a hole nothing decodes", h, BLK_T_OUT };
		out[n++] = (struct target){ "a hole nothing decodes", h, BLK_T_IN };
	}
	out[n++] = (struct target){ "the transport's own window", d->node->reg[0].base, BLK_T_OUT };
	out[n++] = (struct target){ "the transport's own window", d->node->reg[0].base, BLK_T_IN };
	if (p->nbanks) {
		const struct addr_range *last = &p->banks[p->nbanks - 1];
		uint64_t a = last->base + last->size - TARGET_LEN / 2;
		out[n++] = (struct target){ "across the end of RAM", a, BLK_T_OUT };
		if (ram_unused(t, a, TARGET_LEN / 2))
			out[n++] = (struct target){ "across the end of RAM", a, BLK_T_IN };
		else
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

	return g->type == BLK_T_IN && g->addr <= own + STATUS_OFF &&
	       own + STATUS_OFF < g->addr + TARGET_LEN &&
	       status == shape_expected(sector, (unsigned)(own + STATUS_OFF - g->addr), 0);
}

/*
 * The request's outcome and the Status after it: 1 when permitted. sector:
 * what an IN request read, so that a Status the data wrote is recognized.
 */
static int outcome(struct test_ctx *t, struct dma_device *d, const struct target *g, int st,
		   uint64_t sector)
{
	uint32_t status = virtio_status(&d->dev);
	const char *dir = g->type == BLK_T_IN ? "disk to" : "disk from";
	const char *nr = status & VIRTIO_STATUS_NEEDS_RESET ? "DEVICE_NEEDS_RESET set"
							    : "DEVICE_NEEDS_RESET clear";
	unsigned long long a = g->addr;

	if (st == BLK_S_OK)
		evidence(t,
			 "%s: %s 0x%llx (%s): completed OK (the device went through it), %s | "
			 "permitted",
			 d->node->path, dir, a, g->what, nr);
	else if (st > 0)
		evidence(t, "%s: %s 0x%llx (%s): failed the request (status %d), %s | permitted",
			 d->node->path, dir, a, g->what, st, nr);
	else if (status & VIRTIO_STATUS_NEEDS_RESET)
		evidence(t, "%s: %s 0x%llx (%s): no completion, %s (Status 0x%x) | permitted",
			 d->node->path, dir, a, g->what, nr, status);
	else if (own_status_written(d, g, sector, status))
		/* Asked to write its own registers, it did: its state is what the data said. */
		evidence(t,
			 "%s: %s 0x%llx (%s): no completion: the data landed in its own registers "
			 "(Status reads 0x%x, the data's byte at 0x%x) | permitted",
			 d->node->path, dir, a, g->what, status, STATUS_OFF);
	else
		finding(t,
			"%s: %s 0x%llx (%s): no completion within %u ms and no DEVICE_NEEDS_RESET "
			"(Status 0x%x): the driver cannot tell what happened | deviation",
			d->node->path, dir, a, g->what, DMA_WAIT_US / 1000, status);
	return st >= 0 || (status & VIRTIO_STATUS_NEEDS_RESET) ||
	       own_status_written(d, g, sector, status);
}

/* One target; 1 when the device works again after it, reset and initialized again. */
static int one_target(struct test_ctx *t, struct dma_device *d, const struct target *g, unsigned i)
{
	const char *why = dma_blk_init(d);
	if (!check(t, !why, "%s: initialization before the %s test: %s", d->node->path, g->what,
		   why ? why : ""))
		return 0;
	/* OUT lands in a loose sector; IN reads one that holds the pattern. */
	uint64_t sector = g->type == BLK_T_IN ? IN_FIRST + i : DISK_LOOSE_FIRST + i;
	int st = dma_blk_request(t, d, g->type, sector, g->addr, TARGET_LEN, NULL);
	(void)outcome(t, d, g, st, sector);
	/* Alive here; the device must work again after a reset. */
	virtio_reset(&d->dev);
	why = dma_blk_init(d);
	return check(t, !why && dma_blk_read_back(t, d),
		     "%s: after the %s test (%s), reset and initialized again, it %s | required",
		     d->node->path, g->what, g->type == BLK_T_IN ? "disk to it" : "disk from it",
		     why ? why : "reads the disk wrong");
}

void targets(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK);
	struct target list[MAX_TARGETS];

	if (!d) {
		skip(t, "no block device (DeviceID 2) behind the DT's transports");
		return;
	}
	unsigned n = find_targets(t, d, list), again = 0;
	/* The shapes case writes the last loose sector. */
	for (unsigned i = 0; i < n && i + 1 < DISK_LOOSE_COUNT; i++)
		again += (unsigned)one_target(t, d, &list[i], i);
	if (again == n)
		evidence(t,
			 "%s: after each of the %u targets, reset and initialized again, it read "
			 "the disk right | required",
			 d->node->path, n);
	note(t,
	     "dma targets that are not RAM: %u tried (virtio 1.2 leaves them undefined: any answer "
	     "but silence is permitted; not tried: writes into flash, a CFI command)",
	     n);
	virtio_reset(&d->dev);
}
