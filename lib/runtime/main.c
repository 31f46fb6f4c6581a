/*
 * harness_main: from the loader's DTB to the KTAP verdict. Maps memory,
 * parses the device tree into the platform model, finds a console, runs the
 * selected suites and ends the run (semihosting exit code, then PSCI
 * SYSTEM_OFF).
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "runtime/bootargs.h"
#include "runtime/console.h"
#include "runtime/harness.h"
#include "runtime/ktap.h"
#include "boot/mmu.h"
#include "boot/probe.h"
#include "drivers/psci.h"
#include "runtime/recovery.h"
#include "drivers/semihosting.h"
#include "runtime/suite.h"
#include "runtime/watchdog.h"

#define DEFAULT_WATCHDOG_SECONDS 20

struct harness harness;

extern char _head[], _end[];
extern uint64_t image_dtb_override;

/*
 * Look at the DTB header through the probe: x0 may point anywhere. Returns
 * the bytes to map (0 when unusable, with *why set).
 */
static uint32_t dtb_extent(const void *dtb, const char **why)
{
	struct probe_outcome magic, size;

	*why = NULL;
	if (!dtb) {
		*why = "no device tree was passed (x0 = 0)";
		return 0;
	}
	if ((uintptr_t)dtb & 7) {
		*why = "device tree address is not 8-byte aligned";
		return 0;
	}
	if (probe_read((uintptr_t)dtb, 32, &magic) || probe_read((uintptr_t)dtb + 4, 32, &size)) {
		*why = "device tree address does not read (abort)";
		return 0;
	}
	uint32_t n = fdt32_to_cpu((fdt32_t)size.value);
	/* Map enough for libfdt to read the header and report what is wrong. */
	if (fdt32_to_cpu((fdt32_t)magic.value) != FDT_MAGIC || n < sizeof(struct fdt_header))
		return 4096;
	return n > (2u << 20) ? (2u << 20) : n;
}

/* A bank that overlaps a described device is left Device: a lying memory
 * node must not turn MMIO into cacheable memory (the dt suite reports it). */
static int bank_overlaps_device(const struct platform *p, const struct addr_range *b)
{
	for (int i = 0; i < p->ndevices; i++)
		for (int r = 0; r < p->devices[i].nreg; r++) {
			const struct addr_range *d = &p->devices[i].reg[r];
			if (ranges_overlap(d->base, d->size, b->base, b->size))
				return 1;
		}
	return 0;
}

static void map_memory(struct harness *h, uint32_t dtb_size)
{
	struct mmu_normal_range r[PLAT_MAX_BANKS + 2];
	int n = 0;

	r[n++] = (struct mmu_normal_range){h->image_base, h->image_end - h->image_base};
	if (dtb_size)
		r[n++] = (struct mmu_normal_range){(uintptr_t)h->dtb, dtb_size};
	for (int i = 0; i < h->plat.nbanks; i++)
		if (!bank_overlaps_device(&h->plat, &h->plat.banks[i]))
			r[n++] = (struct mmu_normal_range){h->plat.banks[i].base, h->plat.banks[i].size};
	h->mapped_pa_bits = mmu_switch(r, n);
}

static void init_watchdog(struct harness *h)
{
	static jmp_buf jb;
	char buf[16];

	h->watchdog_seconds = DEFAULT_WATCHDOG_SECONDS;
	if (bootarg_get(h->bootargs, "watchdog", buf, sizeof(buf))) {
		uint64_t s;
		if (!parse_size(buf, &s) && s > 0 && s < 3600)
			h->watchdog_seconds = (unsigned)s;
	}
	/* A lying DT can put the GIC anywhere: an abort here is reported, not fatal. */
	recovery_arm(&jb);
	if (setjmp(jb) == 0) {
		h->watchdog_why = watchdog_init(h);
		h->watchdog_ok = h->watchdog_why == NULL;
	} else {
		h->watchdog_why = "enabling the timer interrupt faulted";
	}
	recovery_disarm();
}

void harness_main(const void *dtb, unsigned entry_el)
{
	struct harness *h = &harness;
	char selection[128];

	h->entry_el = entry_el;
	h->image_base = (uintptr_t)_head;
	h->image_end = (uintptr_t)_end;
	h->pa_bits = mmu_pa_bits();
	if (image_dtb_override) {
		dtb = (const void *)(uintptr_t)image_dtb_override;
		h->dtb_from_override = 1;
	}
	h->dtb = dtb;

	const char *why;
	uint32_t dtb_size = dtb_extent(dtb, &why);
	map_memory(h, dtb_size); /* bootstrap: image and DTB Normal, so libc may run */
	h->semihosting = semihosting_detect();
	if (why)
		platform_unusable(&h->plat, why);
	else
		platform_parse(&h->plat, dtb, dtb_size);
	if (h->plat.nbanks)
		map_memory(h, dtb_size);
	snprintf(h->bootargs, sizeof(h->bootargs), "%s", h->plat.bootargs);

	ktap_sink = console_write;
	if (console_setup(h) == CONSOLE_NONE) {
		semihosting_exit(GUEST_EXIT_NO_CONSOLE);
		psci_system_off(h->plat.psci);
		for (;;)
			__asm__ volatile("wfi");
	}
	init_watchdog(h);
	if (!bootarg_get(h->bootargs, "suites", selection, sizeof(selection)))
		selection[0] = 0;
	int failed = suites_run(h, selection[0] ? selection : NULL);
	/* Reported through semihosting: the DT offered no console; say so in the code too. */
	if (h->console == CONSOLE_SEMIHOSTING)
		semihosting_exit(GUEST_EXIT_NO_CONSOLE);
	semihosting_exit(failed ? GUEST_EXIT_FAIL : GUEST_EXIT_PASS);
	psci_system_off(h->plat.psci);
	for (;;)
		__asm__ volatile("wfi");
}
