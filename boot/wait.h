/* SPDX-License-Identifier: MIT */
/*
 * A wait on the platform (a register, a flag another CPU or an interrupt
 * sets, a ring the device writes), bounded twice: by the generic counter
 * against CNTFRQ, and by the number of looks, so that it ends even when the
 * counter does not advance, advances slowly, or CNTFRQ lies. Every loop that
 * waits on the platform goes through here (docs/testing.md, "Waits and
 * deadlines"). The bounds are plain arithmetic on the counter values given
 * (host-tested); wait_begin and wait_look read the counter (boot/<arch>/).
 *
 *	struct wait w;
 *	wait_begin(&w, TIMEOUT_US);
 *	for (;;) {
 *		enum wait_end end = wait_look(&w);	// read before the condition:
 *		if (cond)				// a vCPU stalled past the
 *			break;				// deadline still looks once more
 *		if (end)
 *			...timed out, end says by which bound
 *	}
 */
#ifndef BOOT_WAIT_H
#define BOOT_WAIT_H

#include <stdint.h>

/*
 * Looks a wait may take per microsecond of its timeout. A look pauses first
 * (cpu_relax: 256 loop iterations, over 30 ns on a CPU below 8 GHz), so a
 * counter that runs true ends the wait first; a slow counter or a CNTFRQ
 * that lies ends it here, at worst this many times longer than asked under
 * an emulator whose looks take 1 us.
 */
#define WAIT_LOOKS_PER_US 32
/*
 * The same for a wait that looks without pausing (wait_begin_tight), where a
 * pause would blur what it measures: a look is then a few instructions.
 */
#define WAIT_TIGHT_LOOKS_PER_US 1024
/*
 * Looks in a row that find the counter where it was before the counter
 * counts as stopped: 20000 looks of 30 ns or more without one tick is a
 * counter below 2 kHz (Arm's run from 1 MHz up).
 */
#define WAIT_STILL_LOOKS 20000

enum wait_end {
	WAIT_ON,	    /* not over: look again */
	WAIT_DEADLINE,	    /* the counter passed the deadline */
	WAIT_COUNTER_STILL, /* the counter stood still for WAIT_STILL_LOOKS looks */
	WAIT_LOOKS_RAN_OUT, /* more looks than the timeout holds: the counter is slow */
	WAIT_ENDS
};

struct wait {
	uint64_t start, ticks; /* the deadline: start + ticks by the counter (none: UINT64_MAX) */
	uint64_t last;	       /* the counter at the last look */
	uint64_t looks, max_looks;
	uint32_t still; /* looks in a row that found the counter at last */
	int pause;	/* wait_look pauses before a look (not when tight) */
};

/*
 * Start a wait of timeout_us at counter value now, counting hz (CNTFRQ; 0:
 * unknown), of at most looks_per_us looks a microsecond.
 */
static inline void wait_begin_at(struct wait *w, uint64_t now, uint64_t hz, uint64_t timeout_us,
				 uint64_t looks_per_us)
{
	w->start = now;
	w->last = now;
	/* Without a frequency the counter says nothing of time: the looks bound the wait. */
	w->ticks = hz ? hz * timeout_us / 1000000 : UINT64_MAX;
	w->looks = 0;
	w->max_looks = timeout_us * looks_per_us + 1;
	w->still = 0;
	w->pause = 1;
}

/* One look at counter value now: WAIT_ON, or the bound that ended the wait. */
static inline enum wait_end wait_look_at(struct wait *w, uint64_t now)
{
	w->still = w->looks && now == w->last ? w->still + 1 : 0;
	w->last = now;
	w->looks++;
	/* A counter that went back reads as far past the deadline: the wait ends. */
	if (now - w->start > w->ticks)
		return WAIT_DEADLINE;
	if (w->still >= WAIT_STILL_LOOKS)
		return WAIT_COUNTER_STILL;
	if (w->looks > w->max_looks)
		return WAIT_LOOKS_RAN_OUT;
	return WAIT_ON;
}

/* What ended a wait, for a finding's text. */
static inline const char *wait_end_text(enum wait_end e)
{
	switch (e) {
	case WAIT_ON: return "not over";
	case WAIT_DEADLINE: return "the counter passed the deadline";
	case WAIT_COUNTER_STILL: return "the counter stood still";
	case WAIT_LOOKS_RAN_OUT: return "the counter ran slow: the looks ran out first";
	default: return "?";
	}
}

/* Start a wait of timeout_us now (the counter and CNTFRQ). */
void wait_begin(struct wait *w, uint64_t timeout_us);
/* The same, for looks without a pause between them (a measurement's). */
void wait_begin_tight(struct wait *w, uint64_t timeout_us);
/*
 * The next look: pauses (cpu_relax) before every look but the first (none
 * when tight), reads
 * the counter, and returns WAIT_ON or why the wait is over. A wait over by
 * the counter's fault (WAIT_COUNTER_STILL, WAIT_LOOKS_RAN_OUT) is counted.
 */
enum wait_end wait_look(struct wait *w);
/*
 * How many waits, on any CPU, ended by e since wait_count_clear: a case
 * says when its timeouts were the counter's (runtime/suite.c).
 */
unsigned wait_ended(enum wait_end e);
void wait_count_clear(void);

/*
 * Look at cond until it holds or the wait of timeout_us ends: 0 (WAIT_ON)
 * when it held (at the last look, perhaps past the deadline), else the end.
 * A GNU statement expression: assign it (or cast it to void), as cppcheck
 * cannot read one inside a comparison.
 */
#define WAIT_UNTIL(cond, timeout_us)                                                               \
	({                                                                                         \
		struct wait wait_;                                                                 \
		enum wait_end end_;                                                                \
		wait_begin(&wait_, (timeout_us));                                                  \
		for (;;) {                                                                         \
			end_ = wait_look(&wait_);                                                  \
			if (cond) {                                                                \
				end_ = WAIT_ON;                                                    \
				break;                                                             \
			}                                                                          \
			if (end_ != WAIT_ON)                                                       \
				break;                                                             \
		}                                                                                  \
		end_;                                                                              \
	})

#endif
