// SPDX-License-Identifier: MIT
#include "boot/esr.h"

#include <stdio.h>

void esr_decode(uint64_t esr, struct esr_info *out)
{
	uint32_t iss = esr & 0x1ffffff;

	*out = (struct esr_info){ 0 };
	out->ec = (esr >> 26) & 0x3f;
	out->il = (esr >> 25) & 1;
	out->iss = iss;
	switch (out->ec) {
	case ESR_EC_DABT_LOW:
	case ESR_EC_DABT_CUR:
		out->is_data = 1;
		out->isv = (iss >> 24) & 1;
		if (out->isv) {
			out->width = 8u << ((iss >> 22) & 3);
			out->sign_ext = (iss >> 21) & 1;
			out->srt = (iss >> 16) & 0x1f;
		}
		out->write = (iss >> 6) & 1;
		/* fall through */
	case ESR_EC_IABT_LOW:
	case ESR_EC_IABT_CUR:
		out->is_abort = 1;
		out->dfsc = iss & 0x3f;
		out->external = (iss >> 9) & 1;
		out->far_valid = !((iss >> 10) & 1);
		break;
	default: break;
	}
}

const char *esr_class_name(uint32_t ec)
{
	switch (ec) {
	case ESR_EC_UNKNOWN: return "unknown reason (undefined instruction)";
	case 0x01: return "WFI/WFE trapped";
	case 0x07: return "SVE/SIMD/FP access trapped";
	case 0x0e: return "illegal execution state";
	case ESR_EC_SVC64: return "SVC from AArch64";
	case ESR_EC_HVC64: return "HVC from AArch64";
	case 0x17: return "SMC from AArch64";
	case 0x18: return "MSR/MRS/system instruction trapped";
	case ESR_EC_IABT_LOW: return "instruction abort, lower EL";
	case ESR_EC_IABT_CUR: return "instruction abort, same EL";
	case 0x22: return "PC alignment fault";
	case ESR_EC_DABT_LOW: return "data abort, lower EL";
	case ESR_EC_DABT_CUR: return "data abort, same EL";
	case 0x26: return "SP alignment fault";
	case ESR_EC_SERROR: return "SError";
	case 0x3c: return "BRK instruction";
	default: return "other exception class";
	}
}

const char *esr_fault_name(uint32_t dfsc)
{
	if (dfsc <= 0x03)
		return "address size fault";
	if (dfsc <= 0x07)
		return "translation fault";
	if (dfsc >= 0x09 && dfsc <= 0x0b)
		return "access flag fault";
	if (dfsc >= 0x0d && dfsc <= 0x0f)
		return "permission fault";
	switch (dfsc) {
	case 0x10: return "synchronous external abort";
	case 0x11: return "synchronous tag check fault";
	case ESR_EC_IABT_CUR: return "alignment fault";
	/* AArch32's long-descriptor status for a debug event (DDI 0406C B3.13.3);
	 * reserved as an AArch64 DFSC: only a 32-bit guest's recast DFSR has it. */
	case 0x22: return "debug event";
	case 0x30: return "TLB conflict abort";
	}
	if (dfsc >= 0x14 && dfsc <= 0x17)
		return "synchronous external abort on table walk";
	return "other fault status";
}

const char *esr_fault_text(const struct esr_info *d)
{
	if (d->is_abort && d->iss == 0)
		return "no fault status: ISS 0, an injected abort";
	return esr_fault_name(d->dfsc);
}

int esr_format(uint64_t esr, char *buf, size_t len)
{
	struct esr_info d;

	esr_decode(esr, &d);
	if (!d.is_abort)
		return snprintf(buf, len, "ESR 0x%08llx: EC 0x%02x (%s) ISS 0x%07x",
				(unsigned long long)esr, (unsigned)d.ec, esr_class_name(d.ec),
				(unsigned)d.iss);
	if (!d.isv)
		return snprintf(buf, len, "ESR 0x%08llx: EC 0x%02x (%s) DFSC 0x%02x (%s) ISV=0%s%s",
				(unsigned long long)esr, (unsigned)d.ec, esr_class_name(d.ec),
				(unsigned)d.dfsc, esr_fault_text(&d),
				d.is_data ? (d.write ? " write" : " read") : "",
				d.external ? " EA" : "");
	return snprintf(
		buf, len, "ESR 0x%08llx: EC 0x%02x (%s) DFSC 0x%02x (%s) ISV=1 %u-bit %s x%u%s%s",
		(unsigned long long)esr, (unsigned)d.ec, esr_class_name(d.ec), (unsigned)d.dfsc,
		esr_fault_name(d.dfsc), d.width, d.write ? "write" : "read", d.srt,
		d.sign_ext ? " sign-extended" : "", d.external ? " EA" : "");
}
