// SPDX-License-Identifier: MIT
/*
 * /cpus and the PSCI node (Devicetree Specification v0.4 3.7 and 3.8; Linux
 * bindings arm/cpus.yaml and arm/psci.yaml): each CPU's MPIDR, compatible and
 * enable-method, and the PSCI conduit.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/cpus.h"
#include "dt/phandles.h"
#include "dt/props.h"

/*
 * The topology (Linux cpu/cpu-topology.txt): each `cpu` of /cpus/cpu-map is
 * one phandle to a CPU node of /cpus, names each CPU at most once, and every
 * CPU has its place (Linux's parse_dt_topology drops a map that leaves one out).
 */
static void check_cpu_map(struct platform *p)
{
	int map = fdt_path_offset(p->fdt, "/cpus/cpu-map"), depth = 0;
	uint8_t named[PLAT_MAX_CPUS] = { 0 };
	char path[PLAT_PATH_LEN];

	if (map < 0)
		return;
	for (int node = fdt_next_node(p->fdt, map, &depth); node >= 0 && depth > 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		int len;
		const fdt32_t *v = fdt_getprop(p->fdt, node, "cpu", &len);
		if (!v)
			continue;
		dt_node_path(p->fdt, node, path, sizeof(path));
		if (len != 4) {
			platform_prop_problem(p, AREA_CPUS, "prop_length", path, "cpu",
					      "%s: cpu is %d bytes, not one phandle", path, len);
			continue;
		}
		int cpu = dt_cpu_of_node(p, dt_phandle_node(p, fdt32_to_cpu(*v)));
		if (cpu < 0)
			platform_prop_problem(p, AREA_CPUS, "cpu_map_names_cpu", path, "cpu",
					      "%s: cpu (phandle 0x%x) is no CPU node of /cpus",
					      path, fdt32_to_cpu(*v));
		else if (named[cpu]++)
			platform_prop_problem(p, AREA_CPUS, "cpu_map_names_cpu_once", path, "cpu",
					      "%s: names CPU %d again (each CPU has one place)",
					      path, cpu);
	}
	for (int i = 0; i < p->ncpus; i++) {
		if (named[i])
			continue;
		dt_node_path(p->fdt, p->cpu_node[i], path, sizeof(path));
		platform_problem(p, AREA_CPUS, "cpu_map_names_every_cpu", path,
				 "%s: /cpus/cpu-map gives this CPU no place", path);
	}
}

/* DT spec 0.4 Table 2.4 status values; "fail-sss" is fail with a condition. */
static enum dt_cpu_status cpu_status(struct platform *p, int node, const char *path)
{
	int bad = 0;
	const char *s = dt_string(p->fdt, node, "status", &bad);

	if (bad) {
		platform_prop_problem(p, AREA_CPUS, "prop_is_string", path, "status",
				      "%s: status is not a string; taken as fail", path);
		return CPU_STATUS_FAIL;
	}
	if (!s || !strcmp(s, "okay") || !strcmp(s, "ok"))
		return CPU_STATUS_OKAY;
	if (!strcmp(s, "disabled"))
		return CPU_STATUS_DISABLED;
	if (!strcmp(s, "reserved"))
		return CPU_STATUS_RESERVED;
	if (strcmp(s, "fail") && strncmp(s, "fail-", 5))
		platform_prop_problem(
			p, AREA_CPUS, "status_value", path, "status",
			"%s: status \"%s\" is none of okay, disabled, reserved, fail, "
			"fail-sss; taken as fail",
			path, s);
	return CPU_STATUS_FAIL;
}

int dt_cpu_startable(const struct platform *p, int i)
{
	return i >= 0 && i < p->ncpus &&
	       (p->cpu_status[i] == CPU_STATUS_OKAY || p->cpu_status[i] == CPU_STATUS_DISABLED);
}

const char *dt_cpu_status_name(int status)
{
	static const char *const names[] = { "okay", "disabled", "fail", "reserved" };
	return names[status & 3];
}

