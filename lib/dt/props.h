/* Property decoding shared by the platform model's parsers (props.c). */
#ifndef DT_PROPS_H
#define DT_PROPS_H

#include <libfdt.h>

#include "dt/platform.h"

void dt_node_path(const void *fdt, int node, char *buf, int len);
uint64_t dt_read_cells(const fdt32_t *cells, int n);
/* #address-cells / #size-cells a node gives its children (dflt if absent); -1 if invalid. */
int dt_cells_of(const void *fdt, int node, const char *prop, int dflt);
/* reg of node, translated to CPU addresses when need_translation; entries kept or -1. */
int dt_parse_reg(struct platform *p, int node, const char *path, struct addr_range *out, int max,
		 int need_translation);
void dt_parse_interrupts(struct platform *p, int node, struct dt_device *d);

#endif
