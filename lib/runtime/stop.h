/* SPDX-License-Identifier: MIT */
/* Ending the run: the one power-off sequence (stop.c). */
#ifndef RUNTIME_STOP_H
#define RUNTIME_STOP_H

#include "drivers/psci.h"

/* The PSCI conduit the DT named, for SYSTEM_OFF; PSCI_NONE until set. */
void stop_set_conduit(enum psci_conduit conduit);
/* Exit with a guest exit code (runtime/protocol.h) through semihosting, then
 * PSCI SYSTEM_OFF, then wait forever: QEMU ends at the first, Xen pauses the
 * domain at the second, and the runner ends a run on the report's last line. */
void harness_stop(int guest_exit) __attribute__((noreturn));

#endif
