/* SPDX-License-Identifier: MIT */
/* Binding checks of the nodes the platform model uses (bindings.c). */
#ifndef DT_BINDINGS_H
#define DT_BINDINGS_H

#include "dt/platform.h"

void platform_check_bindings(struct platform *p);

#endif
