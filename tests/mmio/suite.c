// SPDX-License-Identifier: MIT
/*
 * mmio suite: every device the DT describes that has a contract
 * (lib/spec/contracts/) is held against its specification:
 *   Arm PL011 TRM (DDI 0183G); SBSA generic UART (Arm DEN0094 App. B);
 *   Arm GICv2 (IHI 0048B); Arm GICv3/v4 (IHI 0069); Arm PL031 TRM
 *   (DDI 0224B); Arm PL061 TRM (DDI 0190B); QEMU fw_cfg (docs/specs/fw_cfg);
 *   virtio 1.2 4.2.2 (virtio-mmio); Arm ARM (DDI 0487) for load forms.
 * Cases: identity registers; the access-width matrix (8/16/32/64 on one
 * register of each class); read-only registers ignore writes; reserved
 * offsets; ISV=0 instruction forms against a plain LDR; write-then-read of
 * each register with a bit-level contract; ISV=0 store forms against a plain
 * STR; which pages of each reg decode. Every access goes through the probe
 * primitive. A write goes only where it can be undone (the value restored)
 * and never to a device whose identity registers contradict its compatible
 * (observe_writable_targets).
 * Each outcome is one classified observation (mmio.h): required and
 * permitted are evidence, a deviation is a finding and fails its case.
 */
#include "runtime/record.h"
#include "runtime/window.h"
#include "spec/contract_lookup.h"
#include "tests/mmio/mmio.h"

#define MAX_PARTS 4

static const char *skip_if(const struct test_ctx *t)
{
	return t->plat->fdt_valid ? NULL : "device tree unusable";
}

/* Where a target's findings are, for the runner's memory-map picture: a
 * finding's subject names the node and the part, and the part's registers
 * are in one of the node's reg ranges (index). */
static void announce(struct test_ctx *t, const struct dt_device *d, const struct device_contract *c)
{
	unsigned region = c->nregs ? c->regs[0].region : 0;
	if ((int)region >= d->nreg)
		return;
	struct record r;

	(void)t;
	record_start(&r, 2, RECORD_MMIO_TARGET);
	record_field(&r, "node", "%s", d->path);
	record_field(&r, "part", "%s", c->part);
	record_field(&r, "index", "%u", region);
	record_field(&r, "range", "0x%llx+0x%llx", (unsigned long long)d->reg[region].base,
		     (unsigned long long)d->reg[region].size);
	record_emit(&r);
}

/* The targets: each enabled device with each contract part that applies to it. */
static const char *init(struct test_ctx *t)
{
	static struct mmio_state st;

	st = (struct mmio_state){ 0 };
	for (int i = 0; i < t->plat->ndevices; i++) {
		const struct dt_device *d = &t->plat->devices[i];
		const struct device_contract *cs[MAX_PARTS];
		const char *matched;
		if (!d->enabled)
			continue;
		unsigned n = contracts_for(d, cs, MAX_PARTS, &matched);
		int high = 0; /* a reg the identity map does not reach (AArch32: above 4 GiB) */
		for (int r = 0; r < d->nreg; r++)
			high |= !window_identity(d->reg[r].base, d->reg[r].size);
		if (n && high) {
			note(t,
			     "%s: a reg lies above what the identity map reaches: its registers "
			     "are "
			     "not tested here",
			     d->path);
			continue;
		}
		for (unsigned k = 0; k < n && st.ntargets < ARRAY_SIZE(st.targets); k++) {
			/* An optional part the node's reg does not give: no part to hold. */
			if (cs[k]->region_optional && cs[k]->nregs &&
			    cs[k]->regs[0].region >= d->nreg)
				continue;
			int first = 1;
			for (unsigned j = 0; j < st.ntargets; j++)
				first &= st.targets[j].c != cs[k];
			st.targets[st.ntargets++] =
				(struct mmio_target){ d, cs[k], first,
						      identity_contradicted(d, cs[k]) };
			announce(t, d, cs[k]);
		}
	}
	t->state = &st;
	return st.ntargets ? NULL : "no device in the DT has an MMIO contract";
}

static const struct test_case cases[] = {
	CASE(identity),		CASE(access_widths),	 CASE(read_only_writes),
	CASE(reserved_offsets), CASE(instruction_forms), CASE(write_read),
	CASE(store_forms),	CASE(decode_pages),
};

SUITE(50, mmio, cases, .skip_if = skip_if, .init = init);
