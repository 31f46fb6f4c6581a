// SPDX-License-Identifier: MIT
/* The instruction forms this architecture probes with (boot/probe.h; the rest is
 * boot/common/probe.c). */
#include "boot/probe.h"

#include "util/util.h"

uint64_t probe_form_ldp32(uintptr_t a);
uint64_t probe_form_ldr32_pre(uintptr_t a);
uint64_t probe_form_ldr32_post(uintptr_t a);
uint64_t probe_form_ldrsw(uintptr_t a);
uint64_t probe_form_ldr_simd(uintptr_t a);

const struct probe_form probe_forms[] = {
	{ "ldr32-post", probe_form_ldr32_post, 0 }, { "ldr32-pre", probe_form_ldr32_pre, 0 },
	{ "ldp32", probe_form_ldp32, 0 },	    { "ldrsw", probe_form_ldrsw, 1 },
	{ "ldr-simd-s", probe_form_ldr_simd, 0 },
};
const unsigned probe_nforms = ARRAY_SIZE(probe_forms);

void probe_sform_str32_post(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_str32_pre(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_stp32(uintptr_t a, uint64_t v, uint64_t next);
void probe_sform_str_simd(uintptr_t a, uint64_t v, uint64_t next);

const struct probe_store_form probe_store_forms[] = {
	{ "str32-post", probe_sform_str32_post, 0 },
	{ "str32-pre", probe_sform_str32_pre, 0 },
	{ "stp32", probe_sform_stp32, 1 },
	{ "str-simd-s", probe_sform_str_simd, 0 },
};
const unsigned probe_nstore_forms = ARRAY_SIZE(probe_store_forms);
