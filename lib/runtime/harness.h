/* State the harness holds for the whole run. */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdint.h>

#include "dt/platform.h"
#include "runtime/protocol.h"

enum console_kind { CONSOLE_NONE, CONSOLE_UART, CONSOLE_XEN, CONSOLE_SEMIHOSTING };

struct harness {
	struct platform plat;
	const void *dtb;
	int dtb_from_override;    /* the runner's --dtb, via the Image header */
	unsigned entry_el;
	uintptr_t image_base;
	uintptr_t image_end;
	unsigned pa_bits;
	unsigned mapped_pa_bits;  /* what the identity map covers */
	int semihosting;
	enum console_kind console;
	char bootargs[256];
	int watchdog_ok;
	const char *watchdog_why; /* when not ok */
	unsigned watchdog_seconds;
};

extern struct harness harness;


#endif
