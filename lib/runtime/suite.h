/*
 * Suites register themselves by linker section (adding a suite is adding a
 * file); they run in the order of their section names. A suite is a list of
 * cases; each case makes checks and is one KTAP subtest.
 */
#ifndef SUITE_H
#define SUITE_H

#include "dt/platform.h"

struct harness;

struct test_ctx {
	struct harness *h;
	unsigned checks;
	unsigned failures;
	const char *skip_reason;
};

struct test_case {
	const char *name;
	void (*run)(struct test_ctx *t);
};

struct suite {
	const char *name;
	/* NULL when the suite applies, else the reason it is skipped. */
	const char *(*skip_reason)(struct harness *h);
	const struct test_case *cases;
	unsigned ncases;
	int on_request; /* runs only when named in suites= */
};

#define SUITE_REGISTER(order, var)                                                         \
	static const struct suite *const suite_entry_##var                                 \
		__attribute__((section(".suites." #order "_" #var), used)) = &var

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A finding: a disagreement. Prints "FAIL: <message>" and fails the case. */
void finding(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A check: when cond is false, a finding with the message. Returns cond. */
int check(struct test_ctx *t, int cond, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Evidence: a conforming observation, counted as a check that passed. */
void evidence(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A note: what was seen or not done; neither passes nor fails anything. */
void note(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Skip the case with a reason (a failure already recorded still fails it). */
void skip(struct test_ctx *t, const char *reason);

/* Run the selected suites (comma list, NULL = all); returns nonzero if any case failed. */
int suites_run(struct harness *h, const char *selection);

#endif
