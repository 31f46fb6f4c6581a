// SPDX-License-Identifier: MIT
/*
 * mmio suite: identity checks that need more than a register table
 * (enum contract_extra).
 *   GICv2 (IHI 0048B): GICD_TYPER.CPUNumber against the DT's /cpus.
 *   GICv3 (IHI 0069): one redistributor frame per CPU, GICR_TYPER.Affinity
 *     matching each DT cpu's MPIDR, Last set on the last frame, frame stride
 *     128 KiB (256 KiB with GICR_TYPER.VLPIS), or the DT's redistributor-stride
 *     when it gives one (arm,gic-v3.yaml: padding pages), as an OS steps.
 *   QEMU fw_cfg: key 0x0000 (FW_CFG_SIGNATURE) reads "QEMU".
 *   virtio-mmio (virtio 1.2 4.2.2): DeviceID 0 is an empty transport.
 */
#include <libfdt.h>
#include <stdio.h>

#include "boot/cpu.h"
#include "dt/claims.h"
#include "tests/mmio/mmio.h"

#define GICD_TYPER	     0x004
#define GICR_TYPER	     0x008
#define GICR_TYPER_VLPIS     (1ull << 1)
#define GICR_TYPER_LAST	     (1ull << 4)
#define GICR_FRAME	     0x20000
#define FW_CFG_DATA	     0x0
#define FW_CFG_SELECTOR	     0x8
#define FW_CFG_SIGNATURE_KEY 0x0000
#define FW_CFG_SIGNATURE     0x554d4551 /* "QEMU" in byte order, read little-endian */
#define VIRTIO_DEVICE_ID     0x008

static unsigned gicd_typer_cpus(struct test_ctx *t, const struct dt_device *d,
				const struct device_contract *c)
{
	uintptr_t a = contract_reg_addr(d, 0, GICD_TYPER, 4);
	struct probe_outcome o;
	char exp[32], obs[64];
	int ncpus = t->plat->ncpus;

	if (!a || ncpus < 1 || ncpus > 8) {
		note(t, "%s: GICD_TYPER.CPUNumber not compared: %s", d->path,
		     !a ? "GICD_TYPER outside reg"
			: "the DT lists no CPU or more than GICv2's 8 (dt gic)");
		return 0;
	}
	probe_read(a, 32, &o);
	snprintf(exp, sizeof(exp), "CPUNumber %d", ncpus - 1);
	if (o.faulted)
		probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
	else
		snprintf(obs, sizeof(obs), "CPUNumber %u", (unsigned)(o.value >> 5 & 7));
	mmio_observed(
		t, d, c,
		&(struct observation){ .check = "cpunumber_matches_cpus",
				       .reg = "GICD_TYPER",
				       .off = GICD_TYPER,
				       .what = "CPUNumber vs DT /cpus",
				       .expect = exp,
				       .spec = "IHI 0048B GICD_TYPER.CPUNumber",
				       .outcome = mmio_outcome_of(o.faulted),
				       .observed = obs,
				       .cls = !o.faulted && (int)(o.value >> 5 & 7) == ncpus - 1
						      ? OUTCOME_REQUIRED
						      : OUTCOME_DEVIATION });
	return 1u << 0;
}

/* GICR_TYPER of a frame: 64-bit access, else two 32-bit halves. */
static int read_gicr_typer(uintptr_t a, uint64_t *typer)
{
	struct probe_outcome lo, hi;

	if (!probe_read(a, 64, &lo)) {
		*typer = lo.value;
		return 0;
	}
	if (probe_read(a, 32, &lo) || probe_read(a + 4, 32, &hi))
		return -1;
	*typer = lo.value | hi.value << 32;
	return 0;
}

/* One GICR region's frames, up to the one with Last: affinities appended to aff[]. */
struct gicr_walk {
	uint32_t aff[PLAT_MAX_CPUS * 2];
	unsigned nframes;
	uint64_t stride, off; /* of the last frame walked, in its region */
	uint64_t dt_stride;   /* redistributor-stride, 0 when the DT gives none */
};

