/* Findings of the mmio suite: one greppable line each, counted per class. */
#include <stdio.h>

#include "esr.h"
#include "mmio_suite.h"

void describe_outcome(const struct probe_outcome *o, char *buf, unsigned long len)
{
	struct esr_info e;

	if (!o->faulted) {
		snprintf(buf, len, "0x%llx", (unsigned long long)o->value);
		return;
	}
	esr_decode(o->esr, &e);
	snprintf(buf, len, "abort (ESR 0x%llx, EC 0x%x, DFSC 0x%x)", (unsigned long long)o->esr,
		 (unsigned)e.ec, (unsigned)e.dfsc);
}

uintptr_t reg_addr(const struct dt_device *d, unsigned region, uint32_t off, unsigned bytes)
{
	if ((int)region >= d->nreg || (uint64_t)off + bytes > d->reg[region].size)
		return 0;
	return (uintptr_t)(d->reg[region].base + off);
}

static unsigned counts[3];

void finding_summary(struct test_ctx *t, const char *case_name)
{
	note(t, "mmio-summary: %s: %u required, %u permitted, %u deviation", case_name,
	     counts[FIND_REQUIRED], counts[FIND_PERMITTED], counts[FIND_DEVIATION]);
	counts[0] = counts[1] = counts[2] = 0;
}

void finding(struct test_ctx *t, const struct dt_device *d, const struct device_contract *c,
	     const char *reg, uint32_t off, const char *what, const char *expect,
	     const char *spec, const char *observed, enum finding_class cls)
{
	char where[48];

	if (reg)
		snprintf(where, sizeof(where), "%s@0x%x", reg, (unsigned)off);
	else
		snprintf(where, sizeof(where), "-");
	counts[cls]++;
	note(t, "finding: %s | %s | %s | %s | expect %s [%s] | observed %s | %s", d->path,
	     c->part, where, what, expect, spec, observed, finding_class_name(cls));
	check(t, cls != FIND_DEVIATION, "deviation: %s %s %s", d->path, where, what);
}
