/* SPDX-License-Identifier: MIT */
/*
 * What a suite is, and how it registers: by linker section, so adding a
 * suite is adding a file. Suites run in the order of their section names; a
 * suite is a list of cases, each one KTAP subtest. Apart from suite.h so
 * that the selection (selection.h) and the listing (listing.h) can read the
 * registry without the runner that calls them.
 */
#ifndef RUNTIME_REGISTRY_H
#define RUNTIME_REGISTRY_H

#include "util/util.h"

struct test_ctx; /* runtime/case.h */

struct test_case {
	const char *name;
	void (*run)(struct test_ctx *t);
	int on_request; /* runs only when suites= names it as SUITE.CASE */
};

/*
 * A case named after its function: CASE(identity) is {"identity", case_identity}.
 * The prefix keeps a case apart from the library call it exercises (fw_cfg, map).
 */
#define CASE(fn)                                                                                   \
	{                                                                                          \
#fn, case_##fn, 0                                                                  \
	}

/* A case too long for every run: CASE_ON_REQUEST(idx_wrap) runs only for suites=dma.idx_wrap
 * (its function: case_idx_wrap). */
#define CASE_ON_REQUEST(fn)                                                                        \
	{                                                                                          \
#fn, case_##fn, 1                                                                  \
	}

struct suite {
	const char *name;
	/* Why the suite does not apply here, or NULL; only reads t. */
	const char *(*skip_if)(const struct test_ctx *t);
	/* Builds the state its cases share (t->state); returns why it cannot, or NULL. */
	const char *(*init)(struct test_ctx *t);
	const struct test_case *cases;
	unsigned ncases;
	int on_request; /* runs only when named in suites= */
};

/* The registered suites, in order: [begin, end). */
struct registry {
	const struct suite *const *begin, *const *end;
};

#define SUITE_REGISTER(order, var)                                                                 \
	static const struct suite *const suite_entry_##var                                         \
		__attribute__((section(".suites." #order "_" #var), used)) = &var

/*
 * Define and register a suite named after its token, with its case table and
 * any further fields: SUITE(40, memmap, cases, .skip_if = skip_if, .init = init).
 * The order number places it among the others (sections sort by name).
 */
#define SUITE(order, name_, cases_, ...)                                                           \
	static const struct suite name_##_suite = {                                                \
		.name = #name_, .cases = cases_, .ncases = ARRAY_SIZE(cases_), __VA_ARGS__         \
	};                                                                                         \
	SUITE_REGISTER(order, name_##_suite)

#endif
