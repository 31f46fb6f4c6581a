// SPDX-License-Identifier: MIT
/*
 * dt_fuzz: libFuzzer target for the platform model (lib/dt). Each input is
 * a DTB as a hostile platform could hand it: platform_parse() reads it with
 * max_size = the input's size, then every reader the suites use walks the
 * model, and the model's invariants (counts within their tables, strings
 * terminated, pointers into the model or the blob) are checked; a broken
 * invariant aborts, which libFuzzer reports as a crash.
 *
 * The input is copied to the end of a mapping followed by a PROT_NONE page:
 * libfdt (not instrumented, Debian's -lfdt) faults on any read past the
 * input, and the few bytes between the input's end and the next 8-byte
 * boundary (the DTB is 8-byte aligned, as the arm64 boot protocol puts it)
 * are poisoned for ASan. Built by tests/harness/fuzz/fuzz.mk.
 */
#define _GNU_SOURCE /* memmem */
#include <sanitizer/asan_interface.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libfdt.h>

#include "dt/claims.h"
#include "dt/phandles.h"
#include "dt/platform.h"
#include "dt/references.h"
#include "dt/windows.h"

/* Larger than the model's 2 MiB DTB limit, so that limit is reached too. */
#define FUZZ_BUF_SIZE (4u << 20)

static struct platform plat;
static unsigned char *buf_end; /* first byte of the guard page */
static volatile uint64_t sink;

#define require(cond, ...)                                                                         \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "dt_fuzz: model invariant broken: %s: ", #cond);           \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

static void setup_buffer(void)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *m = mmap(NULL, FUZZ_BUF_SIZE + page, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED || mprotect(m + FUZZ_BUF_SIZE, page, PROT_NONE)) {
		perror("dt_fuzz: mmap");
		abort();
	}
	buf_end = m + FUZZ_BUF_SIZE;
}

static size_t terminated(const char *s, size_t cap, const char *what)
{
	const char *z = memchr(s, 0, cap);

	require(z, "%s is not NUL-terminated within its %zu bytes", what, cap);
	return (size_t)(z - s);
}

static int is_device(const struct platform *p, const struct dt_device *d)
{
	return d >= p->devices && d < p->devices + p->ndevices;
}

static int in_blob(const struct platform *p, const void *s, size_t n)
{
	const unsigned char *b = p->fdt, *c = s;

	return c >= b && c + n <= b + p->fdt_size;
}

/* The compatibles the profiles, contracts and suites ask the model for. */
static const char *const compats[] = {
	"arm,pl011",	    "arm,sbsa-uart",
	"arm,primecell",    "arm,pl031",
	"arm,pl061",	    "arm,gic-v3",
	"arm,gic-400",	    "arm,cortex-a15-gic",
	"arm,armv8-timer",  "arm,psci-0.2",
	"arm,psci-1.0",	    "virtio,mmio",
	"qemu,fw-cfg-mmio", "pci-host-ecam-generic",
	"cfi-flash",	    "gpio-keys",
	"xen,xen",	    "xen,xen-4.17",
	"arm,gic-v3-its",   "",
};

static void read_device(const struct platform *p, const struct dt_device *d)
{
	uint64_t acc = 0;
	unsigned maj = 0, min = 0;
	int n = 0;

	terminated(d->path, sizeof(d->path), "device path");
	require(d->depth >= 1, "%s: depth %d", d->path, d->depth);
	require(d->path[0] == '/' || d->path[0] == '<', "%s: not a path", d->path);
	require(d->nreg >= 0 && d->nreg <= PLAT_MAX_REGS, "%s: nreg %d", d->path, d->nreg);
	require(d->nirq >= 0 && d->nirq <= PLAT_MAX_IRQS, "%s: nirq %d", d->path, d->nirq);
	if (d->compat) {
		require(d->compat_len > 0 && in_blob(p, d->compat, d->compat_len) &&
				d->compat[d->compat_len - 1] == 0,
			"%s: compat list %d bytes not a terminated list in the blob", d->path,
			d->compat_len);
	}
	for (const char *c = dt_compat_next(d, NULL); c; c = dt_compat_next(d, c)) {
		require(in_blob(p, c, 1) && c < d->compat + d->compat_len,
			"%s: dt_compat_next left the list", d->path);
		acc += strlen(c);
		require(++n <= d->compat_len, "%s: dt_compat_next does not end", d->path);
		require(dt_compat_has(d, c), "%s: dt_compat_has misses \"%s\"", d->path, c);
	}
	for (size_t i = 0; i < sizeof(compats) / sizeof(compats[0]); i++)
		acc += dt_compat_has(d, compats[i]);
	if (!dt_xen_version(d, &maj, &min))
		acc += maj + min;
	for (int i = 0; i < d->nreg; i++)
		acc += d->reg[i].base ^ d->reg[i].size;
	for (int i = 0; i < d->nirq; i++) {
		require(d->irq[i].kind <= IRQ_OTHER, "%s: irq kind %d", d->path, d->irq[i].kind);
		acc += d->irq[i].number + d->irq[i].flags + d->irq[i].intid;
	}
	sink += acc + (uint64_t)d->enabled + (uint64_t)d->node;
}

