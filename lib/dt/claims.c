// SPDX-License-Identifier: MIT
#include "dt/claims.h"

#include <libfdt.h>
#include <string.h>

#include "dt/claim_rules.h"
#include "dt/phandles.h"
#include "dt/props.h"
#include "dt/references.h"

static struct claim claims[CLAIMS_MAX];
static unsigned nclaims, ndropped;

static const char *const kind_names[CLAIM_KINDS] = {
	[CLAIM_UNCHECKED] = "unchecked",
	[CLAIM_FORM] = "form",
	[CLAIM_USE] = "use",
	[CLAIM_DOC] = "doc",
	[CLAIM_PROBE] = "probe",
};

const char *claim_kind_name(enum claim_kind k)
{
	return k < CLAIM_KINDS ? kind_names[k] : "?";
}

/* The node's name up to any '@' equals name. */
static int named(const void *fdt, int node, const char *name)
{
	const char *n = node >= 0 ? fdt_get_name(fdt, node, NULL) : NULL;
	size_t len = strlen(name);

	return n && !strncmp(n, name, len) && (n[len] == 0 || n[len] == '@');
}

static int rule_matches(const void *fdt, const struct claim_rule *r, int node, const char *prop)
{
	if (r->prop && strcmp(r->prop, prop))
		return 0;
	if (r->name && !named(fdt, node, r->name))
		return 0;
	return !r->compatible ||
	       (node >= 0 && fdt_node_check_compatible(fdt, node, r->compatible) == 0);
}

/*
 * A property another one overrides is read by nothing (Devicetree
 * Specification 0.4 2.4.1.3: interrupts-extended overrides interrupts): it is
 * unchecked, whatever its rule, and a hold of it holds the one that overrides.
 */
static const struct {
	const char *prop, *by, *why;
} shadowed[] = {
	{ "interrupts", "interrupts-extended",
	  "overridden by interrupts-extended (Devicetree Specification 0.4 2.4.1.3): nothing "
	  "reads it" },
};

static const char *shadowed_by(const void *fdt, int node, const char *prop)
{
	for (unsigned i = 0; node >= 0 && i < sizeof(shadowed) / sizeof(shadowed[0]); i++)
		if (!strcmp(prop, shadowed[i].prop) && fdt_getprop(fdt, node, shadowed[i].by, NULL))
			return shadowed[i].by;
	return NULL;
}

static void add(const void *fdt, int node, int parent, int irq_source, const char *prop,
		unsigned index)
{
	if (nclaims >= CLAIMS_MAX) {
		ndropped++;
		return;
	}
	struct claim *c = &claims[nclaims++];
	c->node = node;
	c->parent = parent;
	c->irq_source = irq_source;
	c->prop = prop;
	c->index = (uint16_t)index;
	c->kind = CLAIM_UNCHECKED;
	c->rule = CLAIM_NO_RULE;
	c->shadowed = shadowed_by(fdt, node, prop) != NULL;
	for (unsigned i = 0; i < claim_rules_count && !c->shadowed; i++)
		if (rule_matches(fdt, &claim_rules[i], node, prop)) {
			c->rule = (uint8_t)i;
			/* A CLAIM_USE rule holds only once what it is used for is (claims_settle).
			 */
			c->kind = claim_rules[i].kind == CLAIM_USE ? CLAIM_UNCHECKED
								   : claim_rules[i].kind;
			break;
		}
}

void claims_collect(const struct platform *p)
{
	const void *fdt = p->fdt;

	nclaims = ndropped = 0;
	if (!p->fdt_valid)
		return;
	if (p->boot_cpuid_known)
		add(fdt, CLAIM_HEADER, -1, -1, CLAIM_BOOT_CPU, 0);
	for (int i = 0; i < fdt_num_mem_rsv(fdt); i++)
		add(fdt, CLAIM_HEADER, -1, -1, CLAIM_MEMRESERVE, (unsigned)i);
	/*
	 * Each node's parent is the last node seen one level up, and the node whose
	 * interrupt-parent its interrupts take (Devicetree Specification 0.4 2.4.1.2) itself
	 * or its parent's; past DT_MAX_DEPTH, unknown.
	 */
	int depth = 0, up[DT_MAX_DEPTH] = { 0 }, src[DT_MAX_DEPTH] = { 0 };
	for (int node = 0; node >= 0 && depth >= 0; node = fdt_next_node(fdt, node, &depth)) {
		int known = depth <= DT_MAX_DEPTH;
		int parent = depth > 0 && known ? up[depth - 1] : -1, prop;
		int from = depth > 0 && known ? src[depth - 1] : -1;
		int irq_source = fdt_getprop(fdt, node, "interrupt-parent", NULL) ? node : from;
		if (depth < DT_MAX_DEPTH) {
			up[depth] = node;
			src[depth] = irq_source;
		}
		if (node > 0)
			add(fdt, node, parent, irq_source, CLAIM_PLACE, 0);
		fdt_for_each_property_offset(prop, fdt, node)
		{
			const char *name;
			if (fdt_getprop_by_offset(fdt, prop, &name, NULL) && name)
				add(fdt, node, parent, irq_source, name, 0);
		}
	}
}

