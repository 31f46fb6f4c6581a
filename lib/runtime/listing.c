#include "runtime/listing.h"

#include "runtime/ktap.h"
#include "runtime/protocol.h"

void listing_say(struct registry reg)
{
	for (const struct suite *const *sp = reg.begin; sp < reg.end; sp++) {
		const struct suite *s = *sp;
		ktap_diag(0, LIST_PREFIX "suite %s %s %u", s->name,
			  s->on_request ? LIST_ON_REQUEST : LIST_DEFAULT, s->ncases);
		for (unsigned i = 0; i < s->ncases; i++)
			ktap_diag(0, LIST_PREFIX "case %s.%s", s->name, s->cases[i].name);
	}
}
