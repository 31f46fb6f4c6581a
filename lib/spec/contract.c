/*
 * Classification of what a device did, from its contract. Three classes:
 * "required" (the outcome the spec demands happened), "permitted" (the spec
 * leaves the outcome open: UNPREDICTABLE widths, reserved offsets where it
 * allows anything) and "deviation" (the spec demands otherwise).
 */
#include "spec/contract.h"

#include <string.h>

const char *finding_class_name(enum finding_class c)
{
	switch (c) {
	case FIND_REQUIRED: return "required";
	case FIND_PERMITTED: return "permitted";
	default: return "deviation";
	}
}

const char *reg_class_name(unsigned cls)
{
	static const char names[CLS_COUNT][10] = {"id", "id64", "data", "status", "control", "irq", "enable", "pending", "priority", "target", "config", "sgi", "ack", "route", "power", "features", "queue", "dma"};

	return cls < CLS_COUNT ? names[cls] : "?";
}

unsigned contracts_for(const struct dt_device *d, const struct device_contract **out,
		       unsigned max, const char **matched)
{
	int off = 0;

	/* Walk the device's compatibles, most specific first. */
	while (d->compat && off < d->compat_len) {
		const char *s = d->compat + off;
		unsigned n = 0;
		for (const struct device_contract *const *c = contracts; *c; c++)
			for (const char *const *cc = (*c)->compats; *cc; cc++)
				if (!strcmp(*cc, s) && n < max) {
					out[n++] = *c;
					break;
				}
		if (n) {
			*matched = s;
			return n;
		}
		off += strnlen(s, d->compat_len - off) + 1;
	}
	return 0;
}

/*
 * A width the spec requires must complete. Any other width is one the spec
 * does not define for the register (UNPREDICTABLE, or simply not listed): the
 * platform may complete it or abort, both are "permitted".
 */
enum finding_class contract_classify_width(const struct reg_contract *r, unsigned width,
					   int faulted)
{
	if (r->required & WIDTH_BIT(width))
		return faulted ? FIND_DEVIATION : FIND_REQUIRED;
	return FIND_PERMITTED;
}

enum finding_class contract_classify_reserved(const struct device_contract *c, int faulted,
					      uint64_t value)
{
	if (c->reserved_rule == RES_RAZWI)
		return !faulted && value == 0 ? FIND_REQUIRED : FIND_DEVIATION;
	/* RES_ANY: reading zero or aborting are both allowed; data is not. */
	return !faulted && value != 0 ? FIND_DEVIATION : FIND_PERMITTED;
}

enum finding_class contract_classify_ro_write(const struct device_contract *c, int faulted,
					      int changed)
{
	if (changed)
		return FIND_DEVIATION;
	if (faulted)
		return c->ro_write_rule == ROW_IGNORED ? FIND_DEVIATION : FIND_PERMITTED;
	return FIND_REQUIRED;
}

/*
 * LDP, pre/post-indexed, LDRSW and SIMD loads of a 32-bit register make the
 * same 32-bit single-copy-atomic read at the device as a plain LDR (Arm ARM
 * DDI 0487, B2.2.1 and the load/store descriptions): a platform that
 * completes the plain LDR must complete them with the same value. That a
 * hypervisor gets no syndrome (ESR.ISV = 0) for them is its problem, not a
 * licence the architecture grants. If the plain LDR aborts there is nothing
 * to compare: permitted.
 */
enum finding_class contract_classify_form(int ldr_faulted, uint64_t ldr_value, int form_faulted,
					  uint64_t form_value)
{
	if (ldr_faulted)
		return FIND_PERMITTED;
	if (form_faulted || (uint32_t)form_value != (uint32_t)ldr_value)
		return FIND_DEVIATION;
	return FIND_REQUIRED;
}

uint64_t contract_identity_field(const struct reg_identity *id, uint64_t value)
{
	if (!id->mask)
		return value;
	return (value & id->mask) >> __builtin_ctzll(id->mask);
}

int contract_identity_matches(const struct reg_identity *id, uint64_t value)
{
	uint64_t f = contract_identity_field(id, value);

	return f >= id->lo && f <= id->hi;
}
