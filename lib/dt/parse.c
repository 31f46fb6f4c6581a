/*
 * The platform model from a blob: header and structure checked by libfdt,
 * then memory, CPUs, PSCI, /chosen and every device node read once, the
 * nodes the model relies on picked out and the bindings checked.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/bindings.h"
#include "dt/platform.h"
#include "dt/props.h"

/* Linux refuses device trees above 2 MiB; anything larger is not a real DTB. */
#define FDT_MAX_SIZE (2u << 20)

static int is_named(const void *fdt, int node, const char *base)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	size_t n = strlen(base);

	return name && !strncmp(name, base, n) && (name[n] == 0 || name[n] == '@');
}

static void parse_memory(struct platform *p, int node, const char *path)
{
	struct addr_range r[PLAT_MAX_BANKS];
	int n = dt_parse_reg(p, node, path, r, PLAT_MAX_BANKS, 1);

	if (!fdt_getprop(p->fdt, node, "reg", NULL))
		platform_problem(p, AREA_MEMORY, "%s: memory node without reg", path);
	for (int i = 0; i < n; i++) {
		if (p->nbanks >= PLAT_MAX_BANKS) {
			platform_problem(p, AREA_MEMORY, "%s: more than %d memory banks", path,
					 PLAT_MAX_BANKS);
			return;
		}
		if (r[i].size)
			p->banks[p->nbanks++] = r[i];
	}
}

static void parse_cpus(struct platform *p)
{
	int cpus = fdt_path_offset(p->fdt, "/cpus");
	int node;

	if (cpus < 0) {
		platform_problem(p, AREA_CPUS, "/cpus: node missing");
		return;
	}
	int ac = dt_cells_of(p->fdt, cpus, "#address-cells", -2);
	int sc = dt_cells_of(p->fdt, cpus, "#size-cells", -2);
	if (ac != 1 && ac != 2)
		platform_problem(p, AREA_CPUS, "/cpus: #address-cells is %d, must be 1 or 2", ac);
	if (sc != 0)
		platform_problem(p, AREA_CPUS, "/cpus: #size-cells is %d, must be 0", sc);
	fdt_for_each_subnode(node, p->fdt, cpus)
	{
		const char *type = fdt_getprop(p->fdt, node, "device_type", NULL);
		char path[PLAT_PATH_LEN];
		int len;

		if (!type || strcmp(type, "cpu"))
			continue;
		dt_node_path(p->fdt, node, path, sizeof(path));
		const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);
		if (!reg || (ac >= 1 && ac <= 2 && len != ac * 4)) {
			platform_problem(p, AREA_CPUS, "%s: reg missing or not %d cells", path, ac);
			continue;
		}
		uint64_t mpidr = dt_read_cells(reg, len / 4);
		for (int i = 0; i < p->ncpus; i++)
			if (p->cpu_mpidr[i] == mpidr)
				platform_problem(p, AREA_CPUS, "%s: MPIDR 0x%llx used twice", path,
						 (unsigned long long)mpidr);
		if (p->ncpus < PLAT_MAX_CPUS)
			p->cpu_mpidr[p->ncpus++] = mpidr;
		const char *em = fdt_getprop(p->fdt, node, "enable-method", NULL);
		if (em && strcmp(em, "psci") && strcmp(em, "spin-table"))
			platform_problem(p, AREA_CPUS, "%s: unknown enable-method \"%s\"", path,
					 em);
		if (!em && p->ncpus > 1)
			platform_problem(p, AREA_CPUS, "%s: secondary CPU without enable-method",
					 path);
	}
	if (p->ncpus == 0)
		platform_problem(p, AREA_CPUS, "/cpus: no cpu node");
}

static void parse_psci(struct platform *p)
{
	int node = fdt_node_offset_by_compatible(p->fdt, -1, "arm,psci-0.2");

	if (node < 0)
		node = fdt_node_offset_by_compatible(p->fdt, -1, "arm,psci");
	if (node < 0) {
		platform_problem(p, AREA_PSCI, "no PSCI node (compatible arm,psci*)");
		return;
	}
	const char *c = fdt_getprop(p->fdt, node, "compatible", NULL);
	snprintf(p->psci_compat, sizeof(p->psci_compat), "%s", c ? c : "");
	const char *m = fdt_getprop(p->fdt, node, "method", NULL);
	if (m && !strcmp(m, "hvc"))
		p->psci = PSCI_HVC;
	else if (m && !strcmp(m, "smc"))
		p->psci = PSCI_SMC;
	else
		platform_problem(p, AREA_PSCI, "psci: method is \"%s\", must be \"hvc\" or \"smc\"",
				 m ? m : "(missing)");
}

