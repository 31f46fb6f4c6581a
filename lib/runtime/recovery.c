// SPDX-License-Identifier: MIT
#include "runtime/recovery.h"

#include <stddef.h>

#include "boot/cpu.h"
#include "runtime/ktap.h"
#include "runtime/percpu.h"
#include "runtime/protocol.h"
#include "runtime/stop.h"

/* Each CPU has its own recovery point (runtime/percpu.h). */
void recovery_arm(jmp_buf *jb)
{
	this_cpu()->recovery = jb;
}

void recovery_disarm(void)
{
	this_cpu()->recovery = NULL;
}

jmp_buf *recovery_armed(void)
{
	return this_cpu()->recovery;
}

void recovery_escape(enum recovery_cause cause)
{
	jmp_buf *jb = this_cpu()->recovery;

	if (!jb) {
		if (!on_boot_cpu()) { /* a started CPU with nothing to return to: park it */
			ktap_diag(0, "cpu 0x%llx: unexpected event outside its checks; parked",
				  (unsigned long long)this_cpu()->mpidr);
			cpu_irq_mask();
			for (;;)
				cpu_halt();
		}
		ktap_diag(0, "fatal: unexpected event outside any test case; stopping");
		harness_stop(GUEST_EXIT_FATAL);
	}
	this_cpu()->recovery = NULL;
	longjmp(*jb, (int)cause);
}
