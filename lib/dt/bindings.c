// SPDX-License-Identifier: MIT
/*
 * Binding checks of the nodes the model uses, against the Linux kernel's
 * Documentation/devicetree/bindings: interrupt-controller/arm,gic.yaml and
 * arm,gic-v3.yaml, timer/arm,arch_timer.yaml, serial/pl011.yaml and
 * arm_sbsa_uart.txt, arm/xen.txt. Found defects become model problems.
 */
#include <libfdt.h>
#include <stdio.h>

#include "dt/bindings.h"
#include "dt/platform.h"

static int u32_prop(const struct platform *p, int node, const char *name, uint32_t *out)
{
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, node, name, &len);

	if (!v || len != 4)
		return -1;
	*out = fdt32_ld(v);
	return 0;
}

/*
 * arm,gic-v3.yaml: reg is GICD, then #redistributor-regions GICR regions
 * (default 1), then optionally GICC, GICH and GICV; each GICR region a whole
 * number of 128 KiB frames, all of them together at least one per CPU.
 */
static void check_gicv3_regions(struct platform *p, const struct dt_device *g)
{
	uint32_t n = 1;
	uint64_t frames = 0;
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, g->node, "#redistributor-regions", &len);

	if (v && (len != 4 || fdt32_ld(v) < 1)) {
		platform_prop_problem(
			p, AREA_GIC, "redist_regions_cell", g->path, "#redistributor-regions",
			"%s: #redistributor-regions is not one cell of 1 or more", g->path);
		return;
	}
	if (v)
		n = fdt32_ld(v);
	if (n > PLAT_MAX_REGS - 1) {
		platform_prop_problem(
			p, AREA_GIC, "redist_regions_kept", g->path, "#redistributor-regions",
			"%s: #redistributor-regions %u; the model keeps %d reg entries", g->path,
			(unsigned)n, PLAT_MAX_REGS);
		p->gic_redist_regions = 0;
		return;
	}
	p->gic_redist_regions = (int)n;
	if (g->nreg < (int)n + 1 || g->nreg > (int)n + 4) {
		platform_prop_problem(
			p, AREA_GIC, "gicv3_reg_count", g->path, "reg",
			"%s: %d reg entries; with #redistributor-regions %u a GICv3 has %u "
			"(GICD, GICR x %u) to %u (then GICC, GICH, GICV, each optional)",
			g->path, g->nreg, (unsigned)n, (unsigned)n + 1, (unsigned)n,
			(unsigned)n + 4);
		p->gic_redist_regions = g->nreg > 1 ? 1 : 0;
		return;
	}
	for (int r = 1; r <= (int)n; r++) {
		if (g->reg[r].size % 0x20000)
			problem_subject(platform_prop_problem(
						p, AREA_GIC, "gicr_region_size", g->path, "reg",
						"%s: GICR region size 0x%llx is not "
						"a multiple of the 128 KiB frame",
						g->path, (unsigned long long)g->reg[r].size),
					"entry", "%d", r);
		frames += g->reg[r].size / 0x20000;
	}
	if (frames < (uint64_t)p->ncpus)
		platform_prop_problem(p, AREA_GIC, "gicr_frames_per_cpu", g->path, "reg",
				      "%s: GICR region%s hold%s %llu frames for %d CPUs", g->path,
				      n > 1 ? "s" : "", n > 1 ? "" : "s",
				      (unsigned long long)frames, p->ncpus);
}

static void check_gic(struct platform *p)
{
	const struct dt_device *g = p->gic;
	uint32_t cells;

	if (!g) {
		platform_problem(p, AREA_GIC, "gic_present", NULL,
				 "no GIC node (arm,gic-v3, arm,gic-400 or arm,cortex-a15-gic)");
		return;
	}
	if (!fdt_getprop(p->fdt, g->node, "interrupt-controller", NULL))
		platform_prop_problem(p, AREA_GIC, "gic_interrupt_controller", g->path,
				      "interrupt-controller",
				      "%s: interrupt-controller property missing", g->path);
	if (u32_prop(p, g->node, "#interrupt-cells", &cells) || cells < 3)
		platform_prop_problem(p, AREA_GIC, "gic_interrupt_cells", g->path,
				      "#interrupt-cells", "%s: #interrupt-cells missing or < 3",
				      g->path);
	if (g->nreg < 2)
		platform_prop_problem(p, AREA_GIC, "gic_reg_count", g->path, "reg",
				      "%s: %d reg entries; GICv%d needs %s", g->path, g->nreg,
				      p->gic_version,
				      p->gic_version == 3 ? "GICD and GICR" : "GICD and GICC");
	if (p->gic_version == 2 && p->ncpus > 8)
		platform_problem(p, AREA_GIC, "gicv2_cpu_count", g->path,
				 "%s: GICv2 with %d CPUs; it serves at most 8 (IHI 0048B)", g->path,
				 p->ncpus);
	if (p->gic_version == 3)
		check_gicv3_regions(p, g);
}

