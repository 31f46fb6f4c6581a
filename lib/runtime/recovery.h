/* SPDX-License-Identifier: MIT */
/*
 * Recovery from the unexpected: a case runs with a recovery point armed; an
 * unexpected exception or the watchdog reports what happened and jumps back
 * to it, so the run goes on with the next case.
 */
#ifndef RUNTIME_RECOVERY_H
#define RUNTIME_RECOVERY_H

#include <setjmp.h>

enum recovery_cause { RECOVERED_NONE, RECOVERED_EXCEPTION, RECOVERED_WATCHDOG };

void recovery_arm(jmp_buf *jb);
void recovery_disarm(void);
/* This CPU's armed point (to restore after arming a nested one), or NULL. */
jmp_buf *recovery_armed(void);
/* Jump to the armed point (never returns) or, if none, stop the run. */
void recovery_escape(enum recovery_cause cause) __attribute__((noreturn));

#endif
