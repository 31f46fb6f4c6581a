// SPDX-License-Identifier: MIT
/*
 * MSIs (PCI Local Bus 3.0 6.8.1) of edu through the controller the bridge's
 * msi-map (or msi-parent) names (Linux bindings pci/pci-msi.txt): to a GICv3
 * ITS, the requester ID translated by msi-map is the device ID the ITS is
 * given (MAPD, MAPTI), and the write to GITS_TRANSLATER must arrive as the
 * LPI mapped for it (Arm IHI 0069 5.2, 6.3); to a GICv2m frame, its
 * MSI_TYPER gives the SPIs it owns, and a write of one to MSI_SETSPI_NS must
 * arrive as that SPI (Arm Server Base System Architecture, GICv2m). A
 * device ID, bus number or controller the DT gets wrong shows here.
 */
#include <stddef.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/probe.h"
#include "drivers/gic.h"
#include "drivers/gic_its.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/pci/pci.h"

#define EDU_RAISE     0x60
#define EDU_LOWER     0x64
#define EDU_BIT	      0x1u
#define MSI_LPI	      (GIC_FIRST_LPI + 16)
#define LPI_PRIO      0xa0
#define SYNC_US	      100000
#define V2M_MSI_TYPER 0x008
#define V2M_SETSPI_NS 0x040
#define V2M_BASE(t)   (((t) >> 16) & 0x3ff)
#define V2M_COUNT(t)  ((t)&0x3ff)

static const struct dt_device *device_of(const struct platform *p, int node)
{
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].node == node)
			return &p->devices[i];
	return NULL;
}

/* Program edu's MSI capability (64-bit address), raise, and take what arrives. */
static uint32_t edu_msi(struct pci_state *s, struct pci_fn *f, uint32_t cap, uint64_t addr,
			uint32_t data)
{
	struct probe_outcome o;
	uint64_t esr;
	uint32_t flags, iar;

	pci_cfg_read(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16, &flags, &esr);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 4, 32, (uint32_t)addr, &esr);
	if (flags & PCI_MSI_64BIT) {
		pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 8, 32, (uint32_t)(addr >> 32),
			      &esr);
		pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 12, 16, data, &esr);
	} else {
		pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + 8, 16, data, &esr);
	}
	/* One vector (Multiple Message Enable 0), enabled. */
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16,
		      (flags & ~0x70u) | PCI_MSI_ENABLE, &esr);
	probe_write((uintptr_t)f->bar_cpu[0] + EDU_RAISE, 32, EDU_BIT, &o);
	iar = irq_poll(PCI_WAIT_US);
	probe_write((uintptr_t)f->bar_cpu[0] + EDU_LOWER, 32, EDU_BIT, &o);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + PCI_MSI_FLAGS, 16, flags & ~PCI_MSI_ENABLE,
		      &esr);
	if (iar == GIC_SPURIOUS)
		return GIC_SPURIOUS;
	gic_eoi(iar);
	return gic_intid(iar);
}

/*
 * The controller's findings are the host bridge's: its map (prop) named the
 * controller, and the subject already has the bridge's node.
 */
static void its_path(struct test_ctx *t, struct pci_state *s, struct pci_fn *f, uint32_t cap,
		     const struct dt_device *c, uint32_t devid, const char *prop)
{
	struct its_info info;
	const char *why = c->nreg ? its_probe((uintptr_t)c->reg[0].base, &info) : "no reg";

	subject_push(t, "prop", "%s", prop);
	require(t, !why, "msi_controller_is_its", "%s: %s", c->path, why ? why : "");
	why = irq_its_memory();
	if (why) {
		skip(t, why);
		subject_pop(t);
		return;
	}
	why = gic_lpi_enable();
	require(t, !why, "lpis_enable", "LPIs on the boot CPU: %s", why ? why : "");
	why = its_init(&info);
	require(t, !why, "its_enables", "%s", why ? why : "");
	subject_pop(t);
	gic_lpi_configure(MSI_LPI, LPI_PRIO, 1);
	its_mapd(devid, 1);
	its_mapc_here(0);
	its_mapti(devid, 0, MSI_LPI, 0);
	its_inv(devid, 0);
	int rc = its_sync(smp_us_to_ticks(SYNC_US));
	require(t, rc == 0, "its_commands_complete",
		"the ITS did not complete MAPD, MAPC, MAPTI, INV and SYNC within %u ms",
		SYNC_US / 1000);
	cpu_irq_mask();
	uint32_t got = edu_msi(s, f, cap, c->reg[0].base + GITS_TRANSLATER, 0);
	cpu_irq_unmask();
	subject_push(t, "intid", "%u", MSI_LPI);
	if (check(t, got == MSI_LPI, "msi_arrives",
		  "an MSI to %s's GITS_TRANSLATER as device ID 0x%x (msi-map), event 0: %s%u, "
		  "not LPI %u",
		  c->path, devid, got == GIC_SPURIOUS ? "nothing arrived, INTID " : "INTID ", got,
		  MSI_LPI))
		evidence(t, "msi_arrives", "MSI via the ITS as device ID 0x%x arrived as LPI %u",
			 devid, MSI_LPI);
	subject_pop(t);
}

