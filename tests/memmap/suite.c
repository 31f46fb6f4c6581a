// SPDX-License-Identifier: MIT
/*
 * memmap suite: the guest memory map as documented, as described and as
 * found. Documents checked: Xen 4.17 public/arch-arm.h GUEST_* (the domU
 * memory map and interrupts; profile generated from the header) and QEMU
 * 7.2 hw/arm/virt.c base_memmap/extended_memmap/a15irqmap (profile
 * transcribed by hand); the Devicetree Specification v0.4 for reg, ranges
 * and memory nodes. The profile is picked from the DT (/hypervisor
 * xen,xen-4.17; root linux,dummy-virt) or forced with bootargs profile=NAME.
 * The last case prints the map ("memmap-*" records) for the runner.
 * Files: state.c (the state), describe.c (DT vs documentation), probe.c,
 * ram.c and sweep.c (what answers), map.c (the map).
 */
#include "tests/memmap/memmap.h"

#include <string.h>

#include "runtime/arena.h"

static const char *skip_if(const struct test_ctx *t)
{
	return t->plat->fdt_valid ? NULL : "device tree unusable";
}

static const char *init(struct test_ctx *t)
{
	static struct memmap *mm;

	if (!mm && !(mm = arena_alloc(sizeof(*mm), _Alignof(struct memmap))))
		return arena_refusal("the memmap suite's state", sizeof(*mm));
	memset(mm, 0, sizeof(*mm));
	t->state = mm;
	return memmap_build(mm, t);
}

static const struct test_case cases[] = {
	CASE(profile),	     CASE(dt_regions), CASE(dt_interrupts), CASE(dt_memory),
	CASE(dt_properties), CASE(probe_mmio), CASE(probe_ram),	    CASE(probe_undescribed),
	CASE(sweep),	     CASE(map),
};

SUITE(40, memmap, cases, .skip_if = skip_if, .init = init);
