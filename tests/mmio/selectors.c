// SPDX-License-Identifier: MIT
/*
 * mmio suite, write_read on selectors: registers whose write is seen
 * through another register.
 *   virtio-mmio (virtio 1.2 4.2.2, 2.1): Status reads back what was written
 *     and 0 after a reset (writing 0); QueueSel 0 selects a queue with a
 *     size, a queue past the device's reads QueueNumMax 0; on a Version 2
 *     transport DeviceFeaturesSel 1 shows VIRTIO_F_VERSION_1 (bit 32, which
 *     a non-legacy device offers, 6.1). First transport with a device only;
 *     left reset (the dma suite sets its devices up itself).
 *   QEMU fw_cfg (docs/specs/fw_cfg): selecting FW_CFG_ID (0x0001) yields
 *     its bit 0 (the traditional interface, always set); selecting a key
 *     again restarts its data (the signature reads "QEMU" twice).
 */
#include <stdio.h>

#include "tests/mmio/bits.h"

#define V_VERSION	      0x004
#define V_DEVICE_ID	      0x008
#define V_FEATURES	      0x010
#define V_FEATURES_SEL	      0x014
#define V_QUEUE_SEL	      0x030
#define V_QUEUE_NUM_MAX	      0x034
#define V_STATUS	      0x070
#define FW_DATA		      0x0
#define FW_SEL		      0x8
#define FW_SIGNATURE	      0x554d4551 /* "QEMU", read little-endian */
#define VIRTIO_SPEC	      "virtio 1.2 4.2.2"
#define FW_CFG_SPEC	      "QEMU docs/specs/fw_cfg"
#define FW_CFG_ID_TRADITIONAL 0x1

/* One write-then-read: write w at wo, read ro, judge (got & mask) == want. */
static void sel_check(struct test_ctx *t, const struct mmio_target *tg, const char *check,
		      const char *reg, uint32_t wo, unsigned wbits, uint64_t w, uint32_t ro,
		      unsigned rbits, uint64_t mask, uint64_t want, int equal, const char *spec)
{
	uintptr_t base = (uintptr_t)tg->d->reg[0].base;
	struct probe_outcome ow, or_ = { .faulted = 1 };
	char exp[48], obs[64];

	if (!probe_write(base + wo, wbits, w, &ow))
		probe_read(base + ro, rbits, &or_);
	int ok = !ow.faulted && !or_.faulted && (((or_.value & mask) == want) == equal);
	snprintf(exp, sizeof(exp), "write 0x%llx; then 0x%x %s 0x%llx", (unsigned long long)w,
		 (unsigned)ro, equal ? "==" : "!=", (unsigned long long)want);
	if (ow.faulted)
		probe_format(&ow, PROBE_VALUE, obs, sizeof(obs));
	else
		probe_format(&or_, PROBE_VALUE, obs, sizeof(obs));
	mmio_observed(t, tg->d, tg->c,
		      &(struct observation){ .check = check,
					     .reg = reg,
					     .off = wo,
					     .what = check,
					     .expect = exp,
					     .spec = spec,
					     .outcome = mmio_outcome_of(ow.faulted || or_.faulted),
					     .observed = obs,
					     .cls = ok ? OUTCOME_REQUIRED : OUTCOME_DEVIATION });
}

static void virtio(struct test_ctx *t, const struct mmio_target *tg)
{
	struct probe_outcome id, ver;
	uintptr_t base = (uintptr_t)tg->d->reg[0].base;

	if (probe_read(base + V_DEVICE_ID, 32, &id) || !id.value ||
	    probe_read(base + V_VERSION, 32, &ver))
		return;
	sel_check(t, tg, "status_resets", "Status", V_STATUS, 32, 0, V_STATUS, 32, 0xff, 0, 1,
		  VIRTIO_SPEC " Status, 4.2.3.1");
	sel_check(t, tg, "status_takes", "Status", V_STATUS, 32, 1, V_STATUS, 32, 0xff, 1, 1,
		  VIRTIO_SPEC " Status, 2.1");
	sel_check(t, tg, "queue_sel_selects", "QueueSel", V_QUEUE_SEL, 32, 0, V_QUEUE_NUM_MAX, 32,
		  0xffffffff, 0, 0, VIRTIO_SPEC " QueueSel/QueueNumMax (queue 0 exists)");
	/* From queue 0: 0x7fff, a queue index past QEMU's 1024 the register still selects
	 * (4.2.2), then 1023, one no device here has. */
	sel_check(t, tg, "queue_sel_high_absent", "QueueSel", V_QUEUE_SEL, 32, 0x7fff,
		  V_QUEUE_NUM_MAX, 32, 0xffffffff, 0, 1,
		  VIRTIO_SPEC " QueueNumMax: 0 if not available");
	sel_check(t, tg, "queue_sel_absent", "QueueSel", V_QUEUE_SEL, 32, 1023, V_QUEUE_NUM_MAX, 32,
		  0xffffffff, 0, 1, VIRTIO_SPEC " QueueNumMax: 0 if not available");
	if (ver.value == 2)
		sel_check(t, tg, "feature_sel_selects", "DeviceFeaturesSel", V_FEATURES_SEL, 32, 1,
			  V_FEATURES, 32, 1, 1, 1,
			  VIRTIO_SPEC " DeviceFeaturesSel, 6.1 VIRTIO_F_VERSION_1");
	struct probe_outcome o;
	probe_write(base + V_QUEUE_SEL, 32, 0, &o);
	probe_write(base + V_FEATURES_SEL, 32, 0, &o);
	probe_write(base + V_STATUS, 32, 0, &o);
}

static void fw_cfg(struct test_ctx *t, const struct mmio_target *tg)
{
	/* The selector is big-endian (a 16-bit write of the swapped key). */
	sel_check(t, tg, "selector_selects", "Selector", FW_SEL, 16, 0x0100, FW_DATA, 8,
		  FW_CFG_ID_TRADITIONAL, FW_CFG_ID_TRADITIONAL, 1, FW_CFG_SPEC " FW_CFG_ID");
	/* The signature's first byte taken, then the key selected again. */
	uintptr_t base = (uintptr_t)tg->d->reg[0].base;
	struct probe_outcome o;
	if (probe_write(base + FW_SEL, 16, 0, &o) || probe_read(base + FW_DATA, 8, &o))
		return;
	sel_check(t, tg, "selector_restarts", "Selector", FW_SEL, 16, 0x0000, FW_DATA, 32,
		  0xffffffff, FW_SIGNATURE, 1, FW_CFG_SPEC " FW_CFG_SIGNATURE");
}

void bits_selectors(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct mmio_state *st = mmio_state(t);

	if (tg->c->extra == EXTRA_FW_CFG_SIGNATURE)
		fw_cfg(t, tg);
	if (tg->c->extra != EXTRA_VIRTIO_DEVICE_ID)
		return;
	/* The first transport with a device behind it. */
	for (unsigned i = 0; i < st->ntargets; i++) {
		struct probe_outcome id;
		const struct mmio_target *o = &st->targets[i];
		if (o->c == tg->c &&
		    !probe_read((uintptr_t)o->d->reg[0].base + V_DEVICE_ID, 32, &id) && id.value) {
			virtio(t, o);
			return;
		}
	}
}
