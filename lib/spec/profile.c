#include "spec/profile.h"

#include <stdio.h>
#include <string.h>

#include "runtime/bootargs.h"
#include "runtime/harness.h"

static const struct profile *const profiles[] = {&profile_xen_4_17, &profile_qemu_virt_7_2};

int profile_region_applies(const struct profile_region *r, int gic_version)
{
	return r->gic == 0 || (int)r->gic == gic_version;
}

const char *region_kind_name(enum region_kind k)
{
	switch (k) {
	case REGION_RAM: return "ram";
	case REGION_MMIO: return "mmio";
	case REGION_RESERVED: return "reserved";
	case REGION_ABSENT: return "absent";
	}
	return "?";
}

int profile_compat_listed(const char *list, const char *compat)
{
	size_t n = strlen(compat);

	for (const char *s = list; s && *s;) {
		size_t len = strcspn(s, " ");
		if (len == n && !strncmp(s, compat, n))
			return 1;
		s += len;
		s += *s == ' ';
	}
	return 0;
}

const struct profile *profile_select(const struct harness *h, const char **why)
{
	static char reason[200];
	const struct platform *p = &h->plat;
	char forced[32];

	*why = NULL;
	if (bootarg_get(h->bootargs, "profile", forced, sizeof(forced))) {
		for (unsigned i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
			if (!strcmp(profiles[i]->name, forced))
				return profiles[i];
		snprintf(reason, sizeof(reason), "bootargs profile=%s names no known profile", forced);
		*why = reason;
		return NULL;
	}
	for (unsigned i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
		const struct profile *pr = profiles[i];
		if (pr->hyp_compat && p->hypervisor && dt_compat_has(p->hypervisor, pr->hyp_compat))
			return pr;
		if (pr->root_compat && !p->hypervisor && !strcmp(p->root_compat, pr->root_compat))
			return pr;
	}
	snprintf(reason, sizeof(reason),
		 "no documented memory map for this platform (hypervisor %s, root compatible \"%s\"); "
		 "force one with profile=NAME",
		 p->hypervisor ? p->hypervisor->compat : "none", p->root_compat);
	*why = reason;
	return NULL;
}
