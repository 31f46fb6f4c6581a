// SPDX-License-Identifier: MIT
#include "spec/cpu_ids.h"

#include "util/util.h"
#include <string.h>

/* Arm's cores (implementer 0x41), MIDR_EL1.PartNum in each TRM's MIDR_EL1 description. */
static const struct cpu_identity ids[] = {
	{ "arm,cortex-a35", 0x41, 0xd04, 0 },
	{ "arm,cortex-a53", 0x41, 0xd03, 0 },
	{ "arm,cortex-a55", 0x41, 0xd05, 0 },
	{ "arm,cortex-a57", 0x41, 0xd07, 0 },
	{ "arm,cortex-a65", 0x41, 0xd06, 0 },
	{ "arm,cortex-a72", 0x41, 0xd08, 0 },
	{ "arm,cortex-a73", 0x41, 0xd09, 0 },
	{ "arm,cortex-a75", 0x41, 0xd0a, 0 },
	{ "arm,cortex-a76", 0x41, 0xd0b, 0 },
	{ "arm,neoverse-n1", 0x41, 0xd0c, 0 },
	{ "arm,cortex-a77", 0x41, 0xd0d, 0 },
	{ "arm,neoverse-v1", 0x41, 0xd40, 0 },
	{ "arm,cortex-a78", 0x41, 0xd41, 0 },
	{ "arm,cortex-x1", 0x41, 0xd44, 0 },
	{ "arm,cortex-a510", 0x41, 0xd46, 0 },
	{ "arm,cortex-a710", 0x41, 0xd47, 0 },
	{ "arm,neoverse-n2", 0x41, 0xd49, 0 },
	/* Fujitsu (implementer 0x46): A64FX, MIDR 0x461f0010 (QEMU's target/arm/cpu64.c,
	 * which writes "arm,a64fx" as its CPU nodes' compatible). */
	{ "arm,a64fx", 0x46, 0x001, 0 },
	/* ARMv7-A cores (MIDR in each TRM), for a 32-bit guest. */
	{ "arm,cortex-a7", 0x41, 0xc07, 1 },
	{ "arm,cortex-a9", 0x41, 0xc09, 1 },
	{ "arm,cortex-a15", 0x41, 0xc0f, 1 },
};

const struct cpu_identity *cpu_identity_of(const char *compat)
{
	for (unsigned i = 0; compat && i < ARRAY_SIZE(ids); i++)
		if (!strcmp(ids[i].compat, compat))
			return &ids[i];
	return NULL;
}

const char *cpu_compat_of_midr(uint64_t midr)
{
	unsigned implementer = MIDR_IMPLEMENTER(midr), part = MIDR_PARTNUM(midr);

	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++)
		if (ids[i].implementer == implementer && ids[i].part == part)
			return ids[i].compat;
	return NULL;
}
