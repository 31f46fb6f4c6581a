/* SPDX-License-Identifier: MIT */
/*
 * A node under a PCI bus (its parent's device_type is "pci"): a PCI
 * function, whose reg is in the bus's address space (PCI Bus Binding to
 * Open Firmware 2.2.1.1: three address cells, phys.hi first, two size
 * cells), not the CPU's. Part of the platform model.
 */
#ifndef DT_PCI_CHILD_H
#define DT_PCI_CHILD_H

#include "dt/props.h"

/* Whether the lineage's node sits on a PCI bus. */
int dt_on_pci_bus(const struct platform *p, const struct dt_lineage *l);
/*
 * Its reg (if any) checked for form (the bus's cells, whole entries, the first a
 * config-space address, the unit address "DEV[,FN]" naming that function);
 * nothing of it is a CPU address. Returns 0, or -1 after a problem.
 */
int dt_check_pci_child_reg(struct platform *p, const struct dt_lineage *l);

#endif
