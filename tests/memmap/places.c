// SPDX-License-Identifier: MIT
/*
 * memmap suite, where each node sits. A node's place (its name and its
 * parent) is a claim like its properties (dt/claims.h CLAIM_PLACE): an OS
 * finds a node by it (Linux looks for a GICv3's ITS among the GIC's
 * children only). The profile says where the documentation writes its nodes
 * (VALUE_NODE and VALUE_PLACE entries); a node there is held against it,
 * and a node of a documented compatible anywhere else is a finding. A node
 * the documentation places nowhere stays unchecked, named in the report.
 * The cpu-map's nodes are placed by the topology (topology.c).
 */
#include <libfdt.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/memmap/memmap.h"

static int is_place(const struct profile_value *w)
{
	return (w->kind == VALUE_NODE || w->kind == VALUE_PLACE) && memmap_value_for_guest(w);
}

/*
 * Hold one node's place: returns 1 when it was asked. A node of a compatible
 * the profile places is held to those places only; any other node to the
 * places the profile gives for any node.
 */
static int place_one(struct test_ctx *t, const struct profile *prof, int node, const char *path)
{
	const void *fdt = t->plat->fdt;
	const struct profile_value *first = NULL;

	for (unsigned i = 0; i < prof->nvalues && !first; i++)
		if (is_place(&prof->values[i]) && prof->values[i].ref &&
		    memmap_node_listed(fdt, node, prof->values[i].ref))
			first = &prof->values[i];
	for (unsigned i = 0; i < prof->nvalues; i++) {
		const struct profile_value *w = &prof->values[i];
		int kind_ok = first ? w->ref && memmap_node_listed(fdt, node, w->ref) : !w->ref;
		if (is_place(w) && kind_ok && memmap_path_matches(path, w->where)) {
			claim_hold(node, CLAIM_PLACE, CLAIM_DOC);
			return 1;
		}
	}
	if (!first)
		return 0;
	subject_push(t, "node", "%s", path);
	check(t, 0, "documented_place", "%s is compatible with %s, which %s (%s) writes at %s",
	      path, first->ref, prof->name, first->source, first->where);
	subject_pop(t);
	claim_hold(node, CLAIM_PLACE, CLAIM_DOC);
	return 1;
}

unsigned memmap_check_places(struct test_ctx *t, const struct profile *prof)
{
	const void *fdt = t->plat->fdt;
	struct memmap_walk w;
	unsigned asked = 0, placed = 0;

	for (unsigned i = 0; i < prof->nvalues; i++)
		placed += is_place(&prof->values[i]);
	if (!placed)
		return 0;
	for (memmap_walk_start(&w, 1); memmap_walk_next(fdt, &w);)
		if (w.node > 0 && strncmp(w.path, "/cpus/cpu-map", strlen("/cpus/cpu-map")))
			asked += (unsigned)place_one(t, prof, w.node, w.path);
	return asked;
}
