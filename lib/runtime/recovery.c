#include "runtime/recovery.h"

#include <stddef.h>

#include "runtime/harness.h"
#include "runtime/ktap.h"
#include "drivers/psci.h"
#include "drivers/semihosting.h"

static jmp_buf *armed;

void recovery_arm(jmp_buf *jb)
{
	armed = jb;
}

void recovery_disarm(void)
{
	armed = NULL;
}

void recovery_escape(enum recovery_cause cause)
{
	jmp_buf *jb = armed;

	if (!jb) {
		ktap_diag(0, "fatal: unexpected event outside any test case; stopping");
		harness_fatal();
	}
	armed = NULL;
	longjmp(*jb, (int)cause);
}

void harness_fatal(void)
{
	semihosting_exit(GUEST_EXIT_FATAL);
	psci_system_off(harness.plat.psci);
	for (;;)
		__asm__ volatile("wfi");
}
