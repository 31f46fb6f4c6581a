/* SPDX-License-Identifier: MIT */
/*
 * Running code on the DT's other CPUs (PSCI CPU_ON, DEN0022 5.6): a start
 * slot per CPU running at once (stack, TLS, per-CPU block). What a started
 * CPU finds is left in its slot for the boot CPU to report, so one CPU
 * writes the report. The CPU calls CPU_OFF when its function returns, and
 * the slot is reused once AFFINITY_INFO says that CPU is off.
 */
#ifndef RUNTIME_SMP_H
#define RUNTIME_SMP_H

#include <stdint.h>

#include "boot/smp.h"
#include "dt/platform.h"
#include "runtime/case.h"
#include "runtime/percpu.h"

#define SMP_SLOTS      8
#define SMP_STACK_SIZE 16384

/*
 * SLOT_ABANDONED: the boot CPU stopped waiting for the CPU to start; if it
 * starts later it runs nothing and turns itself off (its slot is not reused).
 */
enum smp_state {
	SLOT_FREE,
	SLOT_STARTING,
	SLOT_RUNNING,
	SLOT_DONE,
	SLOT_OFF_FAILED,
	SLOT_ABANDONED
};
/* How long a started CPU may take to run, on a host that may deschedule it. */
#define SMP_START_WAIT_US 1000000

struct smp_slot;
typedef void (*smp_fn)(struct smp_slot *s);

struct smp_slot {
	struct cpu_local local;
	struct cpu_start start;
	int dt_index;
	uint64_t mpidr; /* the DT's reg */
	smp_fn fn;
	void *arg;
	volatile int state;	     /* enum smp_state */
	volatile int recovered;	     /* enum recovery_cause, when fn did not return */
	volatile int64_t off_result; /* CPU_OFF's return, when it returned */
	unsigned entry_el;
	uint8_t stack[SMP_STACK_SIZE] __attribute__((aligned(16)));
};

/*
 * Take the slots (and their stacks) from run-time memory, at start-up before
 * any suite: NULL, or why there are none (the boot suite's runtime_memory
 * finding says so; every start then fails as with no free slot).
 */
const char *smp_reserve(void);
/* Whether other CPUs can be started; if not, the case skips with why (no run-time memory). */
int smp_usable(struct test_ctx *t);
/* Is the DT's CPU i the one running this (its reg's affinity is this CPU's MPIDR's)? */
int smp_dt_cpu_is_self(const struct platform *p, int i);

/* smp_start's *psci for a CPU marked lost: no CPU_ON was made. */
#define SMP_CPU_LOST 2

/*
 * Start the DT's CPU dt_index running fn. Returns its slot, or NULL with
 * *psci the CPU_ON result (or 1 when no slot is free or the conduit trapped,
 * SMP_CPU_LOST for a CPU smp_mark_lost named).
 */
struct smp_slot *smp_start(const struct platform *p, int dt_index, smp_fn fn, void *arg,
			   int64_t *psci);
/*
 * The same for any MPIDR, with the entry point to give CPU_ON (the psci
 * suite tries ones that must be refused; a start that succeeds anyway runs
 * fn if the entry was cpu_start_entry()).
 */
struct smp_slot *smp_start_mpidr(const struct platform *p, uint64_t mpidr, smp_fn fn, void *arg,
				 int64_t *psci, uintptr_t entry);
/*
 * Wait until the slot's state is at least want: 0, or -1 after timeout_us.
 * A CPU that has not started by then is abandoned (it will run nothing), so
 * that it cannot start late into state the caller has moved on from.
 */
int smp_wait(struct smp_slot *s, int want, uint64_t timeout_us);
/*
 * Once the CPU's function ended, wait for AFFINITY_INFO to say OFF, then
 * free the slot: 0, or -1 (the slot stays taken: the CPU may yet use it).
 */
int smp_release(const struct platform *p, struct smp_slot *s, uint64_t timeout_us);
/*
 * A CPU a test started where it cannot run (CPU_ON took an entry point it
 * should have refused) and that did not come back: nothing in PSCI turns
 * another CPU off, so it stays on for the rest of the run. why says which
 * check lost it; later users skip that CPU with it rather than find it on.
 */
void smp_mark_lost(const struct platform *p, uint64_t mpidr, const char *why);
/* Why the DT's CPU dt_index was lost, or NULL. */
const char *smp_lost(const struct platform *p, int dt_index);
/* AFFINITY_INFO(mpidr, level 0) through the DT's conduit. */
int64_t smp_affinity(const struct platform *p, uint64_t mpidr);
/* Microseconds and counter ticks (CNTFRQ). */
uint64_t smp_us_to_ticks(uint64_t us);
uint64_t smp_ticks_to_us(uint64_t ticks);

#endif
