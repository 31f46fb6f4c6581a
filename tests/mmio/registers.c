// SPDX-License-Identifier: MIT
/*
 * mmio suite: read-only registers ignore writes (the value's complement and
 * kvm-unit-tests' patterns 0xffffffff, 0xa5a55a5a, 0); reserved offsets read
 * zero or abort.
 */
#include <stdio.h>

#include "tests/mmio/mmio.h"

static void read_only_of(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct device_contract *c = tg->c;

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!(r->flags & F_WI_PROBE) || r->access != ACC_RO)
			continue;
		uintptr_t a = contract_reg_addr(tg->d, r->region, r->offset, 4);
		struct probe_outcome b1, b2, w, after;
		char obs[96], wdesc[64];
		if (!a || probe_read(a, 32, &b1) || probe_read(a, 32, &b2)) {
			note(t, "%s: %s@0x%x unreadable at 32 bits: write not tried", tg->d->path,
			     r->name, (unsigned)r->offset);
			continue;
		}
		/* Bits that moved between two reads are live status, not compared. */
		uint32_t stable = ~(uint32_t)(b1.value ^ b2.value);
		/* The value's complement, then kvm-unit-tests' test_readonly_32 patterns. */
		const uint32_t patterns[] = { ~(uint32_t)b2.value, 0xffffffff, 0xa5a55a5a, 0 };
		int changed = 0;
		for (unsigned k = 0; k < ARRAY_SIZE(patterns) && !changed; k++) {
			probe_write(a, 32, patterns[k], &w);
			probe_read(a, 32, &after);
			changed = after.faulted || ((after.value ^ b2.value) & stable);
		}
		if (changed && !after.faulted)
			probe_write(a, 32, b2.value, &w); /* put it back */
		probe_format(&w, PROBE_VALUE, wdesc, sizeof(wdesc));
		if (w.faulted)
			snprintf(obs, sizeof(obs), "write %s; then 0x%llx", wdesc,
				 (unsigned long long)after.value);
		else
			snprintf(obs, sizeof(obs), "write completed; 0x%llx -> 0x%llx",
				 (unsigned long long)b2.value, (unsigned long long)after.value);
		mmio_observed(t, tg->d, c,
			      &(struct observation){
				      .check = "ro_write_ignored",
				      .reg = r->name,
				      .off = r->offset,
				      .what = "write32 to RO",
				      .expect = "unchanged (abort allowed)",
				      .spec = c->ro_write_spec,
				      .outcome = mmio_outcome_of(w.faulted || after.faulted),
				      .observed = obs,
				      .cls = contract_classify_ro_write(w.faulted, changed) });
	}
}

void case_read_only_writes(struct test_ctx *t)
{
	observe_writable_targets(
		t, "read_only_writes",
		"no described device has a read-only register whose write is harmless",
		read_only_of);
}

static void reserved_of(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct device_contract *c = tg->c;

	for (unsigned i = 0; i < c->nreserved; i++) {
		uintptr_t a = contract_reg_addr(tg->d, 0, c->reserved[i], 4);
		struct probe_outcome o;
		char obs[64];
		if (!a)
			continue;
		probe_read(a, 32, &o);
		probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
		mmio_observed(t, tg->d, c,
			      &(struct observation){
				      .check = "reserved_reads_zero",
				      .reg = "reserved",
				      .off = c->reserved[i],
				      .what = "read32",
				      .expect = "0 or abort",
				      .spec = c->reserved_spec,
				      .outcome = mmio_outcome_of(o.faulted),
				      .observed = obs,
				      .cls = contract_classify_reserved(o.faulted, o.value) });
	}
}

void case_reserved_offsets(struct test_ctx *t)
{
	observe_first_targets(t, "reserved_offsets",
			      "no described device has a reserved offset inside its reg",
			      reserved_of);
}
