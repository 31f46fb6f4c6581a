/*
 * memmap suite, the sweep: read the whole guest physical address space the
 * identity map covers, coarsely (every 1 GiB, and every 2 MiB in the 64 MiB
 * around each documented or described edge), and report every address that
 * answers outside the documented map. The outcomes are kept as runs (same
 * region, same answer) for the map. Timed with the generic counter.
 */
#include <stdio.h>
#include <stdlib.h>

#include "boot/esr.h"
#include "runtime/harness.h"
#include "tests/memmap/memmap.h"
#include "boot/mmio.h"

#define COARSE (1ull << 30)
#define FINE (2ull << 20)
#define EDGE_SPAN (32ull << 20) /* each side of an edge */
#define MAX_POINTS 24576
#define MAX_RUNS 160

struct run {
	uint64_t first, last;
	int region;
	int answered;
	uint32_t esr;
	unsigned points;
};

static uint64_t points[MAX_POINTS];
static int npoints, points_dropped;
static struct run runs[MAX_RUNS];
static int nruns, runs_merged;
static uint64_t sweep_us;
static int swept;

static void add(uint64_t a)
{
	if (a >= mm.limit)
		return;
	if (npoints < MAX_POINTS)
		points[npoints++] = a;
	else
		points_dropped++;
}

static void add_edge(uint64_t e)
{
	uint64_t lo = e > EDGE_SPAN ? (e - EDGE_SPAN) & ~(FINE - 1) : 0;

	for (uint64_t a = lo; a < e + EDGE_SPAN && a < mm.limit; a += FINE)
		add(a);
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void build_points(const struct platform *p)
{
	for (uint64_t a = 0; a < mm.limit; a += COARSE)
		add(a);
	for (int i = 0; i < mm.nregions; i++) {
		add_edge(mm.regions[i].doc->base);
		add_edge(mm.regions[i].doc->base + mm.regions[i].doc->size);
	}
	for (int b = 0; b < p->nbanks; b++) {
		add_edge(p->banks[b].base);
		add_edge(p->banks[b].base + p->banks[b].size);
	}
	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; p->devices[i].enabled && k < p->devices[i].nreg; k++) {
			add_edge(p->devices[i].reg[k].base & ~(FINE - 1));
			add_edge(p->devices[i].reg[k].base + p->devices[i].reg[k].size);
		}
	qsort(points, npoints, sizeof(points[0]), cmp);
	int n = 0;
	for (int i = 0; i < npoints; i++)
		if (!n || points[n - 1] != points[i])
			points[n++] = points[i];
	npoints = n;
}

/* Undocumented answers are findings, one per run of answering points. */
static void close_run(struct test_ctx *t, const struct run *r, uint64_t value)
{
	if (r->region >= 0 || !r->answered)
		return;
	mm_finding(t, -1, "undocumented accessible address 0x%llx: read 0x%llx (%u sweep points to 0x%llx answer)",
		   (unsigned long long)r->first, (unsigned long long)value, r->points,
		   (unsigned long long)r->last);
}

static void record(struct test_ctx *t, uint64_t a, const struct probe_outcome *o, uint64_t *first_value)
{
	int region = mm_region_containing(a, 1);
	struct run *r = nruns ? &runs[nruns - 1] : NULL;

	if (r && r->region == region && r->answered == !o->faulted && r->esr == (uint32_t)o->esr) {
		r->last = a;
		r->points++;
		return;
	}
	if (r)
		close_run(t, r, *first_value);
	if (nruns == MAX_RUNS) { /* keep going, coarser: fold into the last run */
		runs_merged++;
		r->last = a;
		r->points++;
		/* ...but an undocumented answer is never folded away. */
		if (!o->faulted && region < 0)
			mm_finding(t, -1, "undocumented accessible address 0x%llx: read 0x%llx",
				   (unsigned long long)a, (unsigned long long)o->value);
		return;
	}
	runs[nruns++] = (struct run){a, a, region, !o->faulted, (uint32_t)o->esr, 1};
	*first_value = o->value;
}

void mm_sweep(struct test_ctx *t)
{
	const struct harness *h = t->h;
	uint64_t first_value = 0;
	unsigned answered = 0;

	if (!mm_prepare(t)) {
		skip(t, "no profile");
		return;
	}
	if (h->mapped_pa_bits < h->pa_bits)
		note(t, "the identity map covers 2^%u of the 2^%u PA space: the sweep stops there",
		     h->mapped_pa_bits, h->pa_bits);
	build_points(&h->plat);
	uint64_t freq = sysreg_read(cntfrq_el0);
	__asm__ volatile("isb" ::: "memory");
	uint64_t t0 = sysreg_read(cntvct_el0);
	for (int i = 0; i < npoints; i++) {
		struct probe_outcome o;
		probe_read((uintptr_t)points[i], 32, &o);
		answered += !o.faulted;
		record(t, points[i], &o, &first_value);
	}
	__asm__ volatile("isb" ::: "memory");
	uint64_t t1 = sysreg_read(cntvct_el0);
	if (nruns)
		close_run(t, &runs[nruns - 1], first_value);
	sweep_us = freq ? (t1 - t0) * 1000000 / freq : 0;
	swept = 1;
	note(t, "sweep_points: %d (%u answered)", npoints, answered);
	note(t, "sweep_time_us: %llu", (unsigned long long)sweep_us);
	check(t, points_dropped == 0, "%d sweep points beyond the %d the harness keeps were not probed",
	      points_dropped, MAX_POINTS);
	check(t, freq != 0, "CNTFRQ_EL0 is 0: the sweep could not be timed");
}

/* One word for the map line: "0x96000010/data-abort-same-EL/synchronous-external-abort". */
static void esr_word(uint32_t esr, char *buf, size_t len)
{
	struct esr_info d;

	esr_decode(esr, &d);
	snprintf(buf, len, "0x%08x/%s/%s", (unsigned)esr, esr_class_name(d.ec),
		 d.is_abort ? esr_fault_text(&d) : "-");
	/* One word: each run of spaces, commas and colons becomes one '-'. */
	char *out = buf;
	for (const char *in = buf; *in; in++) {
		int sep = *in == ' ' || *in == ',' || *in == ':';
		if (!sep)
			*out++ = *in;
		else if (out > buf && out[-1] != '-')
			*out++ = '-';
	}
	*out = 0;
}

void mm_print_sweep(struct test_ctx *t)
{
	char esr[128];

	if (!swept) {
		note(t, "memmap-sweep: not run");
		return;
	}
	for (int i = 0; i < nruns; i++) {
		const struct run *r = &runs[i];
		if (r->answered)
			snprintf(esr, sizeof(esr), "-");
		else
			esr_word(r->esr, esr, sizeof(esr));
		note(t, "memmap-sweep: 0x%llx..0x%llx %s region=%s points=%u esr=%s",
		     (unsigned long long)r->first, (unsigned long long)r->last,
		     r->answered ? "answered" : "faulted",
		     r->region >= 0 ? mm.regions[r->region].doc->name : "-", r->points, esr);
	}
	if (runs_merged)
		note(t, "memmap-sweep: %d further changes folded into the last run", runs_merged);
}
