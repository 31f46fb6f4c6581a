/* memmap suite, the map: every region, sweep run and finding as "memmap-*" lines for the runner. */
#include <stdio.h>
#include <string.h>

#include "tests/memmap/memmap.h"

void map(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	note(t, "memmap-profile: name=%s gic=%d pa_bits=%u mapped_pa_bits=%u", mm->prof->name,
	     t->plat->gic_version, t->boot->pa_bits, t->boot->mapped_pa_bits);
	note(t, "memmap-document: %s", mm->prof->document);
	for (int i = 0; i < mm->nregions; i++) {
		const struct mm_region *r = &mm->regions[i];
		char dt[48] = "-";
		if (r->described)
			snprintf(dt, sizeof(dt), "0x%llx+0x%llx", (unsigned long long)r->dt.base,
				 (unsigned long long)r->dt.size);
		note(t,
		     "memmap-region: name=%s kind=%s doc=0x%llx+0x%llx dt=%s probe=%s findings=%d",
		     r->doc->name, region_kind_name(r->doc->kind), (unsigned long long)r->doc->base,
		     (unsigned long long)r->doc->size, dt, r->probe, r->findings);
	}
	mm_print_sweep(t);
	for (int i = 0; i < mm->nfindings; i++)
		note(t, "memmap-finding: region=%s %s",
		     mm->findings[i].region >= 0 ? mm->regions[mm->findings[i].region].doc->name
						 : "-",
		     mm->findings[i].text);
	if (mm->findings_dropped)
		note(t, "memmap-finding: region=- %d further findings not kept",
		     mm->findings_dropped);
	note(t, "memmap-findings: %d", mm->nfindings + mm->findings_dropped);
	/* The findings failed the cases that made them; here: is the map complete?
	 * (Where faults cannot be told from answers, the undescribed were not probed.) */
	const char *cannot = unassigned_reads_zero(t);
	for (int i = 0; i < mm->nregions; i++)
		if (mm->regions[i].doc->base < mm->limit && !cannot)
			check(t, strcmp(mm->regions[i].probe, "not-probed") != 0,
			      "documented region %s was never probed", mm->regions[i].doc->name);
	if (cannot)
		skip(t, cannot); /* the map is printed; whether it is complete cannot be told */
}
