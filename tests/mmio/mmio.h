/* SPDX-License-Identifier: MIT */
/*
 * The mmio suite's shared parts: the targets (a device the DT describes and a
 * contract that applies to it), built once by the suite's init, and the
 * classified observations its cases make.
 */
#ifndef TESTS_MMIO_H
#define TESTS_MMIO_H

#include "boot/probe.h"
#include "runtime/check.h"
#include "spec/contract.h"
#include "spec/contract_lookup.h"

struct mmio_target {
	const struct dt_device *d;
	const struct device_contract *c;
	int first; /* first device bound to this contract: the width/forms tables use it */
	/* An identity register answered a value its contract rules out: this is
	 * not the device the compatible names, so no case writes to it. */
	int contradicted;
};

struct mmio_state {
	struct mmio_target targets[PLAT_MAX_DEVICES * 2];
	unsigned ntargets;
	unsigned counts[3]; /* observations of the running case, by enum outcome_class */
	int identity_ran;   /* the identity case reported every contradiction */
};

static inline struct mmio_state *mmio_state(struct test_ctx *t)
{
	return t->state;
}

/*
 * What the observed access did, the subject's last field (outcome=): it
 * aborted, or it completed (with whatever value); MMIO_NO_ACCESS when the
 * observation made none (the register lies outside the node's reg). In the
 * identity, so that a known abort that turns into a wrong value (or the
 * other way) is a new finding, not the known one.
 */
enum mmio_outcome { MMIO_VALUE, MMIO_ABORT, MMIO_NO_ACCESS };

static inline enum mmio_outcome mmio_outcome_of(int faulted)
{
	return faulted ? MMIO_ABORT : MMIO_VALUE;
}

/*
 * One classified observation of a register: what the case checked (its
 * check name, runtime/check.h), the register (reg, off), one more subject
 * field when the check is made more than once on the register (key=value:
 * form=, width=, cpu=; key NULL: none), whether the access aborted
 * (outcome), and what the spec expects (expect, spec) against what was
 * observed (observed, cls).
 */
struct observation {
	const char *check;
	const char *reg;
	uint32_t off;
	const char *key, *value;
	enum mmio_outcome outcome;
	const char *what; /* the check in words: "identity", "form ldp32", "read8 (control)" */
	const char *expect, *spec, *observed;
	enum outcome_class cls;
};

/*
 * Says one observation as a record (runtime/protocol.h) whose subject is
 *   node=PATH part=PART reg=REG off=0xOFF [key=value] outcome=abort|value|none
 * and which carries class=, expect=, spec= and observed= besides; a
 * finding's text is the line people read:
 *   PATH | PART | REG@0xOFF | WHAT | expect E [SPEC] | observed O | CLASS
 * A deviation is a finding (fails the case); required and permitted
 * outcomes are evidence, whose text is only "WHAT | CLASS" (the fields say
 * the rest; mmio-findings.md shows them whole).
 */
void mmio_observed(struct test_ctx *t, const struct dt_device *d, const struct device_contract *c,
		   const struct observation *o);
/* Zero the counts (a case abandoned by an exception leaves them set). */
void observations_reset(struct test_ctx *t);
/* "# mmio-summary: case=CASE required=N permitted=N deviation=N"; resets the counts. */
void observations_summary(struct test_ctx *t, const char *case_name);
/*
 * A case over the first device of each contract: of() for each, then the
 * summary; with if_none, a case that observed nothing skips with that reason.
 */
void observe_first_targets(struct test_ctx *t, const char *case_name, const char *if_none,
			   void (*of)(struct test_ctx *t, const struct mmio_target *tg));
/*
 * The same for a case that writes: of the devices of each contract, the
 * first whose identity registers were not contradicted (a misdescribed reg
 * must not turn a write into one to RAM or another device; a contract with
 * no identity register, fw_cfg's, cannot be gated). A contradicted
 * one is named; it is a finding of this case when the identity case, whose
 * finding it is, did not run.
 */
void observe_writable_targets(struct test_ctx *t, const char *case_name, const char *if_none,
			      void (*of)(struct test_ctx *t, const struct mmio_target *tg));
/* Whether an identity register of c at d answers a value c rules out (reads only, no record). */
int identity_contradicted(const struct dt_device *d, const struct device_contract *c);

/*
 * Identity checks a register table cannot express (extras.c), by c->extra.
 * Returns the reg ranges (bit i: d->reg[i]) where a read was judged against
 * the spec; the claims of the DT it compared with the platform it holds itself.
 */
unsigned identity_extra(struct test_ctx *t, const struct dt_device *d,
			const struct device_contract *c);

/* The cases, one file each. */
void case_identity(struct test_ctx *t);
void case_access_widths(struct test_ctx *t);
void case_read_only_writes(struct test_ctx *t);
void case_reserved_offsets(struct test_ctx *t);
void case_instruction_forms(struct test_ctx *t);
void case_write_read(struct test_ctx *t);
void case_store_forms(struct test_ctx *t);
void case_decode_pages(struct test_ctx *t);

#endif
