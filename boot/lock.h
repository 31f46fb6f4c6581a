/* SPDX-License-Identifier: MIT */
/*
 * A spinlock for what CPUs share (the console, the start-up slots). It needs
 * the MMU on (exclusives on Normal memory), which every CPU has before C runs
 * on it, except the boot CPU's first steps when no other CPU runs.
 */
#ifndef BOOT_LOCK_H
#define BOOT_LOCK_H

#include <stdint.h>

struct spinlock {
	volatile uint32_t held;
};

#if defined(__aarch64__)
#include "boot/aarch64/lock.h"
#elif defined(__arm__)
#include "boot/arm/lock.h"
#else
#error "no architecture layer for this target: add boot/<arch>/lock.h"
#endif

/* Declared here, defined inline by the architecture:
 *   void spin_lock(struct spinlock *l);   void spin_unlock(struct spinlock *l);
 */

#endif
