// SPDX-License-Identifier: MIT
#include "runtime/selection.h"

#include <stdio.h>
#include <string.h>

#include "runtime/check.h"
#include "runtime/ktap.h"
#include "util/util.h"

/* A report line stays whole below the emitter's 256 bytes. */
#define NAMES_LINE 180

/* The next item of a comma list at *p: its start, and its length in *n (0: an empty item). */
static const char *next_item(const char **p, size_t *n)
{
	const char *item = *p;

	*n = strcspn(item, ",");
	*p = item + *n + (item[*n] == ',');
	return item;
}

static int same(const char *a, size_t n, const char *name)
{
	return strlen(name) == n && !strncmp(a, name, n);
}

/* Does the item (n bytes) name s whole (2), its case c (1), or neither (0)? */
static int item_names(const char *item, size_t n, const struct suite *s, const char *c)
{
	size_t sl = strlen(s->name);

	if (n < sl || strncmp(item, s->name, sl))
		return 0;
	if (n == sl)
		return 2;
	return item[sl] == '.' && same(item + sl + 1, n - sl - 1, c);
}

int selection_has_case(const char *sel, const struct suite *s, unsigned i)
{
	int explicit_only = s->cases[i].on_request;

	if (!sel[0])
		return !s->on_request && !explicit_only;
	for (const char *p = sel; *p;) {
		size_t n;
		const char *item = next_item(&p, &n);
		int named = n ? item_names(item, n, s, s->cases[i].name) : 0;
		/* An on-request case is chosen by its own name, not by its suite's. */
		if (named == 1 || (named == 2 && !explicit_only))
			return 1;
	}
	return 0;
}

unsigned selection_count(const char *sel, const struct suite *s)
{
	unsigned n = 0;

	for (unsigned i = 0; i < s->ncases; i++)
		n += selection_has_case(sel, s, i) != 0;
	return n;
}

static const struct suite *suite_named(struct registry reg, const char *name, size_t n)
{
	for (const struct suite *const *s = reg.begin; s < reg.end; s++)
		if (same(name, n, (*s)->name))
			return *s;
	return NULL;
}

static int has_case(const struct suite *s, const char *name, size_t n)
{
	for (unsigned i = 0; i < s->ncases; i++)
		if (same(name, n, s->cases[i].name))
			return 1;
	return 0;
}

void selection_say_cases(unsigned depth, const char *prefix, const char *sel, const struct suite *s,
			 int want)
{
	char line[NAMES_LINE + 64];
	size_t len = 0;

	line[0] = 0;
	for (unsigned i = 0; i < s->ncases; i++) {
		if (want >= 0 && !selection_has_case(sel, s, i) != !want)
			continue;
		const char *name = s->cases[i].name;
		if (len && len + strlen(name) + 2 > NAMES_LINE) {
			ktap_diag(depth, "%s%s", prefix, line);
			len = 0;
		}
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%.*s", len ? ", " : "",
					NAMES_LINE, name);
	}
	if (len)
		ktap_diag(depth, "%s%s", prefix, line);
}

/* Items naming no suite: each said, then every suite there is. */
static unsigned unknown_suites(const char *sel, struct registry reg, int say)
{
	unsigned unknown = 0;

	for (const char *p = sel; *p;) {
		size_t n, sn;
		const char *item = next_item(&p, &n);
		sn = strcspn(item, ".,");
		if (n && !suite_named(reg, item, MIN(sn, n))) {
			unknown++;
			if (say && !sn)
				ktap_diag(0, "unknown suite: %.*s names no suite before the dot",
					  (int)n, item);
			else if (say)
				ktap_diag(0, "unknown suite: %.*s", (int)(MIN(sn, n)), item);
		}
	}
	if (!unknown || !say)
		return unknown;
	for (const struct suite *const *s = reg.begin; s < reg.end; s++)
		ktap_diag(0, "available: %s%s", (*s)->name,
			  (*s)->on_request ? " (on request only)" : "");
	return unknown;
}

/* Items SUITE.CASE of a known suite that names no case of it: each said, with the suite's cases. */
static unsigned unknown_cases(const char *sel, struct registry reg, int say)
{
	unsigned unknown = 0;
	char prefix[80];

	for (const char *p = sel; *p;) {
		size_t n;
		const char *item = next_item(&p, &n);
		size_t sn = strcspn(item, ".,");
		const struct suite *s = sn < n ? suite_named(reg, item, sn) : NULL;
		if (!s || has_case(s, item + sn + 1, n - sn - 1))
			continue;
		unknown++;
		if (!say)
			continue;
		if (n == sn + 1)
			ktap_diag(0, "unknown case: %.*s names no case after the dot", (int)n,
				  item);
		else
			ktap_diag(0, "unknown case: %.*s (suite %s has no case %.*s)", (int)n, item,
				  s->name, (int)(n - sn - 1), item + sn + 1);
		snprintf(prefix, sizeof(prefix), "available in %s%s: ", s->name,
			 s->on_request ? " (on request only)" : "");
		selection_say_cases(0, prefix, sel, s, -1);
	}
	return unknown;
}

unsigned selection_unknown(const char *sel, struct registry reg, int say)
{
	unsigned suites = unknown_suites(sel, reg, 0), cases = unknown_cases(sel, reg, 0);

	if (!say)
		return suites + cases;
	if (suites) {
		finding_line(0, "selection_suites_known", NULL, NULL,
			     "suites=%s names %u suite(s) this image does not have", sel, suites);
		unknown_suites(sel, reg, 1);
	}
	if (cases) {
		finding_line(0, "selection_cases_known", NULL, NULL,
			     "suites=%s names %u case(s) this image does not have", sel, cases);
		unknown_cases(sel, reg, 1);
	}
	return suites + cases;
}
