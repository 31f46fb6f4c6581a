// SPDX-License-Identifier: MIT
/*
 * The platform model from a blob: header and structure checked by libfdt,
 * then memory, CPUs, PSCI, /chosen and every device node read once, the
 * nodes the model relies on picked out and the bindings checked.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/aliases.h"
#include "dt/bindings.h"
#include "dt/blob.h"
#include "dt/claims.h"
#include "dt/cpus.h"
#include "dt/interrupts.h"
#include "dt/pci_child.h"
#include "dt/phandles.h"
#include "dt/platform.h"
#include "dt/props.h"
#include "dt/references.h"
#include "dt/reserved.h"
#include "dt/usable.h"

/* Linux refuses device trees above 2 MiB; anything larger is not a real DTB. */
#define FDT_MAX_SIZE (2u << 20)

static int is_named(const void *fdt, int node, const char *base)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	size_t n = strlen(base);

	return name && !strncmp(name, base, n) && (name[n] == 0 || name[n] == '@');
}

/* status absent, "okay" or "ok"; a status that is not a string is a problem, and disables. */
static int node_enabled(struct platform *p, int node, const char *path)
{
	int bad = 0;
	const char *status = dt_string(p->fdt, node, "status", &bad);

	if (bad)
		platform_prop_problem(
			p, AREA_STRUCTURE, "prop_is_string", path, "status",
			"%s: status is not a NUL-terminated string; taken as disabled", path);
	return !bad && (!status || !strcmp(status, "okay") || !strcmp(status, "ok"));
}

static void parse_memory(struct platform *p, const struct dt_lineage *l)
{
	struct addr_range r[PLAT_MAX_BANKS];
	int node = l->node[l->depth];
	const char *path = l->path;

	if (!node_enabled(p, node, path))
		return; /* a memory node the platform switched off holds no RAM */
	int n = dt_parse_reg(p, l, r, PLAT_MAX_BANKS, 1);
	if (!fdt_getprop(p->fdt, node, "reg", NULL))
		platform_prop_problem(p, AREA_MEMORY, "memory_reg", path, "reg",
				      "%s: memory node without reg", path);
	for (int i = 0; i < n; i++) {
		if (p->nbanks >= PLAT_MAX_BANKS) {
			platform_problem(p, AREA_MEMORY, "banks_kept", path,
					 "%s: more than %d memory banks", path, PLAT_MAX_BANKS);
			return;
		}
		if (r[i].size) {
			p->bank_node[p->nbanks] = node;
			p->banks[p->nbanks++] = r[i];
		}
	}
}

static void parse_chosen(struct platform *p)
{
	int chosen = fdt_path_offset(p->fdt, "/chosen");
	int len;

	p->chosen_node = chosen;
	if (chosen < 0)
		return;
	const char *args = fdt_getprop(p->fdt, chosen, "bootargs", &len);
	if (args && (len <= 0 || args[len - 1] != 0))
		platform_prop_problem(p, AREA_STRUCTURE, "prop_is_string", "/chosen", "bootargs",
				      "/chosen/bootargs is not a NUL-terminated string; ignored");
	else if (args) {
		snprintf(p->bootargs, sizeof(p->bootargs), "%s", args);
		p->bootargs_len = (int)strlen(args);
	}
	const char *out = fdt_getprop(p->fdt, chosen, "stdout-path", &len);
	if (out && (len <= 0 || out[len - 1] != 0))
		platform_prop_problem(
			p, AREA_CONSOLE, "prop_is_string", "/chosen", "stdout-path",
			"/chosen/stdout-path is not a NUL-terminated string; ignored");
	if (!out || len <= 0 || out[len - 1] != 0)
		return;
	size_t n = strcspn(out, ":");
	if (n >= sizeof(p->stdout_path)) {
		platform_prop_problem(
			p, AREA_CONSOLE, "stdout_path_kept", "/chosen", "stdout-path",
			"/chosen/stdout-path names a path of %zu characters; the model keeps %zu",
			n, sizeof(p->stdout_path) - 1);
		n = sizeof(p->stdout_path) - 1;
	}
	memcpy(p->stdout_path, out, n);
	p->stdout_path[n] = 0;
}

