// SPDX-License-Identifier: MIT
/*
 * memmap suite, each CPU node's compatible against the documentation.
 * QEMU writes every CPU node with the model's own compatible (virt.c: one
 * -cpu for all), so a generic "arm,armv8" where the model is a Cortex-A57
 * disagrees with it, though the binding allows it and MIDR cannot judge
 * it (the boot suite's cpu_compatible_midr holds the specific ones).
 */
#include <libfdt.h>
#include <string.h>

#include "boot/cpu.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "spec/cpu_ids.h"
#include "tests/memmap/memmap.h"

unsigned memmap_check_cpu_model(struct test_ctx *t, const struct profile *prof)
{
	const struct platform *p = t->plat;
	uint64_t midr = cpu_midr();
	const char *want =
		MIDR_IMPLEMENTER(midr) == 0 ? prof->software_cpu_compat : cpu_compat_of_midr(midr);
	char path[PLAT_PATH_LEN];
	unsigned asked = 0;

	if (!prof->cpu_compat_source)
		return 0;
	if (!want) {
		note(t,
		     "cpu compatible not held against %s: MIDR 0x%08llx names no core known here",
		     prof->name, (unsigned long long)midr);
		return 0;
	}
	for (int i = 0; i < p->ncpus; i++) {
		int len, node = p->cpu_node[i];
		const char *c = fdt_getprop(p->fdt, node, "compatible", &len);
		if (!c || fdt_get_path(p->fdt, node, path, sizeof(path)))
			continue;
		subject_push(t, "node", "%s", path);
		subject_push(t, "prop", "compatible");
		check(t, len == (int)strlen(want) + 1 && !memcmp(c, want, (size_t)len),
		      "documented_value",
		      "%s compatible is \"%.*s\"; %s (%s) writes \"%s\" for MIDR 0x%08llx", path,
		      len > 0 ? len - 1 : 0, c, prof->name, prof->cpu_compat_source, want,
		      (unsigned long long)midr);
		subject_pop(t);
		subject_pop(t);
		claim_hold(node, "compatible", CLAIM_DOC);
		asked++;
	}
	return asked;
}
