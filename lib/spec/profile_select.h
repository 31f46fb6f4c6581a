/* SPDX-License-Identifier: MIT */
/* Which documented platform this is: the profiles the harness knows, and the choice. */
#ifndef SPEC_PROFILE_SELECT_H
#define SPEC_PROFILE_SELECT_H

#include "dt/platform.h"
#include "spec/profile.h"

/*
 * The profile named forced (bootargs profile=NAME) or, when forced is NULL,
 * the one the DT names (/hypervisor xen,xen-X.Y; the root compatible).
 * NULL, with *why, when none applies.
 */
const struct profile *profile_select(const struct platform *p, const char *forced,
				     const char **why);
/* The profile of that name, or NULL; names the known ones in *known. */
const struct profile *profile_by_name(const char *name, const char **known);

#endif
