/* SPDX-License-Identifier: MIT */
/* Interrupts of the platform model (interrupts.c). */
#ifndef DT_INTERRUPTS_H
#define DT_INTERRUPTS_H

#include "dt/platform.h"
#include "dt/props.h"

/* The node's interrupts (or interrupts-extended), and its interrupt-map and MSI maps. */
void dt_parse_interrupts(struct platform *p, const struct dt_lineage *l, struct dt_device *d);
/* interrupt-map, msi-map and msi-parent of the lineage's node: each entry resolves and fits. */
void dt_check_interrupt_map(struct platform *p, const struct dt_lineage *l, const char *path);

#endif
