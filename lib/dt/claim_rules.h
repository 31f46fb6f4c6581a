/* SPDX-License-Identifier: MIT */
/*
 * What the harness understands of each binding, as data (claim_rules.c):
 * for a property of a node (by compatible, by node name, or any node), what
 * the model itself does with it, which claim's holding holds it, or why
 * nothing can. The first rule that matches classes a claim; a suite's
 * claim_hold() may raise it further.
 */
#ifndef DT_CLAIM_RULES_H
#define DT_CLAIM_RULES_H

#include <stdint.h>

/* What a claim is held as (dt/claims.h). */
/* Weakest first: a claim keeps the strongest kind anything gave it. */
enum claim_kind {
	CLAIM_UNCHECKED, /* nothing reads it, or the model only keeps it: the reason says */
	CLAIM_FORM,	 /* validated for form only (cells, lengths, strings, references) */
	CLAIM_USE,	 /* held through its use in holding another claim (claim_rules.c) */
	CLAIM_DOC,	 /* held against the documentation (a profile, a spec) */
	CLAIM_PROBE,	 /* held against what the platform does */
	CLAIM_KINDS
};

/* The pseudo-node of the header's claims: its boot CPU and reservation block. */
#define CLAIM_HEADER	 (-1)
#define CLAIM_BOOT_CPU	 "boot_cpuid_phys"
#define CLAIM_MEMRESERVE "memreserve"
/* A node's own claim: where it sits, its name (before any @) and its parent. */
#define CLAIM_PLACE "(place)"

/* Where the claim is whose holding holds a CLAIM_USE one. */
/* VIA_TARGET: the node the property names by phandle. VIA_REFERRER: any claim held
 * (through its use too) that names this node by phandle (dt/references.h); via unused.
 * VIA_TRANSLATED: a child's, where the node's children have sized (bus) addresses.
 * VIA_INHERITORS: the node's or a descendant's that takes this node's interrupt-parent.
 * VIA_CONTROLLED: any held claim whose interrupts go to this node (through the
 * interrupt-parent they take, interrupts-extended or interrupt-map); via unused. */
enum claim_via {
	VIA_NONE,
	VIA_SELF,
	VIA_CHILDREN,
	VIA_TARGET,
	VIA_REFERRER,
	VIA_TRANSLATED,
	VIA_INHERITORS,
	VIA_CONTROLLED,
};

struct claim_rule {
	const char *compatible; /* a node with this compatible; NULL: any */
	const char *name;	/* a node of this name (before any @); NULL: any */
	const char *prop;	/* the property (or a CLAIM_ name of claims.h); NULL: any */
	uint8_t kind;		/* enum claim_kind: what this rule gives it */
	uint8_t via_scope;	/* enum claim_via, for CLAIM_USE */
	const char *via;	/* CLAIM_USE: the property whose holding holds this one */
	const char *why;	/* what the rule says: how it is held, or why it cannot be */
};

extern const struct claim_rule claim_rules[];
extern const unsigned claim_rules_count;

#endif
