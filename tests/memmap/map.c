// SPDX-License-Identifier: MIT
/* memmap suite, the map: every region and sweep run as "memmap-*" records for the runner. */
#include <stdio.h>
#include <string.h>

#include "runtime/record.h"
#include "tests/memmap/memmap.h"

void case_map(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	struct record r;

	mm_say_profile(t); /* when the profile case did not run (suites=memmap.map) */
	for (int i = 0; i < mm->nregions; i++) {
		const struct mm_region *g = &mm->regions[i];
		record_start(&r, 2, RECORD_MEMMAP_REGION);
		record_field(&r, "name", "%s", g->doc->name);
		record_field(&r, "kind", "%s", region_kind_name(g->doc->kind));
		record_field(&r, "doc", "0x%llx+0x%llx", (unsigned long long)g->doc->base,
			     (unsigned long long)g->doc->size);
		if (g->described)
			record_field(&r, "dt", "0x%llx+0x%llx", (unsigned long long)g->dt.base,
				     (unsigned long long)g->dt.size);
		else
			record_field(&r, "dt", "-");
		record_field(&r, "probe", "%s", g->probe);
		record_field(&r, "findings", "%d", g->findings);
		record_emit(&r);
	}
	mm_print_sweep(t);
	/* The findings are the cases' FAIL records, each with its region in its subject. */
	record_start(&r, 2, RECORD_MEMMAP_FINDINGS);
	record_field(&r, "count", "%d", mm->nfindings);
	record_emit(&r);
	/* The findings failed the cases that made them; here: is the map complete?
	 * (Where faults cannot be told from answers, the undescribed were not probed.) */
	const char *cannot = unassigned_reads_zero(t);
	for (int i = 0; i < mm->nregions; i++) {
		if (mm->regions[i].doc->base >= mm->limit || cannot)
			continue;
		subject_push(t, "region", "%s", mm->regions[i].doc->name);
		check(t, strcmp(mm->regions[i].probe, "not-probed") != 0, "region_probed",
		      "documented region %s was never probed", mm->regions[i].doc->name);
		subject_pop(t);
	}
	if (cannot)
		skip(t, cannot); /* the map is printed; whether it is complete cannot be told */
}
