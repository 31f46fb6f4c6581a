// SPDX-License-Identifier: MIT
/* mmio suite, the access-width matrix: 8/16/32/64-bit reads of one register of each class. */
#include <stdio.h>
#include <string.h>

#include "tests/mmio/mmio.h"

/* One register of each class: the first naturally aligned for 64 bits, else the first. */
static const struct reg_contract *class_representative(const struct device_contract *c,
						       unsigned cls)
{
	const struct reg_contract *first = NULL;

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!contract_reg_readable(r) || r->cls != cls)
			continue;
		if (!(r->offset & 7))
			return r;
		if (!first)
			first = r;
	}
	return first;
}

static int class_seen(const struct device_contract *c, unsigned upto, unsigned cls)
{
	for (unsigned i = 0; i < upto; i++)
		if (contract_reg_readable(&c->regs[i]) && c->regs[i].cls == cls)
			return 1;
	return 0;
}

static void widths_of(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct device_contract *c = tg->c;
	static const unsigned widths[] = { 8, 16, 32, 64 };

	for (unsigned i = 0; i < c->nregs; i++) {
		if (!contract_reg_readable(&c->regs[i]) || class_seen(c, i, c->regs[i].cls))
			continue;
		const struct reg_contract *r = class_representative(c, c->regs[i].cls);
		uintptr_t a32 = contract_reg_addr(tg->d, r->region, r->offset, 4);
		struct probe_outcome ref = { .faulted = 1 };
		if (a32 && !(r->offset & 3))
			probe_read(a32, 32, &ref);
		for (unsigned w = 0; w < ARRAY_SIZE(widths); w++) {
			unsigned bits = widths[w];
			char what[24], exp[40], obs[64], width[4];
			snprintf(what, sizeof(what), "read%u (%s)", bits, reg_class_name(r->cls));
			if (r->offset % (bits / 8)) {
				note(t, "%s: %s@0x%x read%u not naturally aligned: not probed",
				     tg->d->path, r->name, (unsigned)r->offset, bits);
				continue;
			}
			uintptr_t a = contract_reg_addr(tg->d, r->region, r->offset, bits / 8);
			if (!a) {
				note(t, "%s: %s@0x%x read%u outside the node's reg: not probed",
				     tg->d->path, r->name, (unsigned)r->offset, bits);
				continue;
			}
			struct probe_outcome o;
			probe_read(a, bits, &o);
			enum outcome_class cls = contract_classify_width(r, bits, o.faulted);
			snprintf(exp, sizeof(exp), "%s",
				 r->required & WIDTH_BIT(bits) ? "completes (required width)"
							       : "completes or aborts");
			probe_format(&o, PROBE_VALUE, obs, sizeof(obs));
			/* A completed narrow read should be the low bytes of the word
			 * (little-endian). */
			uint64_t low = bits < 32 ? ref.value & ((1ull << bits) - 1) : ref.value;
			uint64_t got = bits == 64 ? (uint32_t)o.value : o.value;
			if (!o.faulted && !ref.faulted && bits != 32 && got != low) {
				snprintf(obs + strlen(obs), sizeof(obs) - strlen(obs),
					 " (read32 gives 0x%llx)", (unsigned long long)ref.value);
				/* Wrong data at a required width is a deviation, if the register is
				 * stable. */
				struct probe_outcome again;
				if ((r->required & WIDTH_BIT(bits)) &&
				    !probe_read(a32, 32, &again) && again.value == ref.value)
					cls = OUTCOME_DEVIATION;
			}
			snprintf(width, sizeof(width), "%u", bits);
			mmio_observed(t, tg->d, c,
				      &(struct observation){ .check = "read_width",
							     .reg = r->name,
							     .off = r->offset,
							     .key = "width",
							     .value = width,
							     .what = what,
							     .expect = exp,
							     .spec = r->spec,
							     .outcome = mmio_outcome_of(o.faulted),
							     .observed = obs,
							     .cls = cls });
		}
	}
}

void case_access_widths(struct test_ctx *t)
{
	observe_first_targets(t, "access_widths", NULL, widths_of);
}