static void pick_console(struct platform *p)
{
	if (p->stdout_path[0]) {
		int node = fdt_path_offset(p->fdt, p->stdout_path);
		if (node < 0) {
			const char *alias = fdt_get_alias(p->fdt, p->stdout_path);
			node = alias ? fdt_path_offset(p->fdt, alias) : -1;
		}
		const struct dt_device *d = node >= 0 ? dt_device_at_node(p, node) : NULL;
		if (!d)
			platform_prop_problem(
				p, AREA_CONSOLE, "stdout_path_resolves", "/chosen", "stdout-path",
				"/chosen/stdout-path \"%s\" does not resolve to a node",
				p->stdout_path);
		else if (!d->enabled)
			platform_prop_problem(
				p, AREA_CONSOLE, "stdout_path_enabled", "/chosen", "stdout-path",
				"/chosen/stdout-path %s is disabled (status)", d->path);
		else if (!dt_compat_has(d, "arm,pl011") && !dt_compat_has(d, "arm,sbsa-uart"))
			platform_prop_problem(
				p, AREA_CONSOLE, "stdout_path_is_uart", "/chosen", "stdout-path",
				"/chosen/stdout-path %s is not an arm,pl011 or arm,sbsa-uart",
				d->path);
		else if (d->nreg < 1)
			platform_prop_problem(p, AREA_CONSOLE, "console_uart_reg", d->path, "reg",
					      "%s: console UART has no usable reg", d->path);
		else {
			p->uart = d;
			p->uart_from_stdout_path = 1;
			return;
		}
	}
	for (int i = 0; i < p->ndevices && !p->uart; i++) {
		const struct dt_device *d = &p->devices[i];
		if (d->enabled && d->nreg >= 1 &&
		    (dt_compat_has(d, "arm,pl011") || dt_compat_has(d, "arm,sbsa-uart")))
			p->uart = d;
	}
}

/* An overlap's subject: range=0xBASE+0xSIZE of the one it is about, addr= the other's base. */
static void overlap_subject(struct dt_problem *pr, const struct addr_range *r,
			    const struct addr_range *other)
{
	problem_subject(pr, "range", "0x%llx+0x%llx", (unsigned long long)r->base,
			(unsigned long long)r->size);
	problem_subject(pr, "addr", "0x%llx", (unsigned long long)other->base);
}

static void check_overlaps(struct platform *p)
{
	for (struct dt_reg_iter a = { .p = p, .include_disabled = 1 }; dt_next_reg(&a);) {
		for (int b = 0; b < p->nbanks; b++)
			if (ranges_overlap(a.r->base, a.r->size, p->banks[b].base,
					   p->banks[b].size))
				overlap_subject(
					platform_prop_problem(
						p, AREA_REG, "reg_overlaps_ram", a.d->path, "reg",
						"%s: reg 0x%llx+0x%llx overlaps memory bank "
						"0x%llx+0x%llx",
						a.d->path, (unsigned long long)a.r->base,
						(unsigned long long)a.r->size,
						(unsigned long long)p->banks[b].base,
						(unsigned long long)p->banks[b].size),
					a.r, &p->banks[b]);
		if (!a.d->enabled)
			continue;
		/* Each pair once: only devices after this one. A child inside its parent's
		 * registers claims part of another device, unless the parent says it is
		 * made of such parts (simple-mfd, syscon). */
		for (struct dt_reg_iter c = dt_regs_overlapping(p, a.r->base, a.r->size);
		     dt_next_reg(&c);) {
			if (c.d <= a.d)
				continue;
			if (!dt_paths_related(a.d->path, c.d->path))
				overlap_subject(platform_prop_problem(
							p, AREA_REG, "reg_overlap", a.d->path,
							"reg",
							"%s: reg 0x%llx+0x%llx overlaps %s reg "
							"0x%llx+0x%llx",
							a.d->path, (unsigned long long)a.r->base,
							(unsigned long long)a.r->size, c.d->path,
							(unsigned long long)c.r->base,
							(unsigned long long)c.r->size),
						a.r, c.r);
			else if (!dt_compat_has(a.d, "simple-mfd") && !dt_compat_has(a.d, "syscon"))
				overlap_subject(
					platform_prop_problem(
						p, AREA_REG, "reg_in_ancestor", c.d->path, "reg",
						"%s: reg 0x%llx+0x%llx lies in its ancestor %s's "
						"reg 0x%llx+0x%llx",
						c.d->path, (unsigned long long)c.r->base,
						(unsigned long long)c.r->size, a.d->path,
						(unsigned long long)a.r->base,
						(unsigned long long)a.r->size),
					c.r, a.r);
		}
	}
	for (int i = 0; i < p->nbanks; i++)
		for (int j = i + 1; j < p->nbanks; j++)
			if (ranges_overlap(p->banks[i].base, p->banks[i].size, p->banks[j].base,
					   p->banks[j].size))
				overlap_subject(
					platform_problem(p, AREA_MEMORY, "banks_overlap", NULL,
							 "memory banks 0x%llx and 0x%llx "
							 "overlap",
							 (unsigned long long)p->banks[i].base,
							 (unsigned long long)p->banks[j].base),
					&p->banks[i], &p->banks[j]);
}

