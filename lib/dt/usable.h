/* SPDX-License-Identifier: MIT */
/* The RAM a DT lets the OS use, of the platform model (usable.c). */
#ifndef DT_USABLE_H
#define DT_USABLE_H

#include "dt/platform.h"

/*
 * /chosen's linux,usable-memory-range and each memory node's
 * linux,usable-memory (Linux's chosen and memory bindings) name RAM the OS
 * may use: each range must lie in a memory bank. After the banks are known.
 */
void dt_check_usable_memory(struct platform *p);

#endif
