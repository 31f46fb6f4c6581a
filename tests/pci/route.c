// SPDX-License-Identifier: MIT
/*
 * Where a function's MSIs go (Linux bindings pci/pci-msi.txt): its
 * requester ID (as the root complex sees it: pci_requester_id) through the host bridge's msi-map
 * (or msi-parent) to a controller, which is then made ready to take one message. To a GICv3 ITS the
 * translated ID is the device ID (MAPD, MAPTI of event 0 to an LPI; Arm IHI 0069 5.2, 6.3) and the
 * message is a write of 0 to GITS_TRANSLATER; to a GICv2m frame, MSI_TYPER gives its SPIs and the
 * message is a write of the SPI to MSI_SETSPI_NS (Arm SBSA, GICv2m). Shared
 * by the cases that send an MSI (edu's, msi.c) and an MSI-X (virtio.c).
 */
#include <libfdt.h>
#include <stddef.h>

#include "boot/probe.h"
#include "drivers/gic.h"
#include "drivers/gic_its.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "runtime/window.h"
#include "tests/pci/pci.h"

#define LPI_PRIO 0xa0
#define SYNC_US	 100000

/* The controller's findings are the host bridge's: its map (prop) named it. */
static int its_ready(struct test_ctx *t, const struct dt_device *c, struct pci_msi_route *r,
		     unsigned index)
{
	struct its_info info;

	if (c->nreg && !window_identity(c->reg[0].base, c->reg[0].size)) {
		skip(t, "the ITS's reg lies above what the identity map reaches (AArch32: 4 GiB)");
		return 0;
	}
	const char *why = c->nreg ? its_probe((uintptr_t)c->reg[0].base, &info) : "no reg";

	subject_push(t, "prop", "%s", r->prop);
	require(t, !why, "msi_controller_is_its", "%s: %s", c->path, why ? why : "");
	why = irq_its_memory();
	if (why) {
		skip(t, why);
		subject_pop(t);
		return 0;
	}
	why = gic_lpi_enable();
	require(t, !why, "lpis_enable", "LPIs on the boot CPU: %s", why ? why : "");
	why = its_init(&info);
	require(t, !why, "its_enables", "%s", why ? why : "");
	subject_pop(t);
	r->intid = PCI_MSI_LPI + index;
	r->addr = c->reg[0].base + GITS_TRANSLATER;
	r->data = 0;
	gic_lpi_configure(r->intid, LPI_PRIO, 1);
	its_mapd(r->devid, 1);
	its_mapc_here(0);
	its_mapti(r->devid, 0, r->intid, 0);
	its_inv(r->devid, 0);
	int rc = its_sync(SYNC_US);
	require(t, rc == 0, "its_commands_complete",
		"the ITS did not complete MAPD, MAPC, MAPTI, INV and SYNC within %u ms",
		SYNC_US / 1000);
	return 1;
}

static int v2m_ready(struct test_ctx *t, const struct dt_device *c, struct pci_msi_route *r,
		     unsigned index)
{
	struct probe_outcome o;

	subject_push(t, "prop", "%s", r->prop);
	require(t, c->nreg >= 1, "v2m_has_reg", "%s has no reg", c->path);
	if (!window_identity(c->reg[0].base, c->reg[0].size)) {
		skip(t, "the GICv2m frame's reg lies above what the identity map reaches (AArch32: "
			"4 GiB)");
		subject_pop(t);
		return 0;
	}
	int bad = probe_read((uintptr_t)c->reg[0].base + V2M_MSI_TYPER, 32, &o);
	uint32_t typer = (uint32_t)o.value, base = V2M_BASE(typer), n = V2M_COUNT(typer);
	subject_push(t, "reg", "MSI_TYPER");
	require(t, !bad, "v2m_answers", "%s: reading MSI_TYPER at 0x%llx aborted (ESR 0x%llx)",
		c->path, (unsigned long long)c->reg[0].base + V2M_MSI_TYPER,
		(unsigned long long)o.esr);
	note(t, "MSI_TYPER 0x%08x: SPIs from INTID %u, %u of them", typer, base, n);
	/* arm,gic-v2m-frame: both properties, when given, stand for MSI_TYPER (Linux's gicv2m). */
	int l1, l2;
	const fdt32_t *dt_base = fdt_getprop(t->plat->fdt, c->node, "arm,msi-base-spi", &l1);
	const fdt32_t *dt_num = fdt_getprop(t->plat->fdt, c->node, "arm,msi-num-spis", &l2);
	int dt_given = dt_base && dt_num && l1 == 4 && l2 == 4;
	const char *from = dt_given ? "arm,msi-base-spi" : "MSI_TYPER";
	if (dt_given) {
		base = fdt32_ld(dt_base), n = fdt32_ld(dt_num);
		/* Held by the gic suite, which sends to both ends of the range (tests/gic/v2m.c).
		 */
		note(t, "%s overrides it: SPIs from INTID %u, %u of them (the MSI is sent so)",
		     c->path, base, n);
	}
	require(t, n > index && base >= GIC_FIRST_SPI && (uint64_t)base + n <= gic_lines(),
		"v2m_spis_valid",
		"%s gives INTIDs %u..%u, not SPIs the distributor has (up to %u), or fewer than %u",
		from, base, base + n - 1, gic_lines() - 1, index + 1);
	subject_pop(t);
	subject_pop(t);
	r->intid = base + index;
	r->addr = c->reg[0].base + V2M_SETSPI_NS;
	r->data = r->intid;
	r->v2m = 1;
	gic_set_edge(r->intid, 1);
	gic_clear_pending(r->intid);
	gic_route_here(r->intid);
	gic_enable(r->intid);
	return 1;
}

