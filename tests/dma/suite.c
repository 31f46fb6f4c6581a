// SPDX-License-Identifier: MIT
/*
 * dma suite: devices that read and write guest memory themselves, found
 * from the DT. Documents checked: Virtual I/O Device (VIRTIO) 1.2 (2.1
 * device status, 2.7 split virtqueues, 3.1 initialization, 4.2 virtio-mmio,
 * 5.2 block device, 5.4 entropy device); QEMU docs/specs/fw_cfg (the fw_cfg
 * device's data register and DMA interface). Only devices the DT describes
 * are touched; a platform without any skips with its reason, unless the
 * runner says it attached some (vm_virtio=).
 */
#include <string.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/window.h"
#include "tests/dma/dma.h"

static struct dma_state state;

/* The block device's configuration the suite reads: capacity, size_max, seg_max (5.2.4). */
#define BLK_CONFIG_READ 16

/* A transport that does not answer as one: the check it failed (the transports case's finding). */
static void broken(const struct dt_device *n, const char *check, const char *why)
{
	if (state.nbroken < 4) {
		state.broken[state.nbroken] = n;
		state.why[state.nbroken] = why;
		state.check[state.nbroken] = check;
	}
	state.nbroken++;
}

static const char *init(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	memset(&state, 0, sizeof(state));
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *n = &p->devices[i];
		struct virtio_dev probe;
		if (!n->enabled || !dt_compat_has(n, "virtio,mmio") || n->nreg < 1)
			continue;
		state.transports++;
		/* Nothing outside the DT's window is touched: a short one is said, not used. */
		if (n->reg[0].size < VIRTIO_MMIO_CONFIG) {
			broken(n, "window_holds_registers",
			       "the DT's window ends before the transport's registers do (0x100 "
			       "bytes, virtio 1.2 4.2.2): not touched");
			continue;
		}
		if (!window_identity(n->reg[0].base, n->reg[0].size))
			continue; /* not reached: the mmio suite notes it */
		const char *why = virtio_probe(&probe, (uintptr_t)n->reg[0].base);
		state.probed[state.nprobed++] = n->node;
		if (why) {
			broken(n, "answers_as_transport", why);
			continue;
		}
		if (probe.device_id == VIRTIO_ID_BLOCK &&
		    n->reg[0].size < VIRTIO_MMIO_CONFIG + BLK_CONFIG_READ) {
			broken(n, "window_holds_config",
			       "the DT's window ends inside the block device's configuration "
			       "(capacity, size_max, seg_max at 0x100-0x10f, virtio 1.2 5.2.4): "
			       "not used");
			continue;
		}
		if (probe.device_id == 0) {
			state.empty++;
			continue;
		}
		state.devices++;
		if (state.ndevs < DMA_MAX_DEVICES)
			state.devs[state.ndevs++] = (struct dma_device){ n, probe, 0, 0 };
	}
	t->state = &state;
	return NULL;
}

static const char *skip_if(const struct test_ctx *t)
{
	for (int i = 0; i < t->plat->ndevices; i++)
		if (dt_compat_has(&t->plat->devices[i], "virtio,mmio") ||
		    dt_compat_has(&t->plat->devices[i], "qemu,fw-cfg-mmio"))
			return NULL;
	/* The runner attached devices the DT has no transport for: the claims case says so. */
	if (t->opt->vm_virtio_given && (t->opt->vm_virtio & (OPT_VIRTIO_RNG | OPT_VIRTIO_BLK)))
		return NULL;
	return "no virtio-mmio transport and no fw_cfg in the device tree (nothing that does DMA "
	       "is described)";
}

/* What the DT's transports hold: devices, and empty ones (DeviceID 0) left alone. */
void case_transports(struct test_ctx *t)
{
	struct dma_state *s = dma_state(t);

	if (!s->transports) {
		skip(t, "no virtio-mmio transport in the device tree");
		return;
	}
	note(t, "virtio-mmio: %u transports in the DT, %u empty, %u with a device", s->transports,
	     s->empty, s->devices);
	for (unsigned i = 0; i < s->ndevs; i++) {
		const struct virtio_dev *v = &s->devs[i].dev;
		note(t, "%s: Version %u (%s), DeviceID %u, VendorID 0x%x", s->devs[i].node->path,
		     v->version, v->version == 1 ? "legacy" : "modern", v->device_id, v->vendor_id);
	}
	/*
	 * Each transport probed answered as one, or the finding below says it did not
	 * (lies virtio-no-transport, virtio-blk-window-no-config).
	 */
	for (unsigned i = 0; i < s->nprobed; i++) {
		claim_hold(s->probed[i], "reg", CLAIM_PROBE);
		claim_hold(s->probed[i], "compatible", CLAIM_PROBE);
	}
	for (unsigned i = 0; i < s->nbroken && i < 4; i++) {
		node_push(t, s->broken[i]->path);
		finding(t, s->check[i], "%s", s->why[i]);
		subject_pop(t);
	}
	check(t, s->nbroken <= 4, "more_transports_answer", "%u more transports do not answer",
	      s->nbroken - 4);
	if (s->devices > s->ndevs)
		note(t, "%u devices past the first %u are not exercised", s->devices - s->ndevs,
		     DMA_MAX_DEVICES);
	if (!s->nbroken)
		passed(t);
}

static const struct test_case cases[] = {
	CASE(transports),
	CASE(rng),
	CASE(blk),
	CASE(targets),
	CASE(shapes),
	CASE(events),
	CASE(claims),
	CASE(fw_cfg),
	CASE(fw_cfg_contents),
	CASE(fw_cfg_control),
	CASE(fw_cfg_targets),
	CASE_ON_REQUEST(idx_wrap),
};
SUITE(70, dma, cases, .skip_if = skip_if, .init = init);
