#include "runtime/suite.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/bootargs.h"
#include "runtime/harness.h"
#include "runtime/ktap.h"
#include "runtime/recovery.h"
#include "runtime/watchdog.h"

extern const struct suite *const __suites_start[], *const __suites_end[];

static void vdiag(const char *prefix, const char *fmt, va_list ap)
{
	char buf[400];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	ktap_diag(2, "%s%s", prefix, buf);
}

static void vfinding(struct test_ctx *t, const char *fmt, va_list ap)
{
	t->checks++;
	t->failures++;
	vdiag(FINDING_PREFIX, fmt, ap);
}

void finding(struct test_ctx *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(t, fmt, ap);
	va_end(ap);
}

int check(struct test_ctx *t, int cond, const char *fmt, ...)
{
	va_list ap;

	if (cond) {
		t->checks++;
		return cond;
	}
	va_start(ap, fmt);
	vfinding(t, fmt, ap);
	va_end(ap);
	return cond;
}

void evidence(struct test_ctx *t, const char *fmt, ...)
{
	va_list ap;

	t->checks++;
	va_start(ap, fmt);
	vdiag(EVIDENCE_PREFIX, fmt, ap);
	va_end(ap);
}

void note(struct test_ctx *t, const char *fmt, ...)
{
	va_list ap;

	(void)t;
	va_start(ap, fmt);
	vdiag("", fmt, ap);
	va_end(ap);
}

void skip(struct test_ctx *t, const char *reason)
{
	t->skip_reason = reason;
}

static int selected(const struct suite *s, const char *selection)
{
	return selection ? list_has(selection, s->name) : !s->on_request;
}

/* Runs one case under a recovery point and the watchdog; returns its result. */
static enum ktap_result run_case(struct harness *h, const struct test_case *c,
				 const char **reason)
{
	static jmp_buf jb;
	static struct test_ctx t;
	int cause;

	t = (struct test_ctx){.h = h};
	recovery_arm(&jb);
	cause = setjmp(jb);
	if (cause == 0) {
		if (h->watchdog_ok)
			watchdog_arm(h->watchdog_seconds);
		c->run(&t);
	}
	if (h->watchdog_ok) {
		watchdog_disarm();
		__asm__ volatile("msr daifclr, #2"); /* an exception left IRQs masked */
	}
	recovery_disarm();
	*reason = NULL;
	if (cause == RECOVERED_WATCHDOG) {
		*reason = "watchdog expired";
		return KTAP_TIMEOUT;
	}
	if (cause == RECOVERED_EXCEPTION)
		return KTAP_FAIL;
	if (t.failures)
		return KTAP_FAIL;
	if (t.skip_reason) {
		*reason = t.skip_reason;
		return KTAP_SKIP;
	}
	if (t.checks == 0) {
		ktap_diag(2, "FAIL: the case made no checks");
		return KTAP_FAIL;
	}
	return KTAP_PASS;
}

/* Names in suites= that no registered suite has; each one is reported. */
static unsigned unknown_names(const char *selection)
{
	unsigned unknown = 0;

	for (const char *p = selection; p && *p;) {
		size_t n = strcspn(p, ",");
		int found = 0;
		for (const struct suite *const *s = __suites_start; s < __suites_end; s++)
			found |= strlen((*s)->name) == n && !strncmp((*s)->name, p, n);
		unknown += !found && n;
		p += n + (p[n] == ',');
	}
	return unknown;
}

int suites_run(struct harness *h, const char *selection)
{
	struct ktap_totals totals = {0};
	unsigned nsel = 0, index = 0;
	unsigned unknown = unknown_names(selection);

	for (const struct suite *const *s = __suites_start; s < __suites_end; s++)
		nsel += selected(*s, selection);
	ktap_header(nsel + (unknown != 0));
	if (unknown) {
		ktap_diag(0, "FAIL: suites=%s names %u suite(s) this image does not have", selection,
			  unknown);
		for (const struct suite *const *s = __suites_start; s < __suites_end; s++)
			ktap_diag(0, "available: %s%s", (*s)->name,
				  (*s)->on_request ? " (on request only)" : "");
		ktap_result(0, ++index, "suite_selection", KTAP_FAIL, NULL);
		totals.failed++;
	}
	for (const struct suite *const *sp = __suites_start; sp < __suites_end; sp++) {
		const struct suite *s = *sp;
		if (!selected(s, selection))
			continue;
		index++;
		const char *why = s->skip_reason ? s->skip_reason(h) : NULL;
		if (why) {
			ktap_result(0, index, s->name, KTAP_SKIP, why);
			totals.skipped++;
			continue;
		}
		ktap_suite_begin(s->name, s->ncases);
		int suite_failed = 0, suite_passed = 0;
		for (unsigned i = 0; i < s->ncases; i++) {
			const char *reason;
			enum ktap_result r = run_case(h, &s->cases[i], &reason);
			ktap_result(1, i + 1, s->cases[i].name, r, reason);
			if (r == KTAP_PASS)
				totals.passed++, suite_passed++;
			else if (r == KTAP_SKIP)
				totals.skipped++;
			else
				totals.failed++, suite_failed++;
		}
		ktap_result(0, index, s->name,
			    suite_failed ? KTAP_FAIL : suite_passed ? KTAP_PASS : KTAP_SKIP,
			    suite_failed || suite_passed ? NULL : "every case skipped");
	}
	ktap_finish(&totals);
	return totals.failed != 0;
}
