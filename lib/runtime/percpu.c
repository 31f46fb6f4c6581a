// SPDX-License-Identifier: MIT
#include "runtime/percpu.h"

#include <string.h>

#include "boot/cpu.h"

static struct cpu_local boot_cpu;

void percpu_init(struct cpu_local *c, int dt_index)
{
	memset(c, 0, sizeof(*c));
	c->index = dt_index;
	c->mpidr = cpu_mpidr();
	cpu_set_local(c);
}

void percpu_boot_init(int dt_index)
{
	percpu_init(&boot_cpu, dt_index);
}

struct cpu_local *this_cpu(void)
{
	struct cpu_local *c = cpu_local();

	return c ? c : &boot_cpu; /* before percpu_boot_init: only the boot CPU runs */
}

int on_boot_cpu(void)
{
	return this_cpu() == &boot_cpu;
}
