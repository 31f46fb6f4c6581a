/*
 * mmio suite: every device the DT describes that has a contract
 * (lib/contracts/) is held against its specification:
 *   Arm PL011 TRM (DDI 0183G); SBSA generic UART (Arm DEN0094 App. B);
 *   Arm GICv2 (IHI 0048B); Arm GICv3/v4 (IHI 0069); Arm PL031 TRM
 *   (DDI 0224B); Arm PL061 TRM (DDI 0190B); QEMU fw_cfg (docs/specs/fw_cfg);
 *   virtio 1.2 4.2.2 (virtio-mmio); Arm ARM (DDI 0487) for load forms.
 * Cases: identity registers; the access-width matrix (8/16/32/64 on one
 * register of each class); read-only registers ignore writes; reserved
 * offsets; ISV=0 instruction forms against a plain LDR. Every access goes
 * through the probe primitive. Nothing that could break the console or the
 * watchdog is written: the only writes are to read-only registers (restored
 * if they change) and the fw_cfg selector.
 * Each outcome is one "# finding:" line (tests/mmio.h) classified
 * required / permitted / deviation; a deviation fails its case.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/harness.h"
#include "tests/mmio/mmio.h"

#define MAX_PARTS 4

struct target {
	const struct dt_device *d;
	const struct device_contract *c;
	int first; /* first device bound to this contract: the width/forms tables use it */
};

static struct target targets[PLAT_MAX_DEVICES * 2];
static unsigned ntargets;

static void collect(const struct platform *p)
{
	ntargets = 0;
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		const struct device_contract *cs[MAX_PARTS];
		const char *matched;
		if (!d->enabled)
			continue;
		unsigned n = contracts_for(d, cs, MAX_PARTS, &matched);
		for (unsigned k = 0; k < n && ntargets < ARRAY_SIZE(targets); k++) {
			int first = 1;
			for (unsigned j = 0; j < ntargets; j++)
				first &= targets[j].c != cs[k];
			targets[ntargets++] = (struct target){d, cs[k], first};
		}
	}
}

static const char *skip_reason(struct harness *h)
{
	if (!h->plat.fdt_valid)
		return "device tree unusable";
	collect(&h->plat);
	return ntargets ? NULL : "no device in the DT has an MMIO contract";
}

static int readable(const struct reg_contract *r)
{
	return r->access != ACC_WO && !(r->flags & F_NOREAD);
}

/* ---- identity ----------------------------------------------------------- */

static unsigned quiet_matches; /* devices after the first whose identity matched */

static void identity_of(struct test_ctx *t, const struct target *tg)
{
	const struct device_contract *c = tg->c;
	unsigned checked = 0, bad = 0;
	char obs[64], exp[48];

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!r->id.mask)
			continue;
		uintptr_t a = reg_addr(tg->d, r->region, r->offset, 4);
		if (!a) {
			mmio_observed(t, tg->d, c, r->name, r->offset, "identity", "inside the node's reg",
				c->spec, "reg too small or missing", FIND_DEVIATION);
			bad++;
			continue;
		}
		struct probe_outcome o;
		probe_read(a, 32, &o);
		int ok = !o.faulted && contract_identity_matches(&r->id, o.value);
		checked++;
		if (r->id.lo == r->id.hi)
			snprintf(exp, sizeof(exp), "field 0x%llx", (unsigned long long)r->id.lo);
		else
			snprintf(exp, sizeof(exp), "field 0x%llx..0x%llx", (unsigned long long)r->id.lo,
				 (unsigned long long)r->id.hi);
		if (r->id.mask != 0xffffffff)
			snprintf(exp + strlen(exp), sizeof(exp) - strlen(exp), " (mask 0x%llx)",
				 (unsigned long long)r->id.mask);
		describe_outcome(&o, obs, sizeof(obs));
		/* Every identity of the first device, only the mismatches of the others. */
		if (tg->first || !ok)
			mmio_observed(t, tg->d, c, r->name, r->offset, "identity", exp, r->spec, obs,
				ok ? FIND_REQUIRED : FIND_DEVIATION);
		bad += !ok;
	}
	if (!tg->first && checked && !bad)
		quiet_matches++;
	if (c->identity_extra)
		c->identity_extra(t, tg->d, c);
}

static void identity(struct test_ctx *t)
{
	quiet_matches = 0;
	finding_reset();
	for (unsigned i = 0; i < ntargets; i++)
		identity_of(t, &targets[i]);
	if (quiet_matches)
		note(t, "identity as the spec says on %u further devices (findings shown for the "
			"first device of each contract)", quiet_matches);
	finding_summary(t, "identity");
}

/* ---- access-width matrix ------------------------------------------------ */

