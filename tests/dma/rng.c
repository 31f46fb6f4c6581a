// SPDX-License-Identifier: MIT
/*
 * The entropy device (virtio 1.2 5.4): a buffer the device writes, its
 * completion seen by polling the used ring and then by the transport's
 * interrupt on the INTID the DT names (another that arrives is named).
 */
#include <string.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/dma/dma.h"
#include "util/util.h"

#define ENTROPY 64

static uint8_t entropy[ENTROPY] __attribute__((aligned(64)));

static int all_same(const uint8_t *b, unsigned n)
{
	for (unsigned i = 1; i < n; i++)
		if (b[i] != b[0])
			return 0;
	return 1;
}

static void one_request(struct test_ctx *t, struct dma_device *d, int by_irq)
{
	const char *how = by_irq ? "by interrupt" : "by polling";
	uint32_t written = 0, other;
	struct virtio_buf b = { (uintptr_t)entropy, ENTROPY };

	subject_push(t, "form", "%s", by_irq ? "by-interrupt" : "by-polling");
	memset(entropy, 0xa5, sizeof(entropy));
	if (by_irq) {
		cpu_irq_mask();
		dma_spis(1); /* every SPI: the one that arrives is named, whichever it is */
	}
	int head = virtq_submit(&d->dev, &b, 1, 1);
	virtq_kick(&d->dev);
	int done = head >= 0 && dma_complete(t, d, by_irq, &written, &other);
	if (by_irq) {
		dma_spis(0);
		cpu_irq_unmask();
		/* A completion arrived, on the DT's INTID or another (lie virtio-rng-wrong-irq). */
		if (done || other != GIC_SPURIOUS)
			claim_hold(d->node->node, "interrupts", CLAIM_PROBE);
	}
	if (!done) {
		if (by_irq && other != GIC_SPURIOUS)
			dma_wrong_irq(t, d, "the request", other);
		else {
			/* Given up before the wait was over when the device stopped. */
			int stopped = virtio_stopped(&d->dev);
			dma_outcome_push(t, d);
			if (stopped)
				finding(t, "completes",
					"a %u-byte request did not complete %s: the device stopped "
					"(Status 0x%x, DEVICE_NEEDS_RESET or not what the driver "
					"wrote)",
					ENTROPY, how, virtio_status(&d->dev));
			else
				finding(t, "completes",
					"a %u-byte request did not complete %s within %u ms "
					"(Status 0x%x)",
					ENTROPY, how, DMA_WAIT_US / 1000, virtio_status(&d->dev));
			subject_pop(t);
		}
		subject_pop(t);
		return;
	}
	if (check(t, written > 0 && written <= ENTROPY, "written_len",
		  "completed %s with %u bytes written, for a %u-byte buffer", how, written,
		  ENTROPY)) {
		check(t, !all_same(entropy, written), "entropy_varies",
		      "%u bytes of entropy, all 0x%02x", written, entropy[0]);
		evidence(t, "entropy_delivered", "%u bytes of entropy %s%s", written, how,
			 by_irq ? " on the DT's INTID" : "");
	}
	subject_pop(t);
}

void case_rng(struct test_ctx *t)
{
	struct dma_device *d = dma_find(
		t, VIRTIO_ID_RNG, "no entropy device (DeviceID 4) behind the DT's transports");

	if (!d)
		return;
	node_push(t, d->node->path);
	const char *why = virtio_init(&d->dev, 0, 8);
	require(t, !why, "initializes", "initialization (virtio 1.2 3.1.1): %s", why ? why : "");
	uint32_t status = virtio_status(&d->dev);
	note(t,
	     "%s: Version %u, features offered 0x%llx, accepted 0x%llx, queue of %u, Status 0x%x",
	     d->node->path, d->dev.version, (unsigned long long)d->dev.offered,
	     (unsigned long long)d->dev.accepted, d->dev.q.num, status);
	require(t, (status & VIRTIO_STATUS_DRIVER_OK) && !(status & VIRTIO_STATUS_NEEDS_RESET),
		"driver_ok_status", "Status 0x%x after DRIVER_OK", status);
	one_request(t, d, 0);
	one_request(t, d, 1);
	virtio_reset(&d->dev);
	subject_pop(t);
}
