// SPDX-License-Identifier: MIT
#include "dt/windows.h"

#include <libfdt.h>

#include "dt/props.h"

int dt_bus_windows(const struct platform *p, struct dt_window *out, int max)
{
	int n = 0;

	if (!p->fdt_valid)
		return 0;
	int pa = dt_cells_of(p->fdt, 0, "#address-cells", 2);
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		int len;
		const fdt32_t *r = fdt_getprop(p->fdt, d->node, "ranges", &len);

		/* Empty ranges (identity) adds no window; deeper buses are not followed. */
		if (!d->enabled || !r || len <= 0 || d->depth != 1)
			continue;
		int ca = dt_cells_of(p->fdt, d->node, "#address-cells", 2);
		int cs = dt_cells_of(p->fdt, d->node, "#size-cells", 1);
		if (ca < 1 || ca > 3 || cs < 1 || cs > 2 || pa < 1 || pa > 2)
			continue;
		int entry = ca + pa + cs;
		if (len % (entry * 4))
			continue; /* the dt suite's checks own malformed trees */
		for (int off = 0; off < len / 4 && n < max; off += entry) {
			/* PCI child addresses are 3 cells: the space code is not an address. */
			out[n].dev = d;
			out[n].range.base = dt_read_cells(r + off + ca, pa);
			out[n].range.size = dt_read_cells(r + off + ca + pa, cs);
			if (out[n].range.size)
				n++;
		}
	}
	return n;
}
