/* SPDX-License-Identifier: MIT */
/*
 * Bus windows: the CPU address ranges a bus node's "ranges" hands to its
 * children (a PCIe host's MMIO and I/O windows, a simple-bus). The DT
 * describes these addresses without a reg, so the memory-map checks count
 * them as described. Part of the platform model; reads the blob once.
 */
#ifndef DT_WINDOWS_H
#define DT_WINDOWS_H

#include "dt/platform.h"

#define DT_MAX_WINDOWS 16

struct dt_window {
	const struct dt_device *dev; /* the bus node */
	struct addr_range range;     /* in the CPU address space */
};

/* Windows of the enabled bus nodes directly under the root; returns the count. */
int dt_bus_windows(const struct platform *p, struct dt_window *out, int max);

#endif
