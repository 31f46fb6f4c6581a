/* SPDX-License-Identifier: MIT */
/*
 * Shorthands for a profile's values (spec/profile.h struct profile_value).
 * Each expects SRC(f), the profile's own way of citing a function f.
 */
#ifndef SPEC_PROFILE_VALUES_H
#define SPEC_PROFILE_VALUES_H

#include <stdint.h>

#include "spec/profile.h"

#define V_EMPTY(w, p, f)                                                                           \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_EMPTY, .always = 1, .source = SRC(f)          \
	}
#define V_STR(w, p, s, f)                                                                          \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_STRINGS, .always = 1, .str = s,               \
		.str_len = sizeof(s), .source = SRC(f)                                             \
	}
#define V_CELLS(w, p, always_, f, ...)                                                             \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_CELLS, .always = always_,                     \
		.ncells = sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, .cells = { __VA_ARGS__ },       \
		.source = SRC(f)                                                                   \
	}
/* The same, written only for a guest of that many bits (an AArch32 or AArch64 CPU). */
#define V_CELLS_BITS(bits, w, p, always_, f, ...)                                                  \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_CELLS, .always = always_,                     \
		.ncells = sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, .cells = { __VA_ARGS__ },       \
		.source = SRC(f), .guest_bits = bits                                               \
	}
/* A string written only for a guest of that many bits. */
#define V_STR_BITS(bits, w, p, s, f)                                                               \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_STRINGS, .always = 1, .str = s,               \
		.str_len = sizeof(s), .source = SRC(f), .guest_bits = bits                         \
	}
/* Strings written only for a CPU of architecture version arch (7 or 8). */
#define V_STR_ARCH(arch, w, p, s, f)                                                               \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_STRINGS, .always = 1, .str = s,               \
		.str_len = sizeof(s), .source = SRC(f), .cpu_arch = arch                           \
	}
/* Cells of which those in mask are phandles of a node compatible with one of ref. */
#define V_REFS(w, p, always_, mask, ref_, f, ...)                                                  \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_CELLS, .always = always_,                     \
		.ncells = sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, .cells = { __VA_ARGS__ },       \
		.ref_cells = mask, .ref = ref_, .source = SRC(f)                                   \
	}

/* The same, written on every such node when the tree has an enabled node of `with`'s
 * compatibles (profile_value.always_with). */
#define V_REFS_WITH(w, p, with, mask, ref_, f, ...)                                                \
	{                                                                                          \
		.where = w, .prop = p, .kind = VALUE_CELLS, .always_with = with,                   \
		.ncells = sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, .cells = { __VA_ARGS__ },       \
		.ref_cells = mask, .ref = ref_, .source = SRC(f)                                   \
	}

/* A node the documentation always writes (where: a path, unit addresses left out). */
#define V_NODE(w, f)                                                                               \
	{                                                                                          \
		.where = w, .kind = VALUE_NODE, .always = 1, .source = SRC(f)                      \
	}

/* Where the documentation writes a node when it writes one (compat_: the nodes with one of these
 * compatibles, space-separated; NULL: any node there). */
#define V_PLACE(w, compat_, f)                                                                     \
	{                                                                                          \
		.where = w, .kind = VALUE_PLACE, .ref = compat_, .source = SRC(f)                  \
	}

#endif
