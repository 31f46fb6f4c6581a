#include <stdarg.h>
#include <stdio.h>

#include "dt/platform.h"

static const char *const area_names[AREA_COUNT] = {
	[AREA_HEADER] = "header",
	[AREA_STRUCTURE] = "structure",
	[AREA_MEMORY] = "memory",
	[AREA_CPUS] = "cpus",
	[AREA_GIC] = "gic",
	[AREA_TIMER] = "timer",
	[AREA_PSCI] = "psci",
	[AREA_CONSOLE] = "console",
	[AREA_REG] = "reg",
	[AREA_INTERRUPTS] = "interrupts",
	[AREA_HYPERVISOR] = "hypervisor",
};

const char *dt_area_name(enum dt_area area)
{
	return area < AREA_COUNT ? area_names[area] : "?";
}

void platform_problem(struct platform *p, enum dt_area area, const char *fmt, ...)
{
	if (p->nproblems >= PLAT_MAX_PROBLEMS) {
		p->problems_dropped++;
		return;
	}
	struct dt_problem *pr = &p->problems[p->nproblems++];
	va_list ap;

	pr->area = area;
	va_start(ap, fmt);
	vsnprintf(pr->msg, sizeof(pr->msg), fmt, ap);
	va_end(ap);
}