static int walk_region(struct test_ctx *t, const struct dt_device *d,
		       const struct device_contract *c, int region, struct gicr_walk *w)
{
	uint64_t typer = 0;
	char obs[96];

	w->off = 0;
	while (w->nframes < ARRAY_SIZE(w->aff)) {
		uintptr_t a = contract_reg_addr(d, region, (uint32_t)w->off + GICR_TYPER, 8);
		if (!a || w->off > 0xffffffffu)
			return 0;
		if (read_gicr_typer(a, &typer)) {
			snprintf(obs, sizeof(obs), "frame %u aborts", w->nframes);
			mmio_observed(t, d, c,
				      &(struct observation){
					      .check = "gicr_frames_readable",
					      .reg = "GICR_TYPER",
					      .off = (uint32_t)w->off + GICR_TYPER,
					      .what = "frame walk",
					      .expect = "readable up to the frame with Last",
					      .spec = "IHI 0069 GICR_TYPER.Last",
					      .outcome = MMIO_ABORT,
					      .observed = obs,
					      .cls = OUTCOME_DEVIATION });
			return -1;
		}
		w->aff[w->nframes++] = (uint32_t)(typer >> 32);
		w->stride = w->dt_stride		 ? w->dt_stride
			    : (typer & GICR_TYPER_VLPIS) ? 2 * GICR_FRAME
							 : GICR_FRAME;
		w->off += w->stride;
		if (typer & GICR_TYPER_LAST)
			return 1;
	}
	return 0;
}

static unsigned gicr_frames(struct test_ctx *t, const struct dt_device *d,
			    const struct device_contract *c)
{
	const struct platform *p = t->plat;
	static struct gicr_walk w;
	int regions = p->gic == d ? p->gic_redist_regions : 1, lasts = 0;
	char exp[80], obs[96], cpu[12];

	w = (struct gicr_walk){ .stride = GICR_FRAME };
	int len;
	const fdt32_t *st = fdt_getprop(p->fdt, d->node, "redistributor-stride", &len);
	uint64_t dt_stride = st && len == 8 ? (uint64_t)fdt32_ld(st) << 32 | fdt32_ld(&st[1]) : 0;
	if (dt_stride && dt_stride % 0x10000 == 0) {
		w.dt_stride = dt_stride;
	} else if (st) {
		note(t, "%s: redistributor-stride is not a 64-bit multiple of 64 KiB: not used",
		     d->path);
	}
	if (d->nreg < 2 || regions < 1) {
		note(t, "%s: no redistributor region in reg: frame walk not done (dt gic)",
		     d->path);
		return 0;
	}
	unsigned walked = 0; /* the reg ranges whose frames were read */
	for (int r = 1; r <= regions; r++) {
		int got = walk_region(t, d, c, r, &w);
		if (r < d->nreg)
			walked |= 1u << r;
		if (got < 0)
			return walked;
		lasts += got;
	}
	if (regions == 1) {
		snprintf(exp, sizeof(exp), "%d frames, Last on frame %d", p->ncpus, p->ncpus - 1);
		snprintf(
			obs, sizeof(obs),
			lasts ? w.dt_stride
					? "%u frames, Last on frame %u, redistributor-stride 0x%llx"
					: "%u frames, Last on frame %u, stride 0x%llx"
			      : "%u frames, no Last inside the reg",
			w.nframes, w.nframes - 1, (unsigned long long)w.stride);
	} else {
		snprintf(exp, sizeof(exp), "%d frames in %d regions, Last in each", p->ncpus,
			 regions);
		snprintf(obs, sizeof(obs), "%u frames, Last in %d of the regions", w.nframes,
			 lasts);
	}
	mmio_observed(t, d, c,
		      &(struct observation){ .check = "gicr_frames_match_cpus",
					     .reg = "GICR_TYPER",
					     .off = GICR_TYPER,
					     .what = "frames vs DT /cpus",
					     .expect = exp,
					     .spec = "IHI 0069 GICR_TYPER.Last",
					     .outcome = MMIO_VALUE,
					     .observed = obs,
					     .cls = lasts == regions && (int)w.nframes == p->ncpus
							    ? OUTCOME_REQUIRED
							    : OUTCOME_DEVIATION });
	/* The tree's stride is held once a step by it reached a frame (one frame takes none). */
	if (w.dt_stride && w.nframes > 1)
		claim_hold(d->node, "redistributor-stride", CLAIM_PROBE);
	/* Each region the DT's count gives must end in a Last frame: a wrong count fails. */
	if (p->gic == d)
		claim_hold(d->node, "#redistributor-regions", CLAIM_PROBE);
	for (int i = 0; i < p->ncpus; i++) {
		uint32_t want = cpu_affinity(p->cpu_mpidr[i]);
		int found = -1;
		for (unsigned f = 0; f < w.nframes && found < 0; f++)
			if (w.aff[f] == want)
				found = (int)f;
		snprintf(exp, sizeof(exp), "a frame with Affinity 0x%x (cpu%d)", (unsigned)want, i);
		snprintf(obs, sizeof(obs), found >= 0 ? "frame %d" : "none", found);
		snprintf(cpu, sizeof(cpu), "%d", i);
		mmio_observed(t, d, c,
			      &(struct observation){ .check = "gicr_affinity_matches_cpu",
						     .reg = "GICR_TYPER",
						     .off = GICR_TYPER,
						     .key = "cpu",
						     .value = cpu,
						     .what = "Affinity vs DT cpu reg",
						     .expect = exp,
						     .spec = "IHI 0069 GICR_TYPER.Affinity_Value",
						     .outcome = MMIO_VALUE,
						     .observed = obs,
						     .cls = found >= 0 ? OUTCOME_REQUIRED
								       : OUTCOME_DEVIATION });
		/* The CPU's reg (its MPIDR) against the redistributors' affinities. */
		claim_hold(p->cpu_node[i], "reg", CLAIM_PROBE);
	}
	/* What lies past the last frame is not the architecture's business: recorded. */
	uintptr_t past = lasts ? contract_reg_addr(d, regions, (uint32_t)w.off + GICR_TYPER, 4) : 0;
	if (past) {
		struct probe_outcome o;
		probe_read(past, 32, &o);
		probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
		mmio_observed(t, d, c,
			      &(struct observation){ .check = "past_last_frame",
						     .reg = "GICR_TYPER",
						     .off = (uint32_t)w.off + GICR_TYPER,
						     .what = "past the Last frame",
						     .expect = "anything",
						     .spec = "IHI 0069: not defined",
						     .outcome = mmio_outcome_of(o.faulted),
						     .observed = obs,
						     .cls = OUTCOME_PERMITTED });
	}
	return walked;
}

