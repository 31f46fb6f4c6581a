// SPDX-License-Identifier: MIT
#include "runtime/options.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dt/platform.h"
#include "runtime/bootargs.h"
#include "runtime/protocol.h"
#include "spec/profile_select.h"
#include "util/util.h"

#define DEFAULT_WATCHDOG_SECONDS 20

/* A problem with the bootarg key (the subject of its finding: runtime/suite.c). */
static void problem(struct options *o, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct options *o, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (o->nproblems >= OPT_MAX_PROBLEMS) {
		o->problems_dropped++;
		return;
	}
	snprintf(o->problem_keys[o->nproblems], sizeof(o->problem_keys[0]), "%s", key);
	va_start(ap, fmt);
	vsnprintf(o->problems[o->nproblems++], sizeof(o->problems[0]), fmt, ap);
	va_end(ap);
}

/* Copy a value into its field; a value that does not fit is a problem, not a cut. */
static int keep(struct options *o, const char *key, const char *v, char *dst, size_t len)
{
	if (strlen(v) >= len) {
		problem(o, key, "%s= is %zu characters; the harness keeps at most %zu", key,
			strlen(v), len - 1);
		return -1;
	}
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

static void set_suites(struct options *o, const char *v)
{
	if (keep(o, "suites", v, o->suites, sizeof(o->suites)))
		return;
	if (!v[0] || strspn(v, ",") == strlen(v))
		problem(o, "suites",
			"suites= names no suite (a comma list of SUITE and SUITE.CASE)");
}

static void set_list(struct options *o, const char *v)
{
	(void)v;
	o->list = 1;
}

static void set_watchdog(struct options *o, const char *v)
{
	uint64_t s;

	/* Seconds: digits only (parse_size would take "1K" for 1024). */
	if (!v[0] || strspn(v, "0123456789") != strlen(v) || parse_size(v, &s) || s < 1 || s > 3599)
		problem(o, "watchdog", "watchdog=%s is not a number of seconds in 1..3599", v);
	else
		o->watchdog_seconds = (unsigned)s;
}

static void set_profile(struct options *o, const char *v)
{
	const char *known;

	o->profile_forced = 1;
	if (keep(o, "profile", v, o->profile, sizeof(o->profile)))
		return;
	if (!profile_by_name(v, &known))
		problem(o, "profile", "profile=%s names no known profile (known: %s)", v, known);
}

static void set_vm_mem(struct options *o, const char *v)
{
	o->vm_mem_known = !parse_size(v, &o->vm_mem) && o->vm_mem > 0;
	if (!o->vm_mem_known)
		problem(o, "vm_mem", "vm_mem=%s is not a size in bytes above 0 (K, M or G allowed)",
			v);
}

static void set_expect_el(struct options *o, const char *v)
{
	o->expect_el_given = 1;
	keep(o, "expect_el", v, o->expect_el, sizeof(o->expect_el));
	if (strcmp(v, "1") && strcmp(v, "2"))
		problem(o, "expect_el", "expect_el=%s is not 1 or 2", v);
}

struct list_item {
	const char *name;
	unsigned bit;
};

/* A runner's list of devices: none, or items of the table, each once; 0 and *given clear if bad. */
static void set_device_list(struct options *o, const char *key, const char *v,
			    const struct list_item *items, unsigned nitems, const char *accepted,
			    int *given, unsigned *bits)
{
	*given = 1;
	*bits = 0;
	if (!strcmp(v, "none"))
		return;
	for (const char *p = v;; p++) {
		size_t n = strcspn(p, ",");
		unsigned bit = 0;
		for (unsigned i = 0; i < nitems; i++)
			if (n == strlen(items[i].name) && !strncmp(p, items[i].name, n))
				bit = items[i].bit;
		if (!bit || (*bits & bit)) {
			problem(o, key, "%s=%s: %s \"%.*s\" (%s)", key, v,
				bit ? "a repeated" : "an unknown item", (int)n, p, accepted);
			*given = 0;
			*bits = 0;
			return;
		}
		*bits |= bit;
		p += n;
		if (!*p)
			return;
	}
}

static void set_vm_virtio(struct options *o, const char *v)
{
	static const struct list_item items[] = { { "rng", OPT_VIRTIO_RNG },
						  { "blk", OPT_VIRTIO_BLK },
						  { "modern", OPT_VIRTIO_MODERN } };

	set_device_list(o, "vm_virtio", v, items, ARRAY_SIZE(items),
			"none, or a comma list of rng, blk, modern, each once", &o->vm_virtio_given,
			&o->vm_virtio);
}

static void set_vm_pci(struct options *o, const char *v)
{
	static const struct list_item items[] = { { "testdev", OPT_PCI_TESTDEV },
						  { "edu", OPT_PCI_EDU },
						  { "virtio", OPT_PCI_VIRTIO },
						  { "blk", OPT_PCI_BLK },
						  { "bridge", OPT_PCI_BRIDGE } };

	set_device_list(o, "vm_pci", v, items, ARRAY_SIZE(items),
			"none, or a comma list of testdev, edu, virtio, blk, bridge, each once",
			&o->vm_pci_given, &o->vm_pci);
}

static void set_vm_initrd(struct options *o, const char *v)
{
	o->vm_initrd_given = !strcmp(v, "yes") || !strcmp(v, "no");
	o->vm_initrd = !strcmp(v, "yes");
	if (!o->vm_initrd_given)
		problem(o, "vm_initrd", "vm_initrd=%s is not yes or no", v);
}

/* none, or sockets.clusters.cores.threads, each 1..255. */
static void set_vm_topology(struct options *o, const char *v)
{
	unsigned n[4] = { 0 }, at = 0;
	const char *p = v;

	o->vm_topology_given = !strcmp(v, "none");
	for (; !o->vm_topology_given && at < 4; at++) {
		size_t len = strspn(p, "0123456789");
		uint64_t x;
		char digits[4];
		if (!len || len > 3)
			break;
		snprintf(digits, sizeof(digits), "%.*s", (int)len, p);
		if (parse_size(digits, &x) || x < 1 || x > 255)
			break;
		n[at] = (unsigned)x;
		p += len;
		if (at < 3 && *p++ != '.')
			break;
	}
	if (!o->vm_topology_given && (at != 4 || *p))
		problem(o, "vm_topology",
			"vm_topology=%s is not none or S.C.K.T (sockets, clusters, "
			"cores, threads, each 1..255)",
			v);
	else if (!o->vm_topology_given)
		o->vm_topology_given = 1;
	memcpy(o->vm_topology, n, sizeof(n));
}

_Static_assert(VM_NUMA_NODES_MAX <= PLAT_MAX_BANKS, "a NUMA node is a memory bank");

/* 0 (no -numa) or the number of NUMA nodes, 1..VM_NUMA_NODES_MAX. */
static void set_vm_numa(struct options *o, const char *v)
{
	uint64_t n;

	if (!v[0] || strlen(v) > 2 || strspn(v, "0123456789") != strlen(v) || parse_size(v, &n) ||
	    n > VM_NUMA_NODES_MAX) {
		problem(o, "vm_numa", "vm_numa=%s is not 0 (no -numa) or a node count, 1..%u", v,
			(unsigned)VM_NUMA_NODES_MAX);
		return;
	}
	o->vm_numa_given = 1;
	o->vm_numa = (unsigned)n;
}

static void set_depth(struct options *o, const char *v)
{
	if (!strcmp(v, "full") || !strcmp(v, "quick"))
		o->depth_full = !strcmp(v, "full");
	else
		problem(o, "depth", "depth=%s is not quick or full", v);
}

static const struct {
	const char *key;
	void (*set)(struct options *o, const char *value);
	const char *accepts; /* NULL: a word alone, that takes no value */
} keys[] = {
	{ "suites", set_suites, "a comma list of SUITE and SUITE.CASE" },
	{ "watchdog", set_watchdog, "seconds per case, 1..3599 (default 20)" },
	{ "profile", set_profile, "the name of a known profile" },
	{ "vm_mem", set_vm_mem, "the VM's RAM in bytes, K, M or G (the runner's)" },
	{ "expect_el", set_expect_el, "1 or 2, the entry EL asked for (the runner's)" },
	{ "list", set_list, NULL },
	{ "vm_virtio", set_vm_virtio, "none, or rng, blk, modern, comma-separated (the runner's)" },
	{ "vm_initrd", set_vm_initrd, "yes or no, whether it gave a ramdisk (the runner's)" },
	{ "vm_pci", set_vm_pci,
	  "none, or testdev, edu, virtio, blk, bridge, comma-separated (the runner's)" },
	{ "vm_topology", set_vm_topology,
	  "none, or sockets.clusters.cores.threads: the CPU topology given (the runner's)" },
	{ "vm_numa", set_vm_numa, "0 (no -numa) or the NUMA nodes given, 1..16 (the runner's)" },
	{ "depth", set_depth,
	  "quick (the default) or full: also the checks too slow for every run" },
};
#define NKEYS ARRAY_SIZE(keys)

/* One key=value word. */
static void word(struct options *o, const char *w, size_t wlen, unsigned *seen)
{
	char text[DT_BOOTARGS_LEN], *value;

	snprintf(text, sizeof(text), "%.*s", (int)wlen, w);
	value = strchr(text, '=');
	if (value)
		*value++ = 0;
	for (unsigned i = 0; i < NKEYS; i++) {
		if (strcmp(text, keys[i].key))
			continue;
		if (*seen & (1u << i)) {
			problem(o, text, "%s%s is given more than once; the first one is used",
				text, keys[i].accepts ? "=" : "");
			return;
		}
		*seen |= 1u << i;
		if (!keys[i].accepts && value)
			problem(o, text, "%s takes no value (a word alone)", text);
		else if (!keys[i].accepts)
			keys[i].set(o, NULL);
		else if (!value)
			problem(o, text, "%s needs a value: %s=VALUE (%s)", text, text,
				keys[i].accepts);
		else
			keys[i].set(o, value);
		return;
	}
	char names[96] = "";
	for (unsigned i = 0; i < NKEYS; i++)
		snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
			 i ? ", " : "", keys[i].key);
	problem(o, text, "unknown key \"%s\"; the keys are %s", text, names);
}

void options_parse(struct options *o, const char *bootargs, int bootargs_len)
{
	unsigned seen = 0;

	*o = (struct options){ .watchdog_seconds = DEFAULT_WATCHDOG_SECONDS };
	snprintf(o->bootargs, sizeof(o->bootargs), "%s", bootargs);
	if (bootargs_len >= (int)sizeof(o->bootargs))
		problem(o, "bootargs", "the bootargs are %d bytes; the harness reads the first %zu",
			bootargs_len, sizeof(o->bootargs) - 1);
	for (const char *p = o->bootargs; *p;) {
		p += strspn(p, " \t");
		size_t n = strcspn(p, " \t");
		if (n)
			word(o, p, n, &seen);
		p += n;
	}
	if (o->list && o->suites[0])
		problem(o, "list", "list lists every suite and runs none: it takes no suites=");
}
