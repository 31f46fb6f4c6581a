#include "runtime/ktap.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void (*ktap_sink)(const char *s, size_t len);

static void emit(const char *s, size_t len)
{
	if (ktap_sink)
		ktap_sink(s, len);
}

static void emitf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emitf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf)) { /* cut, but keep the line ending */
		n = sizeof(buf) - 1;
		buf[n - 1] = '\n';
	}
	emit(buf, (size_t)n);
}

static const char *indent(unsigned depth)
{
	static const char spaces[] = "        ";
	unsigned n = depth * 2 < sizeof(spaces) - 1 ? depth * 2 : sizeof(spaces) - 1;
	return spaces + sizeof(spaces) - 1 - n;
}

void ktap_header(unsigned nsuites)
{
	emitf("KTAP version 1\n1..%u\n", nsuites);
}

void ktap_suite_begin(const char *name, unsigned ncases)
{
	emitf("  KTAP version 1\n  # Subtest: %s\n  1..%u\n", name, ncases);
}

void ktap_result(unsigned depth, unsigned index, const char *name, enum ktap_result r,
		 const char *reason)
{
	static const char *const directive[] = { "", "", " # SKIP", " # TIMEOUT" };
	int ok = r == KTAP_PASS || r == KTAP_SKIP;

	emitf("%s%s %u %s%s%s%s\n", indent(depth), ok ? "ok" : "not ok", index, name, directive[r],
	      reason && r >= KTAP_SKIP ? " " : "", reason && r >= KTAP_SKIP ? reason : "");
}

void ktap_diag(unsigned depth, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (char *line = buf, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		emitf("%s# %s\n", indent(depth), line);
	}
}

void ktap_finish(const struct ktap_totals *t)
{
	emitf("%u passed, %u failed, %u skipped\n", t->passed, t->failed, t->skipped);
	emitf("%s\n", KTAP_SENTINEL);
}
