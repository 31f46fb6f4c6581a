/* SPDX-License-Identifier: MIT */
/*
 * What a case is given (struct test_ctx): the platform, what the start-up
 * established, the options, its suite's state, and what the case has said
 * so far (runtime/check.h). Apart from runtime/suite.h, the runner, so that
 * what a case says does not depend on the runner that calls it.
 */
#ifndef RUNTIME_CASE_H
#define RUNTIME_CASE_H

#include <stdint.h>

#include "dt/platform.h"
#include "runtime/options.h"

/* What the start-up established, for the suites to read. */
struct startup {
	uintptr_t image_base, image_end;
	unsigned entry_el;
	unsigned pa_bits;	 /* ID_AA64MMFR0_EL1.PARange */
	unsigned mapped_pa_bits; /* what the identity map covers */
	int dtb_from_override;	 /* the runner's --dtb, via the Image header */
	/* Page tables of the first map (in the image) and of the full one (run-time memory; 0:
	 * none). */
	unsigned boot_tables, map_tables;
};

/* The subject a case has pushed (runtime/check.h). */
#define SUBJECT_DEPTH 6
struct subject_level {
	const char *key;  /* NULL: words only */
	char value[128];  /* the field's value, as formatted: a DT path whole */
	char prefix[112]; /* words before the text, or "" */
};

/* The most lines one case says: a platform that makes a check repeat cannot flood the report. */
#define CASE_LINES_MAX 2000

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
	/* Lines said, and those left out past CASE_LINES_MAX (findings among them). */
	unsigned lines, lines_left_out, findings_left_out;
};

#endif
