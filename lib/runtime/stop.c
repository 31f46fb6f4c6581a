// SPDX-License-Identifier: MIT
#include "runtime/stop.h"

#include "boot/cpu.h"
#include "drivers/semihosting.h"

static enum psci_conduit conduit;

void stop_set_conduit(enum psci_conduit c)
{
	conduit = c;
}

void harness_stop(int guest_exit)
{
	semihosting_exit(guest_exit);
	psci_system_off(conduit);
	for (;;)
		cpu_halt();
}
