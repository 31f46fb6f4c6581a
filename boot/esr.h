/* SPDX-License-Identifier: MIT */
/* Decoding of ESR_ELx syndromes (Arm ARM DDI 0487, D17.2.37). */
#ifndef BOOT_ESR_H
#define BOOT_ESR_H

#include <stddef.h>
#include <stdint.h>

#define ESR_EC_UNKNOWN	0x00
#define ESR_EC_SVC64	0x15
#define ESR_EC_HVC64	0x16
#define ESR_EC_IABT_LOW 0x20
#define ESR_EC_IABT_CUR 0x21
#define ESR_EC_DABT_LOW 0x24
#define ESR_EC_DABT_CUR 0x25
#define ESR_EC_SERROR	0x2f

struct esr_info {
	uint32_t ec;	/* exception class */
	uint32_t il;	/* 32-bit instruction */
	uint32_t iss;	/* instruction-specific syndrome */
	int is_abort;	/* data or instruction abort */
	int is_data;	/* data abort */
	uint32_t dfsc;	/* fault status code (aborts) */
	int isv;	/* the rest of the syndrome below is valid */
	unsigned width; /* access width in bits, when isv */
	int sign_ext;	/* SSE, when isv */
	unsigned srt;	/* transfer register, when isv */
	int write;	/* WnR */
	int external;	/* EA */
	int far_valid;	/* !FnV */
};

void esr_decode(uint64_t esr, struct esr_info *out);
const char *esr_class_name(uint32_t ec);
const char *esr_fault_name(uint32_t dfsc);
/* The fault of a decoded abort in words; an abort with ISS 0 carries no fault
 * status at all (Xen injects its aborts so), which is said as such. */
const char *esr_fault_text(const struct esr_info *d);
/* One-line summary: "EC 0x25 (data abort, same EL) DFSC 0x10 (...) ISV=1 ..." */
int esr_format(uint64_t esr, char *buf, size_t len);

#endif
