/*
 * Recovery from the unexpected: a case runs with a recovery point armed; an
 * unexpected exception or the watchdog reports what happened and jumps back
 * to it, so the run goes on with the next case.
 */
#ifndef RECOVERY_H
#define RECOVERY_H

#include <setjmp.h>

enum recovery_cause { RECOVERED_NONE, RECOVERED_EXCEPTION, RECOVERED_WATCHDOG };

void recovery_arm(jmp_buf *jb);
void recovery_disarm(void);
/* Jump to the armed point (never returns) or, if none, power off. */
void recovery_escape(enum recovery_cause cause) __attribute__((noreturn));
/* Platform power-off after a fatal error outside any case. */
void harness_fatal(void) __attribute__((noreturn));

#endif
