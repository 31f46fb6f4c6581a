// SPDX-License-Identifier: MIT
/*
 * Event index on the block device (virtio 1.2 2.7.7, 2.7.10), when it offers
 * VIRTIO_F_EVENT_IDX: requests made one at a time, each read checked
 * against the disk.
 *   - used_event: the driver asks for a notification only for the used
 *     entry at index EVENT_AT. The device MUST notify when it writes that
 *     entry and SHOULD NOT for the others (2.7.7.2); seen in InterruptStatus
 *     bit 0 (4.2.2), the GIC left alone. A missing one is a finding, an extra
 *     one a note (a recommendation departed from).
 *   - avail_event: the driver reads it after publishing each request and
 *     notifies only when its idx passed it (2.7.10: MUST when equal, SHOULD
 *     NOT otherwise). A device that, so told, then never sees the request is
 *     a deviation: the driver notifies after all, so the run goes on.
 */
#include <stddef.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "runtime/check.h"
#include "runtime/smp.h"
#include "tests/dma/request.h"

#define EVENT_QUEUE    8
#define EVENT_REQUESTS 12 /* more than the queue: the ring wraps on the way */
#define EVENT_AT       5  /* the used entry the driver asks to hear of */
#define EVENT_FIRST    300
/*
 * How long an unwanted notification is waited for, once the used entry is
 * there (the device writes it before it notifies, 2.7.7): one later still
 * is seen before the next request ("seen late").
 */
#define QUIET_US    500
#define USED_BUFFER 1u /* InterruptStatus: used buffer notification */

static uint8_t sector_buf[VIRTIO_BLK_SECTOR] __attribute__((aligned(16)));

/* Whether InterruptStatus shows a used buffer notification within us. */
static int notified_within(struct dma_device *d, uint64_t us)
{
	enum wait_end end = WAIT_UNTIL(virtio_irq_status(&d->dev) & USED_BUFFER, us);

	return end == WAIT_ON;
}

/* Poll for the used idx to move past was, up to DMA_WAIT_US. */
static int used_moved(struct dma_device *d, uint16_t was)
{
	/* A device that stopped will not complete: one more look, then give up. */
	enum wait_end end =
		WAIT_UNTIL(virtq_used_idx(&d->dev) != was || virtio_stopped(&d->dev), DMA_WAIT_US);
	if (end != WAIT_ON)
		return 0;
	return virtq_used_idx(&d->dev) != was;
}

/* One request with the driver's notification by avail_event: 1 when it completed and checked. */
static int one(struct test_ctx *t, struct dma_device *d, unsigned i, unsigned *kicks,
	       uint16_t *events, unsigned *lost)
{
	struct shape_seg seg = { sector_buf, VIRTIO_BLK_SECTOR };
	struct shape_req r = { VIRTIO_BLK_T_IN, EVENT_FIRST + i, &seg, 1, NULL, 0, 1 };
	uint16_t old = virtq_avail_idx(&d->dev), used = virtq_used_idx(&d->dev);
	int head = shape_submit(d, &r);

	if (!check(t, head >= 0, "queue_has_room", "event idx: no room for request %u", i))
		return 0;
	events[i] = virtq_avail_event(&d->dev);
	if (virtq_notify_needed(&d->dev, old)) {
		virtq_kick(&d->dev);
		++*kicks;
	} else if (!used_moved(d, used)) {
		/* The first such request is the finding; the count is noted at the end. */
		if (!*lost)
			finding(t, "avail_event_honoured",
				"event idx: avail_event %u told the driver not to notify for avail "
				"idx %u, and the device never took the request | deviation",
				events[i], old);
		++*lost;
		virtq_kick(&d->dev);
	}
	return shape_finish(t, d, "event-idx", "event idx read", &r, head);
}

/* A SHOULD NOT: a driver copes with an extra notification, so a note, not a failure. */
static void unwanted_note(struct test_ctx *t, const struct dma_device *d, const char *which,
			  unsigned entry, const char *how)
{
	note(t,
	     "virtio-blk at 0x%llx: event idx: a notification for %s %u%s, while used_event is "
	     "%u (2.7.7.2: SHOULD NOT) | departs from a recommendation, permitted",
	     BLK_AT(d), which, entry, how, EVENT_AT);
}

void case_events(struct test_ctx *t)
{
	struct dma_device *d = dma_find(t, VIRTIO_ID_BLOCK,
					"no block device (DeviceID 2) behind the DT's transports");
	uint16_t avail_events[EVENT_REQUESTS] = { 0 };
	unsigned kicks = 0, unwanted = 0, lost = 0;

	if (!d)
		return;
	const char *why = shape_setup(d, 1ull << VIRTIO_F_EVENT_IDX, EVENT_QUEUE, 0);
	dma_blk_push(t, d);
	require(t, !why, "initializes", "initialization (virtio 1.2 3.1.1): %s", why ? why : "");
	if (!(d->dev.accepted & (1ull << VIRTIO_F_EVENT_IDX))) {
		virtio_reset(&d->dev);
		skip(t, "VIRTIO_F_EVENT_IDX not offered: used_event and avail_event not checked");
		dma_blk_pop(t);
		return;
	}
	virtio_irq_ack(&d->dev, virtio_irq_status(&d->dev));
	virtq_set_used_event(&d->dev, EVENT_AT);
	unsigned done = 0;
	for (; done < EVENT_REQUESTS; done++) {
		/* One that came after its QUIET_US must not pass for the next entry's. */
		if (virtio_irq_status(&d->dev) & USED_BUFFER) {
			virtio_irq_ack(&d->dev, USED_BUFFER);
			if (!unwanted++)
				unwanted_note(t, d, "a used entry before", done, ", seen late");
		}
		if (!one(t, d, done, &kicks, avail_events, &lost))
			break;
		/* The entry just written sits at used index done. */
		int want = done == EVENT_AT;
		int got = notified_within(d, want ? DMA_WAIT_US : QUIET_US);
		if (got)
			virtio_irq_ack(&d->dev, USED_BUFFER);
		if (want && check(t, got, "notifies_at_used_event",
				  "event idx: no notification for the used entry at used_event %u "
				  "(2.7.7.2: MUST) | required",
				  EVENT_AT))
			evidence(t, "notifies_at_used_event",
				 "event idx: notified for the used entry at used_event %u | "
				 "required",
				 EVENT_AT);
		else if (!want && got && !unwanted++)
			unwanted_note(t, d, "the used entry at", done, "");
	}
	if (done == EVENT_REQUESTS && !lost)
		evidence(t, "avail_event_honoured",
			 "event idx: %u reads, one at a time, each notified only as avail_event "
			 "asked (%u notifications), all taken and matching the disk | required",
			 done, kicks);
	if (lost > 1)
		note(t,
		     "virtio-blk at 0x%llx: event idx: %u requests in all were not taken until the "
		     "driver notified after all",
		     BLK_AT(d), lost);
	if (done == EVENT_REQUESTS && !unwanted)
		evidence(t, "no_unwanted_notification",
			 "event idx: none for the other %u used entries, before and past "
			 "used_event | recommended",
			 EVENT_REQUESTS - 1);
	note(t,
	     "virtio-blk at 0x%llx: event idx: avail_event read after each request: %u %u %u %u "
	     "...; the driver notified %u times for %u requests (queue of %u)",
	     BLK_AT(d), avail_events[0], avail_events[1], avail_events[2], avail_events[3], kicks,
	     EVENT_REQUESTS, d->dev.q.num);
	virtio_reset(&d->dev);
	dma_blk_pop(t);
}