static void read_regs(const struct platform *p)
{
	uint64_t acc = 0;
	int total = 0, all = 0;

	/* What memmap's describe/probe/sweep and runtime/memory.c walk. */
	for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it); total++) {
		require(is_device(p, it.d) && it.d->enabled,
			"dt_next_reg: device outside the model");
		require(it.r >= it.d->reg && it.r < it.d->reg + it.d->nreg,
			"dt_next_reg: reg outside %s", it.d->path);
		require(total < PLAT_MAX_DEVICES * PLAT_MAX_REGS, "dt_next_reg does not end");
		/* Pairs, as describe.c and check_overlaps do: for the first regs only,
		 * since the model has walked them all already (keeps big trees fast). */
		if (total >= 16)
			continue;
		for (struct dt_reg_iter e = dt_regs_overlapping(p, it.r->base, it.r->size);
		     dt_next_reg(&e);) {
			require(ranges_overlap(e.r->base, e.r->size, it.r->base, it.r->size),
				"dt_next_reg span: %s does not overlap", e.d->path);
			if (e.d > it.d)
				acc += dt_paths_related(it.d->path, e.d->path);
		}
		/* ram.c: which device holds one address. */
		for (struct dt_reg_iter a = dt_regs_overlapping(p, it.r->base, 1); dt_next_reg(&a);)
			acc++;
	}
	for (struct dt_reg_iter it = { .p = p, .include_disabled = 1 }; dt_next_reg(&it); all++)
		require(is_device(p, it.d), "dt_next_reg: device outside the model");
	require(all >= total, "include_disabled found %d regs, enabled only %d", all, total);
	for (struct dt_reg_iter it = dt_regs_overlapping(p, 0, UINT64_MAX); dt_next_reg(&it);)
		acc += it.r->base;
	/* An empty range overlaps nothing. */
	for (struct dt_reg_iter it = dt_regs_overlapping(p, 0, 0); dt_next_reg(&it);)
		require(0, "dt_regs_overlapping(0, 0) yielded %s", it.d->path);
	sink += acc;
}

static void read_windows(const struct platform *p)
{
	struct dt_window w[DT_MAX_WINDOWS + 1];
	int n = dt_bus_windows(p, w, DT_MAX_WINDOWS);

	require(n >= 0 && n <= DT_MAX_WINDOWS, "dt_bus_windows returned %d", n);
	for (int i = 0; i < n; i++) {
		require(is_device(p, w[i].dev), "window %d: device outside the model", i);
		sink += w[i].range.base + w[i].range.size;
	}
	require(dt_bus_windows(p, w, 1) <= 1, "dt_bus_windows exceeds max 1");
	require(dt_bus_windows(p, w, 0) == 0, "dt_bus_windows exceeds max 0");
}

/* The phandle index: sorted, and each phandle resolves to a node that has it. */
static void read_phandles(const struct platform *p)
{
	require(p->nphandles >= 0 && p->nphandles <= PLAT_MAX_PHANDLES, "nphandles %d",
		p->nphandles);
	for (int i = 0; i < p->nphandles; i++) {
		const struct dt_phandle *h = &p->phandles[i];
		require(!i || h[-1].phandle <= h->phandle, "phandles not sorted at %d", i);
		int node = dt_phandle_node(p, h->phandle);
		require(node >= 0 && fdt_get_phandle(p->fdt, node) == h->phandle,
			"phandle 0x%x resolves to node %d", (unsigned)h->phandle, node);
	}
	if (p->fdt_valid) {
		sink += (uint64_t)dt_phandle_node(p, 0) + (uint64_t)dt_phandle_node(p, 0xffffffffu);
		sink += (uint64_t)dt_phandle_node(p, 0x8000);
	}
}

