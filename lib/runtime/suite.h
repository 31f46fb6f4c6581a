/*
 * The suite runner: what a case is given (struct test_ctx) and the run of
 * the selected suites. How a suite is defined and registered is
 * runtime/registry.h; what a case may say is runtime/check.h.
 */
#ifndef RUNTIME_SUITE_H
#define RUNTIME_SUITE_H

#include <stdint.h>

#include "dt/platform.h"
#include "runtime/options.h"
#include "runtime/registry.h"

/* What the start-up established, for the suites to read. */
struct startup {
	uintptr_t image_base, image_end;
	unsigned entry_el;
	unsigned pa_bits;	 /* ID_AA64MMFR0_EL1.PARange */
	unsigned mapped_pa_bits; /* what the identity map covers */
	int dtb_from_override;	 /* the runner's --dtb, via the Image header */
};

struct test_ctx {
	const struct platform *plat; /* the DT model */
	const struct startup *boot;
	const struct options *opt;
	void *state; /* what the suite's init built for its cases */
	unsigned checks;
	unsigned failures;
	const char *skip_reason;
};

/*
 * Run what suites= selects (runtime/selection.h), or with the bootarg list
 * only list the suites and cases (runtime/listing.h); nonzero if a case failed.
 */
int suites_run(const struct platform *plat, const struct startup *boot, const struct options *opt);

#endif
