// SPDX-License-Identifier: MIT
/* What the dma suite's cases share: finding a device and waiting for its completions. */
#include <stddef.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/record.h"
#include "runtime/smp.h"
#include "tests/dma/dma.h"

struct dma_device *dma_lookup(struct test_ctx *t, uint32_t device_id)
{
	struct dma_state *s = dma_state(t);

	for (unsigned i = 0; i < s->ndevs; i++)
		if (s->devs[i].dev.device_id == device_id)
			return &s->devs[i];
	return NULL;
}

struct dma_device *dma_find(struct test_ctx *t, uint32_t device_id, const char *none)
{
	struct dma_device *d = dma_lookup(t, device_id);

	if (!d) {
		skip(t, none);
		return NULL;
	}
	/* Its queue from run-time memory, once: not the image's BSS. */
	if (!d->dev.queue_mem && !(d->dev.queue_mem = arena_alloc(VIRTIO_QUEUE_MEM, PAGE_SIZE))) {
		skip(t, arena_refusal("the device's virtqueue", VIRTIO_QUEUE_MEM));
		return NULL;
	}
	return d;
}

void dma_spis(int on)
{
	for (uint32_t i = GIC_FIRST_SPI; i < gic_lines(); i++) {
		if (on) {
			gic_route_here(i);
			gic_enable(i);
		} else {
			gic_disable(i);
		}
	}
}

int dma_complete(struct test_ctx *t, struct dma_device *d, int by_irq, uint32_t *written,
		 uint32_t *other)
{
	uint32_t head, want = d->node->nirq > 0 ? d->node->irq[0].intid : 0;
	struct wait w;

	(void)t;
	*other = GIC_SPURIOUS;
	wait_begin(&w, DMA_WAIT_US);
	for (;;) {
		/* A device that stopped will not complete: one more look, then give up. */
		int late = wait_look(&w) != WAIT_ON || virtio_stopped(&d->dev);
		if (by_irq) {
			/* One acknowledge a look: a wait inside a wait would multiply their bounds.
			 */
			uint32_t iar = irq_poll(0), id = gic_intid(iar);
			if (id != GIC_SPURIOUS) {
				gic_eoi(iar);
				if (id != want) {
					*other = id;
					gic_disable(id);
				} else {
					virtio_irq_ack(&d->dev, virtio_irq_status(&d->dev));
				}
			}
			if (id == want && virtq_take_used(&d->dev, &head, written))
				return 1;
		} else if (virtq_take_used(&d->dev, &head, written)) {
			return 1;
		}
		if (late) {
			/* Consumed even so, so that the next request does not take this one's
			 * entry. */
			if (by_irq)
				(void)virtq_take_used(&d->dev, &head, written);
			return 0;
		}
	}
}

void dma_outcome_push(struct test_ctx *t, const struct dma_device *d)
{
	subject_push(t, "outcome", "%s", virtio_stopped(&d->dev) ? "stopped" : "timeout");
}

void dma_wrong_irq(struct test_ctx *t, const struct dma_device *d, const char *what,
		   uint32_t arrived)
{
	/* Two failures: a completion on another INTID, and a DT that names none. */
	if (d->node->nirq > 0)
		finding(t, "completes_on_dt_intid",
			"%s completed on INTID %u, not the DT's INTID %u", what, arrived,
			d->node->irq[0].intid);
	else
		finding(t, "dt_names_intid",
			"%s completed on INTID %u, but the DT gives the transport no interrupt",
			what, arrived);
}

void dma_blk_push(struct test_ctx *t, const struct dma_device *d)
{
	subject_push(t, "node", "%s", d->node->path);
	prefix_push(t, "virtio-blk at 0x%llx: ", (unsigned long long)d->dev.base);
}

void dma_blk_pop(struct test_ctx *t)
{
	subject_pop(t);
	subject_pop(t);
}

void dma_throughput(const char *device, const char *node, const char *how, uint64_t bytes,
		    uint64_t us)
{
	struct record r;

	record_start(&r, 2, RECORD_DMA_THROUGHPUT);
	record_field(&r, "device", "%s", device);
	record_field(&r, "node", "%s", node);
	record_field(&r, "how", "%s", how);
	record_field(&r, "bytes", "%llu", (unsigned long long)bytes);
	record_field(&r, "us", "%llu", (unsigned long long)us);
	record_field(&r, "kbps", "%llu", (unsigned long long)(us ? bytes * 1000 / us : 0));
	record_emit(&r);
}
