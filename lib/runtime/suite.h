/* SPDX-License-Identifier: MIT */
/*
 * The suite runner: the run of the selected suites. What a case is given is
 * runtime/case.h; how a suite is defined and registered is
 * runtime/registry.h; what a case may say is runtime/check.h.
 */
#ifndef RUNTIME_SUITE_H
#define RUNTIME_SUITE_H

#include "runtime/case.h"
#include "runtime/registry.h"

/*
 * Run what suites= selects (runtime/selection.h), or with the bootarg list
 * only list the suites and cases (runtime/listing.h); nonzero if a case failed.
 */
int suites_run(const struct platform *plat, const struct startup *boot, const struct options *opt);

#endif
