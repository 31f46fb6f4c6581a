// SPDX-License-Identifier: MIT
/*
 * mmio suite, write_read: every register with a bit-level contract on the
 * first device of each contract; banked registers on every CPU (GICv2,
 * through the SMP runtime) or in every CPU's redistributor frame (GICv3);
 * then the selectors (virtio-mmio, fw_cfg) by what they select.
 */
#include "boot/cpu.h"
#include "runtime/arena.h"
#include "runtime/smp.h"
#include "tests/mmio/bits.h"

#define BANKED_MAX  8
#define BANKED_WAIT 1000000 /* us: a CPU's share is a few hundred accesses */

static uintptr_t region_base(const struct dt_device *d, const struct reg_fields *f)
{
	if ((int)f->region >= d->nreg || (uint64_t)f->offset + 8 > d->reg[f->region].size)
		return 0;
	return (uintptr_t)d->reg[f->region].base;
}

static int is_gic(const struct reg_fields *f)
{
	return f->sel != SEL_NONE;
}

/* Place a run at base (a region, or a redistributor frame). */
static int place(struct test_ctx *t, const struct mmio_target *tg, struct bits_run *r,
		 const struct reg_fields *f, uintptr_t base)
{
	*r = (struct bits_run){ .f = f,
				.off = f->offset,
				.a = base + f->offset,
				.touch = (f->flags & FB_64) ? ~0ull : 0xffffffffull };
	if (is_gic(f) || (f->flags & FB_SET))
		return bits_gic_place(t, tg, r, base);
	bits_spare_raised(r, base);
	return 0;
}

static void unbanked(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct device_contract *c = tg->c;

	unsigned regs = 0, held = 0, failed = 0;

	for (unsigned i = 0; i < c->nfields; i++) {
		const struct reg_fields *f = &c->fields[i];
		uintptr_t base = region_base(tg->d, f);
		struct bits_run r;
		if ((f->flags & FB_BANKED) || !base || place(t, tg, &r, f, base))
			continue;
		bits_exercise(&r);
		bits_report(t, tg, &r, -1);
		regs++, held += r.held, failed += r.n;
	}
	if (regs)
		bits_report_part(t, tg, regs, held, failed);
}

/* GICv3: each redistributor frame of region 1 up to the one marked Last (GICR_TYPER). */
static void frames(struct test_ctx *t, const struct mmio_target *tg)
{
	const struct dt_device *d = tg->d;
	struct probe_outcome o;

	if (d->nreg < 2)
		return;
	uintptr_t base = (uintptr_t)d->reg[1].base;
	for (int i = 0; i < t->plat->ncpus; i++) {
		if (probe_read(base + 0x8, 32, &o))
			break;
		uint64_t stride = o.value & 2 ? 0x40000 : 0x20000; /* VLPIS: two more frames */
		unsigned regs = 0, held = 0, failed = 0;
		for (unsigned k = 0; k < tg->c->nfields; k++) {
			const struct reg_fields *f = &tg->c->fields[k];
			struct bits_run r;
			if (!(f->flags & FB_BANKED) || place(t, tg, &r, f, base))
				continue;
			bits_exercise(&r);
			bits_report(t, tg, &r, i);
			regs++, held += r.held, failed += r.n;
		}
		bits_report_cpu(t, tg, i, regs, held, failed);
		if (o.value & 0x10 || base + stride >= d->reg[1].base + d->reg[1].size)
			break;
		base += stride;
	}
}

struct banked_job {
	struct bits_run runs[BANKED_MAX];
	unsigned n;
};

static void banked_fn(struct smp_slot *s)
{
	struct banked_job *j = s->arg;

	for (unsigned i = 0; i < j->n; i++)
		bits_exercise(&j->runs[i]);
}

/* GICv2: the banked words placed on the boot CPU, exercised on each CPU in turn. */
static void per_cpu(struct test_ctx *t, const struct mmio_target *tg)
{
	static struct banked_job *jobp; /* from run-time memory, once: 13 KiB off the BSS */
	const struct platform *p = t->plat;

	if (!jobp && !(jobp = arena_alloc(sizeof(*jobp), 16))) {
		note(t, "%s: %s: banked registers not written", tg->d->path,
		     arena_refusal("the banked runs", sizeof(*jobp)));
		return;
	}
	struct banked_job *job = jobp;
	job->n = 0;
	for (unsigned k = 0; k < tg->c->nfields && job->n < BANKED_MAX; k++) {
		const struct reg_fields *f = &tg->c->fields[k];
		uintptr_t base = region_base(tg->d, f);
		if ((f->flags & FB_BANKED) && base && !place(t, tg, &job->runs[job->n], f, base))
			job->n++;
	}
	for (int i = 0; i < p->ncpus && job->n; i++) {
		int64_t rc;
		if (smp_dt_cpu_is_self(p, i)) {
			for (unsigned k = 0; k < job->n; k++)
				bits_exercise(&job->runs[k]);
		} else {
			struct smp_slot *s = smp_start(p, i, banked_fn, job, &rc);
			if (!s || smp_wait(s, SLOT_DONE, BANKED_WAIT)) {
				note(t, "%s: cpu %d did not run its banked registers (CPU_ON %lld)",
				     tg->d->path, i, (long long)rc);
				continue;
			}
			smp_release(p, s, BANKED_WAIT);
		}
		unsigned held = 0, failed = 0;
		for (unsigned k = 0; k < job->n; k++) {
			bits_report(t, tg, &job->runs[k], i);
			held += job->runs[k].held, failed += job->runs[k].n;
		}
		bits_report_cpu(t, tg, i, job->n, held, failed);
	}
}

void bits_banked(struct test_ctx *t, const struct mmio_target *tg)
{
	int any = 0;

	for (unsigned k = 0; k < tg->c->nfields; k++)
		any |= tg->c->fields[k].flags & FB_BANKED;
	if (!any)
		return;
	if (tg->c->extra == EXTRA_GICR_FRAMES)
		frames(t, tg);
	else
		per_cpu(t, tg);
}

static void write_read_of(struct test_ctx *t, const struct mmio_target *tg)
{
	unbanked(t, tg);
	bits_banked(t, tg);
	bits_selectors(t, tg);
}

void case_write_read(struct test_ctx *t)
{
	observe_writable_targets(t, "write_read", "no described device has a register to write",
				 write_read_of);
}
