// SPDX-License-Identifier: MIT
/* mmio suite: load instruction forms (boot/probe.h) against a plain LDR of the same register. */
#include <stdio.h>
#include <string.h>

#include "tests/mmio/mmio.h"

static void forms_of(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct device_contract *c = tg->c;

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!c->form_reg || strcmp(r->name, c->form_reg))
			continue;
		/* LDP also reads the next word: both must lie inside the node. */
		uintptr_t a = contract_reg_addr(tg->d, r->region, r->offset, 8);
		if (!a)
			continue;
		struct probe_outcome ldr;
		char exp[48], obs[64];
		probe_read(a, 32, &ldr);
		probe_format(&ldr, PROBE_VALUE, obs, sizeof(obs));
		mmio_observed(t, tg->d, c,
			      &(struct observation){ .check = "form_ldr32_completes",
						     .reg = r->name,
						     .off = r->offset,
						     .key = "form",
						     .value = "ldr32",
						     .what = "form ldr32",
						     .expect = "completes",
						     .spec = r->spec,
						     .outcome = mmio_outcome_of(ldr.faulted),
						     .observed = obs,
						     .cls = ldr.faulted ? OUTCOME_DEVIATION
									: OUTCOME_REQUIRED });
		for (unsigned f = 0; f < probe_nforms; f++) {
			const struct probe_form *form = &probe_forms[f];
			struct probe_outcome o;
			char what[24];
			probe_form_read(form, a, &o);
			uint64_t v = o.value;
			/* A sign-extending form: the upper half must follow bit 31. */
			if (form->sign_extends && !o.faulted &&
			    v != (uint64_t)(int64_t)(int32_t)ldr.value)
				v = ~ldr.value;
			snprintf(what, sizeof(what), "form %s", form->name);
			snprintf(exp, sizeof(exp), "same as ldr32 (0x%llx)",
				 (unsigned long long)ldr.value);
			probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
			mmio_observed(
				t, tg->d, c,
				&(struct observation){
					.check = "form_same_as_ldr32",
					.reg = r->name,
					.off = r->offset,
					.key = "form",
					.value = form->name,
					.what = what,
					.expect = ldr.faulted ? "nothing to compare (ldr32 aborts)"
							      : exp,
					.spec = "Arm ARM DDI 0487 load/store: one 32-bit access",
					.outcome = mmio_outcome_of(o.faulted),
					.observed = obs,
					.cls = contract_classify_form(ldr.faulted, ldr.value,
								      o.faulted, v) });
		}
	}
}

void case_instruction_forms(struct test_ctx *t)
{
	observe_first_targets(t, "instruction_forms",
			      "no described device has a register for the instruction-form table",
			      forms_of);
}