/* One register of each class: the first naturally aligned for 64 bits, else the first. */
static const struct reg_contract *class_representative(const struct device_contract *c,
						       unsigned cls)
{
	const struct reg_contract *first = NULL;

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!readable(r) || r->cls != cls)
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
		if (readable(&c->regs[i]) && c->regs[i].cls == cls)
			return 1;
	return 0;
}

static void widths_of(struct test_ctx *t, const struct target *tg)
{
	const struct device_contract *c = tg->c;
	static const unsigned widths[] = {8, 16, 32, 64};

	for (unsigned i = 0; i < c->nregs; i++) {
		if (!readable(&c->regs[i]) || class_seen(c, i, c->regs[i].cls))
			continue;
		const struct reg_contract *r = class_representative(c, c->regs[i].cls);
		uintptr_t a32 = reg_addr(tg->d, r->region, r->offset, 4);
		struct probe_outcome ref = {.faulted = 1};
		if (a32 && !(r->offset & 3))
			probe_read(a32, 32, &ref);
		for (unsigned w = 0; w < ARRAY_SIZE(widths); w++) {
			unsigned bits = widths[w];
			char what[24], exp[40], obs[64];
			snprintf(what, sizeof(what), "read%u (%s)", bits, reg_class_name(r->cls));
			if (r->offset % (bits / 8)) {
				note(t, "%s: %s@0x%x read%u not naturally aligned: not probed", tg->d->path,
				     r->name, (unsigned)r->offset, bits);
				continue;
			}
			uintptr_t a = reg_addr(tg->d, r->region, r->offset, bits / 8);
			if (!a) {
				note(t, "%s: %s@0x%x read%u outside the node's reg: not probed",
				     tg->d->path, r->name, (unsigned)r->offset, bits);
				continue;
			}
			struct probe_outcome o;
			probe_read(a, bits, &o);
			enum finding_class cls = contract_classify_width(r, bits, o.faulted);
			snprintf(exp, sizeof(exp), "%s",
				 r->required & WIDTH_BIT(bits) ? "completes (required width)"
							       : "completes or aborts");
			describe_outcome(&o, obs, sizeof(obs));
			/* A completed narrow read should be the low bytes of the word (little-endian). */
			uint64_t low = bits < 32 ? ref.value & ((1ull << bits) - 1) : ref.value;
			uint64_t got = bits == 64 ? (uint32_t)o.value : o.value;
			if (!o.faulted && !ref.faulted && bits != 32 && got != low) {
				snprintf(obs + strlen(obs), sizeof(obs) - strlen(obs),
					 " (read32 gives 0x%llx)", (unsigned long long)ref.value);
				/* Wrong data at a required width is a deviation, if the register is stable. */
				struct probe_outcome again;
				if ((r->required & WIDTH_BIT(bits)) && !probe_read(a32, 32, &again) &&
				    again.value == ref.value)
					cls = FIND_DEVIATION;
			}
			mmio_observed(t, tg->d, c, r->name, r->offset, what, exp, r->spec, obs, cls);
		}
	}
}

static void widths(struct test_ctx *t)
{
	finding_reset();
	for (unsigned i = 0; i < ntargets; i++)
		if (targets[i].first)
			widths_of(t, &targets[i]);
	finding_summary(t, "access_widths");
}

/* ---- read-only registers ignore writes ---------------------------------- */

static void read_only_of(struct test_ctx *t, const struct target *tg)
{
	const struct device_contract *c = tg->c;

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!(r->flags & F_WI_PROBE) || r->access != ACC_RO)
			continue;
		uintptr_t a = reg_addr(tg->d, r->region, r->offset, 4);
		struct probe_outcome b1, b2, w, after;
		char obs[96], wdesc[64];
		if (!a || probe_read(a, 32, &b1) || probe_read(a, 32, &b2)) {
			note(t, "%s: %s@0x%x unreadable at 32 bits: write not tried", tg->d->path,
			     r->name, (unsigned)r->offset);
			continue;
		}
		/* Bits that moved between two reads are live status, not compared. */
		uint32_t stable = ~(uint32_t)(b1.value ^ b2.value);
		probe_write(a, 32, ~(uint32_t)b2.value, &w);
		probe_read(a, 32, &after);
		int changed = after.faulted || ((after.value ^ b2.value) & stable);
		if (changed && !after.faulted)
			probe_write(a, 32, b2.value, &w); /* put it back */
		describe_outcome(&w, wdesc, sizeof(wdesc));
		if (w.faulted)
			snprintf(obs, sizeof(obs), "write %s; then 0x%llx", wdesc,
				 (unsigned long long)after.value);
		else
			snprintf(obs, sizeof(obs), "write completed; 0x%llx -> 0x%llx",
				 (unsigned long long)b2.value, (unsigned long long)after.value);
		mmio_observed(t, tg->d, c, r->name, r->offset, "write32 to RO",
			c->ro_write_rule == ROW_IGNORED ? "ignored" : "unchanged (abort allowed)",
			c->ro_write_spec, obs, contract_classify_ro_write(c, w.faulted, changed));
	}
}

