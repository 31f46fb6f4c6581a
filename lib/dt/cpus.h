/* SPDX-License-Identifier: MIT */
/* The CPUs and PSCI of the platform model (cpus.c). */
#ifndef DT_CPUS_H
#define DT_CPUS_H

#include "dt/platform.h"

void dt_parse_cpus(struct platform *p);
void dt_parse_psci(struct platform *p);

#endif
