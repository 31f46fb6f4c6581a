// SPDX-License-Identifier: MIT
/*
 * psci suite, the idle states the tree describes (Linux arm/idle-states.yaml,
 * arm/psci.yaml): an "arm,idle-state" whose /cpus/idle-states says
 * entry-method "psci" is entered by CPU_SUSPEND with its
 * arm,psci-suspend-param as power_state (DEN0022D 5.4.2), so the firmware
 * must take that value. Each state is asked once, the CPU woken by its
 * virtual timer; a refusal (INVALID_PARAMETERS: QEMU 7.2 target/arm/psci.c
 * takes no power_state with bits above 16 set, no affinity level)
 * contradicts the tree. A firmware that does power the CPU down resumes it
 * at the CPU start entry; QEMU and Xen 4.17 take every state as standby.
 */
#include <libfdt.h>
#include <string.h>

#include "drivers/psci.h"
#include "dt/claims.h"
#include "dt/props.h"
#include "runtime/irq.h"
#include "runtime/watchdog.h"
#include "tests/psci/psci.h"

#define IDLE_STATE_COMPAT "arm,idle-state"
#define SUSPEND_PARAM	  "arm,psci-suspend-param"
#define ENTRY_METHOD	  "entry-method"
#define IDLE_STATES_MAX	  16 /* each costs a wake-up; more are counted, not asked */

/* The parent's entry-method names PSCI ("psci", or the older "arm,psci"). */
static int entered_by_psci(const void *fdt, int node)
{
	int parent = fdt_parent_offset(fdt, node), len;
	const char *m = parent >= 0 ? fdt_getprop(fdt, parent, ENTRY_METHOD, &len) : NULL;

	return m && len > 0 && !m[len - 1] && (!strcmp(m, "psci") || !strcmp(m, "arm,psci"));
}

/* One state: its power_state given as one cell, and taken. 1 when asked. */
static int ask_state(struct test_ctx *t, int node, const char *path)
{
	const struct platform *p = t->plat;
	int len;
	const fdt32_t *v = fdt_getprop(p->fdt, node, SUSPEND_PARAM, &len);
	int asked = 0;

	subject_push(t, "node", "%s", path);
	subject_push(t, "prop", SUSPEND_PARAM);
	if (check(t, v != NULL, "suspend_param_given",
		  "%s is entered by PSCI and gives no " SUSPEND_PARAM " (arm/psci.yaml)", path) &&
	    check(t, len == (int)sizeof(fdt32_t), "suspend_param_one_cell",
		  "%s " SUSPEND_PARAM " is %d bytes, not one cell", path, len)) {
		uint32_t param = fdt32_ld(v);
		int64_t r = psci_suspend_woken(t, psci_native(PSCI_CPU_SUSPEND), param);
		if (check(t, r == PSCI_SUCCESS, "idle_state_accepted",
			  "%s: CPU_SUSPEND with its power_state 0x%x returned %lld (%s)", path,
			  param, (long long)r, psci_error_name(r)))
			evidence(t, "idle_state_accepted", "%s: CPU_SUSPEND(0x%x) returned SUCCESS",
				 path, param);
		claim_hold(node, SUSPEND_PARAM, CLAIM_PROBE);
		claim_hold(node, "compatible", CLAIM_PROBE);
		asked = 1;
	}
	subject_pop(t);
	subject_pop(t);
	return asked;
}

void case_idle_states(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	unsigned seen = 0, asked = 0, other = 0;
	int node = fdt_node_offset_by_compatible(p->fdt, -1, IDLE_STATE_COMPAT);

	if (node < 0) {
		skip(t, "the tree describes no idle state (" IDLE_STATE_COMPAT ")");
		return;
	}
	if (!watchdog_intid() || irq_unusable()) {
		skip(t, "no timer interrupt to wake the CPU from an idle state");
		return;
	}
	for (; node >= 0; node = fdt_node_offset_by_compatible(p->fdt, node, IDLE_STATE_COMPAT)) {
		char path[PLAT_PATH_LEN];
		if (fdt_get_path(p->fdt, node, path, sizeof(path)) < 0)
			strcpy(path, "?");
		seen++;
		const char *status = dt_string(p->fdt, node, "status", NULL);
		if (status && strcmp(status, "okay") && strcmp(status, "ok")) {
			note(t, "%s: status \"%s\": not asked", path, status);
			other++;
			continue;
		}
		if (!entered_by_psci(p->fdt, node)) {
			note(t, "%s: its parent's " ENTRY_METHOD " is not psci: not asked", path);
			other++;
			continue;
		}
		if (seen > IDLE_STATES_MAX || !ask_state(t, node, path))
			continue;
		asked++;
		claim_hold(fdt_parent_offset(p->fdt, node), ENTRY_METHOD, CLAIM_PROBE);
	}
	note(t, "%u idle states: %u asked by CPU_SUSPEND, %u disabled or not entered by PSCI%s",
	     seen, asked, other,
	     seen > IDLE_STATES_MAX ? ", those past the first 16 not asked" : "");
	if (!asked && other == seen)
		skip(t, "no idle state is enabled and entered by PSCI (" ENTRY_METHOD ")");
}
