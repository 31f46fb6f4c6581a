// SPDX-License-Identifier: MIT
#include "drivers/semihosting.h"

#include <string.h>

#include "boot/trap.h"

#define SYS_WRITE0		     0x04
#define SYS_ERRNO		     0x13
#define SYS_EXIT_EXTENDED	     0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

static int available;

int semihosting_detect(void)
{
	/* SYS_ERRNO has no side effects; where semihosting is off, HLT traps. */
	available = !trap_semihosting(SYS_ERRNO, 0).trapped;
	return available;
}

void semihosting_write(const char *s, size_t len)
{
	char chunk[129];

	if (!available)
		return;
	while (len) {
		size_t n = len < sizeof(chunk) - 1 ? len : sizeof(chunk) - 1;
		memcpy(chunk, s, n);
		chunk[n] = 0;
		trap_semihosting(SYS_WRITE0, (uintptr_t)chunk);
		s += n;
		len -= n;
	}
}

void semihosting_exit(int code)
{
	/*
	 * SYS_EXIT_EXTENDED: a block of two fields of the register width, reason
	 * and code, on either architecture (SYS_EXIT on AArch32 takes the reason
	 * itself in r1 and no code: QEMU then exits 1 for any pointer).
	 */
	if (available) {
		uintptr_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)code };
		trap_semihosting(SYS_EXIT_EXTENDED, (uintptr_t)block);
	}
}