static void v2m_path(struct test_ctx *t, struct pci_state *s, struct pci_fn *f, uint32_t cap,
		     const struct dt_device *c, const char *prop)
{
	struct probe_outcome o;

	subject_push(t, "prop", "%s", prop);
	require(t, c->nreg >= 1, "v2m_has_reg", "%s has no reg", c->path);
	int bad = probe_read((uintptr_t)c->reg[0].base + V2M_MSI_TYPER, 32, &o);
	uint32_t typer = (uint32_t)o.value, base = V2M_BASE(typer), n = V2M_COUNT(typer);
	subject_push(t, "reg", "MSI_TYPER");
	require(t, !bad, "v2m_answers", "%s: reading MSI_TYPER at 0x%llx aborted (ESR 0x%llx)",
		c->path, (unsigned long long)c->reg[0].base + V2M_MSI_TYPER,
		(unsigned long long)o.esr);
	note(t, "MSI_TYPER 0x%08x: SPIs from INTID %u, %u of them", typer, base, n);
	require(t, n > 0 && base >= GIC_FIRST_SPI && base + n <= gic_lines(), "v2m_spis_valid",
		"MSI_TYPER gives INTIDs %u..%u, not SPIs the distributor has (up to %u)", base,
		base + n - 1, gic_lines() - 1);
	subject_pop(t);
	subject_pop(t);
	cpu_irq_mask();
	gic_set_edge(base, 1);
	gic_clear_pending(base);
	gic_route_here(base);
	gic_enable(base);
	uint32_t got = edu_msi(s, f, cap, c->reg[0].base + V2M_SETSPI_NS, base);
	gic_disable(base);
	cpu_irq_unmask();
	subject_push(t, "intid", "%u", base);
	if (check(t, got == base, "msi_arrives",
		  "an MSI to %s's MSI_SETSPI_NS with data %u: %s%u, not SPI INTID %u", c->path,
		  base, got == GIC_SPURIOUS ? "nothing arrived, INTID " : "INTID ", got, base))
		evidence(t, "msi_arrives", "MSI via GICv2m arrived as INTID %u", base);
	subject_pop(t);
}

void case_msi(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const struct dt_pci_host *h = &s->host;
	struct pci_fn *f;
	const char *why = irq_unusable();

	if (s->host_why || !s->nfn) {
		skip(t, "no usable host bridge or no function on the bus");
		return;
	}
	if (why) {
		skip(t, why);
		return;
	}
	if (!h->nmsi && h->msi_parent < 0) {
		skip(t, "the host bridge has neither msi-map nor msi-parent: no MSI path is "
			"described");
		return;
	}
	if (!(t->opt->vm_pci & OPT_PCI_EDU) || !(f = pci_at_slot(s, PCI_SLOT_EDU)) ||
	    f->bar_win[0] < 0) {
		skip(t,
		     "no edu device with an assigned BAR (scripts/run --pci edu) to send an MSI");
		return;
	}
	node_push(t, h->dev->path);
	pci_push_fn(t, f);
	uint32_t cap = pci_find_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_MSI);
	require(t, cap != 0, "msi_capability", "edu has no MSI capability");
	uint32_t rid = PCI_RID(f->bus, f->devfn), devid = rid;
	int ctl = h->msi_parent;
	const char *prop = "msi-parent";
	if (h->nmsi) {
		const struct dt_pci_idmap *m = dt_pci_map_id(h->msi, h->nmsi, rid, &devid);
		prop = "msi-map";
		subject_push(t, "prop", "msi-map");
		require(t, m != NULL, "rid_in_msi_map", "requester ID 0x%04x is in no msi-map row",
			rid);
		subject_pop(t);
		ctl = m->node;
	}
	const struct dt_device *c = ctl >= 0 ? device_of(t->plat, ctl) : NULL;
	subject_push(t, "prop", "%s", prop);
	require(t, c && c->enabled, "msi_controller_enabled", "%s names no enabled controller node",
		prop);
	subject_pop(t);
	if (!c)
		return; /* not reached: require ended the case */
	note(t, "requester ID 0x%04x -> %s, ID 0x%x (%s)", rid, c->path, devid, prop);
	int its = dt_compat_has(c, "arm,gic-v3-its"), v2m = dt_compat_has(c, "arm,gic-v2m-frame");
	if (its || v2m) {
		/*
		 * The MSI goes through what the map names, or a finding says it
		 * does not (held first: a require below ends the case).
		 */
		claim_hold(h->dev->node, prop, CLAIM_PROBE);
		claim_hold(h->dev->node, "bus-range", CLAIM_PROBE);
	}
	if (v2m) {
		claim_hold(c->node, "reg", CLAIM_PROBE);
		claim_hold(c->node, "msi-controller", CLAIM_PROBE);
	}
	if (its)
		its_path(t, s, f, cap, c, devid, prop);
	else if (v2m)
		v2m_path(t, s, f, cap, c, prop);
	else
		note(t, "%s is neither an ITS nor a GICv2m frame: not exercised", c->path);
	subject_pop(t);
	subject_pop(t);
}