/* One node's device record, from its lineage; parent: the nearest ancestor's (-1 none). */
static void parse_device(struct platform *p, const struct dt_lineage *l, int parent)
{
	int node = l->node[l->depth], clen = 0;
	const char *compat = fdt_getprop(p->fdt, node, "compatible", &clen);

	if (p->ndevices >= PLAT_MAX_DEVICES) {
		p->devices_dropped++;
		return;
	}
	struct dt_device *d = &p->devices[p->ndevices++];
	memset(d, 0, sizeof(*d));
	snprintf(d->path, sizeof(d->path), "%s", l->path);
	d->node = node;
	d->depth = l->depth;
	d->parent = parent;
	d->gic_parent = -1;
	if (compat && clen > 0 && compat[clen - 1] == 0) {
		d->compat = compat;
		d->compat_len = clen;
	} else if (compat) {
		platform_prop_problem(p, AREA_STRUCTURE, "prop_is_string", l->path, "compatible",
				      "%s: compatible is not NUL-terminated", l->path);
	}
	d->enabled = node_enabled(p, node, l->path);
	/* A PCI function's reg holds no CPU address: the device has none. */
	int n = dt_on_pci_bus(p, l) ? dt_check_pci_child_reg(p, l)
				    : dt_parse_reg(p, l, d->reg, PLAT_MAX_REGS, 1);
	d->nreg = n > 0 ? n : 0;
	dt_parse_interrupts(p, l, d);
	dt_check_interrupt_map(p, l, l->path);
}

/* The node's path from its parent's: kept whole when it fits, else cut and said so. */
static void extend_path(struct platform *p, struct dt_lineage *l, int parent_len[], int node)
{
	int nlen = 0;
	const char *name = fdt_get_name(p->fdt, node, &nlen);
	int base = parent_len[l->depth - 1];
	int sep = l->depth > 1;

	if (!name)
		name = "?", nlen = 1;
	int n = snprintf(l->path + base, sizeof(l->path) - base, "%s%.*s", sep ? "/" : "", nlen,
			 name);
	if (n < 0 || base + n >= (int)sizeof(l->path)) {
		platform_problem(p, AREA_STRUCTURE, "path_kept", l->path,
				 "a node path is longer than %d characters; shown cut: %s",
				 (int)sizeof(l->path) - 1, l->path);
		parent_len[l->depth] = (int)strlen(l->path);
		return;
	}
	parent_len[l->depth] = base + n;
}

/*
 * One walk over the tree, keeping each node's lineage (ancestors and path)
 * as it goes, so that the parse is linear in the size of the tree.
 */
