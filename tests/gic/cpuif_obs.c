// SPDX-License-Identifier: MIT
/*
 * gic suite, cpuif_regs: one CPU's observations (tests/gic/cpuif.h), kept
 * for the boot CPU to report, and the fault-guarded accesses that make one
 * when they fault.
 */
#include <stdio.h>

#include "boot/icc.h"
#include "tests/gic/cpuif.h"

const struct icc_fields *cpuif_fields(enum icc_reg reg)
{
	for (unsigned i = 0; i < icc_nfields; i++)
		if (icc_fields[i].reg == reg)
			return &icc_fields[i];
	return NULL;
}

struct cpuif_obs *cpuif_add(struct cpu_run *r, const struct icc_fields *f, const char *check,
			    int bad)
{
	if (!bad) {
		r->held++;
		return NULL;
	}
	for (unsigned i = 0; i < r->n; i++)
		if (r->o[i].check == check && r->o[i].f == f)
			return NULL; /* one finding per check and register: the first */
	if (r->n >= CPUIF_OBS_MAX) {
		r->dropped++; /* said by the report: the case fails on the ones kept */
		return NULL;
	}
	struct cpuif_obs *o = &r->o[r->n++];
	o->check = check;
	o->f = f;
	o->expect[0] = o->observed[0] = 0;
	return o;
}

/* A comparison under a mask: a finding when (got ^ want) & mask. */
void cpuif_expect_bits(struct cpu_run *r, const struct icc_fields *f, const char *check,
		       uint64_t got, uint64_t want, uint64_t mask, const char *what)
{
	if (!mask)
		return;
	struct cpuif_obs *o = cpuif_add(r, f, check, ((got ^ want) & mask) != 0);
	if (o) {
		snprintf(o->expect, sizeof(o->expect), "%s 0x%llx under 0x%llx", what,
			 (unsigned long long)(want & mask), (unsigned long long)mask);
		snprintf(o->observed, sizeof(o->observed), "0x%llx", (unsigned long long)got);
	}
}

/* An access that faults is a finding: the spec defines these accesses at EL1. */
int cpuif_rd(struct cpu_run *r, const struct icc_fields *f, uint64_t *v)
{
	struct probe_outcome o;

	if (!icc_read(f->reg, &o)) {
		*v = o.value;
		return 0;
	}
	struct cpuif_obs *ob = cpuif_add(r, f, "reads", 1);
	if (ob) {
		snprintf(ob->expect, sizeof(ob->expect), "the read completes");
		probe_format(&o, PROBE_VALUE, ob->observed, sizeof(ob->observed));
	}
	return -1;
}

int cpuif_wr(struct cpu_run *r, const struct icc_fields *f, uint64_t v)
{
	struct probe_outcome o;

	if (!icc_write(f->reg, v, &o))
		return 0;
	struct cpuif_obs *ob = cpuif_add(r, f, "writes", 1);
	if (ob) {
		snprintf(ob->expect, sizeof(ob->expect), "a write of 0x%llx completes",
			 (unsigned long long)v);
		probe_format(&o, PROBE_VALUE, ob->observed, sizeof(ob->observed));
	}
	return -1;
}
