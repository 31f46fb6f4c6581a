// SPDX-License-Identifier: MIT
/* mmio suite, identity: every identity register of each contract (and its extras). */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dt/claims.h"
#include "tests/mmio/mmio.h"

/*
 * Returns 1 when a device after the first of its contract matched without a
 * word; adds to *judged the reg ranges (bit i: reg[i]) where an identity read
 * was held against the contract.
 */
static int identity_of(struct test_ctx *t, const struct mmio_target *tg, unsigned *judged)
{
	const struct device_contract *c = tg->c;
	unsigned checked = 0, bad = 0;
	char obs[64], exp[48];

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!r->id.mask)
			continue;
		uintptr_t a = contract_reg_addr(tg->d, r->region, r->offset, 4);
		if (!a) {
			mmio_observed(t, tg->d, c,
				      &(struct observation){ .check = "identity_reg_inside",
							     .reg = r->name,
							     .off = r->offset,
							     .what = "identity",
							     .expect = "inside the node's reg",
							     .spec = c->spec,
							     .outcome = MMIO_NO_ACCESS,
							     .observed = "reg too small or missing",
							     .cls = OUTCOME_DEVIATION });
			bad++;
			continue;
		}
		struct probe_outcome o;
		probe_read(a, 32, &o);
		int ok = !o.faulted && contract_identity_matches(&r->id, o.value);
		checked++;
		*judged |= 1u << r->region;
		if (r->id.lo == r->id.hi)
			snprintf(exp, sizeof(exp), "field 0x%llx", (unsigned long long)r->id.lo);
		else
			snprintf(exp, sizeof(exp), "field 0x%llx..0x%llx",
				 (unsigned long long)r->id.lo, (unsigned long long)r->id.hi);
		if (r->id.mask != 0xffffffff)
			snprintf(exp + strlen(exp), sizeof(exp) - strlen(exp), " (mask 0x%llx)",
				 (unsigned long long)r->id.mask);
		probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
		/* Every identity of the first device, only the mismatches of the others. */
		if (tg->first || !ok)
			mmio_observed(t, tg->d, c,
				      &(struct observation){ .check = "identity",
							     .reg = r->name,
							     .off = r->offset,
							     .what = "identity",
							     .expect = exp,
							     .spec = r->spec,
							     .outcome = mmio_outcome_of(o.faulted),
							     .observed = obs,
							     .cls = ok ? OUTCOME_REQUIRED
								       : OUTCOME_DEVIATION });
		bad += !ok;
	}
	*judged |= identity_extra(t, tg->d, c);
	return !tg->first && checked && !bad;
}

int identity_contradicted(const struct dt_device *d, const struct device_contract *c)
{
	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		uintptr_t a = r->id.mask ? contract_reg_addr(d, r->region, r->offset, 4) : 0;
		struct probe_outcome o;
		if (a && !probe_read(a, 32, &o) && !o.faulted &&
		    !contract_identity_matches(&r->id, o.value))
			return 1;
	}
	return 0;
}

/*
 * arm,primecell-periphid (arm,primecell.yaml) stands for a PrimeCell's
 * PeriphID0..3 (Linux's AMBA bus reads it instead of the registers, for parts
 * whose registers are wrong): it must be what they read, or a driver is
 * bound, or its revision's quirks chosen, for a part that is not there.
 */
static void primecell_periphid(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct dt_device *d = tg->d;
	int len;
	const fdt32_t *v = fdt_getprop(t->plat->fdt, d->node, "arm,primecell-periphid", &len);
	/* The IDs end the part's window, where Linux's AMBA bus reads them (size - 0x20). */
	uint64_t size = d->nreg ? d->reg[0].size : 0;
	uint32_t off = size >= 0x20 && size <= 0xffffffffu ? (uint32_t)(size - 0x20) : 0xfe0;
	uintptr_t a = contract_reg_addr(d, 0, off, 16);
	char exp[32], obs[64];

	if (!v || !dt_compat_has(d, "arm,primecell"))
		return;
	if (len != 4 || !a) {
		note(t,
		     "%s: arm,primecell-periphid is not one cell, or reg does not reach "
		     "PeriphID0..3: not compared",
		     d->path);
		return;
	}
	uint32_t want = fdt32_ld(v), id = 0;
	struct probe_outcome o = { 0 };
	for (unsigned i = 0; i < 4 && !o.faulted; i++) {
		probe_read(a + 4 * i, 32, &o);
		id |= (uint32_t)(o.value & 0xff) << (8 * i);
	}
	snprintf(exp, sizeof(exp), "0x%08x", (unsigned)want);
	if (o.faulted)
		probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
	else
		snprintf(obs, sizeof(obs), "0x%08x", (unsigned)id);
	mmio_observed(t, d, tg->c,
		      &(struct observation){ .check = "primecell_periphid",
					     .reg = "PeriphID0-3",
					     .off = off,
					     .what = "arm,primecell-periphid",
					     .expect = exp,
					     .spec = "arm,primecell.yaml; PrimeCell PeriphID0-3",
					     .outcome = mmio_outcome_of(o.faulted),
					     .observed = obs,
					     .cls = !o.faulted && id == want ? OUTCOME_REQUIRED
									     : OUTCOME_DEVIATION });
	claim_hold(d->node, "arm,primecell-periphid", CLAIM_PROBE);
}

/*
 * A device whose parts answered their contract's identity reads (pass or
 * fail) is held to be what its compatible says (the contract was chosen by
 * it); its reg, when every range of it was read so.
 */
static void hold_identified(const struct platform *p, const unsigned *judged)
{
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		unsigned all = (1u << d->nreg) - 1;
		if (!judged[i])
			continue;
		claim_hold(d->node, "compatible", CLAIM_PROBE);
		if (d->nreg && (judged[i] & all) == all)
			claim_hold(d->node, "reg", CLAIM_PROBE);
	}
}

void case_identity(struct test_ctx *t)
{
	struct mmio_state *st = mmio_state(t);
	unsigned quiet_matches = 0; /* devices after the first whose identity matched */
	static unsigned judged[PLAT_MAX_DEVICES];

	observations_reset(t);
	memset(judged, 0, sizeof(judged));
	for (unsigned i = 0; i < st->ntargets; i++) {
		quiet_matches += identity_of(t, &st->targets[i],
					     &judged[st->targets[i].d - t->plat->devices]);
		int again = 0; /* the device's property is held once, by its first part */
		for (unsigned j = 0; j < i; j++)
			again |= st->targets[j].d == st->targets[i].d;
		if (!again)
			primecell_periphid(t, &st->targets[i]);
	}
	hold_identified(t->plat, judged);
	st->identity_ran = 1;
	if (quiet_matches)
		note(t,
		     "identity as the spec says on %u further devices (observations shown for the "
		     "first device of each contract)",
		     quiet_matches);
	observations_summary(t, "identity");
}
