// SPDX-License-Identifier: MIT
/*
 * boot/probe.h, what every architecture shares: each access runs under
 * fault capture (fault.h) and says what happened. The one-instruction
 * accessors are each architecture's probe.S; the instruction forms' tables
 * its probe.c.
 */
#include "boot/probe.h"

#include "boot/common/fault.h"

uint64_t probe_ldr8(uintptr_t a);
uint64_t probe_ldr16(uintptr_t a);
uint64_t probe_ldr32(uintptr_t a);
uint64_t probe_ldr64(uintptr_t a);
void probe_str8(uintptr_t a, uint64_t v);
void probe_str16(uintptr_t a, uint64_t v);
void probe_str32(uintptr_t a, uint64_t v);
void probe_str64(uintptr_t a, uint64_t v);

int fault_outcome(struct probe_outcome *out, uint64_t value)
{
	struct fault_seen f;

	*out = (struct probe_outcome){ 0 };
	if (fault_end(&f)) {
		out->faulted = 1;
		out->esr = f.esr;
		out->far = f.far;
		return -1;
	}
	out->value = value;
	return 0;
}

static int call(uint64_t (*fn)(uintptr_t), uintptr_t addr, struct probe_outcome *out)
{
	fault_begin();
	uint64_t v = fn(addr);
	return fault_outcome(out, v);
}

int probe_form_write(const struct probe_store_form *f, uintptr_t addr, uint64_t value,
		     uint64_t next, struct probe_outcome *out)
{
	fault_begin();
	f->store(addr, value, next);
	return fault_outcome(out, 0);
}

int probe_form_read(const struct probe_form *f, uintptr_t addr, struct probe_outcome *out)
{
	return call(f->load, addr, out);
}

int probe_read(uintptr_t addr, unsigned width, struct probe_outcome *out)
{
	switch (width) {
	case 8: return call(probe_ldr8, addr, out);
	case 16: return call(probe_ldr16, addr, out);
	case 32: return call(probe_ldr32, addr, out);
	case 64: return call(probe_ldr64, addr, out);
	}
	*out = (struct probe_outcome){ .faulted = -1 };
	return -1;
}

int probe_write(uintptr_t addr, unsigned width, uint64_t value, struct probe_outcome *out)
{
	fault_begin();
	switch (width) {
	case 8: probe_str8(addr, value); break;
	case 16: probe_str16(addr, value); break;
	case 32: probe_str32(addr, value); break;
	case 64: probe_str64(addr, value); break;
	default: *out = (struct probe_outcome){ .faulted = -1 }; return -1;
	}
	return fault_outcome(out, 0);
}
