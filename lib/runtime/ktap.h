/* SPDX-License-Identifier: MIT */
/*
 * KTAP v1 emitter (Linux Documentation/dev-tools/ktap.rst): each suite a
 * top-level test, each case a subtest indented two spaces.
 */
#ifndef RUNTIME_KTAP_H
#define RUNTIME_KTAP_H

#include <stddef.h>

#include "runtime/protocol.h"

enum ktap_result { KTAP_PASS, KTAP_FAIL, KTAP_SKIP, KTAP_TIMEOUT };

/* Where lines go; the harness points it at the console, host tests at a buffer. */
extern void (*ktap_sink)(const char *s, size_t len);

/* The line that tells the runner the report is complete. */
#define KTAP_SENTINEL REPORT_SENTINEL

struct ktap_totals {
	unsigned passed, failed, skipped;
};

void ktap_header(unsigned nsuites);
void ktap_suite_begin(const char *name, unsigned ncases);
void ktap_result(unsigned depth, unsigned index, const char *name, enum ktap_result r,
		 const char *reason);
/*
 * "# ..." diagnostic at a nesting depth: always one line. The formatted text
 * is escaped (ktap_escape), so whatever the platform put in it cannot end the
 * line, start another, or be the report's last line.
 */
void ktap_diag(unsigned depth, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * The one escaping rule for text that reaches a report line: a control or
 * non-ASCII byte, or a backslash, becomes \xNN. Writes at most len bytes with the NUL; returns
 * out.
 */
char *ktap_escape(const char *in, char *out, size_t len);
/* As ktap_escape, and with space set a space too (a record's value, runtime/record.h). */
char *ktap_escape_with(const char *in, char *out, size_t len, int space);
/* How long in is once escaped (a buffer shorter than that + 1 cuts it). */
size_t ktap_escaped_len(const char *in, int space);
/* Under make REWORD=1, text becomes KTAP_REWORD_MARK and a hash of it; else nothing. */
#define KTAP_REWORD_MARK "(REWORDED) "
void ktap_reword(char *text, size_t len);
/*
 * A record line already escaped by runtime/record.h: "# " + line at depth.
 * cut: it did not fit, and a line after it says so (RECORD_CUT).
 */
void ktap_line(unsigned depth, const char *line, int cut);
/* The longest line ktap_line writes: a record (runtime/record.h) indented. */
#define RECORD_LINE_MAX 1600
void ktap_finish(const struct ktap_totals *t);

#endif
