// SPDX-License-Identifier: MIT
#include "runtime/check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/ktap.h"
#include "runtime/protocol.h"
#include "runtime/record.h"

/* A check name is snake_case: anything else is the harness's own mistake, said as such. */
static const char *check_name(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n > CHECK_NAME_MAX || name[0] < 'a' || name[0] > 'z')
		return "harness_bad_check_name";
	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
		      name[i] == '_'))
			return "harness_bad_check_name";
	return name;
}

static void start(struct record *r, unsigned depth, const char *tag, const char *check)
{
	record_start(r, depth, tag);
	record_field(r, "check", "%s", check_name(check));
}

/* The text after the subject's words (make REWORD=1 rewords it: runtime/ktap.h). */
static void vtext(struct record *r, const char *prefix, const char *fmt, va_list ap)
{
	char words[400];
	size_t n = (size_t)snprintf(words, sizeof(words), "%s", prefix);

	if (n < sizeof(words))
		vsnprintf(words + n, sizeof(words) - n, fmt, ap);
	record_text(r, "%s", words);
}

/* Whether the case may say one more line (CASE_LINES_MAX); counts those it may not. */
static int may_say(struct test_ctx *t, int is_finding)
{
	if (t->lines < CASE_LINES_MAX) {
		t->lines++;
		return 1;
	}
	t->lines_left_out++;
	t->findings_left_out += is_finding != 0;
	return 0;
}

static void vsay(struct test_ctx *t, const char *tag, const struct field *f, unsigned nf,
		 const char *check, const char *fmt, va_list ap)
{
	char prefix[200] = "";
	struct record r;

	if (!may_say(t, !strcmp(tag, RECORD_FINDING)))
		return;
	start(&r, 2, tag, check);
	for (unsigned i = 0; i < t->nsubject; i++) {
		const struct subject_level *s = &t->subject[i];
		if (s->key)
			record_field(&r, s->key, "%s", s->value);
		strncat(prefix, s->prefix, sizeof(prefix) - strlen(prefix) - 1);
	}
	for (unsigned i = 0; i < nf; i++)
		if (f[i].value)
			record_field(&r, f[i].key, "%s", f[i].value);
	vtext(&r, prefix, fmt, ap);
	record_emit(&r);
}

static void vfinding(struct test_ctx *t, const struct field *f, unsigned nf, const char *check,
		     const char *fmt, va_list ap)
{
	t->checks++;
	t->failures++;
	vsay(t, RECORD_FINDING, f, nf, check, fmt, ap);
}

void finding(struct test_ctx *t, const char *check, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(t, NULL, 0, check, fmt, ap);
	va_end(ap);
}

int check(struct test_ctx *t, int cond, const char *check, const char *fmt, ...)
{
	va_list ap;

	if (cond) {
		t->checks++;
		return cond;
	}
	va_start(ap, fmt);
	vfinding(t, NULL, 0, check, fmt, ap);
	va_end(ap);
	return cond;
}

void require(struct test_ctx *t, int cond, const char *check, const char *fmt, ...)
{
	va_list ap;

	if (cond) {
		t->checks++;
		return;
	}
	va_start(ap, fmt);
	vfinding(t, NULL, 0, check, fmt, ap);
	va_end(ap);
	if (t->end)
		longjmp(*(jmp_buf *)t->end, CASE_ENDED_BY_REQUIRE);
}

void evidence(struct test_ctx *t, const char *check, const char *fmt, ...)
{
	va_list ap;

	t->checks++;
	va_start(ap, fmt);
	vsay(t, RECORD_EVIDENCE, NULL, 0, check, fmt, ap);
	va_end(ap);
}

void finding_fields(struct test_ctx *t, const struct field *f, unsigned n, const char *check,
		    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(t, f, n, check, fmt, ap);
	va_end(ap);
}

void evidence_fields(struct test_ctx *t, const struct field *f, unsigned n, const char *check,
		     const char *fmt, ...)
{
	va_list ap;

	t->checks++;
	va_start(ap, fmt);
	vsay(t, RECORD_EVIDENCE, f, n, check, fmt, ap);
	va_end(ap);
}

void passed(struct test_ctx *t)
{
	t->checks++;
}

void note(struct test_ctx *t, const char *fmt, ...)
{
	char buf[400];
	va_list ap;

	if (!may_say(t, 0))
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ktap_diag(2, "%s", buf);
}

void skip(struct test_ctx *t, const char *reason)
{
	t->skip_reason = reason;
}

static struct subject_level *push(struct test_ctx *t)
{
	if (t->nsubject >= SUBJECT_DEPTH) {
		t->subject_dropped++;
		return NULL;
	}
	struct subject_level *s = &t->subject[t->nsubject++];
	s->key = NULL;
	s->value[0] = s->prefix[0] = 0;
	return s;
}

/*
 * A record gives each key once (protocol.h). A node met while another is the
 * subject is the one the path leads to: target= (an MSI controller, a
 * reservation). Any other key given twice is a harness bug: the inner value
 * stays in the text, not in the identity, rather than break the report.
 */
static const char *unique_key(const struct test_ctx *t, const char *key)
{
	int node = 0, target = 0, same = 0;

	for (unsigned i = 0; i + 1 < t->nsubject; i++) {
		const char *k = t->subject[i].key;
		node |= k && !strcmp(k, "node");
		target |= k && !strcmp(k, "target");
		same |= k && !strcmp(k, key);
	}
	if (!same)
		return key;
	return !strcmp(key, "node") && node && !target ? "target" : NULL;
}

void subject_push(struct test_ctx *t, const char *key, const char *fmt, ...)
{
	struct subject_level *s = push(t);
	va_list ap;

	if (!s)
		return;
	s->key = unique_key(t, key);
	va_start(ap, fmt);
	vsnprintf(s->value, sizeof(s->value), fmt, ap);
	va_end(ap);
}

void prefix_push(struct test_ctx *t, const char *fmt, ...)
{
	struct subject_level *s = push(t);
	va_list ap;

	if (!s)
		return;
	va_start(ap, fmt);
	vsnprintf(s->prefix, sizeof(s->prefix), fmt, ap);
	va_end(ap);
}

void node_push(struct test_ctx *t, const char *path)
{
	struct subject_level *s = push(t);

	if (!s)
		return;
	s->key = unique_key(t, "node");
	snprintf(s->value, sizeof(s->value), "%s", path);
	snprintf(s->prefix, sizeof(s->prefix), "%s: ", path);
}

void subject_pop(struct test_ctx *t)
{
	if (t->subject_dropped)
		t->subject_dropped--;
	else if (t->nsubject)
		t->nsubject--;
}

void finding_line(unsigned depth, const char *check, const char *key, const char *value,
		  const char *fmt, ...)
{
	struct record r;
	va_list ap;

	start(&r, depth, RECORD_FINDING, check);
	if (key)
		record_field(&r, key, "%s", value);
	va_start(ap, fmt);
	vtext(&r, "", fmt, ap);
	va_end(ap);
	record_emit(&r);
}
