#include "runtime/recovery.h"

#include <stddef.h>

#include "runtime/ktap.h"
#include "runtime/protocol.h"
#include "runtime/stop.h"

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
		harness_stop(GUEST_EXIT_FATAL);
	}
	armed = NULL;
	longjmp(*jb, (int)cause);
}
