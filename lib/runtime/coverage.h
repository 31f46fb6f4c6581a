/* SPDX-License-Identifier: MIT */
/*
 * The report's claim coverage (dt/claims.h), after the last suite: the
 * counts per kind and each claim left unchecked, with why.
 */
#ifndef RUNTIME_COVERAGE_H
#define RUNTIME_COVERAGE_H

#include "dt/platform.h"

/* all_suites: every suite the image runs by default ran (not a suites= subset). */
void coverage_report(const struct platform *p, int all_suites);

#endif
