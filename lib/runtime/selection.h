/* SPDX-License-Identifier: MIT */
/*
 * What suites= selects: a comma list of items, each a suite ("gic": every
 * case of it) or one case of a suite ("gic.sgi_self"), mixed at will. Empty
 * (no suites=): the default set, every case of every suite but the
 * on-request ones. Cases run in their suite's order, whatever the order of
 * the items; an item named twice, or a case of a suite also named whole,
 * selects it once.
 */
#ifndef RUNTIME_SELECTION_H
#define RUNTIME_SELECTION_H

#include "runtime/registry.h"

/* Does sel select case i of s? */
int selection_has_case(const char *sel, const struct suite *s, unsigned i);
/* How many of s's cases sel selects; 0: the suite does not run. */
unsigned selection_count(const char *sel, const struct suite *s);
/*
 * The items of sel that name no suite of reg, or no case of their suite
 * (SUITE.CASE): their number. With say, each is reported in FAIL lines at
 * the top level, with what is available in its place.
 */
unsigned selection_unknown(const char *sel, struct registry reg, int say);
/*
 * "PREFIX a, b, c" at depth, in lines short enough to stay whole: the names
 * of s's cases that sel selects (want 1), leaves out (want 0), or all (-1).
 */
void selection_say_cases(unsigned depth, const char *prefix, const char *sel, const struct suite *s,
			 int want);

#endif
