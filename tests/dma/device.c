/* What the dma suite's cases share: finding a device and waiting for its completions. */
#include <stddef.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "tests/dma/dma.h"

struct dma_device *dma_find(struct test_ctx *t, uint32_t device_id)
{
	struct dma_state *s = dma_state(t);

	for (unsigned i = 0; i < s->ndevs; i++)
		if (s->devs[i].dev.device_id == device_id)
			return &s->devs[i];
	return NULL;
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
	uint64_t start = cpu_counter(), limit = smp_us_to_ticks(DMA_WAIT_US);
	uint32_t head, want = d->node->nirq > 0 ? d->node->irq[0].intid : 0;

	(void)t;
	*other = GIC_SPURIOUS;
	for (;;) {
		/* A device that stopped will not complete: one more look, then give up. */
		int late = cpu_counter() - start > limit || virtio_stopped(&d->dev);
		if (by_irq) {
			uint32_t iar = irq_poll(1000), id = gic_intid(iar);
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
		cpu_relax();
	}
}

void dma_wrong_irq(struct test_ctx *t, const struct dma_device *d, const char *what,
		   uint32_t arrived)
{
	if (d->node->nirq > 0)
		finding(t, "%s: %s completed on INTID %u, not the DT's INTID %u", d->node->path,
			what, arrived, d->node->irq[0].intid);
	else
		finding(t,
			"%s: %s completed on INTID %u, but the DT gives the transport no interrupt",
			d->node->path, what, arrived);
}