static void parse_devices(struct platform *p)
{
	struct dt_lineage l = { .node = { 0 }, .path = "/" };
	int parent_len[DT_MAX_DEPTH] = { 1 };
	int device_at[DT_MAX_DEPTH]; /* by depth: the device recorded for the node there, or -1 */
	int depth = 0, too_deep = 0;

	device_at[0] = -1;

	for (int node = fdt_next_node(p->fdt, 0, &depth); node >= 0 && depth > 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		if (depth >= DT_MAX_DEPTH) {
			too_deep++;
			continue;
		}
		l.depth = depth;
		l.node[depth] = node;
		device_at[depth] = -1;
		extend_path(p, &l, parent_len, node);
		const char *type = dt_string(p->fdt, node, "device_type", NULL);
		if (type && !strcmp(type, "memory")) {
			parse_memory(p, &l);
			continue;
		}
		/* Children of /cpus and /reserved-memory are read where they are meant. */
		if ((depth >= 2 &&
		     (l.node[1] == p->cpus_node || l.node[1] == p->reserved_memory_node)) ||
		    is_named(p->fdt, node, "chosen") || is_named(p->fdt, node, "aliases"))
			continue;
		if (!fdt_getprop(p->fdt, node, "compatible", NULL) &&
		    !fdt_getprop(p->fdt, node, "reg", NULL))
			continue;
		int parent = -1;
		for (int up = depth - 1; up > 0 && parent < 0; up--)
			parent = device_at[up];
		int before = p->ndevices;
		parse_device(p, &l, parent);
		if (p->ndevices > before)
			device_at[depth] = before;
	}
	if (too_deep)
		platform_problem(p, AREA_STRUCTURE, "depth_kept", NULL,
				 "%d nodes deeper than %d levels not read", too_deep,
				 DT_MAX_DEPTH - 1);
	if (p->devices_dropped)
		platform_problem(p, AREA_STRUCTURE, "devices_kept", NULL,
				 "%d devices; the model keeps %d, the rest ignored",
				 p->ndevices + p->devices_dropped, PLAT_MAX_DEVICES);
}

/* The GIC version a device's compatible names: 3, 2, or 0 (not a GIC the harness drives). */
static int gic_version_of(const struct dt_device *d)
{
	if (dt_compat_has(d, "arm,gic-v3"))
		return 3;
	return dt_compat_has(d, "arm,cortex-a15-gic") || dt_compat_has(d, "arm,gic-400") ? 2 : 0;
}

/*
 * The platform's GIC: the enabled one the root's interrupt-parent names (the
 * tree's default controller), else the one most devices' interrupts go to
 * (Xen names it on each node), else the first. A GIC node that is only there
 * (a passthrough one, say) is not the one the tree's interrupts use.
 */
static const struct dt_device *platform_gic(const struct platform *p)
{
	int len, best_votes = 0;
	const fdt32_t *v = fdt_getprop(p->fdt, 0, "interrupt-parent", &len);
	int node = v && len == (int)sizeof(*v) ? dt_phandle_node(p, fdt32_ld(v)) : -1;
	const struct dt_device *d = node >= 0 ? dt_device_at_node(p, node) : NULL, *best = NULL;

	if (d && d->enabled && gic_version_of(d))
		return d;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *g = &p->devices[i];
		if (!g->enabled || !gic_version_of(g))
			continue;
		int votes = 0;
		for (int k = 0; k < p->ndevices; k++)
			votes += p->devices[k].enabled && p->devices[k].gic_parent == g->node;
		if (!best || votes > best_votes) {
			best = g;
			best_votes = votes;
		}
	}
	return best;
}

static void classify_devices(struct platform *p)
{
	p->gic = platform_gic(p);
	p->gic_version = p->gic ? gic_version_of(p->gic) : 0;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled)
			continue;
		/* arm,arch_timer.yaml: one binding; an ARMv7 CPU's node names only v7. The
		 * shallowest is the CPU's own (a child of the root, as every platform writes it),
		 * not one inside a bus. */
		if ((dt_compat_has(d, "arm,armv8-timer") || dt_compat_has(d, "arm,armv7-timer")) &&
		    (!p->timer || d->depth < p->timer->depth))
			p->timer = d;
		if (dt_compat_has(d, "xen,xen") && !p->hypervisor)
			p->hypervisor = d;
	}
}

void platform_unusable(struct platform *p, const char *why)
{
	memset(p, 0, sizeof(*p));
	platform_problem(p, AREA_HEADER, "tree_passed", NULL, "%s", why);
}

