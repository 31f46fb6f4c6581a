// SPDX-License-Identifier: MIT
#include "runtime/listing.h"

#include "runtime/protocol.h"
#include "runtime/record.h"

static const char *runs(int on_request)
{
	return on_request ? LIST_ON_REQUEST : LIST_DEFAULT;
}

void listing_say(struct registry reg)
{
	struct record r;

	for (const struct suite *const *sp = reg.begin; sp < reg.end; sp++) {
		const struct suite *s = *sp;
		record_start(&r, 0, RECORD_LIST_SUITE);
		record_field(&r, "name", "%s", s->name);
		record_field(&r, "runs", "%s", runs(s->on_request));
		record_field(&r, "cases", "%u", s->ncases);
		record_emit(&r);
		for (unsigned i = 0; i < s->ncases; i++) {
			record_start(&r, 0, RECORD_LIST_CASE);
			record_field(&r, "suite", "%s", s->name);
			record_field(&r, "name", "%s", s->cases[i].name);
			record_field(&r, "runs", "%s", runs(s->cases[i].on_request));
			record_emit(&r);
		}
	}
}
