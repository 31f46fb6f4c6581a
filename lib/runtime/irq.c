// SPDX-License-Identifier: MIT
#include "runtime/irq.h"

#include <setjmp.h>
#include <stddef.h>

#include "boot/cpu.h"
#include "boot/exception.h"
#include "boot/lock.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "drivers/gic_its.h"
#include "runtime/arena.h"
#include "runtime/percpu.h"
#include "runtime/recovery.h"

#define MAX_HANDLERS 32

static struct {
	volatile uint32_t intid;
	irq_handler fn;
	void *arg;
} handlers[MAX_HANDLERS];
static volatile unsigned nhandlers;
static struct spinlock lock;

static int dispatch(struct exception_frame *f)
{
	(void)f;
	uint32_t iar = gic_ack();
	uint32_t intid = gic_intid(iar);
	struct cpu_local *c = this_cpu();

	if (intid >= 1020 && intid < 8192)
		return 1; /* spurious: nothing to do */
	c->irqs++;
	for (unsigned i = 0; i < nhandlers; i++)
		if (handlers[i].intid == intid && handlers[i].fn) {
			handlers[i].fn(iar, handlers[i].arg);
			gic_eoi(iar);
			return 1;
		}
	if (c->nunclaimed < PERCPU_UNCLAIMED)
		c->unclaimed[c->nunclaimed] = intid;
	c->nunclaimed++;
	gic_disable(intid);
	gic_eoi(iar);
	return 1;
}

/* What irq_setup and irq_cpu_setup return: each problem one string, named by irq_problem_check. */
static const char not_set_up[] = "not set up";
static const char no_gic[] = "no usable GIC in the device tree";
static const char no_frame[] = "no GIC redistributor frame matches this CPU's MPIDR";
static const char faulted[] = "setting up the GIC faulted";
static const char asleep[] = "this CPU's GIC redistributor did not wake (GICR_WAKER.ChildrenAsleep "
			     "stayed set)";

/* gic_cpu_init's result as a problem. */
static const char *cpu_init_problem(int rc)
{
	return rc == 0 ? NULL : rc == -2 ? asleep : no_frame;
}

static const char *unusable = not_set_up;

static const char *configure(const struct platform *p)
{
	const struct dt_device *g = p->gic;
	struct gic_config c = { .version = p->gic_version };

	if (!g || g->nreg < 2 || (p->gic_version != 2 && p->gic_version != 3))
		return no_gic;
	c.dist = g->reg[0].base;
	if (c.version == 2) {
		c.cpuif = g->reg[1].base;
	} else {
		int n = p->gic_redist_regions > 0 ? p->gic_redist_regions : 1;
		for (int i = 0; i < n && i < GIC_MAX_REDIST && i + 1 < PLAT_MAX_REGS; i++) {
			if (i + 1 >= g->nreg)
				break;
			c.redist[i].base = g->reg[i + 1].base;
			c.redist[i].size = g->reg[i + 1].size;
			c.nredist++;
		}
	}
	gic_configure(&c);
	const char *why = cpu_init_problem(gic_cpu_init());
	if (why)
		return why;
	exception_set_irq_handler(dispatch);
	return NULL;
}

const char *irq_setup(const struct platform *p)
{
	static jmp_buf jb;

	/* A lying DT can put the GIC anywhere: an abort here is reported, not fatal. */
	recovery_arm(&jb);
	if (setjmp(jb) == 0)
		unusable = configure(p);
	else
		unusable = faulted;
	recovery_disarm();
	return unusable;
}

const char *irq_unusable(void)
{
	return unusable;
}

const char *irq_cpu_setup(void)
{
	if (unusable)
		return unusable;
	return cpu_init_problem(gic_cpu_init());
}

const char *irq_problem_check(const char *problem)
{
	static const struct {
		const char *problem, *check;
	} names[] = {
		{ not_set_up, "gic_set_up" },	      { no_gic, "gic_usable_in_dt" },
		{ no_frame, "redist_frame_for_cpu" }, { faulted, "gic_setup_no_fault" },
		{ asleep, "redist_wakes" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (problem == names[i].problem)
			return names[i].check;
	return "gic_cpu_setup";
}

int irq_register(uint32_t intid, irq_handler fn, void *arg)
{
	int r = -1;

	spin_lock(&lock);
	for (unsigned i = 0; i < nhandlers; i++)
		if (handlers[i].intid == intid) {
			if (!handlers[i].fn || (handlers[i].fn == fn && handlers[i].arg == arg)) {
				handlers[i].arg = arg;
				handlers[i].fn = fn;
				r = 0;
			}
			goto out;
		}
	if (nhandlers < MAX_HANDLERS) {
		handlers[nhandlers].fn = fn;
		handlers[nhandlers].arg = arg;
		handlers[nhandlers].intid = intid;
		nhandlers++;
		r = 0;
	}
out:
	spin_unlock(&lock);
	return r;
}

void irq_unregister(uint32_t intid)
{
	spin_lock(&lock);
	for (unsigned i = 0; i < nhandlers; i++)
		if (handlers[i].intid == intid)
			handlers[i].fn = NULL;
	spin_unlock(&lock);
}

unsigned irq_unclaimed(uint32_t *out, unsigned max)
{
	struct cpu_local *c = this_cpu();
	unsigned n = c->nunclaimed;

	for (unsigned i = 0; i < n && i < max && i < PERCPU_UNCLAIMED; i++)
		out[i] = c->unclaimed[i];
	return n;
}

void irq_unclaimed_clear(void)
{
	this_cpu()->nunclaimed = 0;
}

uint32_t irq_poll(uint64_t timeout_us)
{
	int was_masked = cpu_irq_masked();
	struct wait w;
	uint32_t iar;

	cpu_irq_mask();
	wait_begin(&w, timeout_us);
	/* The wait is looked at first: a vCPU stalled past the deadline still acknowledges once. */
	for (;;) {
		enum wait_end end = wait_look(&w);
		iar = gic_ack();
		if (gic_intid(iar) != GIC_SPURIOUS || end != WAIT_ON)
			break;
	}
	if (!was_masked)
		cpu_irq_unmask();
	return iar;
}

static int grace_gone;

int irq_grace_left(void)
{
	return !__atomic_load_n(&grace_gone, __ATOMIC_RELAXED);
}

void irq_grace_spent(void)
{
	__atomic_store_n(&grace_gone, 1, __ATOMIC_RELAXED);
}

void irq_grace_reset(void)
{
	__atomic_store_n(&grace_gone, 0, __ATOMIC_RELAXED);
}

uint32_t irq_expect(uint64_t timeout_us)
{
	uint32_t iar = irq_poll(timeout_us);

	if (gic_intid(iar) != GIC_SPURIOUS || !irq_grace_left())
		return iar;
	iar = irq_poll(timeout_us * IRQ_GRACE_FACTOR);
	if (gic_intid(iar) == GIC_SPURIOUS)
		irq_grace_spent();
	return iar;
}

const char *irq_its_memory(void)
{
	static void *mem;

	if (!mem && (mem = arena_alloc(GIC_ITS_MEM_SIZE, GIC_ITS_MEM_ALIGN)))
		gic_its_memory(mem);
	return mem ? NULL : arena_refusal("the LPI and ITS tables", GIC_ITS_MEM_SIZE);
}
