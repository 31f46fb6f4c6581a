// SPDX-License-Identifier: MIT
#include "boot/wait.h"

#include "boot/cpu.h"

static unsigned ended[WAIT_ENDS];

void wait_begin(struct wait *w, uint64_t timeout_us)
{
	wait_begin_at(w, cpu_counter(), cpu_counter_hz(), timeout_us, WAIT_LOOKS_PER_US);
}

void wait_begin_tight(struct wait *w, uint64_t timeout_us)
{
	wait_begin_at(w, cpu_counter(), cpu_counter_hz(), timeout_us, WAIT_TIGHT_LOOKS_PER_US);
	w->pause = 0;
}

enum wait_end wait_look(struct wait *w)
{
	if (w->looks && w->pause)
		cpu_relax();
	enum wait_end e = wait_look_at(w, cpu_counter());
	if (e == WAIT_COUNTER_STILL || e == WAIT_LOOKS_RAN_OUT)
		__atomic_fetch_add(&ended[e], 1, __ATOMIC_RELAXED);
	return e;
}

unsigned wait_ended(enum wait_end e)
{
	return e < WAIT_ENDS ? __atomic_load_n(&ended[e], __ATOMIC_RELAXED) : 0;
}

void wait_count_clear(void)
{
	for (unsigned e = 0; e < WAIT_ENDS; e++)
		__atomic_store_n(&ended[e], 0, __ATOMIC_RELAXED);
}