/* arm/cpus.yaml: a CPU node is a child of /cpus; one elsewhere is a CPU no reader takes. */
static void cpus_elsewhere(struct platform *p, int cpus)
{
	char path[PLAT_PATH_LEN];

	for (int node = fdt_node_offset_by_prop_value(p->fdt, -1, "device_type", "cpu", 4);
	     node >= 0;
	     node = fdt_node_offset_by_prop_value(p->fdt, node, "device_type", "cpu", 4)) {
		if (fdt_parent_offset(p->fdt, node) == cpus ||
		    fdt_get_path(p->fdt, node, path, sizeof(path)))
			continue;
		platform_problem(p, AREA_CPUS, "cpu_under_cpus", path,
				 "%s: device_type \"cpu\" outside /cpus, where no reader looks "
				 "for a CPU (arm/cpus.yaml)",
				 path);
	}
}

void dt_parse_cpus(struct platform *p)
{
	int cpus = fdt_path_offset(p->fdt, "/cpus");
	int node;

	if (cpus < 0) {
		platform_problem(p, AREA_CPUS, "cpus_node_present", NULL, "/cpus: node missing");
		return;
	}
	cpus_elsewhere(p, cpus);
	int ac = dt_cells_of(p->fdt, cpus, "#address-cells", -2);
	int sc = dt_cells_of(p->fdt, cpus, "#size-cells", -2);
	int misnamed = 0; /* CPU nodes whose unit address is not their reg: one problem says so */
	char first_misnamed[PLAT_PATH_LEN + 32] = "";
	if (ac != 1 && ac != 2)
		platform_prop_problem(p, AREA_CPUS, "cpus_address_cells", "/cpus", "#address-cells",
				      "/cpus: #address-cells is %d, must be 1 or 2", ac);
	if (sc != 0)
		platform_prop_problem(p, AREA_CPUS, "cpus_size_cells", "/cpus", "#size-cells",
				      "/cpus: #size-cells is %d, must be 0", sc);
	fdt_for_each_subnode(node, p->fdt, cpus)
	{
		const char *type = dt_string(p->fdt, node, "device_type", NULL);
		char path[PLAT_PATH_LEN];
		int len;

		if (!type || strcmp(type, "cpu"))
			continue;
		dt_node_path(p->fdt, node, path, sizeof(path));
		const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);
		if (!reg || (ac >= 1 && ac <= 2 && len != ac * 4)) {
			platform_prop_problem(p, AREA_CPUS, "cpu_reg_cells", path, "reg",
					      "%s: reg missing or not %d cells", path, ac);
			continue;
		}
		uint64_t mpidr = dt_read_cells(reg, len / 4);
		uint64_t unit;
		if (!dt_unit_address_matches(p->fdt, node, mpidr, &unit) && !misnamed++)
			snprintf(first_misnamed, sizeof(first_misnamed), "%s (reg 0x%llx)", path,
				 (unsigned long long)mpidr);
		for (int i = 0; i < p->ncpus; i++)
			if (p->cpu_mpidr[i] == mpidr)
				platform_prop_problem(p, AREA_CPUS, "cpu_mpidr_unique", path, "reg",
						      "%s: MPIDR 0x%llx used twice", path,
						      (unsigned long long)mpidr);
		if (p->ncpus >= PLAT_MAX_CPUS) {
			platform_problem(p, AREA_CPUS, "cpus_kept", "/cpus",
					 "more than %d CPUs; the model keeps %d", PLAT_MAX_CPUS,
					 PLAT_MAX_CPUS);
			break;
		}
		int clen;
		const char *compat = fdt_getprop(p->fdt, node, "compatible", &clen);
		if (compat && (clen <= 0 || compat[clen - 1] != 0)) {
			platform_prop_problem(p, AREA_CPUS, "prop_is_string", path, "compatible",
					      "%s: compatible is not NUL-terminated", path);
			compat = NULL;
		}
		p->cpu_compat[p->ncpus] = compat;
		p->cpu_node[p->ncpus] = node;
		p->cpu_mpidr[p->ncpus++] = mpidr;
		int bad = 0;
		const char *em = dt_string(p->fdt, node, "enable-method", &bad);
		if (bad)
			platform_prop_problem(p, AREA_CPUS, "prop_is_string", path, "enable-method",
					      "%s: enable-method is not a string", path);
		p->cpu_status[p->ncpus - 1] = (uint8_t)cpu_status(p, node, path);
		p->cpu_enable[p->ncpus - 1] = !em			  ? ENABLE_NONE
					      : !strcmp(em, "psci")	  ? ENABLE_PSCI
					      : !strcmp(em, "spin-table") ? ENABLE_SPIN_TABLE
									  : ENABLE_OTHER;
		if (p->cpu_enable[p->ncpus - 1] == ENABLE_OTHER)
			platform_prop_problem(p, AREA_CPUS, "enable_method_known", path,
					      "enable-method", "%s: unknown enable-method \"%s\"",
					      path, em);
		if (!em && p->ncpus > 1 && !platform_guest_aarch32)
			platform_prop_problem(p, AREA_CPUS, "enable_method_present", path,
					      "enable-method",
					      "%s: secondary CPU without enable-method", path);
	}
	if (p->ncpus == 0)
		platform_problem(p, AREA_CPUS, "cpus_has_cpu", "/cpus", "/cpus: no cpu node");
	if (misnamed)
		platform_prop_problem(p, AREA_REG, "unit_address_matches_reg", "/cpus", "reg",
				      "/cpus: %d CPU nodes' unit addresses are not their reg (the "
				      "MPIDR), the first %s",
				      misnamed, first_misnamed);
	check_cpu_map(p);
}