static void parse_chosen(struct platform *p)
{
	int chosen = fdt_path_offset(p->fdt, "/chosen");
	int len;

	if (chosen < 0)
		return;
	const char *args = fdt_getprop(p->fdt, chosen, "bootargs", &len);
	if (args && (len <= 0 || args[len - 1] != 0))
		platform_problem(p, AREA_STRUCTURE,
				 "/chosen/bootargs is not a NUL-terminated string; ignored");
	else if (args) {
		snprintf(p->bootargs, sizeof(p->bootargs), "%s", args);
		p->bootargs_len = (int)strlen(args);
	}
	const char *out = fdt_getprop(p->fdt, chosen, "stdout-path", &len);
	if (out && (len <= 0 || out[len - 1] != 0))
		platform_problem(p, AREA_CONSOLE,
				 "/chosen/stdout-path is not a NUL-terminated string; ignored");
	if (!out || len <= 0 || out[len - 1] != 0)
		return;
	size_t n = strcspn(out, ":");
	if (n >= sizeof(p->stdout_path)) {
		platform_problem(
			p, AREA_CONSOLE,
			"/chosen/stdout-path names a path of %zu characters; the model keeps %zu",
			n, sizeof(p->stdout_path) - 1);
		n = sizeof(p->stdout_path) - 1;
	}
	memcpy(p->stdout_path, out, n);
	p->stdout_path[n] = 0;
}

static const struct dt_device *device_at_node(const struct platform *p, int node)
{
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].node == node)
			return &p->devices[i];
	return NULL;
}

static void pick_console(struct platform *p)
{
	if (p->stdout_path[0]) {
		int node = fdt_path_offset(p->fdt, p->stdout_path);
		if (node < 0) {
			const char *alias = fdt_get_alias(p->fdt, p->stdout_path);
			node = alias ? fdt_path_offset(p->fdt, alias) : -1;
		}
		const struct dt_device *d = node >= 0 ? device_at_node(p, node) : NULL;
		if (!d)
			platform_problem(p, AREA_CONSOLE,
					 "/chosen/stdout-path \"%s\" does not resolve to a node",
					 p->stdout_path);
		else if (!dt_compat_has(d, "arm,pl011") && !dt_compat_has(d, "arm,sbsa-uart"))
			platform_problem(
				p, AREA_CONSOLE,
				"/chosen/stdout-path %s is not an arm,pl011 or arm,sbsa-uart",
				d->path);
		else if (d->nreg < 1)
			platform_problem(p, AREA_CONSOLE, "%s: console UART has no usable reg",
					 d->path);
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

static void check_overlaps(struct platform *p)
{
	for (struct dt_reg_iter a = { .p = p, .include_disabled = 1 }; dt_next_reg(&a);) {
		for (int b = 0; b < p->nbanks; b++)
			if (ranges_overlap(a.r->base, a.r->size, p->banks[b].base,
					   p->banks[b].size))
				platform_problem(
					p, AREA_REG,
					"%s: reg 0x%llx+0x%llx overlaps memory bank 0x%llx+0x%llx",
					a.d->path, (unsigned long long)a.r->base,
					(unsigned long long)a.r->size,
					(unsigned long long)p->banks[b].base,
					(unsigned long long)p->banks[b].size);
		if (!a.d->enabled)
			continue;
		/* Each pair once: only devices after this one; a child may nest in its parent. */
		for (struct dt_reg_iter c = dt_regs_overlapping(p, a.r->base, a.r->size);
		     dt_next_reg(&c);)
			if (c.d > a.d && !dt_paths_related(a.d->path, c.d->path))
				platform_problem(
					p, AREA_REG,
					"%s: reg 0x%llx+0x%llx overlaps %s reg 0x%llx+0x%llx",
					a.d->path, (unsigned long long)a.r->base,
					(unsigned long long)a.r->size, c.d->path,
					(unsigned long long)c.r->base,
					(unsigned long long)c.r->size);
	}
	for (int i = 0; i < p->nbanks; i++)
		for (int j = i + 1; j < p->nbanks; j++)
			if (ranges_overlap(p->banks[i].base, p->banks[i].size, p->banks[j].base,
					   p->banks[j].size))
				platform_problem(p, AREA_MEMORY,
						 "memory banks 0x%llx and 0x%llx overlap",
						 (unsigned long long)p->banks[i].base,
						 (unsigned long long)p->banks[j].base);
}

static void parse_devices(struct platform *p)
{
	int node, depth = 0;
	int cpus = fdt_path_offset(p->fdt, "/cpus");

	for (node = fdt_next_node(p->fdt, 0, &depth); node >= 0 && depth > 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		char path[PLAT_PATH_LEN];
		const char *type = fdt_getprop(p->fdt, node, "device_type", NULL);
		int clen = 0;
		const char *compat = fdt_getprop(p->fdt, node, "compatible", &clen);

		dt_node_path(p->fdt, node, path, sizeof(path));
		if (type && !strcmp(type, "memory")) {
			parse_memory(p, node, path);
			continue;
		}
		if ((cpus >= 0 && fdt_parent_offset(p->fdt, node) == cpus) ||
		    is_named(p->fdt, node, "chosen") || is_named(p->fdt, node, "aliases"))
			continue;
		if (!compat && !fdt_getprop(p->fdt, node, "reg", NULL))
			continue;
		if (p->ndevices >= PLAT_MAX_DEVICES) {
			platform_problem(p, AREA_STRUCTURE,
					 "more than %d devices; the rest ignored",
					 PLAT_MAX_DEVICES);
			return;
		}
		struct dt_device *d = &p->devices[p->ndevices++];
		memset(d, 0, sizeof(*d));
		snprintf(d->path, sizeof(d->path), "%s", path);
		d->node = node;
		if (compat && clen > 0 && compat[clen - 1] == 0) {
			d->compat = compat;
			d->compat_len = clen;
		} else if (compat) {
			platform_problem(p, AREA_STRUCTURE, "%s: compatible is not NUL-terminated",
					 path);
		}
		const char *status = fdt_getprop(p->fdt, node, "status", NULL);
		d->enabled = !status || !strcmp(status, "okay") || !strcmp(status, "ok");
		int n = dt_parse_reg(p, node, path, d->reg, PLAT_MAX_REGS, 1);
		d->nreg = n > 0 ? n : 0;
		dt_parse_interrupts(p, node, d);
	}
}

static void classify_devices(struct platform *p)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled)
			continue;
		int v3 = dt_compat_has(d, "arm,gic-v3");
		int v2 = dt_compat_has(d, "arm,cortex-a15-gic") || dt_compat_has(d, "arm,gic-400");
		if ((v2 || v3) && !p->gic) {
			p->gic = d;
			p->gic_version = v3 ? 3 : 2;
		}
		if (dt_compat_has(d, "arm,armv8-timer") && !p->timer)
			p->timer = d;
		if (dt_compat_has(d, "xen,xen") && !p->hypervisor)
			p->hypervisor = d;
	}
}

