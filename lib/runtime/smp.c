// SPDX-License-Identifier: MIT
#include "runtime/smp.h"

#include <setjmp.h>
#include <stddef.h>

#include "boot/cpu.h"
#include "boot/wait.h"
#include "drivers/psci.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/recovery.h"

/* From run-time memory at start-up (their stacks are large): without it, no start. */
static struct smp_slot *slots;
static enum psci_conduit conduit;
/* CPUs lost to a start that should have been refused (smp_mark_lost), by MPIDR affinity. */
struct lost_cpu {
	uint64_t mpidr;
	const char *why;
};
static struct lost_cpu lost[SMP_SLOTS];
static unsigned nlost;

const char *smp_reserve(void)
{
	if (!slots)
		slots = arena_alloc(SMP_SLOTS * sizeof(*slots), 16);
	return slots ? NULL
		     : arena_refusal("the secondary CPUs' slots", SMP_SLOTS * sizeof(*slots));
}

int smp_usable(struct test_ctx *t)
{
	const char *why = smp_reserve();

	if (why)
		skip(t, why);
	return !why;
}

uint64_t smp_us_to_ticks(uint64_t us)
{
	return cpu_counter_hz() * us / 1000000;
}

uint64_t smp_ticks_to_us(uint64_t ticks)
{
	uint64_t hz = cpu_counter_hz();

	return hz ? ticks * 1000000 / hz : 0;
}

/* Runs on the started CPU, at EL1 with the boot CPU's MMU and its own stack. */
static void started(void *arg)
{
	struct smp_slot *volatile s = arg;
	jmp_buf jb;

	int starting = SLOT_STARTING;

	/* Too late: the boot CPU gave up on this start and may reuse what fn would touch. */
	if (!__atomic_compare_exchange_n(&s->state, &starting, SLOT_RUNNING, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE)) {
		smccc_call(conduit, PSCI_CPU_OFF, 0, 0, 0);
		for (;;)
			cpu_halt();
	}
	percpu_init(&s->local, s->dt_index);
	s->entry_el = (unsigned)s->start.entry_el;
	recovery_arm(&jb);
	int cause = setjmp(jb);
	if (cause == 0)
		s->fn(s);
	else
		s->recovered = cause;
	recovery_disarm();
	cpu_irq_mask();
	__atomic_store_n(&s->state, SLOT_DONE, __ATOMIC_RELEASE);
	s->off_result = smccc_call(conduit, PSCI_CPU_OFF, 0, 0, 0);
	__atomic_store_n(&s->state, SLOT_OFF_FAILED, __ATOMIC_RELEASE);
	for (;;)
		cpu_halt();
}

void smp_mark_lost(const struct platform *p, uint64_t mpidr, const char *why)
{
	(void)p;
	if (nlost < SMP_SLOTS)
		lost[nlost++] = (struct lost_cpu){ mpidr & PSCI_MPIDR_AFFINITY, why };
}

const char *smp_lost(const struct platform *p, int dt_index)
{
	if (dt_index < 0 || dt_index >= p->ncpus)
		return NULL;
	for (unsigned i = 0; i < nlost; i++)
		if (lost[i].mpidr == (p->cpu_mpidr[dt_index] & PSCI_MPIDR_AFFINITY))
			return lost[i].why;
	return NULL;
}

struct smp_slot *smp_start(const struct platform *p, int dt_index, smp_fn fn, void *arg,
			   int64_t *psci)
{
	*psci = 1;
	if (dt_index < 0 || dt_index >= p->ncpus)
		return NULL;
	if (smp_lost(p, dt_index)) {
		*psci = SMP_CPU_LOST;
		return NULL;
	}
	return smp_start_mpidr(p, p->cpu_mpidr[dt_index], fn, arg, psci, cpu_start_entry());
}

struct smp_slot *smp_start_mpidr(const struct platform *p, uint64_t mpidr, smp_fn fn, void *arg,
				 int64_t *psci, uintptr_t entry)
{
	struct smp_slot *s = NULL;

	*psci = 1;
	if (!slots)
		return NULL;
	for (int i = 0; i < SMP_SLOTS && !s; i++)
		if (slots[i].state == SLOT_FREE)
			s = &slots[i];
	if (!s)
		return NULL;
	conduit = p->psci;
	s->dt_index = dt_cpu_index(p, mpidr);
	s->mpidr = mpidr;
	s->fn = fn;
	s->arg = arg;
	s->recovered = 0;
	s->off_result = 0;
	s->state = SLOT_STARTING;
	uintptr_t ctx = cpu_start_prepare(&s->start, s->stack + SMP_STACK_SIZE, s->local.tls,
					  sizeof(s->local.tls), started, s);
	if (!ctx) {
		s->state = SLOT_FREE;
		return NULL;
	}
	struct trap_result r = smccc_call_raw(conduit, psci_native(PSCI_CPU_ON),
					      s->mpidr & PSCI_MPIDR_AFFINITY, entry, ctx);
	*psci = r.trapped ? 1 : (int64_t)r.x0;
	if (*psci != PSCI_SUCCESS) {
		s->state = SLOT_FREE;
		return NULL;
	}
	return s;
}

int smp_wait(struct smp_slot *s, int want, uint64_t timeout_us)
{
	struct wait w;

	wait_begin(&w, timeout_us);
	/* The wait is looked at before the state: a stall past the deadline still looks once more.
	 */
	for (;;) {
		enum wait_end end = wait_look(&w);
		int state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
		if (state >= want && state != SLOT_ABANDONED)
			return 0;
		if (end != WAIT_ON)
			break;
	}
	int starting = SLOT_STARTING;
	if (__atomic_compare_exchange_n(&s->state, &starting, SLOT_ABANDONED, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		return -1;
	/* It started just now: as good as in time. */
	return starting >= want && starting != SLOT_ABANDONED ? 0 : -1;
}

int64_t smp_affinity(const struct platform *p, uint64_t mpidr)
{
	return smccc_call(p->psci, psci_native(PSCI_AFFINITY_INFO), mpidr & PSCI_MPIDR_AFFINITY, 0,
			  0);
}

int smp_release(const struct platform *p, struct smp_slot *s, uint64_t timeout_us)
{
	/* Before its function ended the CPU may still start and use the slot's stack. */
	if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_DONE)
		return -1;
	enum wait_end off = WAIT_UNTIL(smp_affinity(p, s->mpidr) == PSCI_AFF_OFF, timeout_us);
	if (off != WAIT_ON)
		return -1;
	s->state = SLOT_FREE;
	return 0;
}

int smp_dt_cpu_is_self(const struct platform *p, int i)
{
	return (p->cpu_mpidr[i] & PSCI_MPIDR_AFFINITY) == (cpu_mpidr() & PSCI_MPIDR_AFFINITY);
}
