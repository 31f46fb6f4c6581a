// SPDX-License-Identifier: MIT
/*
 * The SMMU the bridge's iommu-map names (Linux bindings pci/pci-iommu.txt,
 * iommu/arm,smmu-v3.yaml; Arm IHI 0070 SMMUv3 6.3): it answers at its reg
 * with the identification of an SMMUv3 (SMMU_AIDR ArchMajorRev 0,
 * SMMU_IDR0, SMMU_IDR1.SIDSIZE), and the stream ID of every function found
 * is inside what the map gives and what SIDSIZE can name.
 */
#include <libfdt.h>
#include <stddef.h>

#include "boot/probe.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/window.h"
#include "tests/pci/pci.h"

#define SMMU_IDR0	0x00
#define IDR0_MSI	(1u << 13) /* IHI 0070 6.3.1: MSIs supported */
#define SMMU_IDR1	0x04
#define SMMU_IIDR	0x18
#define SMMU_AIDR	0x1c
#define SMMU_FRAMES	0x20000 /* two 64 KiB pages */
#define IDR1_SIDSIZE(v) ((v)&0x3f)
#define AIDR_MAJOR(v)	(((v) >> 4) & 0xf)
#define AIDR_MINOR(v)	((v)&0xf)

void case_smmu(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const struct dt_pci_host *h = &s->host;
	const struct dt_device *smmu = platform_find_compatible(t->plat, "arm,smmu-v3", 0);

	if (s->host_why) {
		skip(t, "the host bridge's node is not usable (the host case)");
		return;
	}
	if (!h->niommu) {
		skip(t, smmu ? "an SMMUv3 is described, but the host bridge has no iommu-map"
			     : "no iommu-map: the host bridge's DMA goes to no IOMMU (scripts/run "
			       "--machine iommu=smmuv3 adds one)");
		return;
	}
	node_push(t, h->dev->path);
	subject_push(t, "prop", "iommu-map");
	const struct dt_device *c = dt_device_at_node(t->plat, h->iommu[0].node);
	require(t, c != NULL && c->enabled && dt_compat_has(c, "arm,smmu-v3"),
		"iommu_map_names_smmuv3", "iommu-map names %s, not an enabled arm,smmu-v3",
		c ? c->path : "no node");
	subject_pop(t);
	subject_pop(t);
	if (!c)
		return; /* not reached: require ended the case */
	node_push(t, c->path);
	require(t, c->nreg >= 1 && c->reg[0].size >= SMMU_FRAMES, "reg_covers_frames",
		"reg must cover the SMMU's two 64 KiB register pages");
	if (!window_identity(c->reg[0].base, c->reg[0].size)) {
		skip(t, "the SMMU's reg lies above what the identity map reaches (AArch32: 4 GiB)");
		subject_pop(t);
		return;
	}
	uintptr_t b = (uintptr_t)c->reg[0].base;
	struct probe_outcome o;
	uint32_t idr0, idr1, iidr, aidr;
	int bad = probe_read(b + SMMU_AIDR, 32, &o);
	aidr = (uint32_t)o.value;
	bad |= probe_read(b + SMMU_IDR0, 32, &o);
	idr0 = (uint32_t)o.value;
	bad |= probe_read(b + SMMU_IDR1, 32, &o);
	idr1 = (uint32_t)o.value;
	bad |= probe_read(b + SMMU_IIDR, 32, &o);
	iidr = (uint32_t)o.value;
	/* Asked here: is an SMMUv3 at reg? What answers must identify as one. */
	claim_hold(c->node, "reg", CLAIM_PROBE);
	claim_hold(c->node, "compatible", CLAIM_PROBE);
	require(t, !bad, "smmu_answers", "reading the SMMU's ID registers at 0x%llx aborted",
		(unsigned long long)b);
	note(t,
	     "SMMU_AIDR 0x%x (SMMUv3.%u), SMMU_IDR0 0x%08x, SMMU_IDR1 0x%08x (%u stream ID bits), "
	     "SMMU_IIDR 0x%08x",
	     aidr, AIDR_MINOR(aidr), idr0, idr1, IDR1_SIDSIZE(idr1), iidr);
	subject_push(t, "reg", "SMMU_AIDR");
	check(t, AIDR_MAJOR(aidr) == 0 && idr0 != 0, "smmu_identity",
	      "SMMU_AIDR 0x%x, SMMU_IDR0 0x%x: not an SMMUv3 (ArchMajorRev 0)", aidr, idr0);
	subject_pop(t);
	/* msi-parent (arm,smmu-v3.yaml): its interrupts as MSIs, which IDR0.MSI says it has. */
	if (fdt_getprop(t->plat->fdt, c->node, "msi-parent", NULL)) {
		subject_push(t, "prop", "msi-parent");
		if (check(t, idr0 & IDR0_MSI, "msi_parent_supported",
			  "%s gives msi-parent, but SMMU_IDR0 0x%08x has MSI (bit 13) clear: it "
			  "signals no interrupt by MSI",
			  c->path, idr0))
			evidence(t, "msi_parent_supported", "SMMU_IDR0.MSI set");
		subject_pop(t);
		claim_hold(c->node, "msi-parent", CLAIM_PROBE);
	}
	subject_pop(t);
	node_push(t, h->dev->path);
	subject_push(t, "prop", "iommu-map");
	unsigned bits = IDR1_SIDSIZE(idr1), covered = 0;
	for (int k = 0; k < s->nfn; k++) {
		const struct pci_fn *f = &s->fn[k];
		const struct pci_bridge *via;
		/* The ID its DMA carries: behind a bridge, the one the bridge gives it. */
		uint32_t rid = pci_requester_id(s, f, &via), sid;
		const struct dt_pci_idmap *m =
			dt_pci_map_id(h->iommu, h->niommu, h->iommu_mask, rid, &sid);
		pci_push_fn(t, f);
		if (check(t, m != NULL, "rid_in_iommu_map",
			  "requester ID 0x%04x is in no iommu-map row", rid) &&
		    check(t, m->node == c->node, "iommu_map_one_smmu",
			  "requester ID 0x%04x maps to another node than %s", rid, c->path) &&
		    check(t, bits >= 32 || sid < (1u << bits), "stream_id_in_sidsize",
			  "stream ID 0x%x is past SMMU_IDR1.SIDSIZE (%u bits)", sid, bits))
			covered++;
		subject_pop(t);
	}
	if (covered == (unsigned)s->nfn && covered)
		evidence(t, "rid_in_iommu_map",
			 "the %u functions found map to stream IDs %s can name (%u bits)", covered,
			 c->path, bits);
	claim_hold(h->dev->node, "iommu-map", CLAIM_PROBE);
	subject_pop(t);
	subject_pop(t);
}