static void read_only(struct test_ctx *t)
{
	finding_reset();
	for (unsigned i = 0; i < ntargets; i++)
		if (targets[i].first)
			read_only_of(t, &targets[i]);
	if (!t->checks)
		skip(t, "no described device has a read-only register whose write is harmless");
	finding_summary(t, "read_only_writes");
}

/* ---- reserved offsets --------------------------------------------------- */

static void reserved_of(struct test_ctx *t, const struct target *tg)
{
	const struct device_contract *c = tg->c;

	for (unsigned i = 0; i < c->nreserved; i++) {
		uintptr_t a = reg_addr(tg->d, 0, c->reserved[i], 4);
		struct probe_outcome o;
		char obs[64];
		if (!a)
			continue;
		probe_read(a, 32, &o);
		describe_outcome(&o, obs, sizeof(obs));
		mmio_observed(t, tg->d, c, "reserved", c->reserved[i], "read32",
			c->reserved_rule == RES_RAZWI ? "0" : "0 or abort", c->reserved_spec, obs,
			contract_classify_reserved(c, o.faulted, o.value));
	}
}

static void reserved(struct test_ctx *t)
{
	finding_reset();
	for (unsigned i = 0; i < ntargets; i++)
		if (targets[i].first)
			reserved_of(t, &targets[i]);
	if (!t->checks)
		skip(t, "no described device has a reserved offset inside its reg");
	finding_summary(t, "reserved_offsets");
}

/* ---- instruction forms -------------------------------------------------- */

static const struct {
	const char *name;
	uint64_t (*fn)(uintptr_t);
} forms[] = {
	{"ldr32-post", probe_form_ldr32_post}, {"ldr32-pre", probe_form_ldr32_pre},
	{"ldp32", probe_form_ldp32},           {"ldrsw", probe_form_ldrsw},
	{"ldr-simd-s", probe_form_ldr_simd},
};

static void forms_of(struct test_ctx *t, const struct target *tg)
{
	const struct device_contract *c = tg->c;

	for (unsigned i = 0; i < c->nregs; i++) {
		const struct reg_contract *r = &c->regs[i];
		if (!(r->flags & F_FORM))
			continue;
		/* LDP also reads the next word: both must lie inside the node. */
		uintptr_t a = reg_addr(tg->d, r->region, r->offset, 8);
		if (!a)
			continue;
		struct probe_outcome ldr;
		char exp[48], obs[64];
		probe_read(a, 32, &ldr);
		describe_outcome(&ldr, obs, sizeof(obs));
		mmio_observed(t, tg->d, c, r->name, r->offset, "form ldr32", "completes", r->spec, obs,
			ldr.faulted ? FIND_DEVIATION : FIND_REQUIRED);
		for (unsigned f = 0; f < ARRAY_SIZE(forms); f++) {
			struct probe_outcome o;
			char what[24];
			probe_call(forms[f].fn, a, &o);
			uint64_t v = o.value;
			/* LDRSW sign-extends: the upper half must follow bit 31. */
			if (forms[f].fn == probe_form_ldrsw && !o.faulted &&
			    v != (uint64_t)(int64_t)(int32_t)ldr.value)
				v = ~ldr.value;
			snprintf(what, sizeof(what), "form %s", forms[f].name);
			snprintf(exp, sizeof(exp), "same as ldr32 (0x%llx)", (unsigned long long)ldr.value);
			describe_outcome(&o, obs, sizeof(obs));
			mmio_observed(t, tg->d, c, r->name, r->offset, what,
				ldr.faulted ? "nothing to compare (ldr32 aborts)" : exp,
				"Arm ARM DDI 0487 load/store: one 32-bit access", obs,
				contract_classify_form(ldr.faulted, ldr.value, o.faulted, v));
		}
	}
}

static void instruction_forms(struct test_ctx *t)
{
	finding_reset();
	for (unsigned i = 0; i < ntargets; i++)
		if (targets[i].first)
			forms_of(t, &targets[i]);
	if (!t->checks)
		skip(t, "no described device has a register for the instruction-form table");
	finding_summary(t, "instruction_forms");
}

static const struct test_case cases[] = {
	{"identity", identity},
	{"access_widths", widths},
	{"read_only_writes", read_only},
	{"reserved_offsets", reserved},
	{"instruction_forms", instruction_forms},
};

static const struct suite mmio_suite = {
	.name = "mmio",
	.skip_reason = skip_reason,
	.cases = cases,
	.ncases = ARRAY_SIZE(cases),
};
SUITE_REGISTER(50, mmio_suite);
