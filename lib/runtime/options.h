/* The run's options, read once from /chosen/bootargs (options.c). */
#ifndef RUNTIME_OPTIONS_H
#define RUNTIME_OPTIONS_H

#include <stdint.h>

struct options {
	char bootargs[256];	   /* as the DT gave them */
	char suites[128];	   /* suites=: a comma list; empty: the default set */
	unsigned watchdog_seconds; /* watchdog=: per case */
	int profile_forced;	   /* profile= was given ... */
	char profile[32];	   /* ... naming this profile */
	int vm_mem_known;	   /* vm_mem= (the runner's): the RAM the VM was given */
	uint64_t vm_mem;
	int expect_el_given; /* expect_el= (the runner's) ... */
	char expect_el[8];   /* ... the entry EL it asked for */
};

void options_parse(struct options *o, const char *bootargs);

#endif
