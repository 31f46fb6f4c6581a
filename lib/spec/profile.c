// SPDX-License-Identifier: MIT
#include "spec/profile.h"

#include "dt/strlist.h"

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
	return strlist_has(list, ' ', compat);
}
