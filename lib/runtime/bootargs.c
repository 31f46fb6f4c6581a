// SPDX-License-Identifier: MIT
#include "runtime/bootargs.h"

#include <stdlib.h>
#include <string.h>

int bootarg_get(const char *args, const char *key, char *buf, size_t len)
{
	size_t klen = strlen(key);

	for (const char *p = args; p && *p;) {
		p += strspn(p, " \t");
		size_t wlen = strcspn(p, " \t");
		if (wlen >= klen && !strncmp(p, key, klen) && (wlen == klen || p[klen] == '=')) {
			const char *v = wlen == klen ? p + wlen : p + klen + 1;
			size_t vlen = (size_t)(p + wlen - v);
			if (len) {
				if (vlen >= len)
					vlen = len - 1;
				memcpy(buf, v, vlen);
				buf[vlen] = 0;
			}
			return 1;
		}
		p += wlen;
	}
	return 0;
}

int parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	unsigned shift = 0;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	v = strtoull(s, &end, 0);
	if (end == s)
		return -1;
	switch (*end) {
	case 'G':
	case 'g':
		shift = 30;
		end++;
		break;
	case 'M':
	case 'm':
		shift = 20;
		end++;
		break;
	case 'K':
	case 'k':
		shift = 10;
		end++;
		break;
	}
	if (*end || v > (~0ull >> shift))
		return -1;
	v <<= shift;
	*out = v;
	return 0;
}
