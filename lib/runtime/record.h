/* SPDX-License-Identifier: MIT */
/*
 * The writer of records, the machine-read lines of a report (their grammar
 * and every tag's keys: runtime/protocol.h):
 *   struct record r;
 *   record_start(&r, 1, RECORD_MEMMAP_REGION);
 *   record_field(&r, "name", "%s", name);
 *   record_field(&r, "doc", "0x%llx+0x%llx", base, size);
 *   record_emit(&r);
 * A value is escaped as it is added, so whatever the platform put in it
 * cannot split it, end the line or pass for another field.
 */
#ifndef RUNTIME_RECORD_H
#define RUNTIME_RECORD_H

#include <stdarg.h>
#include <stddef.h>

#include "runtime/protocol.h"

#define RECORD_MAX 1536
/* A value as formatted, before escaping: a DT path whole, and more. */
#define RECORD_VALUE_MAX 256

struct record {
	char line[RECORD_MAX];
	size_t len;
	unsigned depth;
	int cut; /* a field did not fit: the line ends with its marker */
};

void record_start(struct record *r, unsigned depth, const char *tag);
/* key=value, the value formatted then escaped (a space becomes \x20). */
void record_field(struct record *r, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void record_vfield(struct record *r, const char *key, const char *fmt, va_list ap);
/* text=..., the last field: the rest of the line, for people. */
void record_text(struct record *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void record_vtext(struct record *r, const char *prefix, const char *fmt, va_list ap);
/* Writes the line (runtime/ktap.h's sink). */
void record_emit(struct record *r);

/* The escaping of one value: as ktap_escape, and a space too. Returns out. */
char *record_escape_value(const char *in, char *out, size_t len);

#endif