/*
 * The coverage accounting as the suites drive it: hold what a suite would
 * (every other device's reg and interrupts, the CPUs' reg), settle the
 * claims held through their use (references walked through the blob),
 * then read every claim as the coverage record does.
 */
static void read_claims(const struct platform *p)
{
	unsigned n[CLAIM_KINDS] = { 0 };

	for (int i = 0; i < p->ndevices; i += 2) {
		claim_hold(p->devices[i].node, "reg", CLAIM_PROBE);
		claim_hold(p->devices[i].node, "interrupts", CLAIM_DOC);
	}
	for (int i = 0; i < p->ncpus; i++)
		claim_hold(p->cpu_node[i], "reg", CLAIM_PROBE);
	claim_hold(CLAIM_HEADER, CLAIM_MEMRESERVE, CLAIM_DOC);
	claims_settle(p);
	require(claims_count() <= CLAIMS_MAX, "claims %u", claims_count());
	require(!claims_dropped() || claims_count() == CLAIMS_MAX, "dropped %u with %u claims",
		claims_dropped(), claims_count());
	for (unsigned i = 0; i < claims_count(); i++) {
		const struct claim *c = claim_at(i);
		require(c && c->kind < CLAIM_KINDS, "claim %u kind", i);
		require(c->node >= 0 || c->node == CLAIM_HEADER, "claim %u node %d", i, c->node);
		const char *why = claim_reason(c);
		require(why && why[0], "claim %u has no reason", i);
		require(strcmp(claim_kind_name(c->kind), "?"), "claim %u kind name", i);
		n[c->kind]++;
		sink += strlen(why) + strlen(c->prop);
		if (c->node >= 0 && p->gic)
			sink += (uint64_t)dt_refers_to(p, c->node, c->prop, p->gic->node);
	}
	sink += n[CLAIM_UNCHECKED] + n[CLAIM_USE];
}

