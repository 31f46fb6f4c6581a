// SPDX-License-Identifier: MIT
#include "boot/probe.h"

#include "boot/common/fault.h"
#include "util/util.h"

uint64_t probe_ldr8(uintptr_t a);
uint64_t probe_ldr16(uintptr_t a);
uint64_t probe_ldr32(uintptr_t a);
uint64_t probe_ldr64(uintptr_t a);
void probe_str8(uintptr_t a, uint64_t v);
void probe_str16(uintptr_t a, uint64_t v);
void probe_str32(uintptr_t a, uint64_t v);
void probe_str64(uintptr_t a, uint64_t v);
uint64_t probe_form_ldr_post(uintptr_t a);
uint64_t probe_form_ldr_pre(uintptr_t a);
uint64_t probe_form_ldrd(uintptr_t a);
uint64_t probe_form_ldm2(uintptr_t a);
uint64_t probe_form_ldr_reg(uintptr_t a);
uint64_t probe_form_t16_ldr(uintptr_t a);
uint64_t probe_form_t32_ldr(uintptr_t a);
uint64_t probe_form_t32_ldr_post(uintptr_t a);
uint64_t probe_form_t32_ldrd(uintptr_t a);
uint64_t probe_form_t16_ldm(uintptr_t a);

/* A32 then T32 (the names say which): none sign-extends, a register is 32 bits. */
const struct probe_form probe_forms[] = {
	{ "a32-ldr-post", probe_form_ldr_post, 0 }, { "a32-ldr-pre", probe_form_ldr_pre, 0 },
	{ "a32-ldr-reg", probe_form_ldr_reg, 0 },   { "a32-ldrd", probe_form_ldrd, 0 },
	{ "a32-ldm", probe_form_ldm2, 0 },	    { "t16-ldr", probe_form_t16_ldr, 0 },
	{ "t32-ldr", probe_form_t32_ldr, 0 },	    { "t32-ldr-post", probe_form_t32_ldr_post, 0 },
	{ "t32-ldrd", probe_form_t32_ldrd, 0 },	    { "t16-ldm", probe_form_t16_ldm, 0 },
};
const unsigned probe_nforms = ARRAY_SIZE(probe_forms);

void probe_sform_str_post(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_str_pre(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_strd(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_stm2(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_t32_str_post(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_t32_strd(uintptr_t a, uint64_t v, uint64_t next);

/* The stores' counterparts of the load forms; a pair writes value, then next. */
const struct probe_store_form probe_store_forms[] = {
	{ "a32-str-post", probe_sform_str_post, 0 },
	{ "a32-str-pre", probe_sform_str_pre, 0 },
	{ "a32-strd", probe_sform_strd, 1 },
	{ "a32-stm", probe_sform_stm2, 1 },
	{ "t32-str-post", probe_sform_t32_str_post, 0 },
	{ "t32-strd", probe_sform_t32_strd, 1 },
};
const unsigned probe_nstore_forms = ARRAY_SIZE(probe_store_forms);

static int finish(struct probe_outcome *out, uint64_t value)
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
	return finish(out, v);
}

int probe_form_read(const struct probe_form *f, uintptr_t addr, struct probe_outcome *out)
{
	return call(f->load, addr, out);
}

int probe_form_write(const struct probe_store_form *f, uintptr_t addr, uint64_t value,
		     uint64_t next, struct probe_outcome *out)
{
	fault_begin();
	f->store(addr, value, next);
	return finish(out, 0);
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
	return finish(out, 0);
}
