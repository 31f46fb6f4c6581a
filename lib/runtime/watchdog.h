/* SPDX-License-Identifier: MIT */
/* Watchdog on the generic timer's virtual timer: ends a case that hangs. */
#ifndef RUNTIME_WATCHDOG_H
#define RUNTIME_WATCHDOG_H

#include "dt/platform.h"

/* Returns NULL when armed cases can be interrupted; else why not (also kept). */
const char *watchdog_init(const struct platform *p);
/* Did watchdog_init succeed? */
int watchdog_usable(void);
/* Why the watchdog is unusable, or NULL. */
const char *watchdog_unusable_reason(void);
void watchdog_arm(unsigned seconds);
void watchdog_disarm(void);
/* A started CPU: its own virtual timer's PPI enabled (a watchdog per CPU). */
void watchdog_cpu_init(void);
/* The INTID the watchdog owns (the DT's virtual timer PPI) once proved; else 0. */
uint32_t watchdog_intid(void);

#endif
