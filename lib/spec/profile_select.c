// SPDX-License-Identifier: MIT
#include "spec/profile_select.h"

#include "util/util.h"
#include <stdio.h>
#include <string.h>

extern const struct profile profile_xen_4_17, profile_qemu_virt_7_2;

static const struct profile *const profiles[] = { &profile_xen_4_17, &profile_qemu_virt_7_2 };

const struct profile *profile_by_name(const char *name, const char **known)
{
	static char names[80];

	names[0] = 0;
	for (unsigned i = 0; i < ARRAY_SIZE(profiles); i++)
		snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
			 i ? ", " : "", profiles[i]->name);
	*known = names;
	for (unsigned i = 0; i < ARRAY_SIZE(profiles); i++)
		if (!strcmp(profiles[i]->name, name))
			return profiles[i];
	return NULL;
}

const struct profile *profile_select(const struct platform *p, const char *forced, const char **why)
{
	static char reason[200];

	*why = NULL;
	if (forced) {
		for (unsigned i = 0; i < ARRAY_SIZE(profiles); i++)
			if (!strcmp(profiles[i]->name, forced))
				return profiles[i];
		snprintf(reason, sizeof(reason), "bootargs profile=%s names no known profile",
			 forced);
		*why = reason;
		return NULL;
	}
	for (unsigned i = 0; i < ARRAY_SIZE(profiles); i++) {
		const struct profile *pr = profiles[i];
		if (pr->hyp_compat && p->hypervisor && dt_compat_has(p->hypervisor, pr->hyp_compat))
			return pr;
		if (pr->root_compat && !p->hypervisor && !strcmp(p->root_compat, pr->root_compat))
			return pr;
	}
	snprintf(reason, sizeof(reason),
		 "no documented memory map for this platform (hypervisor %s, root compatible "
		 "\"%s\"); "
		 "force one with profile=NAME",
		 p->hypervisor ? p->hypervisor->compat : "none", p->root_compat);
	*why = reason;
	return NULL;
}
