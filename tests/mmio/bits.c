// SPDX-License-Identifier: MIT
/*
 * mmio suite, write_read: each register a write is safe for is written and
 * read back against its bit-level contract (spec/fields.h): RES0 and fixed
 * bits read as the spec says, writable bits take ones and zeros, the
 * implementation-defined bits lie in their range, read-only fields hold, a
 * pattern is kept, a set shows in the clear view and back, byte access
 * where the spec allows it, a word past the implemented INTIDs is RAZ/WI,
 * and the original value is back at the end. The checks follow those of
 * kvm-unit-tests' arm/gic.c MMIO tests and extend them to every register.
 */
#include <stdarg.h>
#include <stdio.h>

#include "boot/cpu.h"
#include "tests/mmio/bits.h"

static struct bits_obs *add(struct bits_run *r, const char *check, int bad, int aborted)
{
	if (!bad) {
		r->held++;
		return NULL;
	}
	for (unsigned i = 0; i < r->n; i++)
		if (r->o[i].check == check)
			return NULL; /* one finding per check and register: the first */
	if (r->n >= BITS_MAX_OBS)
		return NULL;
	struct bits_obs *o = &r->o[r->n++];
	o->check = check;
	o->deviation = 1;
	o->aborted = aborted;
	o->expect[0] = o->observed[0] = 0;
	return o;
}

