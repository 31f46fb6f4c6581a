// SPDX-License-Identifier: MIT
/*
 * memmap suite, the values the documentation gives properties (the
 * profile's values: QEMU 7.2's virt.c writes model, the PSCI IDs, each
 * PrimeCell's clocks, the PCIe host's interrupt map...). Each node the
 * documentation names, by compatible or by path, is asked for each value;
 * the first entry that names a node and property is the one it is held
 * to. Every value asked is a claim held against the documentation, equal
 * or not (dt/claims.h).
 */
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/image.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "tests/memmap/memmap.h"
#include "util/util.h"

#define VALUE_TEXT 96

int memmap_path_matches(const char *path, const char *pattern)
{
	if (!strcmp(pattern, "/"))
		return !strcmp(path, "/");
	while (*path == '/' && *pattern == '/') {
		path++;
		pattern++;
		size_t name = strcspn(path, "@/"), want = strcspn(pattern, "/");
		if (name != want || strncmp(path, pattern, want))
			return 0;
		path += strcspn(path, "/");
		pattern += want;
	}
	return !*path && !*pattern;
}

/* The node (its path, its compatible list: compat, clen) is the one where names. */
static int where_matches(const char *path, const char *compat, int clen, const char *where)
{
	return where[0] == '/' ? memmap_path_matches(path, where)
			       : compat && fdt_stringlist_contains(compat, clen, where);
}

int memmap_node_listed(const void *fdt, int node, const char *list)
{
	int len;
	const char *c = node >= 0 ? fdt_getprop(fdt, node, "compatible", &len) : NULL;

	for (int at = 0; c && at < len; at += (int)strnlen(c + at, (size_t)(len - at)) + 1)
		if (profile_compat_listed(list, c + at))
			return 1;
	return 0;
}

/* Is the node a phandle names compatible with one of a space-separated list? */
static int names_one_of(const void *fdt, uint32_t phandle, const char *list)
{
	return memmap_node_listed(fdt, fdt_node_offset_by_phandle(fdt, phandle), list);
}

/* Append to a text, cut at its size. */
static void appendf(char *out, size_t n, const char *fmt, ...)
{
	size_t at = strlen(out);
	va_list ap;

	if (at + 1 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(out + at, n - at, fmt, ap);
	va_end(ap);
}

/* A value as people read it: its strings if it is a string list, else its cells. */
static void say_value(char *out, size_t n, const uint8_t *v, int len)
{
	int printable = len > 0 && v[len - 1] == 0;

	for (int i = 0; printable && i < len; i++)
		printable = (v[i] >= 0x20 && v[i] < 0x7f) || (v[i] == 0 && i && v[i - 1]);
	out[0] = 0;
	if (len == 0) {
		appendf(out, n, "empty");
	} else if (printable) {
		for (int at = 0; at < len; at += (int)strlen((const char *)v + at) + 1)
			appendf(out, n, "%s\"%s\"", at ? "," : "", (const char *)v + at);
	} else {
		appendf(out, n, "<");
		for (int i = 0; i + 4 <= len && i < 32; i += 4)
			appendf(out, n, "%s0x%x", i ? " " : "", fdt32_ld((const fdt32_t *)(v + i)));
		appendf(out, n, "%s", len > 32 ? " ...>" : len % 4 ? " +bytes>" : ">");
	}
}

static void say_expected(char *out, size_t n, const struct profile_value *w)
{
	out[0] = 0;
	if (w->kind == VALUE_EMPTY) {
		appendf(out, n, "empty");
		return;
	}
	if (w->kind == VALUE_STRINGS) {
		say_value(out, n, (const uint8_t *)w->str, (int)w->str_len);
		return;
	}
	appendf(out, n, "<");
	for (unsigned i = 0; i < w->ncells; i++) {
		if (w->ref_cells & (1u << i))
			appendf(out, n, "%s&(%s)", i ? " " : "", w->ref);
		else
			appendf(out, n, "%s0x%x", i ? " " : "", w->cells[i]);
	}
	appendf(out, n, ">");
}

static int cells_equal(const void *fdt, const struct profile_value *w, const uint8_t *v, int len)
{
	if (len != (int)w->ncells * 4)
		return 0;
	for (unsigned i = 0; i < w->ncells; i++) {
		uint32_t c = fdt32_ld((const fdt32_t *)(v + 4 * i));
		if ((w->ref_cells & (1u << i)) ? !names_one_of(fdt, c, w->ref) : c != w->cells[i])
			return 0;
	}
	return 1;
}

/* Does the tree have an enabled node compatible with one of a space-separated list? */
static int tree_has(const struct platform *p, const char *list)
{
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].enabled && memmap_node_listed(p->fdt, p->devices[i].node, list))
			return 1;
	return 0;
}

