// SPDX-License-Identifier: MIT
#include "runtime/coverage.h"

#include <libfdt.h>

#include "dt/claims.h"
#include "runtime/protocol.h"
#include "runtime/record.h"

/* Unchecked claims listed one per line, at most; past it the count says how many more. */
#define UNCHECKED_LISTED 600

static void say_unchecked(const struct platform *p, const struct claim *c)
{
	char path[PLAT_PATH_LEN];
	struct record r;

	if (c->node == CLAIM_HEADER || fdt_get_path(p->fdt, c->node, path, sizeof(path)))
		path[0] = 0;
	record_start(&r, 0, RECORD_UNCHECKED);
	record_field(&r, "node", "%s", c->node == CLAIM_HEADER ? CLAIM_HEADER_NODE : path);
	record_field(&r, "prop", "%s", c->prop);
	if (c->node == CLAIM_HEADER && c->index)
		record_field(&r, "index", "%u", c->index);
	record_text(&r, "%s", claim_reason(c));
	record_emit(&r);
}

void coverage_report(const struct platform *p, int all_suites)
{
	unsigned n[CLAIM_KINDS] = { 0 }, listed = 0;
	struct record r;

	if (!p->fdt_valid)
		return;
	claims_settle(p);
	for (unsigned i = 0; i < claims_count(); i++)
		n[claim_at(i)->kind]++;
	record_start(&r, 0, RECORD_CLAIMS);
	record_field(&r, "probe", "%u", n[CLAIM_PROBE]);
	record_field(&r, "doc", "%u", n[CLAIM_DOC]);
	record_field(&r, "use", "%u", n[CLAIM_USE]);
	record_field(&r, "form", "%u", n[CLAIM_FORM]);
	record_field(&r, "unchecked", "%u", n[CLAIM_UNCHECKED]);
	record_field(&r, "total", "%u", claims_count());
	record_field(&r, "dropped", "%u", claims_dropped());
	record_field(&r, "unlisted", "%u",
		     n[CLAIM_UNCHECKED] > UNCHECKED_LISTED ? n[CLAIM_UNCHECKED] - UNCHECKED_LISTED
							   : 0);
	record_field(&r, "suites", "%s", all_suites ? "all" : "some");
	record_emit(&r);
	for (unsigned i = 0; i < claims_count() && listed < UNCHECKED_LISTED; i++)
		if (claim_at(i)->kind == CLAIM_UNCHECKED) {
			say_unchecked(p, claim_at(i));
			listed++;
		}
}
