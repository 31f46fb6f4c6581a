// SPDX-License-Identifier: MIT
/*
 * memmap suite, the NUMA description against the NUMA nodes the platform
 * was given. QEMU writes numa-node-id on each CPU and memory node, and
 * /distance-map (numa-distance-map-v1), only when -numa gives nodes; no
 * probe shows them, so the runner says what it gave (vm_numa=, 0: no -numa)
 * and the tree is held against what the documentation writes from it.
 * Without vm_numa= they stay unchecked, named in the report. The distance
 * matrix is also held to its binding (Linux numa.txt: a node's distance to
 * itself is 10, to any other more).
 */
#include <libfdt.h>
#include <string.h>

#include "dt/claims.h"
#include "dt/props.h"
#include "runtime/check.h"
#include "tests/memmap/memmap.h"

#define NUMA_ID		 "numa-node-id"
#define DISTANCE_COMPAT	 "numa-distance-map-v1"
#define DISTANCE_MATRIX	 "distance-matrix"
#define LOCAL_DISTANCE	 10
#define DISTANCE_ENTRIES 4096 /* 64 nodes squared: past it the matrix is not read */

static int device_type_is(const void *fdt, int node, const char *type)
{
	const char *v = dt_string(fdt, node, "device_type", NULL);

	return v && !strcmp(v, type);
}

/* Each numa-node-id in the tree: none without NUMA, else a node given, on a CPU or memory. */
static unsigned check_ids(struct test_ctx *t, const char *source, unsigned nodes)
{
	unsigned held = 0;
	const void *fdt = t->plat->fdt;
	char path[PLAT_PATH_LEN];
	int depth = 0, len;

	for (int node = fdt_next_node(fdt, -1, &depth); node >= 0 && depth >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		const fdt32_t *v = fdt_getprop(fdt, node, NUMA_ID, &len);
		if (!v || fdt_get_path(fdt, node, path, sizeof(path)))
			continue;
		uint32_t id = len == (int)sizeof(fdt32_t) ? fdt32_ld(v) : ~0u;
		subject_push(t, "node", "%s", path);
		subject_push(t, "prop", NUMA_ID);
		if (len != (int)sizeof(fdt32_t))
			check(t, 0, "documented_value", "%s " NUMA_ID " is %d bytes, not one cell",
			      path, len);
		else if (!nodes)
			check(t, 0, "documented_property",
			      "%s has " NUMA_ID
			      " %d; %s writes none without -numa, and the platform "
			      "was given none (vm_numa=0)",
			      path, (int)id, source);
		else if (check(t,
			       device_type_is(fdt, node, "cpu") ||
				       device_type_is(fdt, node, "memory"),
			       "documented_place",
			       "%s has " NUMA_ID "; %s writes it on CPU and memory nodes only",
			       path, source))
			check(t, id < nodes, "documented_value",
			      "%s " NUMA_ID " is %d; the platform was given NUMA nodes 0..%u", path,
			      (int)id, nodes - 1);
		subject_pop(t);
		subject_pop(t);
		claim_hold(node, NUMA_ID, CLAIM_DOC);
		held++;
	}
	return held;
}

/* With NUMA, every CPU and memory node says its node. */
static void check_every_node_says(struct test_ctx *t, const char *source)
{
	const struct platform *p = t->plat;
	char path[PLAT_PATH_LEN];
	int depth = 0;

	for (int node = fdt_next_node(p->fdt, -1, &depth); node >= 0 && depth >= 0;
	     node = fdt_next_node(p->fdt, node, &depth)) {
		if (!device_type_is(p->fdt, node, "cpu") && !device_type_is(p->fdt, node, "memory"))
			continue;
		if (fdt_getprop(p->fdt, node, NUMA_ID, NULL) ||
		    fdt_get_path(p->fdt, node, path, sizeof(path)))
			continue;
		subject_push(t, "node", "%s", path);
		subject_push(t, "prop", NUMA_ID);
		check(t, 0, "documented_property",
		      "%s has no " NUMA_ID
		      "; %s writes one on every CPU and memory node with -numa",
		      path, source);
		subject_pop(t);
		subject_pop(t);
	}
}

/* The distance map: none without NUMA; with it, its binding's rules, for nodes given. */
static unsigned check_distances(struct test_ctx *t, const char *source, unsigned nodes)
{
	const void *fdt = t->plat->fdt;
	char path[PLAT_PATH_LEN];
	int len;
	unsigned maps = 0;

	for (int node = fdt_node_offset_by_compatible(fdt, -1, DISTANCE_COMPAT); node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, DISTANCE_COMPAT)) {
		if (fdt_get_path(fdt, node, path, sizeof(path)))
			continue;
		maps++;
		subject_push(t, "node", "%s", path);
		claim_hold(node, "compatible", CLAIM_DOC);
		if (!check(t, nodes, "documented_node_absent",
			   "%s is in the tree; %s writes no distance map without -numa, and the "
			   "platform was given none (vm_numa=0)",
			   path, source)) {
			subject_pop(t);
			continue;
		}
		const fdt32_t *m = fdt_getprop(fdt, node, DISTANCE_MATRIX, &len);
		subject_push(t, "prop", DISTANCE_MATRIX);
		claim_hold(node, DISTANCE_MATRIX, CLAIM_DOC);
		if (check(t, m && len > 0 && len % 12 == 0 && len / 12 <= DISTANCE_ENTRIES,
			  "documented_value",
			  "%s " DISTANCE_MATRIX " is %d bytes: not (from, to, distance) triples",
			  path, m ? len : -1)) {
			for (int k = 0; k < len / 12; k++) {
				uint32_t a = fdt32_ld(&m[3 * k]), b = fdt32_ld(&m[3 * k + 1]);
				uint32_t d = fdt32_ld(&m[3 * k + 2]);
				int ok = a < nodes && b < nodes &&
					 (a == b ? d == LOCAL_DISTANCE : d > LOCAL_DISTANCE);
				if (!check(t, ok, "documented_value",
					   "%s entry %d: node %u to node %u at distance %u (nodes "
					   "0..%u given; a node is at 10 from itself, more from "
					   "any "
					   "other)",
					   path, k, a, b, d, nodes - 1))
					break;
			}
		}
		subject_pop(t);
		subject_pop(t);
	}
	return maps;
}

unsigned memmap_check_numa(struct test_ctx *t, const struct profile *prof)
{
	const struct options *o = t->opt;

	if (!prof->numa_source || !o->vm_numa_given)
		return 0;
	unsigned ids = check_ids(t, prof->numa_source, o->vm_numa);
	if (o->vm_numa)
		check_every_node_says(t, prof->numa_source);
	unsigned maps = check_distances(t, prof->numa_source, o->vm_numa);
	memmap_check_numa_layout(t, prof, o->vm_numa);
	note(t, "NUMA nodes given: %u (vm_numa=); %u numa-node-id and %u distance map%s held",
	     o->vm_numa, ids, maps, maps == 1 ? "" : "s");
	return 1;
}