static void say(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

/* One masked comparison: a finding (got & mask) != (want & mask), else held. */
static void expect_bits(struct bits_run *r, const char *check, uint64_t got, uint64_t want,
			uint64_t mask, const char *what)
{
	if (!mask)
		return; /* nothing to compare: not a check */
	struct bits_obs *o = add(r, check, ((got ^ want) & mask) != 0, 0);

	if (o) {
		say(o->expect, sizeof(o->expect), "%s 0x%llx under 0x%llx", what,
		    (unsigned long long)(want & mask), (unsigned long long)mask);
		say(o->observed, sizeof(o->observed), "0x%llx", (unsigned long long)got);
	}
}

static unsigned width(const struct bits_run *r)
{
	return (r->f->flags & FB_64) ? 64 : 32;
}

/* Read or write the register; an abort is a finding (the spec defines the access). */
static int rd(struct bits_run *r, uintptr_t a, unsigned bits, uint64_t *v, const char *check)
{
	struct probe_outcome o;

	if (!probe_read(a, bits, &o)) {
		*v = o.value;
		return 0;
	}
	struct bits_obs *ob = add(r, check, 1, 1);
	if (ob) {
		say(ob->expect, sizeof(ob->expect), "read%u completes", bits);
		probe_format(&o, PROBE_VALUE, ob->observed, sizeof(ob->observed));
	}
	return -1;
}

static int wr(struct bits_run *r, uintptr_t a, unsigned bits, uint64_t v, const char *check)
{
	struct probe_outcome o;

	if (!probe_write(a, bits, v, &o))
		return 0;
	struct bits_obs *ob = add(r, check, 1, 1);
	if (ob) {
		say(ob->expect, sizeof(ob->expect), "write%u of 0x%llx completes", bits,
		    (unsigned long long)v);
		probe_format(&o, PROBE_VALUE, ob->observed, sizeof(ob->observed));
	}
	return -1;
}

/* Set through the set view, see it in both, clear through the clear view, see that too. */
static void set_clear(struct bits_run *r, uint64_t orig)
{
	uint64_t t = r->touch & r->f->writable, s, c;
	uint32_t saved[8];

	for (unsigned i = 0; r->targets && i < 8; i++) {
		struct probe_outcome o;
		saved[i] = probe_read(r->targets + 4 * i, 32, &o) ? 0 : (uint32_t)o.value;
		probe_write(r->targets + 4 * i, 32, r->own, &o);
	}
	/* Each view read on its own: one that aborts hides nothing of the other. */
	if (wr(r, r->a, 32, t, "set_view_writes"))
		goto restore;
	if (!rd(r, r->a, 32, &s, "set_view_reads"))
		expect_bits(r, "set_takes", s, t, t, "set view");
	if (!rd(r, r->clear, 32, &c, "clear_view_reads"))
		expect_bits(r, "set_shows_in_clear_view", c, t, t, "clear view");
	if (wr(r, r->clear, 32, t, "clear_view_writes"))
		goto restore;
	if (!rd(r, r->clear, 32, &c, "clear_view_reads"))
		expect_bits(r, "clear_takes", c, 0, t, "clear view");
	if (!rd(r, r->a, 32, &s, "set_view_reads"))
		expect_bits(r, "clear_shows_in_set_view", s, 0, t, "set view");
restore:
	if (orig & t)
		probe_write(r->a, 32, orig & t, &(struct probe_outcome){ 0 });
	if (!rd(r, r->a, 32, &s, "set_view_reads"))
		expect_bits(r, "restored", s, orig, t, "the original");
	for (unsigned i = 0; r->targets && i < 8; i++)
		probe_write(r->targets + 4 * i, 32, saved[i], &(struct probe_outcome){ 0 });
}

/* kvm-unit-tests' pattern for target lists, else its priority pattern. */
static uint64_t pattern_of(const struct reg_fields *f)
{
	return f->impl == IMPL_CPUS ? 0x0103020f : 0xff7fbf3f;
}

/* Byte reads and writes (IHI 0048B 4.1.4, IHI 0069 12.1.3): the bytes of the word. */
static void bytes(struct bits_run *r, uint64_t now, uint64_t takes)
{
	uint64_t b, w;

	if ((r->touch & 0xff0000) != 0xff0000)
		return;
	if (!rd(r, r->a + 1, 8, &b, "byte_read"))
		expect_bits(r, "byte_read", b, now >> 8 & 0xff, 0xff, "byte 1 of the word");
	if (wr(r, r->a + 2, 8, 0x1f, "byte_write") || rd(r, r->a, 32, &w, "word_read"))
		return;
	uint64_t want = (now & ~0xff0000ull) | (0x1f0000ull & takes);
	expect_bits(r, "byte_write", w, want, 0xffffffffull & (takes | ~0xff0000ull),
		    "byte 2 written 0x1f");
}

/* IROUTER: a DT CPU's affinity takes; IRM may or may not (GICD_TYPER.No1N). */
static void router(struct bits_run *r)
{
	uint64_t v;

	if (wr(r, r->a, 64, r->aff, "route_writes") || rd(r, r->a, 64, &v, "route_reads"))
		return;
	expect_bits(r, "route_takes", v, r->aff, ~r->f->res0 & ~(1ull << 31), "the affinity");
	expect_bits(r, "res0_reads_zero", v, 0, r->f->res0, "RES0");
}

static void plain(struct bits_run *r, uint64_t orig)
{
	const struct reg_fields *f = r->f;
	unsigned w = width(r);
	uint64_t keep = orig & ~r->touch, v, exp;

	if (f->flags & FB_64) {
		router(r);
		goto restore;
	}
	/* Ones into every field (a RES0 bit is never written one). */
	if (wr(r, r->a, w, keep | ((f->writable | f->impl_mask | f->ro) & r->touch), "writes") ||
	    rd(r, r->a, w, &v, "reads"))
		goto restore;
	uint64_t ones = v;
	expect_bits(r, "ones_take", v, f->writable, f->writable & r->touch, "writable bits");
	expect_bits(r, "res0_reads_zero", v, 0, f->res0, "RES0");
	expect_bits(r, "ro_bits_hold", v, orig, f->ro & r->touch, "read-only");
	if (f->impl_mask & r->touch) {
		struct bits_obs *o = add(r, "impl_bits_in_range",
					 fields_impl_ok(f, r->touch, v, r->ncpus, &exp) != 0, 0);
		if (o) {
			if (f->impl == IMPL_CPUS)
				say(o->expect, sizeof(o->expect), "0x%llx (%u CPU interfaces)",
				    (unsigned long long)exp, r->ncpus);
			else
				say(o->expect, sizeof(o->expect), "0x%llx (impl range %u..%u)",
				    (unsigned long long)exp, f->impl_lo, f->impl_hi);
			say(o->observed, sizeof(o->observed), "0x%llx after writing ones",
			    (unsigned long long)(v & f->impl_mask & r->touch));
		}
	}
	uint64_t takes = fields_takes(f, r->touch, ones);
	if (wr(r, r->a, w, keep, "writes") || rd(r, r->a, w, &v, "reads"))
		goto restore;
	expect_bits(r, "zeros_take", v, 0, takes, "writable bits");
	expect_bits(r, "ro_bits_hold", v, orig, f->ro & r->touch, "read-only");
	if (takes) {
		uint64_t p = pattern_of(f) & r->touch;
		if (wr(r, r->a, w, keep | p, "writes") || rd(r, r->a, w, &v, "reads"))
			goto restore;
		expect_bits(r, "pattern_kept", v, p, takes, "the pattern");
		if (f->flags & FB_BYTE)
			bytes(r, v, takes);
	}
restore:
	if (wr(r, r->a, w, orig, "writes") || rd(r, r->a, w, &v, "reads"))
		return;
	expect_bits(r, "restored", v, orig, ~0ull, "the original");
}

/* A word past the implemented INTIDs: RAZ/WI (IHI 0048B 4.3.11, IHI 0069 12.9.18). */
static void beyond(struct bits_run *r)
{
	uint64_t v;

	char what[24];

	if (!r->beyond || rd(r, r->beyond, 32, &v, "beyond_lines_raz_wi"))
		return;
	say(what, sizeof(what), "+0x%x RAZ", (unsigned)(r->beyond - r->a + r->off));
	expect_bits(r, "beyond_lines_raz_wi", v, 0, 0xffffffff, what);
	if (wr(r, r->beyond, 32, 0xffffffff, "beyond_lines_raz_wi") ||
	    rd(r, r->beyond, 32, &v, "beyond_lines_raz_wi"))
		return;
	say(what, sizeof(what), "+0x%x WI", (unsigned)(r->beyond - r->a + r->off));
	expect_bits(r, "beyond_lines_raz_wi", v, 0, 0xffffffff, what);
	if (v)
		probe_write(r->beyond, 32, 0, &(struct probe_outcome){ 0 }); /* as it was */
}

void bits_exercise(struct bits_run *r)
{
	const struct reg_fields *f = r->f;
	int masked = cpu_irq_masked();
	uint64_t orig;

	r->n = r->held = 0;
	if (f->flags & FB_READ_SIDE)
		return;
	cpu_irq_mask();
	if (rd(r, r->a, width(r), &orig, "reads"))
		goto out;
	expect_bits(r, "res0_reads_zero", orig, 0, f->res0, "RES0");
	expect_bits(r, "fixed_bits", orig, f->fixed, f->fixed_mask, "fixed");
	if (f->flags & FB_RESET)
		expect_bits(r, "reset_value", orig, f->reset, ~0ull, "reset");
	if (f->flags & FB_WRITE_SAFE) {
		if (f->flags & FB_SET)
			set_clear(r, orig);
		else
			plain(r, orig);
		beyond(r);
	}
out:
	if (!masked)
		cpu_irq_unmask();
}

void bits_report(struct test_ctx *t, const struct mmio_target *tg, const struct bits_run *r,
		 int cpu)
{
	char cpus[8];

	say(cpus, sizeof(cpus), "%d", cpu);
	for (unsigned i = 0; i < r->n; i++) {
		const struct bits_obs *o = &r->o[i];
		mmio_observed(t, tg->d, tg->c,
			      &(struct observation){ .check = o->check,
						     .reg = r->f->name,
						     .off = r->off,
						     .key = cpu >= 0 ? "cpu" : NULL,
						     .value = cpus,
						     .what = o->check,
						     .expect = o->expect,
						     .spec = r->f->spec,
						     .outcome = mmio_outcome_of(o->aborted),
						     .observed = o->observed,
						     .cls = OUTCOME_DEVIATION });
	}
	(void)cpu; /* a register's evidence is its part's or its CPU's (bits_report_part/_cpu) */
}

void bits_report_cpu(struct test_ctx *t, const struct mmio_target *tg, int cpu, unsigned regs,
		     unsigned held, unsigned failed)
{
	subject_push(t, "node", "%s", tg->d->path);
	subject_push(t, "part", "%s", tg->c->part);
	subject_push(t, "cpu", "%d", cpu);
	evidence(t, "write_read_banked",
		 "%s | %s | cpu %d: %u banked registers checked (written where safe), %u checks "
		 "held, "
		 "%u failed",
		 tg->d->path, tg->c->part, cpu, regs, held, failed);
	subject_pop(t);
	subject_pop(t);
	subject_pop(t);
}

void bits_spare_raised(struct bits_run *r, uintptr_t base)
{
	struct probe_outcome o;

	if (r->f->raw_status && !probe_read(base + r->f->raw_status, 32, &o))
		r->touch &= ~o.value;
}

void bits_report_part(struct test_ctx *t, const struct mmio_target *tg, unsigned regs,
		      unsigned held, unsigned failed)
{
	subject_push(t, "node", "%s", tg->d->path);
	subject_push(t, "part", "%s", tg->c->part);
	evidence(t, "write_read_part",
		 "%s | %s: %u registers checked (written where safe), %u checks held, %u failed",
		 tg->d->path, tg->c->part, regs, held, failed);
	subject_pop(t);
	subject_pop(t);
}
