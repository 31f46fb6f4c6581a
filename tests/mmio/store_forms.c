// SPDX-License-Identifier: MIT
/*
 * mmio suite, store_forms: STP, pre- and post-indexed STR and SIMD&FP STR
 * of a writable register (the contract's store_reg) against a plain STR of
 * the same value. Each store makes one 32-bit single-copy-atomic write at
 * the device (Arm ARM DDI 0487 B2.2.1 and the store descriptions), so what
 * reads back must be what the plain STR left; the original value is put
 * back after each. A hypervisor gets no syndrome (ESR.ISV = 0) for the
 * pair, writeback and SIMD&FP forms and must decode them: Xen 4.17 decodes
 * only post-indexed. Classified like the load forms (contract_classify_form).
 */
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "tests/mmio/bits.h"

static const struct reg_fields *store_fields(const struct device_contract *c)
{
	for (unsigned i = 0; c->store_reg && i < c->nfields; i++)
		if (!strcmp(c->fields[i].name, c->store_reg) && !(c->fields[i].flags & FB_BANKED) &&
		    (c->fields[i].flags & FB_WRITE_SAFE))
			return &c->fields[i];
	return NULL;
}

/* A value that differs from orig in a bit every implementation takes. */
static uint32_t changed(const struct bits_run *r, uint32_t orig)
{
	uint32_t m = (uint32_t)(r->f->writable & r->touch);

	if (r->f->impl == IMPL_PRIO)
		return orig ^ (0x80808080u & (uint32_t)r->touch); /* the top bit always exists */
	return orig ^ (m & -m);
}

static void observe(struct test_ctx *t, const struct mmio_target *tg, const struct bits_run *r,
		    const char *check, const char *form, const char *expect,
		    const struct probe_outcome *w, const struct probe_outcome *rd,
		    enum outcome_class cls)
{
	char obs[64];

	if (w->faulted)
		probe_format(w, PROBE_VALUE, obs, sizeof(obs));
	else
		probe_format(rd, PROBE_VALUE, obs, sizeof(obs));
	mmio_observed(
		t, tg->d, tg->c,
		&(struct observation){ .check = check,
				       .reg = r->f->name,
				       .off = r->off,
				       .key = "form",
				       .value = form,
				       .what = check,
				       .expect = expect,
				       .spec = "Arm ARM DDI 0487 load/store: one 32-bit access",
				       .outcome = mmio_outcome_of(w->faulted || rd->faulted),
				       .observed = obs,
				       .cls = cls });
}

static void store_forms_of(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct reg_fields *f = store_fields(tg->c);
	struct bits_run r = { .f = f };
	struct probe_outcome orig, next, w, plain;
	char exp[48];

	if (!f || (int)f->region >= tg->d->nreg)
		return;
	uintptr_t base = (uintptr_t)tg->d->reg[f->region].base;
	r.a = base + f->offset;
	r.off = f->offset;
	r.touch = 0xffffffff;
	if (f->sel != SEL_NONE && bits_gic_place(t, tg, &r, base))
		return;
	bits_spare_raised(&r, base);
	if (!(f->writable & r.touch) && f->impl != IMPL_PRIO)
		return; /* no bit to change that would not raise an interrupt */
	/* STP also writes the next word: both inside the node. */
	if (!contract_reg_addr(tg->d, f->region, r.off, 8))
		return;
	int masked = cpu_irq_masked();
	cpu_irq_mask();
	if (probe_read(r.a, 32, &orig) || probe_read(r.a + 4, 32, &next))
		goto out;
	uint32_t v = changed(&r, (uint32_t)orig.value);
	probe_write(r.a, 32, v, &w);
	plain = (struct probe_outcome){ .faulted = 1 };
	if (!w.faulted)
		probe_read(r.a, 32, &plain);
	probe_write(r.a, 32, orig.value, &(struct probe_outcome){ 0 });
	snprintf(exp, sizeof(exp), "write 0x%x completes", v);
	observe(t, tg, &r, "store_str32_completes", "str32", exp, &w, &plain,
		w.faulted || plain.faulted ? OUTCOME_DEVIATION : OUTCOME_REQUIRED);
	snprintf(exp, sizeof(exp), "as str32 (0x%llx)", (unsigned long long)plain.value);
	for (unsigned i = 0; i < probe_nstore_forms; i++) {
		const struct probe_store_form *sf = &probe_store_forms[i];
		struct probe_outcome after = { .faulted = 1 };
		probe_form_write(sf, r.a, v, next.value, &w);
		if (!w.faulted)
			probe_read(r.a, 32, &after);
		probe_write(r.a, 32, orig.value, &(struct probe_outcome){ 0 });
		observe(t, tg, &r, "store_form_same_as_str32", sf->name,
			plain.faulted ? "nothing to compare (str32 aborts)" : exp, &w, &after,
			contract_classify_form(plain.faulted, plain.value,
					       w.faulted || after.faulted, after.value));
	}
out:
	if (!masked)
		cpu_irq_unmask();
}

void case_store_forms(struct test_ctx *t)
{
	observe_writable_targets(t, "store_forms",
				 "no described device has a register for the store-form table",
				 store_forms_of);
}