static unsigned fw_cfg_signature(struct test_ctx *t, const struct dt_device *d,
				 const struct device_contract *c)
{
	uintptr_t sel = contract_reg_addr(d, 0, FW_CFG_SELECTOR, 2),
		  data = contract_reg_addr(d, 0, FW_CFG_DATA, 4);
	struct probe_outcome w, o = { 0 };
	char obs[64];

	if (!sel || !data) {
		mmio_observed(t, d, c,
			      &(struct observation){ .check = "signature_regs_inside",
						     .reg = "Selector",
						     .off = FW_CFG_SELECTOR,
						     .what = "signature",
						     .expect = "reg covers 0x0-0x9",
						     .spec = c->spec,
						     .outcome = MMIO_NO_ACCESS,
						     .observed = "reg too small",
						     .cls = OUTCOME_DEVIATION });
		return 0;
	}
	/* The key 0 is the same in either byte order. */
	if (probe_write(sel, 16, FW_CFG_SIGNATURE_KEY, &w)) {
		probe_format(&w, PROBE_VALUE, obs, sizeof(obs));
	} else {
		probe_read(data, 32, &o);
		probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
	}
	mmio_observed(
		t, d, c,
		&(struct observation){ .check = "fw_cfg_signature",
				       .reg = "Data",
				       .off = FW_CFG_DATA,
				       .what = "signature",
				       .expect = "0x554d4551 (\"QEMU\")",
				       .spec = "QEMU docs/specs/fw_cfg FW_CFG_SIGNATURE",
				       .outcome = mmio_outcome_of(w.faulted || o.faulted),
				       .observed = obs,
				       .cls = !w.faulted && !o.faulted &&
							      (uint32_t)o.value == FW_CFG_SIGNATURE
						      ? OUTCOME_REQUIRED
						      : OUTCOME_DEVIATION });
	return 1u << 0;
}

/* A note only: nothing judged. */
static unsigned virtio_device_id(struct test_ctx *t, const struct dt_device *d,
				 const struct device_contract *c)
{
	uintptr_t a = contract_reg_addr(d, 0, VIRTIO_DEVICE_ID, 4);
	struct probe_outcome o;

	(void)c;
	if (!a || probe_read(a, 32, &o))
		return 0; /* the MagicValue observation already says what is wrong */
	if (o.value)
		note(t, "%s: virtio transport with DeviceID %llu", d->path,
		     (unsigned long long)o.value);
	return 0;
}

unsigned identity_extra(struct test_ctx *t, const struct dt_device *d,
			const struct device_contract *c)
{
	switch (c->extra) {
	case EXTRA_NONE: return 0;
	case EXTRA_GICD_TYPER_CPUS: return gicd_typer_cpus(t, d, c);
	case EXTRA_GICR_FRAMES: return gicr_frames(t, d, c);
	case EXTRA_FW_CFG_SIGNATURE: return fw_cfg_signature(t, d, c);
	case EXTRA_VIRTIO_DEVICE_ID: return virtio_device_id(t, d, c);
	}
	return 0;
}
