// SPDX-License-Identifier: MIT
#include "runtime/record.h"

#include <stdio.h>
#include <string.h>

#include "runtime/ktap.h"

_Static_assert(RECORD_MAX + 16 <= RECORD_LINE_MAX, "a record and its indent fit one ktap_line");

static void append(struct record *r, const char *s)
{
	size_t n = strlen(s), room = sizeof(r->line) - r->len - 1;

	if (n > room) {
		n = room;
		r->cut = 1;
		/* Never half an escape: back off to the backslash that starts one. */
		for (size_t k = 1; k <= 3 && k <= n; k++)
			if (s[n - k] == '\\') {
				n -= k;
				break;
			}
	}
	memcpy(r->line + r->len, s, n);
	r->len += n;
	r->line[r->len] = 0;
}

void record_start(struct record *r, unsigned depth, const char *tag)
{
	r->len = 0;
	r->line[0] = 0;
	r->depth = depth;
	r->cut = 0;
	append(r, tag);
	append(r, ":");
}

char *record_escape_value(const char *in, char *out, size_t len)
{
	return ktap_escape_with(in, out, len, 1);
}

void record_vfield(struct record *r, const char *key, const char *fmt, va_list ap)
{
	char raw[RECORD_VALUE_MAX], value[4 * RECORD_VALUE_MAX];
	int n = vsnprintf(raw, sizeof(raw), fmt, ap);

	/* A value cut short would name another subject: the line says it was cut. */
	if (n < 0 || (size_t)n >= sizeof(raw) || ktap_escaped_len(raw, 1) >= sizeof(value))
		r->cut = 1;
	record_escape_value(raw, value, sizeof(value));
	append(r, " ");
	append(r, key);
	append(r, "=");
	/* An empty value would read as the next field's start: "-" says none. */
	append(r, value[0] ? value : "-");
}

void record_field(struct record *r, const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record_vfield(r, key, fmt, ap);
	va_end(ap);
}

void record_vtext(struct record *r, const char *prefix, const char *fmt, va_list ap)
{
	char raw[400], text[480];
	size_t n = 0;

	if (prefix) {
		n = strlen(prefix) < sizeof(raw) ? strlen(prefix) : sizeof(raw) - 1;
		memcpy(raw, prefix, n);
	}
	vsnprintf(raw + n, sizeof(raw) - n, fmt, ap);
	ktap_reword(raw, sizeof(raw));
	ktap_escape(raw, text, sizeof(text));
	append(r, " text=");
	append(r, text);
}

void record_text(struct record *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record_vtext(r, NULL, fmt, ap);
	va_end(ap);
}

void record_emit(struct record *r)
{
	ktap_line(r->depth, r->line, r->cut);
}
