/* SPDX-License-Identifier: MIT */
/* Property decoding shared by the platform model's parsers (props.c). */
#ifndef DT_PROPS_H
#define DT_PROPS_H

#include <libfdt.h>

#include "dt/platform.h"

/* Deeper nodes are reported and not read. */
#define DT_MAX_DEPTH 32

/*
 * A node and its ancestors, as the model's single walk over the tree meets
 * them: node[0] is the root, node[depth] the node itself. Reading a parent
 * through it costs nothing, where libfdt's fdt_parent_offset() rescans the
 * tree from the start.
 */
struct dt_lineage {
	int node[DT_MAX_DEPTH];
	int depth;
	char path[PLAT_PATH_LEN];
};

void dt_node_path(const void *fdt, int node, char *buf, int len);
uint64_t dt_read_cells(const fdt32_t *cells, int n);
/* #address-cells / #size-cells a node gives its children (dflt if absent); -1 if invalid. */
int dt_cells_of(const void *fdt, int node, const char *prop, int dflt);
/*
 * A string property: NULL when absent; when present but not one
 * NUL-terminated string, NULL and *bad set (when bad is given).
 */
const char *dt_string(const void *fdt, int node, const char *prop, int *bad);
/* reg of the lineage's node, translated to CPU addresses when need_translation;
 * entries kept or -1. */
/* The node's unit address (after '@', in hex) is the first address of its reg
 * (Devicetree Specification 0.4 2.2.1); a name with none, or a multi-part one, is not asked. */
void dt_check_unit_address(struct platform *p, int node, const char *path, uint64_t first);
/* The same, without recording a problem: 1 when it matches or is not asked (unit: the name's). */
int dt_unit_address_matches(const void *fdt, int node, uint64_t first, uint64_t *unit);
int dt_parse_reg(struct platform *p, const struct dt_lineage *l, struct addr_range *out, int max,
		 int need_translation);

#endif
