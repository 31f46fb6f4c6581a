// SPDX-License-Identifier: MIT
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dt/platform.h"

const char *dt_compat_next(const struct dt_device *d, const char *prev)
{
	if (!d->compat)
		return NULL;
	const char *end = d->compat + d->compat_len;
	const char *s = prev ? prev + strnlen(prev, end - prev) + 1 : d->compat;

	return s < end ? s : NULL;
}

int dt_compat_has(const struct dt_device *d, const char *compat)
{
	for (const char *s = dt_compat_next(d, NULL); s; s = dt_compat_next(d, s))
		if (!strcmp(s, compat))
			return 1;
	return 0;
}

int dt_compat_hex_suffix(const struct dt_device *d, const char *prefix, uint32_t *value)
{
	size_t n = strlen(prefix);

	for (const char *s = dt_compat_next(d, NULL); s; s = dt_compat_next(d, s)) {
		const char *hex = s + n;
		size_t len = strlen(hex);
		/* As "%x" prints it: lower case, no leading zeros (what a match compares with). */
		if (strncmp(s, prefix, n) || !len || len > 8 ||
		    strspn(hex, "0123456789abcdef") != len || (hex[0] == '0' && len > 1))
			continue;
		*value = (uint32_t)strtoul(hex, NULL, 16);
		return 0;
	}
	return -1;
}

const struct dt_device *dt_device_at_node(const struct platform *p, int node)
{
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].node == node)
			return &p->devices[i];
	return NULL;
}

const struct dt_device *dt_child_next(const struct platform *p, const struct dt_device *parent,
				      const struct dt_device *prev)
{
	int want = (int)(parent - p->devices);

	for (int i = prev ? (int)(prev - p->devices) + 1 : 0; i < p->ndevices; i++)
		if (p->devices[i].parent == want)
			return &p->devices[i];
	return NULL;
}

const struct dt_device *platform_find_compatible(const struct platform *p, const char *compat,
						 int nth)
{
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].enabled && dt_compat_has(&p->devices[i], compat) && nth-- == 0)
			return &p->devices[i];
	return NULL;
}

/* "xen,xen-X.Y" among the compatibles (arm/xen.txt); 0 when found. */
int dt_xen_version(const struct dt_device *x, unsigned *maj, unsigned *min)
{
	for (const char *s = dt_compat_next(x, NULL); s; s = dt_compat_next(x, s)) {
		char *dot, *end;
		if (strncmp(s, "xen,xen-", 8) || !isdigit((unsigned char)s[8]))
			continue;
		unsigned long a = strtoul(s + 8, &dot, 10);
		if (*dot != '.' || !isdigit((unsigned char)dot[1]))
			continue;
		unsigned long b = strtoul(dot + 1, &end, 10);
		if (*end || a > 0xffff || b > 0xffff)
			continue;
		*maj = (unsigned)a;
		*min = (unsigned)b;
		return 0;
	}
	return -1;
}

uint64_t platform_ram_total(const struct platform *p)
{
	uint64_t total = 0;

	for (int i = 0; i < p->nbanks; i++)
		total += p->banks[i].size;
	return total;
}

const struct dt_reserved *dt_reserved_at(const struct platform *p, uint64_t base, uint64_t size)
{
	static const struct dt_reserved unknown = {
		.name = "a reservation past the model's limit"
	};

	if (p->reserved_dropped)
		return &unknown; /* where the dropped ones are is unknown: all of RAM may be */
	for (int i = 0; i < p->nreserved; i++)
		if (ranges_overlap(base, size, p->reserved[i].range.base,
				   p->reserved[i].range.size))
			return &p->reserved[i];
	return NULL;
}

int dt_next_reg(struct dt_reg_iter *it)
{
	while (it->next_dev < it->p->ndevices) {
		const struct dt_device *d = &it->p->devices[it->next_dev];
		if ((d->enabled || it->include_disabled) && it->next_reg < d->nreg) {
			const struct addr_range *r = &d->reg[it->next_reg++];
			if (it->overlapping &&
			    !ranges_overlap(r->base, r->size, it->base, it->size))
				continue;
			it->d = d;
			it->r = r;
			return 1;
		}
		it->next_dev++;
		it->next_reg = 0;
	}
	return 0;
}

static int is_ancestor(const char *a, const char *b)
{
	size_t n = strlen(a);
	return !strncmp(a, b, n) && (b[n] == '/' || !strcmp(a, "/"));
}

int dt_paths_related(const char *a, const char *b)
{
	return is_ancestor(a, b) || is_ancestor(b, a);
}
