/*
 * Suites register themselves by linker section (adding a suite is adding a
 * file); they run in the order of their section names. A suite is a list of
 * cases; each case makes checks and is one KTAP subtest. What a case may say
 * is runtime/check.h.
 */
#ifndef RUNTIME_SUITE_H
#define RUNTIME_SUITE_H

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
};

struct test_ctx {
	const struct platform *plat; /* the DT model */
	const struct startup *boot;
	const struct options *opt;
	void *state; /* what the suite's init built for its cases */
	unsigned checks;
	unsigned failures;
	const char *skip_reason;
};

struct test_case {
	const char *name;
	void (*run)(struct test_ctx *t);
};

/* A case named after its function: CASE(identity) is {"identity", identity}. */
#define CASE(fn)                                                                                   \
	{                                                                                          \
#fn, fn                                                                            \
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

#define SUITE_REGISTER(order, var)                                                                 \
	static const struct suite *const suite_entry_##var                                         \
		__attribute__((section(".suites." #order "_" #var), used)) = &var

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

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

/* Run the selected suites (comma list; empty: the default set); nonzero if any case failed. */
int suites_run(const struct platform *plat, const struct startup *boot, const struct options *opt);

#endif
