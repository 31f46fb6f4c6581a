/*
 * The suite runner: what a case is given (struct test_ctx) and the run of
 * the selected suites. How a suite is defined and registered is
 * runtime/registry.h; what a case may say is runtime/check.h.
 */
#ifndef RUNTIME_SUITE_H
#define RUNTIME_SUITE_H

#include <stdint.h>

#include "dt/platform.h"
#include "runtime/options.h"
#include "runtime/registry.h"

/* What the start-up established, for the suites to read. */
struct startup {
	uintptr_t image_base, image_end;
	unsigned entry_el;
	unsigned pa_bits;	 /* ID_AA64MMFR0_EL1.PARange */
	unsigned mapped_pa_bits; /* what the identity map covers */
	int dtb_from_override;	 /* the runner's --dtb, via the Image header */
};

/* The subject a case has pushed (runtime/check.h). */
#define SUBJECT_DEPTH 6
struct subject_level {
	const char *key;  /* NULL: words only */
	char value[128];  /* the field's value, as formatted: a DT path whole */
	char prefix[112]; /* words before the text, or "" */
};

/* How require() ends a case (a cause apart from runtime/recovery.h's). */
#define CASE_ENDED_BY_REQUIRE 0x100

struct test_ctx {
	const struct platform *plat; /* the DT model */
	const struct startup *boot;
	const struct options *opt;
	void *state; /* what the suite's init built for its cases */
	unsigned checks;
	unsigned failures;
	const char *skip_reason;
	struct subject_level subject[SUBJECT_DEPTH];
	unsigned nsubject, subject_dropped; /* pushes past SUBJECT_DEPTH: counted, popped */
	void *end; /* require()'s way out of the case: a jmp_buf of runtime/suite.c */
};

/*
 * Run what suites= selects (runtime/selection.h), or with the bootarg list
 * only list the suites and cases (runtime/listing.h); nonzero if a case failed.
 */
int suites_run(const struct platform *plat, const struct startup *boot, const struct options *opt);

#endif
