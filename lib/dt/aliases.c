// SPDX-License-Identifier: MIT
#include "dt/aliases.h"

#include <libfdt.h>
#include <string.h>

/* "serial" followed by digits only (serial0, serial12). */
static int is_serial_alias(const char *name)
{
	if (strncmp(name, "serial", 6) || !name[6])
		return 0;
	for (const char *c = name + 6; *c; c++)
		if (*c < '0' || *c > '9')
			return 0;
	return 1;
}

void dt_check_aliases(struct platform *p)
{
	int aliases = fdt_path_offset(p->fdt, "/aliases"), off;

	if (aliases < 0)
		return;
	fdt_for_each_property_offset(off, p->fdt, aliases)
	{
		const char *name;
		int len;
		const char *v = fdt_getprop_by_offset(p->fdt, off, &name, &len);
		if (!v || !name || !strcmp(name, "name") || !strcmp(name, "phandle"))
			continue;
		if (len < 2 || v[len - 1] || strlen(v) != (size_t)len - 1 || v[0] != '/') {
			platform_prop_problem(p, AREA_STRUCTURE, "alias_is_path", "/aliases", name,
					      "/aliases/%s is not one NUL-terminated absolute path",
					      name);
			continue;
		}
		int node = fdt_path_offset(p->fdt, v);
		if (node < 0) {
			platform_prop_problem(p, AREA_STRUCTURE, "alias_resolves", "/aliases", name,
					      "/aliases/%s \"%s\" names no node", name, v);
			continue;
		}
		const struct dt_device *d = dt_device_at_node(p, node);
		if (is_serial_alias(name) &&
		    !(d && (dt_compat_has(d, "arm,pl011") || dt_compat_has(d, "arm,sbsa-uart"))))
			platform_prop_problem(p, AREA_CONSOLE, "serial_alias_is_uart", "/aliases",
					      name,
					      "/aliases/%s names %s, which is no arm,pl011 or "
					      "arm,sbsa-uart",
					      name, v);
	}
}
