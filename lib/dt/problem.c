// SPDX-License-Identifier: MIT
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

static struct dt_problem *vproblem(struct platform *p, enum dt_area area, const char *check,
				   const char *node, const char *fmt, va_list ap)
{
	if (p->nproblems >= PLAT_MAX_PROBLEMS) {
		p->problems_dropped++;
		return NULL;
	}
	struct dt_problem *pr = &p->problems[p->nproblems++];

	pr->area = area;
	pr->check = check;
	snprintf(pr->node, sizeof(pr->node), "%s", node ? node : "");
	pr->nfields = 0;
	vsnprintf(pr->msg, sizeof(pr->msg), fmt, ap);
	return pr;
}

struct dt_problem *platform_problem(struct platform *p, enum dt_area area, const char *check,
				    const char *node, const char *fmt, ...)
{
	struct dt_problem *pr;
	va_list ap;

	va_start(ap, fmt);
	pr = vproblem(p, area, check, node, fmt, ap);
	va_end(ap);
	return pr;
}

struct dt_problem *platform_prop_problem(struct platform *p, enum dt_area area, const char *check,
					 const char *node, const char *prop, const char *fmt, ...)
{
	struct dt_problem *pr;
	va_list ap;

	va_start(ap, fmt);
	pr = vproblem(p, area, check, node, fmt, ap);
	va_end(ap);
	problem_subject(pr, "prop", "%s", prop);
	return pr;
}

void problem_subject(struct dt_problem *pr, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (!pr || pr->nfields >= DT_PROBLEM_FIELDS)
		return;
	struct dt_problem_field *f = &pr->field[pr->nfields++];
	f->key = key;
	va_start(ap, fmt);
	vsnprintf(f->value, sizeof(f->value), fmt, ap);
	va_end(ap);
}
