// SPDX-License-Identifier: MIT
/*
 * dt suite: structure and binding checks of every node the platform model
 * uses (Devicetree Specification v0.4; Linux Documentation/devicetree/bindings
 * for arm,gic*, arm,armv8-timer, arm,pl011, arm,sbsa-uart, arm,psci, xen,xen).
 * One case per area of the model; each problem the model found fails its area,
 * a finding with the problem's check and subject (node=, then prop= and the
 * rest) and the text "AREA: MESSAGE".
 */
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/console.h"

static int report_area(struct test_ctx *t, enum dt_area area)
{
	const struct platform *p = t->plat;
	int found = 0;

	for (int i = 0; i < p->nproblems; i++) {
		const struct dt_problem *pr = &p->problems[i];
		unsigned pushed = 0;

		if (pr->area != area)
			continue;
		/* Fields only: the message already names the node where it matters. */
		if (pr->node[0]) {
			subject_push(t, "node", "%s", pr->node);
			pushed++;
		}
		for (int f = 0; f < pr->nfields; f++, pushed++)
			subject_push(t, pr->field[f].key, "%s", pr->field[f].value);
		finding(t, pr->check, "%s: %s", dt_area_name(area), pr->msg);
		while (pushed--)
			subject_pop(t);
		found++;
	}
	if (!found)
		passed(t); /* the area itself is the check: clean or not */
	return found;
}

/* Every area but the header needs a tree that parsed. */
static int usable(struct test_ctx *t)
{
	if (!t->plat->fdt_valid) {
		skip(t, "device tree unusable (see header)");
		return 0;
	}
	return 1;
}

static void case_header(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	report_area(t, AREA_HEADER);
	if (check(t, p->fdt_valid, "tree_usable", "device tree not usable"))
		note(t, "dtb: %u bytes at 0x%llx%s", (unsigned)p->fdt_size,
		     (unsigned long long)(uintptr_t)p->fdt,
		     t->boot->dtb_from_override ? " (runner --dtb)" : "");
	if (!p->fdt_valid)
		note(t, "console: %s", console_describe());
	if (p->problems_dropped)
		finding(t, "problems_recorded", "%d further problems not recorded",
			p->problems_dropped);
}

static void case_structure(struct test_ctx *t)
{
	if (!usable(t))
		return;
	report_area(t, AREA_STRUCTURE);
	note(t, "root compatible: %s", t->plat->root_compat[0] ? t->plat->root_compat : "(none)");
	note(t, "devices: %d", t->plat->ndevices);
}

static void case_memory(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	check(t, p->nbanks > 0, "memory_bank_present", "no memory bank");
	report_area(t, AREA_MEMORY);
	for (int i = 0; i < p->nbanks; i++)
		note(t, "bank%d: 0x%llx size 0x%llx", i, (unsigned long long)p->banks[i].base,
		     (unsigned long long)p->banks[i].size);
}

static void case_cpus(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	check(t, p->ncpus > 0, "cpu_present", "no cpu");
	report_area(t, AREA_CPUS);
	note(t, "cpus: %d", p->ncpus);
}

static void case_gic(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	check(t, p->gic != NULL, "gic_found", "no GIC");
	report_area(t, AREA_GIC);
	if (p->gic)
		note(t, "gic: v%d at %s", p->gic_version, p->gic->path);
}

static void case_timer(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	check(t, p->timer != NULL, "timer_found", "no timer");
	report_area(t, AREA_TIMER);
	for (int i = 0; p->timer && i < p->timer->nirq; i++)
		note(t, "timer irq%d: INTID %u", i, (unsigned)p->timer->irq[i].intid);
}

static void case_psci(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	check(t, p->psci != PSCI_NONE, "psci_conduit", "no PSCI conduit");
	report_area(t, AREA_PSCI);
	note(t, "psci: %s via %s", p->psci_compat,
	     p->psci == PSCI_HVC   ? "hvc"
	     : p->psci == PSCI_SMC ? "smc"
				   : "none");
}

static void case_console(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	check(t, console_kind() != CONSOLE_NONE, "console_present", "no console");
	if (console_lost_uart()) {
		if (p->uart)
			subject_push(t, "node", "%s", p->uart->path);
		finding(t, "console_uart_works", "the DT's console UART does not work: %.*s",
			(int)strlen(console_lost_uart()) - 3, console_lost_uart() + 2);
		if (p->uart)
			subject_pop(t);
	}
	/*
	 * The DT's UART was the console (console_setup read its identity where it
	 * has one, and every line written since drained, or it was given up and
	 * console_uart_works failed above): its reg, and the stdout-path that chose it.
	 */
	if (p->uart && (console_kind() == CONSOLE_UART || console_lost_uart())) {
		claim_hold(p->uart->node, "reg", CLAIM_PROBE);
		if (p->uart_from_stdout_path)
			claim_hold(p->chosen_node, "stdout-path", CLAIM_PROBE);
	}
	report_area(t, AREA_CONSOLE);
	if (!p->stdout_path[0])
		note(t, "console: no /chosen/stdout-path; %s",
		     p->uart ? "fell back to the first UART node" : "and no UART node");
	int uart = console_kind() == CONSOLE_UART;
	note(t, "console: %s%s%s", console_describe(), uart ? " " : "", uart ? p->uart->path : "");
}

static void case_reg(struct test_ctx *t)
{
	if (!usable(t))
		return;
	report_area(t, AREA_REG);
}

static void case_interrupts(struct test_ctx *t)
{
	if (!usable(t))
		return;
	report_area(t, AREA_INTERRUPTS);
}

static void case_hypervisor(struct test_ctx *t)
{
	const struct platform *p = t->plat;

	if (!usable(t))
		return;
	if (!p->hypervisor) {
		skip(t, "no /hypervisor node");
		return;
	}
	report_area(t, AREA_HYPERVISOR);
	note(t, "hypervisor: %s", p->hypervisor->compat);
}

static const struct test_case cases[] = {
	CASE(header), CASE(structure),	CASE(memory),	  CASE(cpus),
	CASE(gic),    CASE(timer),	CASE(psci),	  CASE(console),
	CASE(reg),    CASE(interrupts), CASE(hypervisor),
};

SUITE(20, dt, cases);
