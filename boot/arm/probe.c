// SPDX-License-Identifier: MIT
/* The instruction forms this architecture probes with (boot/probe.h; the rest is
 * boot/common/probe.c). */
#include "boot/probe.h"

#include "util/util.h"

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
