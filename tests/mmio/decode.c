// SPDX-License-Identifier: MIT
/*
 * mmio suite, decode_pages: how much of each device's reg window decodes.
 * Every 4 KiB page of every window the DT gives an enabled device (PCI host
 * bridges excepted: their ECAM and bus windows are the pci suite's; Xen's
 * /hypervisor regions are memory) is read once at its first word, and the
 * word just past the window when nothing else the DT describes is there. The
 * answering and aborting runs of a window that does not decode whole, or
 * whose device answers past it, are evidence; the others are counted. Findings where the spec says
 * what must answer: a window smaller than the frame the part's spec gives (the contract's frame),
 * with what the rest of the frame does. Timed: the whole sweep must stay within its budget on QEMU
 * (DECODE_BUDGET_US, printed).
 */
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "runtime/smp.h"
#include "tests/mmio/mmio.h"

#define PAGE 0x1000ull
/* Pages read per window, more sampled evenly (edges found by bisection): a device with a
 * contract (registers), and one without (flash, memory-like: its decode is its size). */
#define MAX_PAGES	 256
#define MAX_PAGES_PLAIN	 2
#define DECODE_BUDGET_US 300000

static int skipped(const struct dt_device *d)
{
	for (const char *s = dt_compat_next(d, NULL); s; s = dt_compat_next(d, s))
		if (strstr(s, "pci") || !strcmp(s, "xen,xen"))
			return 1;
	return 0;
}

/* Inside another device's window or RAM: not this device's to judge. */
static int described(const struct platform *p, uint64_t a)
{
	for (int i = 0; i < p->nbanks; i++)
		if (a >= p->banks[i].base && a - p->banks[i].base < p->banks[i].size)
			return 1;
	for (int i = 0; i < p->ndevices; i++)
		for (int k = 0; k < p->devices[i].nreg; k++) {
			const struct addr_range *r = &p->devices[i].reg[k];
			if (a >= r->base && a - r->base < r->size)
				return 1;
		}
	return 0;
}

static int answers(uint64_t a)
{
	struct probe_outcome o;

	return !probe_read((uintptr_t)a, 32, &o);
}

static void add_run(char *buf, size_t size, size_t *len, int answered, uint64_t from, uint64_t to)
{
	if (*len < size)
		*len += (size_t)snprintf(buf + *len, size - *len, "%s%s 0x%llx-0x%llx",
					 *len ? ", " : "", answered ? "answer" : "abort",
					 (unsigned long long)from, (unsigned long long)to);
}

static uint64_t probe_ticks;   /* the sweep's reads alone, without its records */
static unsigned whole_windows; /* windows that decode whole and nothing past their end */

/* One window: runs of answering/aborting pages as evidence; returns the pages probed. */
static unsigned window(struct test_ctx *t, const struct dt_device *d, int k, unsigned max)
{
	const struct addr_range *r = &d->reg[k];
	uint64_t pages = (r->size + PAGE - 1) / PAGE, step = 1;
	char runs[160] = "", exp[40];
	size_t len = 0;
	unsigned n = 0, ans = 0, sampled = 0;
	int prev = -1;
	uint64_t run_start = 0;

	uint64_t t0 = cpu_counter();

	if (!r->size)
		return 0;
	if (pages > max)
		step = pages / max;
	/* Sampled windows end on their last page. */
	for (uint64_t pg = 0; pg < pages;
	     pg = pg + step < pages || pg == pages - 1 ? pg + step : pages - 1, n++) {
		int a = answers(r->base + pg * PAGE);
		ans += (unsigned)a;
		sampled++;
		if (a != prev) {
			uint64_t edge = pg;
			/* Sampled: the first page of the new run lies in (pg - step, pg]. */
			for (uint64_t lo = pg - (pg ? step : 0); prev >= 0 && edge - lo > 1; n++) {
				uint64_t mid = lo + (edge - lo) / 2;
				if (answers(r->base + mid * PAGE) == a)
					edge = mid;
				else
					lo = mid;
			}
			if (prev >= 0)
				add_run(runs, sizeof(runs), &len, prev, run_start * PAGE,
					edge * PAGE);
			prev = a;
			run_start = edge;
		}
	}
	add_run(runs, sizeof(runs), &len, prev, run_start * PAGE, r->size);
	uint64_t past = r->base + r->size;
	const char *past_says = "described";
	uint64_t spent = cpu_counter() - t0;
	if (!described(t->plat, past)) {
		uint64_t t1 = cpu_counter();
		past_says = answers(past) ? "answers" : "aborts";
		spent += cpu_counter() - t1;
		n++;
	}
	probe_ticks += spent;
	snprintf(exp, sizeof(exp), "%u of %u pages answer", ans, sampled);
	if (ans == sampled && strcmp(past_says, "answers")) {
		whole_windows++; /* decodes its whole window and nothing past it: counted */
		return n;
	}
	subject_push(t, "node", "%s", d->path);
	subject_push(t, "region", "%d", k);
	evidence(t, "window_decode",
		 "%s reg[%d] 0x%llx+0x%llx: %s%s; %s; past the end: %s (%llu us)", d->path, k,
		 (unsigned long long)r->base, (unsigned long long)r->size, exp,
		 step > 1 ? " (sampled)" : "", runs, past_says,
		 (unsigned long long)smp_ticks_to_us(spent));
	subject_pop(t);
	subject_pop(t);
	return n;
}

/* The part's window against its spec frame: shorter is a finding, with what lies beyond. */
static void frame(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct device_contract *c = tg->c;
	unsigned region = c->nregs ? c->regs[0].region : 0;
	const struct addr_range *r;

	if (!c->frame || (int)region >= tg->d->nreg)
		return;
	r = &tg->d->reg[region];
	subject_push(t, "node", "%s", tg->d->path);
	subject_push(t, "part", "%s", c->part);
	subject_push(t, "region", "%u", region);
	if (r->size < c->frame) {
		uint64_t past = r->base + r->size;
		finding(t, "window_covers_frame",
			"%s %s: reg[%u] is 0x%llx bytes, the spec's frame 0x%x (%s); past the "
			"window "
			"the frame %s",
			tg->d->path, c->part, region, (unsigned long long)r->size, c->frame,
			c->spec,
			described(t->plat, past) ? "is another device's"
			: answers(past)		 ? "answers"
						 : "aborts");
	}
	subject_pop(t);
	subject_pop(t);
	subject_pop(t);
}

void case_decode_pages(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	const struct mmio_state *st = mmio_state(t);
	uint64_t t0 = cpu_counter();
	unsigned n = 0;

	probe_ticks = whole_windows = 0;
	for (unsigned i = 0; i < st->ntargets; i++)
		frame(t, &st->targets[i]);
	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		if (!d->enabled || skipped(d))
			continue;
		const struct device_contract *cs[1];
		const char *matched;
		unsigned max = contracts_for(d, cs, 1, &matched) ? MAX_PAGES : MAX_PAGES_PLAIN;
		for (int k = 0; k < d->nreg; k++)
			n += window(t, d, k, max);
	}
	uint64_t us = smp_ticks_to_us(cpu_counter() - t0);
	if (n)
		evidence(
			t, "decode_sweep",
			"decode sweep: %u reads in %llu us, %llu us with its records (budget %u us "
			"on QEMU); %u windows decode whole and nothing past their end",
			n, (unsigned long long)smp_ticks_to_us(probe_ticks), (unsigned long long)us,
			DECODE_BUDGET_US, whole_windows);
	if (!n)
		skip(t, "no described device has a window to sweep");
}
