// SPDX-License-Identifier: MIT
/*
 * memmap suite, the NUMA nodes in the layout the runner gave them
 * (lib/runtime/protocol.h vm_numa=): each CPU in the node of its index's
 * share, each memory node the RAM share of its node, and a distance map
 * with every pair of nodes once, at VM_NUMA_DISTANCE apart. QEMU writes
 * exactly that from -numa (virt.c fdt_add_cpu_nodes, hw/arm/boot.c
 * arm_load_dtb), so a node said of the wrong CPU or RAM is a finding.
 */
#include <libfdt.h>
#include <string.h>

#include "runtime/check.h"
#include "runtime/protocol.h"
#include "tests/memmap/memmap.h"

#define NUMA_ID		"numa-node-id"
#define DISTANCE_COMPAT "numa-distance-map-v1"
#define NODES_MAX	VM_NUMA_NODES_MAX

/* A node's numa-node-id, or -1 when absent or not one cell. */
static int node_id(const void *fdt, int node)
{
	int len;
	const fdt32_t *v = fdt_getprop(fdt, node, NUMA_ID, &len);

	return v && len == (int)sizeof(*v) && fdt32_ld(v) < 0x80000000u ? (int)fdt32_ld(v) : -1;
}

/* A CPU's index: its MPIDR's rank among the tree's CPUs (QEMU's MPIDRs rise with the index). */
static unsigned cpu_index(const struct platform *p, uint64_t mpidr)
{
	unsigned below = 0;

	for (int i = 0; i < p->ncpus; i++)
		below += (p->cpu_mpidr[i] & MPIDR_AFFINITY) < (mpidr & MPIDR_AFFINITY);
	return below;
}

static void check_cpus(struct test_ctx *t, const char *source, unsigned nodes)
{
	const struct platform *p = t->plat;
	unsigned c = (unsigned)p->ncpus;
	char path[PLAT_PATH_LEN];

	for (int k = 0; k < p->ncpus; k++) {
		int id = node_id(p->fdt, p->cpu_node[k]);
		unsigned idx = cpu_index(p, p->cpu_mpidr[k]), want = 0;
		while (want + 1 < nodes && idx >= (want + 1) * c / nodes)
			want++;
		if (id < 0 || (unsigned)id >= nodes || (unsigned)id == want ||
		    fdt_get_path(p->fdt, p->cpu_node[k], path, sizeof(path)))
			continue; /* absent or out of range: numa.c says so */
		subject_push(t, "node", "%s", path);
		subject_push(t, "prop", NUMA_ID);
		check(t, 0, "documented_value",
		      "%s (CPU %u of %u) is in NUMA node %d; %s puts it in node %u of %u (the "
		      "runner's -numa: the CPUs in order, an equal share each)",
		      path, idx, c, id, source, want, nodes);
		subject_pop(t);
		subject_pop(t);
	}
}

static void check_memory(struct test_ctx *t, const char *source, unsigned nodes, uint64_t base)
{
	const struct platform *p = t->plat;
	uint64_t share = t->opt->vm_mem / nodes;
	int seen[NODES_MAX] = { 0 };
	char path[PLAT_PATH_LEN];

	for (int b = 0; b < p->nbanks; b++) {
		int id = node_id(p->fdt, p->bank_node[b]);
		if (id < 0 || (unsigned)id >= nodes ||
		    fdt_get_path(p->fdt, p->bank_node[b], path, sizeof(path)))
			continue;
		seen[id]++;
		uint64_t want = base + (uint64_t)id * share;
		subject_push(t, "node", "%s", path);
		subject_push(t, "bank", "%d", b);
		check(t, p->banks[b].base == want && p->banks[b].size == share, "documented_value",
		      "%s (NUMA node %d) is 0x%llx+0x%llx; %s gives node %d the RAM 0x%llx+0x%llx "
		      "(the runner's -numa: equal shares in node order)",
		      path, id, (unsigned long long)p->banks[b].base,
		      (unsigned long long)p->banks[b].size, source, id, (unsigned long long)want,
		      (unsigned long long)share);
		subject_pop(t);
		subject_pop(t);
	}
	for (unsigned i = 0; i < nodes; i++) {
		subject_push(t, "entry", "%u", i);
		check(t, seen[i] == 1, "documented_node_present",
		      "%u memory nodes say NUMA node %u; %s writes one memory node per node",
		      (unsigned)seen[i], i, source);
		subject_pop(t);
	}
}

/* With two nodes or more, one distance map holding every pair once, VM_NUMA_DISTANCE apart. */
static void check_distance_map(struct test_ctx *t, const char *source, unsigned nodes)
{
	const void *fdt = t->plat->fdt;
	int node = fdt_node_offset_by_compatible(fdt, -1, DISTANCE_COMPAT), len;
	uint8_t pairs[NODES_MAX][NODES_MAX];
	char path[PLAT_PATH_LEN];

	subject_push(t, "node", "/distance-map");
	check(t, nodes < 2 || node >= 0, "documented_node_present",
	      "no " DISTANCE_COMPAT " node; %s writes /distance-map for the %u NUMA nodes the "
	      "runner gave distances",
	      source, nodes);
	subject_pop(t);
	if (nodes < 2 || node < 0 || fdt_get_path(fdt, node, path, sizeof(path)))
		return;
	const fdt32_t *m = fdt_getprop(fdt, node, "distance-matrix", &len);
	if (!m || len <= 0 || len % 12)
		return; /* numa.c names a malformed matrix */
	memset(pairs, 0, sizeof(pairs));
	subject_push(t, "node", "%s", path);
	subject_push(t, "prop", "distance-matrix");
	int ok = 1;
	for (int k = 0; ok && k < len / 12; k++) {
		uint32_t a = fdt32_ld(&m[3 * k]), b = fdt32_ld(&m[3 * k + 1]);
		uint32_t d = fdt32_ld(&m[3 * k + 2]);
		if (a >= nodes || b >= nodes)
			continue; /* numa.c names a node out of range */
		pairs[a][b]++;
		ok = check(t, a == b || d == VM_NUMA_DISTANCE, "documented_distance",
			   "%s entry %d: node %u to node %u at %u; the runner gave every two nodes "
			   "%u apart",
			   path, k, a, b, d, VM_NUMA_DISTANCE);
	}
	for (unsigned a = 0; ok && a < nodes; a++)
		for (unsigned b = 0; ok && b < nodes; b++)
			ok = check(
				t, pairs[a][b] == 1, "documented_pairs",
				"%s gives node %u to node %u %u times; %s writes every pair once",
				path, a, b, (unsigned)pairs[a][b], source);
	subject_pop(t);
	subject_pop(t);
}

void memmap_check_numa_layout(struct test_ctx *t, const struct profile *prof, unsigned nodes)
{
	uint64_t base = 0;

	for (unsigned i = 0; i < prof->nregions; i++)
		if (prof->regions[i].kind == REGION_RAM && !base)
			base = prof->regions[i].base;
	if (!nodes || nodes > NODES_MAX)
		return;
	check_cpus(t, prof->numa_source, nodes);
	if (t->opt->vm_mem_known && base)
		check_memory(t, prof->numa_source, nodes, base);
	check_distance_map(t, prof->numa_source, nodes);
}
