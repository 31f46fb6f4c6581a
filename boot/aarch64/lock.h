/* SPDX-License-Identifier: MIT */
/* AArch64 spinlock (boot/lock.h): load-acquire exclusive, store-release, WFE while held. */
#ifndef BOOT_AARCH64_LOCK_H
#define BOOT_AARCH64_LOCK_H

static inline void spin_lock(struct spinlock *l)
{
	uint32_t held, failed;

	__asm__ volatile("	sevl\n"
			 "1:	wfe\n"
			 "2:	ldaxr	%w0, [%2]\n"
			 "	cbnz	%w0, 1b\n"
			 "	stxr	%w1, %w3, [%2]\n"
			 "	cbnz	%w1, 2b\n"
			 : "=&r"(held), "=&r"(failed)
			 : "r"(&l->held), "r"(1u)
			 : "memory");
}

static inline void spin_unlock(struct spinlock *l)
{
	__asm__ volatile("stlr wzr, [%0]" ::"r"(&l->held) : "memory");
}

#endif
