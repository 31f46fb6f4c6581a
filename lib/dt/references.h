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

/*
 * Every provider reference (clocks, gpios and *-gpios, iommus, resets, ...:
 * the table in references.c) in the tree, for form: each phandle resolves to
 * a node with the binding's #...-cells (a GPIO one also a gpio-controller)
 * and the entries fill the property. A problem per property (dt/structure).
 */
void dt_check_references(struct platform *p);

#endif
