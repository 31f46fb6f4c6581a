// SPDX-License-Identifier: MIT
#include "runtime/unexpected.h"

#include "boot/esr.h"
#include "boot/exception.h"
#include "boot/image.h"
#include "runtime/ktap.h"
#include "runtime/record.h"
#include "runtime/recovery.h"

static void report(const struct exception_frame *f, unsigned vector)
{
	char esr[160];

	esr_format(f->esr, esr, sizeof(esr));
	struct record r;

	record_start(&r, 2, RECORD_UNEXPECTED);
	record_field(&r, "kind", "%s", exception_kind_name(vector));
	record_field(&r, "from", "%s", exception_source_name(vector));
	record_field(&r, "esr", "0x%llx", (unsigned long long)f->esr);
	record_text(&r, "unexpected %s exception from %s", exception_kind_name(vector),
		    exception_source_name(vector));
	record_emit(&r);
	ktap_diag(2, "%s", esr);
	ktap_diag(2, "FAR 0x%016llx ELR 0x%016llx (image+0x%llx) SPSR 0x%08llx",
		  (unsigned long long)f->far, (unsigned long long)f->elr,
		  (unsigned long long)(f->elr - image_base()), (unsigned long long)f->spsr);
	recovery_escape(RECOVERED_EXCEPTION);
}

void unexpected_install(void)
{
	exception_set_unexpected_handler(report);
}
