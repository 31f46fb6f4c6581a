/*
 * The probe primitive: touch an address with a given width and get back
 * either the value or the fault the platform raised.
 */
#ifndef PROBE_H
#define PROBE_H

#include <stdint.h>

struct probe_outcome {
	int faulted;
	uint64_t value; /* read value, when !faulted */
	uint64_t esr;   /* when faulted */
	uint64_t far;
};

/* width in bits: 8, 16, 32 or 64. Returns 0 on success, -1 on a fault. */
int probe_read(uintptr_t addr, unsigned width, struct probe_outcome *out);
int probe_write(uintptr_t addr, unsigned width, uint64_t value, struct probe_outcome *out);

/* "read 0x00000000" or "abort ESR 0x96000010 (...)" */
void probe_describe(const struct probe_outcome *o, char *buf, unsigned long len);

/* Accessors in probe_access.S. */
uint64_t probe_ldr8(uintptr_t a);
uint64_t probe_ldr16(uintptr_t a);
uint64_t probe_ldr32(uintptr_t a);
uint64_t probe_ldr64(uintptr_t a);
void probe_str8(uintptr_t a, uint64_t v);
void probe_str16(uintptr_t a, uint64_t v);
void probe_str32(uintptr_t a, uint64_t v);
void probe_str64(uintptr_t a, uint64_t v);
uint64_t probe_form_ldp32(uintptr_t a);
uint64_t probe_form_ldr32_pre(uintptr_t a);
uint64_t probe_form_ldr32_post(uintptr_t a);
uint64_t probe_form_ldrsw(uintptr_t a);
uint64_t probe_form_ldr_simd(uintptr_t a);

/* Run an accessor under fault capture. */
int probe_call(uint64_t (*fn)(uintptr_t), uintptr_t addr, struct probe_outcome *out);

#endif