static void read_model(const struct platform *p)
{
	require(p->nbanks >= 0 && p->nbanks <= PLAT_MAX_BANKS, "nbanks %d", p->nbanks);
	require(p->ndevices >= 0 && p->ndevices <= PLAT_MAX_DEVICES, "ndevices %d", p->ndevices);
	require(p->ncpus >= 0 && p->ncpus <= PLAT_MAX_CPUS, "ncpus %d", p->ncpus);
	require(p->devices_dropped >= 0 && (!p->devices_dropped || p->ndevices == PLAT_MAX_DEVICES),
		"devices_dropped %d with %d devices", p->devices_dropped, p->ndevices);
	require(p->nproblems >= 0 && p->nproblems <= PLAT_MAX_PROBLEMS, "nproblems %d",
		p->nproblems);
	require(!p->fdt_valid || p->fdt_size <= FUZZ_BUF_SIZE, "fdt_size %u", p->fdt_size);
	terminated(p->root_compat, sizeof(p->root_compat), "root_compat");
	terminated(p->psci_compat, sizeof(p->psci_compat), "psci_compat");
	size_t args = terminated(p->bootargs, sizeof(p->bootargs), "bootargs");
	/* options_parse() reads bootargs with bootargs_len (the DT's length, maybe longer). */
	require(p->bootargs_len >= 0 && (p->bootargs_len >= (int)sizeof(p->bootargs)
						 ? args == sizeof(p->bootargs) - 1
						 : args == (size_t)p->bootargs_len),
		"bootargs_len %d, bootargs holds %zu", p->bootargs_len, args);
	terminated(p->stdout_path, sizeof(p->stdout_path), "stdout_path");
	for (int i = 0; i < p->nproblems; i++) {
		const struct dt_problem *pr = &p->problems[i];
		const char *area = dt_area_name(pr->area);
		require(area && strcmp(area, "?"), "problem %d: area %d", i, pr->area);
		require(pr->check && pr->check[0], "problem %d: no check name", i);
		require(pr->nfields >= 0 && pr->nfields <= DT_PROBLEM_FIELDS,
			"problem %d: %d fields", i, pr->nfields);
		sink += strlen(area) + strlen(pr->check) +
			terminated(pr->node, sizeof(pr->node), "problem node") +
			terminated(pr->msg, sizeof(pr->msg), "problem message");
		for (int f = 0; f < pr->nfields; f++) {
			require(pr->field[f].key && pr->field[f].key[0], "problem %d: field %d key",
				i, f);
			sink += terminated(pr->field[f].value, sizeof(pr->field[f].value),
					   "problem field");
		}
	}
	require(p->gic_version == 0 || p->gic_version == 2 || p->gic_version == 3, "gic_version %d",
		p->gic_version);
	require(!p->gic == !p->gic_version, "gic %p with version %d", (const void *)p->gic,
		p->gic_version);
	require(!p->gic || is_device(p, p->gic), "gic outside the model");
	require(!p->timer || is_device(p, p->timer), "timer outside the model");
	require(!p->hypervisor || is_device(p, p->hypervisor), "hypervisor outside the model");
	require(!p->uart || (is_device(p, p->uart) && p->uart->nreg >= 1),
		"uart outside the model or without reg");
	for (int i = 0; i < p->ndevices; i++)
		read_device(p, &p->devices[i]);
	for (size_t i = 0; i < sizeof(compats) / sizeof(compats[0]); i++)
		for (int nth = 0; nth < 3; nth++) {
			const struct dt_device *d = platform_find_compatible(p, compats[i], nth);
			require(!d || (is_device(p, d) && d->enabled), "find_compatible(%s, %d)",
				compats[i], nth);
		}
	sink += platform_ram_total(p);
	/* What memmap asks of the reservations: for each bank, and the whole space. */
	for (int i = 0; i < p->nbanks; i++) {
		const struct dt_reserved *r = dt_reserved_at(p, p->banks[i].base, p->banks[i].size);
		if (r)
			sink += strnlen(r->name, sizeof(r->name)) + r->range.base;
	}
	sink += (uint64_t)(uintptr_t)dt_reserved_at(p, 0, UINT64_MAX);
	for (int i = 0; i < p->ncpus; i++)
		sink += p->cpu_mpidr[i];
	sink += (uint64_t)p->psci + (uint64_t)p->uart_from_stdout_path +
		(uint64_t)p->problems_dropped;
	read_phandles(p);
	read_regs(p);
	read_windows(p);
	if (p->fdt_valid)
		read_claims(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!buf_end)
		setup_buffer();
	if (size > FUZZ_BUF_SIZE)
		return -1; /* not added to the corpus */
			   /*
			    * Known bugs, kept out of the way so the rest is fuzzed; fuzz.mk's
			    * FUZZ_SKIP names those skipped until the model avoids them.
			    */
#ifdef DT_FUZZ_SKIP_short
	/* platform_parse() hands libfdt a blob shorter than the header it reads
	 * (crashes/short-header.dtb). */
	if (size < FDT_V17_SIZE)
		return -1;
#endif
#ifdef DT_FUZZ_SKIP_oldversion
	/* libfdt 1.6.1's fdt_check_full() dereferences fdt_get_name()'s NULL on
	 * the root of a version < 16 tree (crashes/v15-root-name.dtb). */
	if (size >= FDT_V1_SIZE && fdt_version(data) < 16)
		return -1;
#endif
#ifdef DT_FUZZ_SKIP_proplen
	/* libfdt 1.6.1's fdt_next_tag() steps from a property whose length is
	 * 0xfffffff4 (-12) back to itself: fdt_check_full() never returns
	 * (crashes/prop-len-minus-12.dtb). Skipped: FDT_PROP then that length. */
	if (memmem(data, size, "\0\0\0\3\xff\xff\xff\xf4", 8))
		return -1;
#endif

	size_t slack = (8 - size % 8) % 8;
	unsigned char *blob = buf_end - size - slack;

	ASAN_UNPOISON_MEMORY_REGION(blob, size + slack);
	memcpy(blob, data, size);
	ASAN_POISON_MEMORY_REGION(blob + size, slack);

	platform_parse(&plat, blob, size);
	require(plat.fdt == blob, "the model does not point at the blob");
	read_model(&plat);
	return 0;
}
