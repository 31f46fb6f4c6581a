// SPDX-License-Identifier: MIT
/* How a probe's outcome is written out (boot/probe.h): one formatter for every architecture. */
#include <stdio.h>

#include "boot/esr.h"
#include "boot/probe.h"

void probe_format(const struct probe_outcome *o, enum probe_style style, char *buf, size_t len)
{
	struct esr_info d;

	if (!o->faulted) {
		snprintf(buf, len, "%s0x%llx", style == PROBE_VALUE ? "" : "read ",
			 (unsigned long long)o->value);
		return;
	}
	switch (style) {
	case PROBE_VALUE:
		snprintf(buf, len, "abort ESR 0x%llx", (unsigned long long)o->esr);
		return;
	case PROBE_BRIEF:
		esr_decode(o->esr, &d);
		snprintf(buf, len, "abort ESR 0x%08llx (%s)", (unsigned long long)o->esr,
			 d.is_abort ? esr_fault_text(&d) : esr_class_name(d.ec));
		return;
	case PROBE_DECODED: {
		int n = snprintf(buf, len, "abort, ");
		if (n > 0 && (size_t)n < len)
			esr_format(o->esr, buf + n, len - n);
		return;
	}
	}
}
