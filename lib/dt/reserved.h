/* SPDX-License-Identifier: MIT */
/* Reserved memory of the platform model (reserved.c). */
#ifndef DT_RESERVED_H
#define DT_RESERVED_H

#include "dt/platform.h"

/* The reservation block and /reserved-memory; after the banks are known. */
void dt_parse_reserved(struct platform *p);

#endif