int platform_guest_aarch32;

int dt_cpu_index(const struct platform *p, uint64_t mpidr)
{
	for (int i = 0; i < p->ncpus; i++)
		if ((p->cpu_mpidr[i] & MPIDR_AFFINITY) == (mpidr & MPIDR_AFFINITY))
			return i;
	return -1;
}

int dt_cpu_of_node(const struct platform *p, int node)
{
	for (int i = 0; node >= 0 && i < p->ncpus; i++)
		if (p->cpu_node[i] == node)
			return i;
	return -1;
}

/* arm/psci.yaml: "arm,psci" is 0.1 (IDs in properties), then 0.2 and 1.0. */
static void psci_versions(struct platform *p, int node, const char *path)
{
	static const struct {
		const char *compat;
		uint32_t version;
	} known[] = { { "arm,psci-1.0", 0x10000 }, { "arm,psci-0.2", 2 }, { "arm,psci", 1 } };
	static const char *const v01[4] = { "cpu_suspend", "cpu_off", "cpu_on", "migrate" };

	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (fdt_node_check_compatible(p->fdt, node, known[i].compat) == 0 &&
		    known[i].version > p->psci_dt_version)
			p->psci_dt_version = known[i].version;
	for (int i = 0; i < 4; i++) {
		int len;
		const fdt32_t *v = fdt_getprop(p->fdt, node, v01[i], &len);
		if (v && len == 4) {
			p->psci_v01_id[i] = fdt32_to_cpu(*v);
			p->psci_v01_present |= 1u << i;
		} else if (v) {
			platform_prop_problem(p, AREA_PSCI, "psci_function_id_cell", path, v01[i],
					      "psci: %s is not one cell", v01[i]);
		}
	}
}

void dt_parse_psci(struct platform *p)
{
	int node = fdt_node_offset_by_compatible(p->fdt, -1, "arm,psci-1.0");

	p->psci_node = -1;
	if (node < 0)
		node = fdt_node_offset_by_compatible(p->fdt, -1, "arm,psci-0.2");
	if (node < 0)
		node = fdt_node_offset_by_compatible(p->fdt, -1, "arm,psci");
	if (node < 0) {
		platform_problem(p, AREA_PSCI, "psci_node_present", NULL,
				 "no PSCI node (compatible arm,psci*)");
		return;
	}
	const char *c = dt_string(p->fdt, node, "compatible", NULL); /* the first one, if a list */
	int clen;
	const char *list = fdt_getprop(p->fdt, node, "compatible", &clen);
	if (!c && list && clen > 0 && list[clen - 1] == 0)
		c = list;
	snprintf(p->psci_compat, sizeof(p->psci_compat), "%s", c ? c : "");
	const char *path = p->psci_path;
	p->psci_node = node;
	dt_node_path(p->fdt, node, p->psci_path, sizeof(p->psci_path));
	psci_versions(p, node, path);
	const char *m = dt_string(p->fdt, node, "method", NULL);
	if (m && !strcmp(m, "hvc"))
		p->psci = PSCI_HVC;
	else if (m && !strcmp(m, "smc"))
		p->psci = PSCI_SMC;
	else
		platform_prop_problem(p, AREA_PSCI, "psci_method", path, "method",
				      "psci: method is \"%s\", must be \"hvc\" or \"smc\"",
				      m ? m : "(missing)");
}
