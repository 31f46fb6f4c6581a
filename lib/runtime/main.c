// SPDX-License-Identifier: MIT
/*
 * harness_main: from the loader's DTB to the KTAP verdict. Maps memory,
 * parses the device tree into the platform model, finds a console, arms the
 * watchdog, runs the selected suites and ends the run (runtime/stop.h).
 */
#include <string.h>

#include "boot/cpu.h"
#include "boot/image.h"
#include "boot/mmu.h"
#include "drivers/semihosting.h"
#include "runtime/console.h"
#include "runtime/irq.h"
#include "runtime/ktap.h"
#include "runtime/memory.h"
#include "runtime/options.h"
#include "runtime/percpu.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "runtime/stop.h"
#include "runtime/suite.h"
#include "runtime/unexpected.h"
#include "runtime/watchdog.h"
#include "runtime/window.h"

static struct platform plat;
static struct startup boot;
static struct options opt;

void harness_main(const void *dtb, unsigned entry_el)
{
	const char *why;

	/* EL3 is firmware's level, not a guest's: nothing here may run there. */
	if (entry_el > 2) {
		semihosting_detect();
		harness_stop(GUEST_EXIT_FATAL);
	}
	boot.entry_el = entry_el;
	boot.image_base = image_base();
	boot.image_end = image_end();
	boot.pa_bits = mmu_pa_bits();
	if (image_dtb_override()) {
		dtb = (const void *)image_dtb_override();
		boot.dtb_from_override = 1;
	}
	percpu_boot_init(-1);
	unexpected_install();
	uint32_t dtb_size = dtb_extent(dtb, &why);
	/* Bootstrap: image and DTB Normal, so that libc may run. */
	boot.mapped_pa_bits =
		memory_map(boot.image_base, boot.image_end, dtb, dtb_size, NULL, NULL);
	boot.boot_tables = mmu_tables_used();
	int semihosting = semihosting_detect();
	if (why)
		platform_unusable(&plat, why);
	else {
		platform_guest_aarch32 = !strcmp(image_isa(), "arm");
		platform_parse(&plat, dtb, dtb_size);
	}
	this_cpu()->index = dt_cpu_index(&plat, cpu_mpidr());
	stop_set_conduit(plat.psci); /* from here a fatal stop can power off */
	/* PA above the identity map is reached through windows in VA the DT leaves free. */
	if (plat.nbanks)
		window_plan(&plat, boot.image_base, boot.image_end, boot.mapped_pa_bits,
			    boot.pa_bits);
	/* Without a free page of RAM the first map stays: RAM Device (the boot suite says so). */
	unsigned bits = plat.nbanks ? memory_map_runtime(boot.image_base, boot.image_end, dtb,
							 dtb_size, &plat, boot.mapped_pa_bits)
				    : 0;
	if (bits) {
		boot.mapped_pa_bits = bits;
		boot.map_tables = mmu_tables_used();
	}
	smp_reserve();
	options_parse(&opt, plat.bootargs, plat.bootargs_len);

	ktap_sink = console_write;
	if (console_setup(&plat, semihosting) == CONSOLE_NONE)
		harness_stop(GUEST_EXIT_NO_CONSOLE);
	irq_setup(&plat);
	watchdog_init(&plat);
	int failed = suites_run(&plat, &boot, &opt);
	/* Reported through semihosting: the DT offered no console; say so in the code too. */
	if (console_kind() == CONSOLE_SEMIHOSTING)
		harness_stop(GUEST_EXIT_NO_CONSOLE);
	harness_stop(failed ? GUEST_EXIT_FAIL : GUEST_EXIT_PASS);
}
