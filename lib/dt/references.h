/* SPDX-License-Identifier: MIT */
/*
 * References: which cells of a property name a node by phandle, for the
 * properties whose bindings say so (Devicetree Specification 0.4 2.4,
 * 2.3.9; the clock, GPIO, MSI and IOMMU bindings). Each walk is bounded by
 * the property's length; a reference that does not resolve ends it.
 */
#ifndef DT_REFERENCES_H
#define DT_REFERENCES_H

#include "dt/platform.h"

/* Does property prop of node name target by phandle (through p's phandle index)? */
int dt_refers_to(const struct platform *p, int node, const char *prop, int target);

#endif
