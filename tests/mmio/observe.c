/* The mmio suite's observations: one greppable line each, counted per class. */
#include <stdio.h>
#include <string.h>

#include "runtime/protocol.h"
#include "tests/mmio/mmio.h"

/* The seven fields of runtime/protocol.h; the spec may be cut (%.*s, then ".."). */
#define SEP FIELD_SEPARATOR
#define OBSERVATION                                                                                \
	"%s" SEP "%s" SEP "%s" SEP "%s" SEP "expect %s [%.*s%s]" SEP "observed %s" SEP "%s"

/*
 * Longest observation body: longer ones lose the end of their spec, never
 * their class. A report line holds 254 characters and its end
 * (runtime/ktap.c); this one also carries 4 of indent, "# " and its prefix.
 */
#define OBSERVATION_MAX 231
_Static_assert(4 + 2 + sizeof(EVIDENCE_PREFIX) - 1 + OBSERVATION_MAX <= 254,
	       "an observation line must fit a report line");

void observations_reset(struct test_ctx *t)
{
	unsigned *counts = mmio_state(t)->counts;

	counts[0] = counts[1] = counts[2] = 0;
}

void observations_summary(struct test_ctx *t, const char *case_name)
{
	const unsigned *counts = mmio_state(t)->counts;

	note(t, "mmio-summary: %s: %u required, %u permitted, %u deviation", case_name,
	     counts[OUTCOME_REQUIRED], counts[OUTCOME_PERMITTED], counts[OUTCOME_DEVIATION]);
	observations_reset(t);
}

void observe_first_targets(struct test_ctx *t, const char *case_name, const char *if_none,
			   void (*of)(struct test_ctx *t, const struct mmio_target *tg))
{
	const struct mmio_state *st = mmio_state(t);

	observations_reset(t);
	for (unsigned i = 0; i < st->ntargets; i++)
		if (st->targets[i].first)
			of(t, &st->targets[i]);
	if (if_none && !t->checks)
		skip(t, if_none);
	observations_summary(t, case_name);
}

void mmio_observed(struct test_ctx *t, const struct dt_device *d, const struct device_contract *c,
		   const char *reg, uint32_t off, const char *what, const char *expect,
		   const char *spec, const char *observed, enum outcome_class cls)
{
	char where[48];

	if (reg)
		snprintf(where, sizeof(where), "%s@0x%x", reg, (unsigned)off);
	else
		snprintf(where, sizeof(where), "-");
	mmio_state(t)->counts[cls]++;
	/* KTAP lines are cut at 255 characters: shorten the spec, never the class. */
	char line[OBSERVATION_MAX + 64];
	int keep = (int)strlen(spec);
	int n = snprintf(line, sizeof(line), OBSERVATION, d->path, c->part, where, what, expect,
			 keep, spec, "", observed, outcome_class_name(cls));
	if (n > OBSERVATION_MAX) {
		keep -= n - OBSERVATION_MAX + 2;
		snprintf(line, sizeof(line), OBSERVATION, d->path, c->part, where, what, expect,
			 keep > 0 ? keep : 0, spec, "..", observed, outcome_class_name(cls));
	}
	if (cls == OUTCOME_DEVIATION)
		finding(t, "%s", line);
	else
		evidence(t, "%s", line);
}
