// SPDX-License-Identifier: MIT
/*
 * memmap suite, the cpu-map against the topology the platform was given.
 * QEMU writes /cpus/cpu-map from -smp's sockets, clusters, cores and
 * threads (virt.c fdt_add_cpu_nodes): CPU i's leaf is
 * socketS/clusterC/coreK[/threadT] and names /cpus/cpu@i. Nothing the
 * guest can probe shows the topology (MPIDR follows the GIC's cluster size,
 * not -smp), so the runner says what it gave (vm_topology=) and the
 * cpu-map's nodes are held against what the documentation writes from it.
 * Without it they stay unchecked, named in the report.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/memmap/memmap.h"

#define CPU_MAP	      "/cpus/cpu-map"
#define TOPOLOGY_CPUS 1024 /* past this the runner's topology is not believed */

struct topology {
	unsigned sockets, clusters, cores, threads;
};

/* CPU i's leaf, as virt.c writes it. */
static void leaf_path(const struct topology *g, unsigned i, char *out, size_t n)
{
	unsigned per_socket = g->clusters * g->cores * g->threads;
	unsigned per_cluster = g->cores * g->threads;
	int at = snprintf(out, n, CPU_MAP "/socket%u/cluster%u/core%u", i / per_socket,
			  (i / per_cluster) % g->clusters, (i / g->threads) % g->cores);

	if (g->threads > 1 && at > 0 && (size_t)at < n)
		snprintf(out + at, n - (size_t)at, "/thread%u", i % g->threads);
}

/* Is path a leaf the topology gives, or a node on the way to one? */
static int written(const struct topology *g, unsigned ncpus, const char *path)
{
	char leaf[PLAT_PATH_LEN];
	size_t len = strlen(path);

	for (unsigned i = 0; i < ncpus; i++) {
		leaf_path(g, i, leaf, sizeof(leaf));
		if (!strncmp(leaf, path, len) && (leaf[len] == 0 || leaf[len] == '/'))
			return 1;
	}
	return 0;
}

/* CPU i's leaf is there and names /cpus/cpu@i. */
static void check_leaf(struct test_ctx *t, const struct topology *g, unsigned i, const char *source)
{
	const void *fdt = t->plat->fdt;
	char path[PLAT_PATH_LEN], cpu[32];
	int len;

	leaf_path(g, i, path, sizeof(path));
	snprintf(cpu, sizeof(cpu), "/cpus/cpu@%u", i);
	int node = fdt_path_offset(fdt, path), want = fdt_path_offset(fdt, cpu);
	subject_push(t, "node", "%s", path);
	if (node < 0) {
		check(t, 0, "documented_node_present",
		      "no %s, where %s puts CPU %u of topology %u.%u.%u.%u", path, source, i,
		      g->sockets, g->clusters, g->cores, g->threads);
		subject_pop(t);
		return;
	}
	const fdt32_t *v = fdt_getprop(fdt, node, "cpu", &len);
	int got = v && len == 4 ? fdt_node_offset_by_phandle(fdt, fdt32_ld(v)) : -1;
	subject_push(t, "prop", "cpu");
	check(t, got >= 0 && got == want, "documented_value", "%s cpu names %s; %s names %s", path,
	      got >= 0 ? fdt_get_name(fdt, got, NULL) : "no node", source, cpu);
	subject_pop(t);
	subject_pop(t);
	claim_hold(node, "cpu", CLAIM_DOC);
}

unsigned memmap_check_topology(struct test_ctx *t, const struct profile *prof)
{
	const struct options *o = t->opt;
	const void *fdt = t->plat->fdt;
	const char *source = prof->cpu_map_source;
	struct topology g = { o->vm_topology[0], o->vm_topology[1], o->vm_topology[2],
			      o->vm_topology[3] };
	unsigned ncpus = g.sockets * g.clusters * g.cores * g.threads, asked = 1;
	int map = fdt_path_offset(fdt, CPU_MAP);
	char path[PLAT_PATH_LEN];

	if (!source || !o->vm_topology_given || ncpus > TOPOLOGY_CPUS)
		return 0;
	subject_push(t, "node", CPU_MAP);
	if (ncpus)
		check(t, map >= 0, "documented_node_present",
		      "no " CPU_MAP ", which %s writes for topology %u.%u.%u.%u", source, g.sockets,
		      g.clusters, g.cores, g.threads);
	else
		check(t, map < 0, "documented_node_absent",
		      CPU_MAP " is in the tree; %s writes none for this machine type", source);
	subject_pop(t);
	if (map < 0)
		return 1;
	claim_hold(map, CLAIM_PLACE, CLAIM_DOC);
	for (unsigned i = 0; i < ncpus; i++)
		check_leaf(t, &g, i, source);
	/* Every node below the cpu-map is one the topology gives, or a finding. */
	int depth = 0;
	for (int node = fdt_next_node(fdt, map, &depth); node >= 0 && depth > 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		if (fdt_get_path(fdt, node, path, sizeof(path)))
			continue;
		if (!written(&g, ncpus, path)) {
			subject_push(t, "node", "%s", path);
			check(t, 0, "documented_place",
			      "%s is not a node %s writes for topology %u.%u.%u.%u", path, source,
			      g.sockets, g.clusters, g.cores, g.threads);
			subject_pop(t);
		}
		claim_hold(node, CLAIM_PLACE, CLAIM_DOC);
		asked++;
	}
	return asked;
}
