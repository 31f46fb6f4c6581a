// SPDX-License-Identifier: MIT
/* The mmio suite's observations: one record each, counted per class. */
#include <stdio.h>
#include <string.h>

#include "runtime/protocol.h"
#include "runtime/record.h"
#include "tests/mmio/mmio.h"

void observations_reset(struct test_ctx *t)
{
	unsigned *counts = mmio_state(t)->counts;

	counts[0] = counts[1] = counts[2] = 0;
}

void observations_summary(struct test_ctx *t, const char *case_name)
{
	const unsigned *counts = mmio_state(t)->counts;
	struct record r;

	record_start(&r, 2, RECORD_MMIO_SUMMARY);
	record_field(&r, "case", "%s", case_name);
	record_field(&r, "required", "%u", counts[OUTCOME_REQUIRED]);
	record_field(&r, "permitted", "%u", counts[OUTCOME_PERMITTED]);
	record_field(&r, "deviation", "%u", counts[OUTCOME_DEVIATION]);
	record_emit(&r);
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

void observe_writable_targets(struct test_ctx *t, const char *case_name, const char *if_none,
			      void (*of)(struct test_ctx *t, const struct mmio_target *tg))
{
	const struct mmio_state *st = mmio_state(t);
	unsigned withheld = 0;

	observations_reset(t);
	for (unsigned i = 0; i < st->ntargets; i++) {
		const struct mmio_target *tg = &st->targets[i];
		int taken = 0; /* an earlier device of this contract was written */
		for (unsigned j = 0; j < i; j++)
			taken |= st->targets[j].c == tg->c && !st->targets[j].contradicted;
		if (taken)
			continue;
		if (!tg->contradicted) {
			of(t, tg);
			continue;
		}
		withheld++;
		if (st->identity_ran) {
			note(t,
			     "%s: not written: its identity registers say it is no %s "
			     "(mmio/identity)",
			     tg->d->path, tg->c->part);
			continue;
		}
		node_push(t, tg->d->path);
		subject_push(t, "part", "%s", tg->c->part);
		check(t, 0, "identity_before_writes",
		      "not written: its identity registers answer values the %s contract rules out "
		      "(%s), so the reg is not that device's",
		      tg->c->part, tg->c->spec);
		subject_pop(t);
		subject_pop(t);
	}
	if (!t->checks && withheld)
		skip(t, "every device to write contradicted its identity (mmio/identity): nothing "
			"written");
	else if (if_none && !t->checks)
		skip(t, if_none);
	observations_summary(t, case_name);
}

void mmio_observed(struct test_ctx *t, const struct dt_device *d, const struct device_contract *c,
		   const struct observation *o)
{
	const char *cls = outcome_class_name(o->cls);
	const struct field fields[] = {
		{ "class", cls },
		{ "expect", o->expect },
		{ "spec", o->spec },
		{ "observed", o->observed },
	};
	static const char *const outcomes[] = { "value", "abort", "none" };
	unsigned pushed = 5;

	mmio_state(t)->counts[o->cls]++;
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "part", "%s", c->part);
	subject_push(t, "reg", "%s", o->reg);
	subject_push(t, "off", "0x%x", (unsigned)o->off);
	if (o->key) {
		subject_push(t, o->key, "%s", o->value);
		pushed++;
	}
	subject_push(t, "outcome", "%s", outcomes[o->outcome]);
	/* The record carries every field whole; the text is for people. */
	if (o->cls == OUTCOME_DEVIATION)
		finding_fields(t, fields, ARRAY_SIZE(fields), o->check,
			       "%s | %s | %s@0x%x | %s | expect %s [%s] | observed %s | %s",
			       d->path, c->part, o->reg, (unsigned)o->off, o->what, o->expect,
			       o->spec, o->observed, cls);
	else /* Short: the record has it all, and a suite's evidence is most of the report's
	      * bytes, each a UART write and a status read under an emulator. */
		evidence_fields(t, fields, ARRAY_SIZE(fields), o->check, "%s | %s", o->what, cls);
	while (pushed--)
		subject_pop(t);
}
