/* SPDX-License-Identifier: MIT */
/* /aliases of the platform model (aliases.c). */
#ifndef DT_ALIASES_H
#define DT_ALIASES_H

#include "dt/platform.h"

/*
 * Each alias is a path that resolves (Devicetree Specification v0.4 3.3),
 * and a serialN alias names a UART the model knows (pl011, sbsa-uart): an OS
 * numbers its consoles by them. After the devices are known.
 */
void dt_check_aliases(struct platform *p);

#endif