int pci_msi_route(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f, unsigned index,
		  struct pci_msi_route *r)
{
	const struct dt_pci_host *h = &s->host;
	const struct pci_bridge *via;
	uint32_t rid = pci_requester_id(s, f, &via);

	*r = (struct pci_msi_route){ .devid = rid, .rid = rid, .prop = "msi-parent" };
	if (via)
		note(t, "behind the %s bridge %02x:%02x.%x its requester ID is 0x%04x",
		     via->pcie_type == PCI_BRIDGE_CONVENTIONAL ? "conventional PCI" : "PCIe-to-PCI",
		     via->bus, via->devfn >> 3, via->devfn & 7, rid);
	int ctl = h->msi_parent;
	if (h->nmsi) {
		const struct dt_pci_idmap *m =
			dt_pci_map_id(h->msi, h->nmsi, h->msi_mask, rid, &r->devid);
		r->prop = "msi-map";
		subject_push(t, "prop", "msi-map");
		require(t, m != NULL, "rid_in_msi_map", "requester ID 0x%04x is in no msi-map row",
			rid);
		subject_pop(t);
		ctl = m->node;
	}
	const struct dt_device *c = ctl >= 0 ? dt_device_at_node(t->plat, ctl) : NULL;
	subject_push(t, "prop", "%s", r->prop);
	require(t, c && c->enabled, "msi_controller_enabled", "%s names no enabled controller node",
		r->prop);
	subject_pop(t);
	if (!c)
		return 0; /* not reached: require ended the case */
	r->ctl = c->path;
	note(t, "requester ID 0x%04x -> %s, ID 0x%x (%s)", rid, c->path, r->devid, r->prop);
	int its = dt_compat_has(c, "arm,gic-v3-its"), v2m = dt_compat_has(c, "arm,gic-v2m-frame");
	if (its || v2m) {
		/*
		 * The MSI goes through what the map names, or a finding says it
		 * does not (held first: a require below ends the case).
		 */
		claim_hold(h->dev->node, r->prop, CLAIM_PROBE);
		/* The mask is held where it changed the ID the message carries. */
		if (h->nmsi && (r->rid & h->msi_mask) != r->rid)
			claim_hold(h->dev->node, "msi-map-mask", CLAIM_PROBE);
		claim_hold(h->dev->node, "bus-range", CLAIM_PROBE);
	}
	if (v2m) {
		claim_hold(c->node, "reg", CLAIM_PROBE);
		claim_hold(c->node, "msi-controller", CLAIM_PROBE);
	}
	if (its)
		return its_ready(t, c, r, index);
	if (v2m)
		return v2m_ready(t, c, r, index);
	note(t, "%s is neither an ITS nor a GICv2m frame: not exercised", c->path);
	return 0;
}

void pci_msi_route_end(const struct pci_msi_route *r)
{
	if (r->v2m)
		gic_disable(r->intid);
}