void platform_unusable(struct platform *p, const char *why)
{
	memset(p, 0, sizeof(*p));
	platform_problem(p, AREA_HEADER, "%s", why);
}

void platform_parse(struct platform *p, const void *fdt, uint64_t max_size)
{
	memset(p, 0, sizeof(*p));
	p->fdt = fdt;
	if (!fdt) {
		platform_problem(p, AREA_HEADER, "no device tree was passed (x0 = 0)");
		return;
	}
	int err = fdt_check_header(fdt);
	if (err) {
		platform_problem(p, AREA_HEADER, "bad header: %s (magic 0x%08x)", fdt_strerror(err),
				 (unsigned)fdt32_ld((const fdt32_t *)fdt));
		return;
	}
	p->fdt_size = fdt_totalsize(fdt);
	if (p->fdt_size > FDT_MAX_SIZE || p->fdt_size > max_size) {
		platform_problem(p, AREA_HEADER, "totalsize %u is absurd (limit %u)",
				 (unsigned)p->fdt_size,
				 (unsigned)(max_size < FDT_MAX_SIZE ? max_size : FDT_MAX_SIZE));
		return;
	}
	err = fdt_check_full(fdt, p->fdt_size);
	if (err) {
		platform_problem(p, AREA_HEADER, "structure check failed: %s", fdt_strerror(err));
		return;
	}
	p->fdt_valid = 1;
	const char *rc = fdt_getprop(fdt, 0, "compatible", NULL);
	snprintf(p->root_compat, sizeof(p->root_compat), "%s", rc ? rc : "");
	if (!fdt_getprop(fdt, 0, "#address-cells", NULL) ||
	    !fdt_getprop(fdt, 0, "#size-cells", NULL))
		platform_problem(
			p, AREA_STRUCTURE,
			"/: #address-cells or #size-cells missing (defaults 2 and 1 assumed)");
	parse_chosen(p);
	parse_devices(p);
	if (p->nbanks == 0)
		platform_problem(p, AREA_MEMORY, "no memory node with a usable reg");
	parse_cpus(p);
	parse_psci(p);
	classify_devices(p);
	pick_console(p);
	check_overlaps(p);
	platform_check_bindings(p);
}
