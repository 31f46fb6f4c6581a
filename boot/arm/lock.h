/* SPDX-License-Identifier: MIT */
/* AArch32 spinlock (boot/lock.h): exclusives, WFE while held, SEV on release. */
#ifndef BOOT_ARM_LOCK_H
#define BOOT_ARM_LOCK_H

static inline void spin_lock(struct spinlock *l)
{
	uint32_t held, failed;

	__asm__ volatile("1:	ldrex	%0, [%2]\n"
			 "	cmp	%0, #0\n"
			 "	wfene\n"
			 "	bne	1b\n"
			 "	strex	%1, %3, [%2]\n"
			 "	cmp	%1, #0\n"
			 "	bne	1b\n"
			 "	dmb	ish\n"
			 : "=&r"(held), "=&r"(failed)
			 : "r"(&l->held), "r"(1u)
			 : "cc", "memory");
}

static inline void spin_unlock(struct spinlock *l)
{
	__asm__ volatile("dmb ish\n\tstr %1, [%0]\n\tdsb ishst\n\tsev" ::"r"(&l->held), "r"(0u)
			 : "memory");
}

#endif