static void check_timer(struct platform *p)
{
	const struct dt_device *t = p->timer;

	if (!t) {
		platform_problem(p, AREA_TIMER, "timer_present", NULL,
				 "no arm,armv8-timer or arm,armv7-timer node");
		return;
	}
	/* arm,arch_timer.yaml: secure, non-secure, virtual, hypervisor[, hyp virtual],
	 * minItems 1. A guest at EL1 needs the virtual timer (index 2); the
	 * hypervisor timers are for EL2 software and a VM's tree may omit them. */
	int len;
	const fdt32_t *f = fdt_getprop(p->fdt, t->node, "clock-frequency", &len);
	if (f && len == 4)
		p->timer_clock_frequency = fdt32_ld(f);
	else if (f)
		platform_prop_problem(p, AREA_TIMER, "prop_length", t->path, "clock-frequency",
				      "%s: clock-frequency is %d bytes, not 4", t->path, len);
	/* The generic timer's interrupts are level-sensitive (Arm DDI 0487 D11.2.4). */
	for (int i = 0; i < t->nirq; i++)
		if (t->irq[i].kind == IRQ_PPI && !(t->irq[i].flags & 0xc))
			problem_subject(
				platform_problem(p, AREA_TIMER, "timer_irq_level", t->path,
						 "%s: interrupt %d is edge-triggered (flags "
						 "0x%x); the timer's are level-sensitive",
						 t->path, i, (unsigned)t->irq[i].flags),
				"entry", "%d", i);
	if (t->nirq < 3)
		platform_problem(p, AREA_TIMER, "timer_virtual_irq", t->path,
				 "%s: %d interrupts; no virtual timer (the binding's third entry)",
				 t->path, t->nirq);
	for (int i = 0; i < t->nirq; i++)
		if (t->irq[i].kind != IRQ_PPI)
			problem_subject(platform_problem(p, AREA_TIMER, "timer_irq_ppi", t->path,
							 "%s: interrupt %d is not a PPI", t->path,
							 i),
					"entry", "%d", i);
}

static void check_uart(struct platform *p)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled ||
		    !(dt_compat_has(d, "arm,pl011") || dt_compat_has(d, "arm,sbsa-uart")))
			continue;
		if (d->nreg < 1)
			platform_prop_problem(p, AREA_CONSOLE, "uart_reg", d->path, "reg",
					      "%s: UART without reg", d->path);
		if (d->nirq < 1)
			platform_problem(p, AREA_CONSOLE, "uart_interrupts", d->path,
					 "%s: UART without interrupts", d->path);
		if (dt_compat_has(d, "arm,pl011") && !dt_compat_has(d, "arm,primecell"))
			platform_prop_problem(
				p, AREA_CONSOLE, "pl011_primecell", d->path, "compatible",
				"%s: arm,pl011 without arm,primecell (pl011.yaml)", d->path);
	}
}

static void check_hypervisor(struct platform *p)
{
	const struct dt_device *x = p->hypervisor;
	unsigned maj, min;

	if (!x)
		return;
	if (dt_xen_version(x, &maj, &min))
		platform_prop_problem(p, AREA_HYPERVISOR, "xen_version_compatible", x->path,
				      "compatible", "%s: no \"xen,xen-X.Y\" compatible", x->path);
	if (x->nreg < 1)
		platform_prop_problem(p, AREA_HYPERVISOR, "xen_grant_table_reg", x->path, "reg",
				      "%s: no reg (grant table region)", x->path);
	if (x->nirq != 1 || x->irq[0].kind != IRQ_PPI)
		platform_problem(p, AREA_HYPERVISOR, "xen_event_channel_ppi", x->path,
				 "%s: interrupts must be one PPI (event channel)", x->path);
}

/* Interrupts given to a GIC reach the CPU only through the platform's own GIC. */
static void check_gic_parents(struct platform *p)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || d->gic_parent == -1 || (p->gic && d->gic_parent == p->gic->node))
			continue;
		char cpath[PLAT_PATH_LEN] = "several GICs";
		if (d->gic_parent >= 0 && fdt_get_path(p->fdt, d->gic_parent, cpath, sizeof(cpath)))
			snprintf(cpath, sizeof(cpath), "<node at offset %d>", d->gic_parent);
		platform_problem(p, AREA_INTERRUPTS, "interrupts_reach_gic", d->path,
				 "%s: its interrupts go to %s, not the platform's GIC %s", d->path,
				 cpath, p->gic ? p->gic->path : "(none)");
	}
}

void platform_check_bindings(struct platform *p)
{
	if (!p->fdt_valid)
		return;
	check_gic(p);
	check_timer(p);
	check_uart(p);
	check_hypervisor(p);
	check_gic_parents(p);
}
