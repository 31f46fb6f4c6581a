/* SPDX-License-Identifier: MIT */
/*
 * Claim coverage. Every property of every node of the tree, each node's
 * place (CLAIM_PLACE), the header's boot CPU and each entry of its
 * reservation block is a claim the platform makes; each is accounted for
 * as one of enum claim_kind, so that a report
 * can say what it did not check. What the harness understands of each
 * binding is data (claim_rules.c): what the model itself validates, what is
 * held through its use in holding another claim, and why the rest cannot be
 * held. What a suite holds it says with claim_hold(), where the check that
 * would fail on a wrong value runs (pass or fail: the claim was asked).
 */
#ifndef DT_CLAIMS_H
#define DT_CLAIMS_H

#include <stdint.h>

#include "dt/claim_rules.h"
#include "dt/platform.h"

#define CLAIMS_MAX 1536

#define CLAIM_NO_RULE 0xff

/* 24 bytes on AArch64: CLAIMS_MAX of them are the image's largest table but two. */
struct claim {
	const char *prop; /* the property's name in the blob, or a CLAIM_ name */
	int node;	  /* the node's offset in the blob, or CLAIM_HEADER */
	int parent;	  /* its parent's offset, or -1 (the root, the header) */
	int irq_source;	  /* the node whose interrupt-parent the node's interrupts take, or -1 */
	uint16_t index;	  /* a reservation block entry's index; else 0 */
	uint8_t rule;	  /* the rule that classed it (claim_rules.c), or CLAIM_NO_RULE */
	uint8_t kind : 7; /* enum claim_kind */
	uint8_t shadowed : 1; /* another property of the node overrides it: nothing reads it */
};

/* Every claim of the parsed tree (platform_parse calls it), rules applied. */
void claims_collect(const struct platform *p);
/*
 * A check that would fail on a wrong value asked this claim: it rises to
 * kind (a claim the tree does not make is no claim, and is ignored).
 */
void claim_hold(int node, const char *prop, enum claim_kind kind);
/* The same for every claim of a property of the nodes with compat (a kind of node, every one). */
void claim_hold_compatible(const struct platform *p, const char *compat, const char *prop,
			   enum claim_kind kind);
/* Settles the claims held through their use (CLAIM_USE rules); before claim_at. */
void claims_settle(const struct platform *p);

unsigned claims_count(void);
unsigned claims_dropped(void); /* past CLAIMS_MAX: counted, not kept */
const struct claim *claim_at(unsigned i);
/* Why a claim is unchecked (its rule's reason, or that nothing reads it). */
const char *claim_reason(const struct claim *c);
const char *claim_kind_name(enum claim_kind k);

#endif
