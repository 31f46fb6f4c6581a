// SPDX-License-Identifier: MIT
#include "runtime/ktap.h"

#include <stdarg.h>
#include <stdint.h>
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
	char buf[768];
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

char *ktap_escape_with(const char *in, char *out, size_t len, int space)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;

	if (!len)
		return out;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		/* A backslash too, so that "\\x0a" in the text cannot pass for an escape. */
		int plain = *p >= 0x20 && *p < 0x7f && *p != '\\' && (*p != ' ' || !space);
		if (n + (plain ? 1 : 4) >= len)
			break; /* never half an escape: a cut line ends where a byte ended */
		if (plain) {
			out[n++] = (char)*p;
			continue;
		}
		out[n++] = '\\';
		out[n++] = 'x';
		out[n++] = hex[*p >> 4];
		out[n++] = hex[*p & 15];
	}
	out[n] = 0;
	return out;
}

size_t ktap_escaped_len(const char *in, int space)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)in; *p; p++)
		n += *p >= 0x20 && *p < 0x7f && *p != '\\' && (*p != ' ' || !space) ? 1 : 4;
	return n;
}

/*
 * make REWORD=1: every text a person reads (a record's text, a note, a skip
 * reason) is replaced by a marker and a hash of it, so the report's wording
 * changes throughout and its records' fields not at all (the make test stage
 * reworded holds the host to that).
 */
#ifndef HARNESS_REWORD
#define HARNESS_REWORD 0
#endif
void ktap_reword(char *text, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	if (!HARNESS_REWORD || !len)
		return;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = (h ^ *p) * 16777619u;
	snprintf(text, len, "%s%08x", KTAP_REWORD_MARK, (unsigned)h);
}

char *ktap_escape(const char *in, char *out, size_t len)
{
	return ktap_escape_with(in, out, len, 0);
}

void ktap_result(unsigned depth, unsigned index, const char *name, enum ktap_result r,
		 const char *reason)
{
	static const char *const directive[] = { "", "", " # SKIP", " # TIMEOUT" };
	int ok = r == KTAP_PASS || r == KTAP_SKIP;
	char why[256] = "";

	if (reason && r >= KTAP_SKIP) {
		char words[256];
		snprintf(words, sizeof(words), "%s", reason);
		ktap_reword(words, sizeof(words));
		ktap_escape(words, why, sizeof(why));
	}
	emitf("%s%s %u %s%s%s%s\n", indent(depth), ok ? "ok" : "not ok", index, name, directive[r],
	      why[0] ? " " : "", why);
}

void ktap_diag(unsigned depth, const char *fmt, ...)
{
	static const char sentinel_text[] = REPORT_SENTINEL;
	char buf[512], line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ktap_reword(buf, sizeof(buf));
	ktap_escape(buf, line, sizeof(line));
	/* "# " + text at depth 0 could spell the report's end: escape its first byte. */
	if (depth == 0 && !strcmp(line, sentinel_text + 2)) {
		emitf("# \\x%02x%s\n", (unsigned char)line[0], line + 1);
		return;
	}
	emitf("%s# %s\n", indent(depth), line);
}

void ktap_line(unsigned depth, const char *line, int cut)
{
	/* One write per line: a console that takes writes whole (semihosting) keeps it whole. */
	char buf[RECORD_LINE_MAX];
	int n = snprintf(buf, sizeof(buf), "%s# %s\n", indent(depth), line);

	if (n > 0)
		emit(buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	if (cut)
		emitf("%s# %s\n", indent(depth), RECORD_CUT);
}

void ktap_finish(const struct ktap_totals *t)
{
	emitf("%u passed, %u failed, %u skipped\n", t->passed, t->failed, t->skipped);
	emitf("%s\n", KTAP_SENTINEL);
}
