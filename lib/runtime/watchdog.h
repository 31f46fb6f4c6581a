/* Watchdog on the generic timer's virtual timer: ends a case that hangs. */
#ifndef WATCHDOG_H
#define WATCHDOG_H

#include "runtime/harness.h"

/* Returns 0 when armed cases can be interrupted; else a reason. */
const char *watchdog_init(struct harness *h);
void watchdog_arm(unsigned seconds);
void watchdog_disarm(void);

#endif
