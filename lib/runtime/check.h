/* SPDX-License-Identifier: MIT */
/*
 * What a case says (one vocabulary, runtime/protocol.h): a finding is a
 * disagreement and fails the case; evidence is a conforming observation and
 * counts as a passed check; a note is information; a skip says why the case
 * could not run.
 *
 * A finding and evidence name their check: a short snake_case name written
 * once, at the check (CHECK_NAME_MAX bytes at most). With the suite, the
 * case and the subject it is the finding's identity, which baselines and the
 * host key on; the text is for people and may be reworded freely.
 *
 * The subject is what the case has pushed (as kvm-unit-tests'
 * report_prefix_push): subject_push() adds a field (cpu=1), prefix_push()
 * only words before the text, node_push() both for a DT node. Each push is
 * undone by one subject_pop(); a case starts with none.
 */
#ifndef RUNTIME_CHECK_H
#define RUNTIME_CHECK_H

#include "runtime/case.h"
#include "runtime/registry.h" /* what a suite file also needs: CASE, SUITE */

#define CHECK_NAME_MAX 40

/* A finding: prints "# FAIL: check=NAME SUBJECT text=..." and fails the case. */
void finding(struct test_ctx *t, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A check: when cond is false, a finding with the message. Returns cond. */
int check(struct test_ctx *t, int cond, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * A precondition (KUnit's ASSERT): when cond is false, a finding, and the
 * case ends there. Only from the case's own CPU, with no recovery point of
 * its own armed.
 */
void require(struct test_ctx *t, int cond, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Evidence: a conforming observation, counted as a check that passed. */
void evidence(struct test_ctx *t, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * A finding or evidence that carries fields besides its subject: the
 * optional keys RECORD_FINDING_KEYS and RECORD_EVIDENCE_KEYS declare that
 * are not SUBJECT_KEYS (class=, expect=, ...), so not part of its identity.
 * A field whose value is NULL is left out.
 */
struct field {
	const char *key, *value;
};
void finding_fields(struct test_ctx *t, const struct field *f, unsigned n, const char *check,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void evidence_fields(struct test_ctx *t, const struct field *f, unsigned n, const char *check,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A check that passed with nothing to add to the case's result line. */
void passed(struct test_ctx *t);
/* A note: what was seen or not done; neither passes nor fails anything. */
void note(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Skip the case with a reason (a failure already recorded still fails it). */
void skip(struct test_ctx *t, const char *reason);

/* The subject (see above); key is one of SUBJECT_KEYS (runtime/protocol.h). */
void subject_push(struct test_ctx *t, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void prefix_push(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void node_push(struct test_ctx *t, const char *path);
void subject_pop(struct test_ctx *t);

/*
 * A finding outside any case (the bootargs check, the suite selection), at
 * a report depth, with at most one subject field (key NULL: none).
 */
void finding_line(unsigned depth, const char *check, const char *key, const char *value,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
