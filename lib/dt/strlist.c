// SPDX-License-Identifier: MIT
#include "dt/strlist.h"

#include <string.h>

int strlist_has(const char *list, char sep, const char *word)
{
	size_t n = strlen(word);
	const char seps[2] = { sep, 0 };

	for (const char *p = list; p && *p;) {
		size_t w = strcspn(p, seps);
		if (w == n && !strncmp(p, word, n))
			return 1;
		p += w;
		p += *p == sep;
	}
	return 0;
}
