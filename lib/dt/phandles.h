/* SPDX-License-Identifier: MIT */
/*
 * Phandles: every one the tree defines, indexed once, so that resolving one
 * does not rescan the tree (libfdt's fdt_node_offset_by_phandle does).
 */
#ifndef DT_PHANDLES_H
#define DT_PHANDLES_H

#include <stdint.h>

#include "dt/platform.h"

/* Index the tree's phandles; a phandle two nodes claim is a problem. */
void dt_index_phandles(struct platform *p);
/* The node with that phandle, or -1. */
int dt_phandle_node(const struct platform *p, uint32_t phandle);

#endif