void platform_parse(struct platform *p, const void *fdt, uint64_t max_size)
{
	memset(p, 0, sizeof(*p));
	p->fdt = fdt;
	if (!fdt) {
		platform_problem(p, AREA_HEADER, "tree_passed", NULL,
				 "no device tree was passed (x0 = 0)");
		return;
	}
	/* libfdt reads a whole header; and its older-version paths are not safe on
	 * hostile blobs. Every current writer (dtc, QEMU, Xen) makes version 17. */
	if (max_size < sizeof(struct fdt_header)) {
		platform_problem(p, AREA_HEADER, "header_size", NULL,
				 "only %llu bytes: shorter than a DTB header (%zu)",
				 (unsigned long long)max_size, sizeof(struct fdt_header));
		return;
	}
	int err = fdt_check_header(fdt);
	if (!err && (fdt_version(fdt) < 16 || fdt_last_comp_version(fdt) > 17)) {
		platform_problem(
			p, AREA_HEADER, "header_version", NULL,
			"version %u (last compatible %u): the model reads versions 16 and 17",
			(unsigned)fdt_version(fdt), (unsigned)fdt_last_comp_version(fdt));
		return;
	}
	if (err) {
		platform_problem(p, AREA_HEADER, "header_valid", NULL,
				 "bad header: %s (magic 0x%08x)", fdt_strerror(err),
				 (unsigned)fdt32_ld((const fdt32_t *)fdt));
		return;
	}
	p->fdt_size = fdt_totalsize(fdt);
	if (p->fdt_size > FDT_MAX_SIZE || p->fdt_size > max_size) {
		platform_problem(p, AREA_HEADER, "totalsize_sane", NULL,
				 "totalsize %u is absurd (limit %u)", (unsigned)p->fdt_size,
				 (unsigned)(max_size < FDT_MAX_SIZE ? max_size : FDT_MAX_SIZE));
		return;
	}
	char why[120];
	if (dt_blob_bounded(fdt, p->fdt_size, why, sizeof(why))) {
		platform_problem(p, AREA_HEADER, "structure_valid", NULL,
				 "structure check failed: %s", why);
		return;
	}
	err = fdt_check_full(fdt, p->fdt_size);
	if (err) {
		platform_problem(p, AREA_HEADER, "structure_valid", NULL,
				 "structure check failed: %s", fdt_strerror(err));
		return;
	}
	p->fdt_valid = 1;
	int clen;
	const char *rc = fdt_getprop(fdt, 0, "compatible", &clen);
	if (rc && (clen <= 0 || rc[clen - 1] != 0)) {
		platform_prop_problem(p, AREA_STRUCTURE, "prop_is_string", "/", "compatible",
				      "/: compatible is not NUL-terminated");
		rc = NULL;
	}
	snprintf(p->root_compat, sizeof(p->root_compat), "%s", rc ? rc : "");
	if (!fdt_getprop(fdt, 0, "#address-cells", NULL) ||
	    !fdt_getprop(fdt, 0, "#size-cells", NULL))
		platform_problem(
			p, AREA_STRUCTURE, "root_cells", "/",
			"/: #address-cells or #size-cells missing (defaults 2 and 1 assumed)");
	p->cpus_node = fdt_path_offset(fdt, "/cpus");
	p->reserved_memory_node = fdt_path_offset(fdt, "/reserved-memory");
	if (fdt_version(fdt) >= 2) {
		p->boot_cpuid_phys = fdt_boot_cpuid_phys(fdt);
		p->boot_cpuid_known = 1;
	}
	dt_index_phandles(p);
	parse_chosen(p);
	parse_devices(p);
	if (p->nbanks == 0)
		platform_problem(p, AREA_MEMORY, "memory_present", NULL,
				 "no memory node with a usable reg");
	dt_parse_cpus(p);
	dt_parse_psci(p);
	dt_parse_reserved(p);
	dt_check_usable_memory(p);
	classify_devices(p);
	pick_console(p);
	dt_check_aliases(p);
	dt_check_references(p);
	check_overlaps(p);
	platform_check_bindings(p);
	claims_collect(p);
}
