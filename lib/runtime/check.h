/*
 * What a case says (one vocabulary, runtime/protocol.h): a finding is a
 * disagreement and fails the case; evidence is a conforming observation and
 * counts as a passed check; a note is information; a skip says why the case
 * could not run.
 */
#ifndef RUNTIME_CHECK_H
#define RUNTIME_CHECK_H

#include "runtime/suite.h"

/* A finding: prints "FAIL: <message>" and fails the case. */
void finding(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A check: when cond is false, a finding with the message. Returns cond. */
int check(struct test_ctx *t, int cond, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Evidence: a conforming observation, counted as a check that passed. */
void evidence(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A check that passed with nothing to add to the case's result line. */
void passed(struct test_ctx *t);
/* A note: what was seen or not done; neither passes nor fails anything. */
void note(struct test_ctx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Skip the case with a reason (a failure already recorded still fails it). */
void skip(struct test_ctx *t, const char *reason);

#endif