/* The value asked of one node, where the first entry for its property is w. */
static void ask(struct test_ctx *t, const struct profile *prof, int node, const char *path,
		const struct profile_value *w)
{
	const struct platform *p = t->plat;
	int len;
	const uint8_t *v = fdt_getprop(p->fdt, node, w->prop, &len);
	char got[VALUE_TEXT], want[VALUE_TEXT];

	subject_push(t, "node", "%s", path);
	subject_push(t, "prop", "%s", w->prop);
	if (!v && w->always_with && !w->always) {
		check(t, !tree_has(p, w->always_with), "documented_property",
		      "%s lacks %s, which %s writes on every such node where the tree has %s", path,
		      w->prop, w->source, w->always_with);
	} else if (!v) {
		check(t, !w->always, "documented_property",
		      "%s lacks %s, which %s writes on every such node", path, w->prop, w->source);
	} else if (w->kind == VALUE_PCI_BUS_RANGE || w->kind == VALUE_PCI_INTX_MAP ||
		   w->kind == VALUE_PCI_SPACES) {
		memmap_check_pci_value(t, node, w, v, len);
	} else {
		int same = w->kind == VALUE_EMPTY ? len == 0
			   : w->kind == VALUE_STRINGS
				   ? len == (int)w->str_len && !memcmp(v, w->str, w->str_len)
				   : cells_equal(p->fdt, w, v, len);
		got[0] = want[0] = 0;
		if (!same) { /* formatted only for the finding: most values agree */
			say_value(got, sizeof(got), v, len);
			say_expected(want, sizeof(want), w);
		}
		check(t, same, "documented_value", "%s %s is %s; %s (%s) writes %s", path, w->prop,
		      got, prof->name, w->source, want);
	}
	subject_pop(t);
	subject_pop(t);
	if (v)
		claim_hold(node, w->prop, CLAIM_DOC);
}

int memmap_value_for_guest(const struct profile_value *w)
{
	return (!w->guest_bits || w->guest_bits == (strcmp(image_isa(), "arm") ? 64 : 32)) &&
	       (!w->cpu_arch || w->cpu_arch == cpu_arch_version());
}

/* One walk at a time: check_nodes and memmap_check_values take turns. */
static struct memmap_walk walk;

/* Each node the documentation always writes is in the tree, enabled. */
static unsigned check_nodes(struct test_ctx *t, const struct profile *prof)
{
	const void *fdt = t->plat->fdt;
	unsigned asked = 0;

	for (unsigned i = 0; i < prof->nvalues; i++) {
		const struct profile_value *w = &prof->values[i];
		int found = 0;
		if (w->kind != VALUE_NODE || !memmap_value_for_guest(w))
			continue;
		for (memmap_walk_start(&walk, 0); !found && memmap_walk_next(fdt, &walk);)
			found = memmap_path_matches(walk.path, w->where);
		subject_push(t, "node", "%s", w->where);
		check(t, found, "documented_node_present",
		      "no enabled node %s (any unit address), which %s writes on every platform",
		      w->where, w->source);
		subject_pop(t);
		asked++;
	}
	return asked;
}

/* Ask every enabled node the values its first matching entries give; how many were asked. */
unsigned memmap_check_values(struct test_ctx *t, const struct profile *prof)
{
	const void *fdt = t->plat->fdt;
	unsigned asked = 0;

	for (memmap_walk_start(&walk, 0); memmap_walk_next(fdt, &walk);) {
		int node = walk.node, clen;
		const char *path = walk.path;
		/* Read once, not once an entry. */
		const char *compat = fdt_getprop(fdt, node, "compatible", &clen);
		for (unsigned i = 0; i < prof->nvalues; i++) {
			const struct profile_value *w = &prof->values[i];
			/* Whether it names the node first: the earlier entries only then. */
			if (!memmap_value_for_guest(w) || !w->prop ||
			    !where_matches(path, compat, clen, w->where))
				continue;
			int first = 1;
			for (unsigned k = 0; k < i && first; k++)
				first = !memmap_value_for_guest(&prof->values[k]) ||
					!prof->values[k].prop ||
					strcmp(prof->values[k].prop, w->prop) ||
					!where_matches(path, compat, clen, prof->values[k].where);
			if (!first)
				continue;
			ask(t, prof, node, path, w);
			asked++;
		}
	}
	return asked + check_nodes(t, prof);
}
