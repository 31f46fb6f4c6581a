#include "runtime/options.h"

#include <stdio.h>

#include "runtime/bootargs.h"

#define DEFAULT_WATCHDOG_SECONDS 20

void options_parse(struct options *o, const char *bootargs)
{
	char buf[32];
	uint64_t v;

	*o = (struct options){ .watchdog_seconds = DEFAULT_WATCHDOG_SECONDS };
	snprintf(o->bootargs, sizeof(o->bootargs), "%s", bootargs);
	bootarg_get(o->bootargs, "suites", o->suites, sizeof(o->suites));
	if (bootarg_get(o->bootargs, "watchdog", buf, sizeof(buf)) && !parse_size(buf, &v) &&
	    v > 0 && v < 3600)
		o->watchdog_seconds = (unsigned)v;
	o->profile_forced = bootarg_get(o->bootargs, "profile", o->profile, sizeof(o->profile));
	o->vm_mem_known = bootarg_get(o->bootargs, "vm_mem", buf, sizeof(buf)) &&
			  !parse_size(buf, &o->vm_mem);
	o->expect_el_given =
		bootarg_get(o->bootargs, "expect_el", o->expect_el, sizeof(o->expect_el));
}
