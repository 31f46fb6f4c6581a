#include "runtime/check.h"

#include <stdarg.h>
#include <stdio.h>

#include "runtime/ktap.h"
#include "runtime/protocol.h"

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

void passed(struct test_ctx *t)
{
	t->checks++;
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
