/* SPDX-License-Identifier: MIT */
/*
 * The probe primitive: touch an address with a given width and get back
 * either the value or the fault the platform raised, never an exception.
 */
#ifndef BOOT_PROBE_H
#define BOOT_PROBE_H

#include <stddef.h>
#include <stdint.h>

struct probe_outcome {
	int faulted;
	uint64_t value; /* read value, when !faulted */
	uint64_t esr;	/* when faulted */
	uint64_t far;
};

/* width in bits: 8, 16, 32 or 64. Returns 0 on success, -1 on a fault. */
int probe_read(uintptr_t addr, unsigned width, struct probe_outcome *out);
int probe_write(uintptr_t addr, unsigned width, uint64_t value, struct probe_outcome *out);

/*
 * Load instructions other than a plain LDR that read one 32-bit word at an
 * address (the architecture's forms without a full syndrome, ISV=0, and
 * others a hypervisor must decode). Each reads 32 bits; a sign-extending
 * form returns the extended 64-bit value.
 */
struct probe_form {
	const char *name;
	uint64_t (*load)(uintptr_t addr);
	int sign_extends;
};
extern const struct probe_form probe_forms[];
extern const unsigned probe_nforms;
/* Run one form under fault capture. */
int probe_form_read(const struct probe_form *f, uintptr_t addr, struct probe_outcome *out);

/*
 * Store instructions other than a plain STR that write one 32-bit word (the
 * forms without a full syndrome, ISV=0, and post-indexed, which Xen
 * decodes). pair: the form also writes next to the following word (STP).
 */
struct probe_store_form {
	const char *name;
	void (*store)(uintptr_t addr, uint64_t value, uint64_t next);
	int pair;
};
extern const struct probe_store_form probe_store_forms[];
extern const unsigned probe_nstore_forms;
/* Run one store form under fault capture. */
int probe_form_write(const struct probe_store_form *f, uintptr_t addr, uint64_t value,
		     uint64_t next, struct probe_outcome *out);

/* How an outcome is written out; one formatter for every user. */
enum probe_style {
	PROBE_VALUE,   /* "0x1234" or "abort ESR 0x96000010" */
	PROBE_BRIEF,   /* "read 0x1234" or "abort ESR 0x96000010 (synchronous external abort)" */
	PROBE_DECODED, /* "read 0x1234" or "abort, ESR 0x96000010: EC 0x25 (...) DFSC ..." */
};
void probe_format(const struct probe_outcome *o, enum probe_style style, char *buf, size_t len);

#endif
