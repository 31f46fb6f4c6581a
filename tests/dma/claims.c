// SPDX-License-Identifier: MIT
/*
 * What the transports are said to hold, against what they answer (DeviceID
 * and Version, virtio 1.2 4.2.2):
 *   - a transport's child node with compatible "virtio,device<ID in hex>"
 *     (Linux Documentation/devicetree/bindings/virtio/virtio-device.yaml)
 *     claims that device: the transport's DeviceID must be it;
 *   - the runner's vm_virtio= (runtime/options.h) names the devices it
 *     attached, and "modern" for Version 2 transports: each must be behind
 *     one of the DT's transports, and no other device. A DT whose transports
 *     lack a device the platform has is caught here.
 */
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/window.h"
#include "tests/dma/dma.h"

#define CLAIM_PREFIX "virtio,device"

static const char *device_name(uint32_t id)
{
	switch (id) {
	case 0: return "none: the transport is empty";
	case VIRTIO_ID_NET: return "network";
	case VIRTIO_ID_BLOCK: return "block";
	case VIRTIO_ID_RNG: return "entropy";
	default: return "another device";
	}
}

/*
 * A compatible that begins like a claim but is not one as the binding spells
 * it ("virtio,device" and the ID in lower case hex, no leading zeros): a
 * driver comparing with the ID it prints matches none. NULL when none is.
 */
static const char *misspelt_claim(const struct dt_device *c)
{
	for (const char *s = dt_compat_next(c, NULL); s; s = dt_compat_next(c, s))
		if (!strncmp(s, CLAIM_PREFIX, strlen(CLAIM_PREFIX)))
			return s;
	return NULL;
}

/* Every child claim of every transport: the number of claims that held. */
static unsigned child_claims(struct test_ctx *t, unsigned *nclaims)
{
	const struct platform *p = t->plat;
	unsigned held = 0;

	*nclaims = 0;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *n = &p->devices[i];
		if (!n->enabled || !dt_compat_has(n, "virtio,mmio") || n->nreg < 1)
			continue;
		for (const struct dt_device *c = dt_child_next(p, n, NULL); c;
		     c = dt_child_next(p, n, c)) {
			uint32_t claim;
			struct virtio_dev probe;
			if (!c->enabled)
				continue;
			if (dt_compat_hex_suffix(c, CLAIM_PREFIX, &claim)) {
				const char *bad = misspelt_claim(c);
				if (bad) {
					++*nclaims;
					node_push(t, c->path);
					subject_push(t, "prop", "compatible");
					finding(t, "claim_spelled_as_binding",
						"compatible \"%s\" is not " CLAIM_PREFIX
						"<ID> as virtio-device.yaml spells it (lower case "
						"hex, no leading zeros): it claims no device",
						bad);
					subject_pop(t);
					subject_pop(t);
				}
				continue;
			}
			++*nclaims;
			const char *why = !window_identity(n->reg[0].base, n->reg[0].size)
						  ? "its reg lies above what the identity map "
						    "reaches (AArch32: 4 GiB)"
						  : virtio_probe(&probe, (uintptr_t)n->reg[0].base);
			if (why) {
				note(t, "%s: claims %s%x; not checked: %s", c->path, CLAIM_PREFIX,
				     claim, why);
				continue;
			}
			/* Against the DeviceID (lie virtio-claims-wrong-device). */
			claim_hold(c->node, "compatible", CLAIM_PROBE);
			node_push(t, c->path);
			if (check(t, probe.device_id == claim, "claim_matches_device",
				  "claims " CLAIM_PREFIX
				  "%x (%s), but the transport holds DeviceID %u "
				  "(%s)",
				  claim, device_name(claim), probe.device_id,
				  device_name(probe.device_id)))
				held++;
			subject_pop(t);
		}
	}
	return held;
}

static void vm_virtio_text(unsigned bits, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s%s", bits ? "" : "none", bits & OPT_VIRTIO_RNG ? "rng," : "",
		 bits & OPT_VIRTIO_BLK ? "blk," : "", bits & OPT_VIRTIO_MODERN ? "modern," : "");
	size_t n = strlen(out);
	if (n && out[n - 1] == ',')
		out[n - 1] = 0;
}

/*
 * One kind of device the runner attaches (device: its name in vm_virtio=, the
 * subject): present behind a transport exactly when it said so.
 */
static int attached(struct test_ctx *t, uint32_t id, const char *device, unsigned bit,
		    const char *said)
{
	const struct dma_device *d = dma_lookup(t, id);
	int want = !!(t->opt->vm_virtio & bit), ok;

	if (want) {
		subject_push(t, "device", "%s", device);
		ok = check(t, d != NULL, "attached_device_found",
			   "the runner attached a virtio %s device (vm_virtio=%s), but none of the "
			   "DT's %u transports holds one (DeviceID %u)%s",
			   device_name(id), said, dma_state(t)->transports, id,
			   dma_state(t)->nbroken ? "; of them, those the transports case names "
						   "were not looked into"
						 : "");
		subject_pop(t);
		return ok;
	}
	if (!d) {
		passed(t);
		return 1;
	}
	node_push(t, d->node->path);
	subject_push(t, "device", "%s", device);
	ok = check(t, 0, "no_unattached_device",
		   "holds DeviceID %u (%s), which the runner did not attach (vm_virtio=%s)", id,
		   device_name(id), said);
	subject_pop(t);
	subject_pop(t);
	return ok;
}

void case_claims(struct test_ctx *t)
{
	struct dma_state *s = dma_state(t);
	unsigned nclaims, held = child_claims(t, &nclaims);
	char said[32];

	if (nclaims && held == nclaims)
		evidence(t, "claim_matches_device",
			 "%u " CLAIM_PREFIX "<ID> claims in the DT, each the transport's DeviceID",
			 nclaims);
	else if (!nclaims)
		note(t, "no transport's child claims a device (" CLAIM_PREFIX "<ID>)");
	if (!t->opt->vm_virtio_given) {
		note(t, "the runner did not say which virtio devices it attached (no vm_virtio=): "
			"the transports are not checked against them");
		if (!nclaims)
			skip(t, "nothing claims what the transports hold");
		return;
	}
	vm_virtio_text(t->opt->vm_virtio, said, sizeof(said));
	int ok = attached(t, VIRTIO_ID_RNG, "rng", OPT_VIRTIO_RNG, said);
	ok &= attached(t, VIRTIO_ID_BLOCK, "blk", OPT_VIRTIO_BLK, said);
	unsigned version = t->opt->vm_virtio & OPT_VIRTIO_MODERN ? 2 : 1;
	for (unsigned i = 0; i < s->ndevs; i++) {
		node_push(t, s->devs[i].node->path);
		ok &= check(t, s->devs[i].dev.version == version, "version_as_attached",
			    "Version %u, but the runner asked for %s transports (vm_virtio=%s)",
			    s->devs[i].dev.version, version == 2 ? "modern" : "legacy", said);
		subject_pop(t);
	}
	if (ok && s->ndevs)
		evidence(t, "holds_what_attached",
			 "the DT's %u transports hold what the runner attached (vm_virtio=%s), "
			 "Version %u",
			 s->transports, said, version);
	else if (ok)
		evidence(t, "holds_what_attached",
			 "the DT's %u transports hold no device, as the runner attached none",
			 s->transports);
}
