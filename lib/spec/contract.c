// SPDX-License-Identifier: MIT
/*
 * Classification of what a device did, from its contract. Three classes:
 * "required" (the outcome the spec demands happened), "permitted" (the spec
 * leaves the outcome open: UNPREDICTABLE widths, reserved offsets where it
 * allows anything) and "deviation" (the spec demands otherwise).
 */
#include "spec/contract.h"

const char *outcome_class_name(enum outcome_class c)
{
	switch (c) {
	case OUTCOME_REQUIRED: return "required";
	case OUTCOME_PERMITTED: return "permitted";
	default: return "deviation";
	}
}

const char *reg_class_name(unsigned cls)
{
	static const char names[CLS_COUNT][10] = { "id",       "id64",	 "data",   "status",
						   "control",  "irq",	 "enable", "pending",
						   "priority", "target", "config", "sgi",
						   "ack",      "route",	 "power",  "features",
						   "queue",    "dma" };

	return cls < CLS_COUNT ? names[cls] : "?";
}

/*
 * A width the spec requires must complete. Any other width is one the spec
 * does not define for the register (UNPREDICTABLE, or simply not listed): the
 * platform may complete it or abort, both are "permitted".
 */
enum outcome_class contract_classify_width(const struct reg_contract *r, unsigned width,
					   int faulted)
{
	if (r->required & WIDTH_BIT(width))
		return faulted ? OUTCOME_DEVIATION : OUTCOME_REQUIRED;
	return OUTCOME_PERMITTED;
}

enum outcome_class contract_classify_reserved(int faulted, uint64_t value)
{
	return !faulted && value != 0 ? OUTCOME_DEVIATION : OUTCOME_PERMITTED;
}

enum outcome_class contract_classify_ro_write(int faulted, int changed)
{
	if (changed)
		return OUTCOME_DEVIATION;
	return faulted ? OUTCOME_PERMITTED : OUTCOME_REQUIRED;
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
enum outcome_class contract_classify_form(int ldr_faulted, uint64_t ldr_value, int form_faulted,
					  uint64_t form_value)
{
	if (ldr_faulted)
		return OUTCOME_PERMITTED;
	if (form_faulted || (uint32_t)form_value != (uint32_t)ldr_value)
		return OUTCOME_DEVIATION;
	return OUTCOME_REQUIRED;
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

int contract_reg_readable(const struct reg_contract *r)
{
	return r->access != ACC_WO && !(r->flags & F_NOREAD);
}