void claim_hold(int node, const char *prop, enum claim_kind kind)
{
	/* A node a lookup did not find (a libfdt error, -1 among them) holds nothing. */
	if (node < 0 && (node != CLAIM_HEADER ||
			 (strcmp(prop, CLAIM_BOOT_CPU) && strcmp(prop, CLAIM_MEMRESERVE))))
		return;
	for (unsigned i = 0; i < nclaims; i++) {
		struct claim *c = &claims[i];
		if (c->node != node || strcmp(c->prop, prop))
			continue;
		if (c->shadowed) {
			/* What the check asked came from the property that overrides this one. */
			for (unsigned k = 0; k < sizeof(shadowed) / sizeof(shadowed[0]); k++)
				if (!strcmp(prop, shadowed[k].prop))
					claim_hold(node, shadowed[k].by, kind);
			return;
		}
		if (c->kind < kind)
			c->kind = (uint8_t)kind;
	}
}

void claim_hold_compatible(const struct platform *p, const char *compat, const char *prop,
			   enum claim_kind kind)
{
	for (int i = 0; i < p->ndevices; i++)
		if (dt_compat_has(&p->devices[i], compat))
			claim_hold(p->devices[i].node, prop, kind);
}

/* The node a claim's property names by phandle, or -1. */
static int target_of(const void *fdt, const struct claim *c)
{
	int len;
	const fdt32_t *v = c->node >= 0 ? fdt_getprop(fdt, c->node, c->prop, &len) : NULL;

	return v && len == 4 ? fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*v)) : -1;
}

/* Does a claim held, through its use too, name the claim's node by phandle? */
static int referred_by_held(const struct platform *p, const struct claim *c)
{
	for (unsigned i = 0; i < nclaims; i++) {
		const struct claim *o = &claims[i];
		if (o->kind >= CLAIM_USE && o->node >= 0 &&
		    dt_refers_to(p, o->node, o->prop, c->node))
			return 1;
	}
	return 0;
}

/* Does a held claim send interrupts to node: interrupts through the interrupt-parent
 * they take, or interrupts-extended and interrupt-map by naming it? */
static int sends_to(const struct platform *p, const struct claim *o, int node)
{
	if (!strcmp(o->prop, "interrupts")) {
		int src = o->irq_source, len;
		const fdt32_t *ph =
			src >= 0 ? fdt_getprop(p->fdt, src, "interrupt-parent", &len) : NULL;
		return ph && len == 4 && dt_phandle_node(p, fdt32_ld(ph)) == node;
	}
	return (!strcmp(o->prop, "interrupts-extended") || !strcmp(o->prop, "interrupt-map")) &&
	       dt_refers_to(p, o->node, o->prop, node);
}

/* Is a claim held (against a probe or the documentation) where the rule's scope says? */
static int via_held(const struct platform *p, const struct claim *c, const struct claim_rule *r)
{
	const void *fdt = p->fdt;
	int target = r->via_scope == VIA_TARGET ? target_of(fdt, c) : -1;

	if (r->via_scope == VIA_REFERRER)
		return c->node >= 0 && referred_by_held(p, c);
	/* Children with unsized addresses (/cpus': MPIDRs) are no bus a ranges translates. */
	if (r->via_scope == VIA_TRANSLATED && dt_cells_of(fdt, c->node, "#size-cells", 1) == 0)
		return 0;

	for (unsigned i = 0; i < nclaims; i++) {
		const struct claim *o = &claims[i];
		if (o->kind < CLAIM_DOC || o->node < 0)
			continue;
		if (r->via_scope == VIA_CONTROLLED) {
			if (sends_to(p, o, c->node))
				return 1;
			continue;
		}
		if (strcmp(o->prop, r->via))
			continue;
		if ((r->via_scope == VIA_SELF && o->node == c->node) ||
		    (r->via_scope == VIA_TARGET && target >= 0 && o->node == target) ||
		    ((r->via_scope == VIA_CHILDREN || r->via_scope == VIA_TRANSLATED) &&
		     o->parent == c->node) ||
		    (r->via_scope == VIA_INHERITORS && o->irq_source == c->node))
			return 1;
	}
	return 0;
}

/* A claim held through its use may hold another (a phandle through the reference held
 * through its use): settle until nothing changes; each pass holds one more or ends. */
void claims_settle(const struct platform *p)
{
	for (int changed = 1; changed;) {
		changed = 0;
		for (unsigned i = 0; i < nclaims; i++) {
			struct claim *c = &claims[i];
			const struct claim_rule *r =
				c->rule != CLAIM_NO_RULE ? &claim_rules[c->rule] : NULL;
			if (r && r->kind == CLAIM_USE && c->kind < CLAIM_USE && via_held(p, c, r)) {
				c->kind = CLAIM_USE;
				changed = 1;
			}
		}
	}
}

unsigned claims_count(void)
{
	return nclaims;
}

unsigned claims_dropped(void)
{
	return ndropped;
}

const struct claim *claim_at(unsigned i)
{
	return i < nclaims ? &claims[i] : NULL;
}

const char *claim_reason(const struct claim *c)
{
	const struct claim_rule *r = c->rule != CLAIM_NO_RULE ? &claim_rules[c->rule] : NULL;

	for (unsigned k = 0; c->shadowed && k < sizeof(shadowed) / sizeof(shadowed[0]); k++)
		if (!strcmp(c->prop, shadowed[k].prop))
			return shadowed[k].why;
	if (!r)
		return "nothing in the harness reads it";
	if (r->kind == CLAIM_USE && c->kind < CLAIM_USE)
		return "held only through its use, and what uses it is not held here";
	return r->why;
}
