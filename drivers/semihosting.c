#include "drivers/semihosting.h"

#define SYS_WRITE0 0x04
#define SYS_ERRNO 0x13
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

/* In lib/probe_access.S: HLT #0xF000 with x0 = op, x1 = arg; -1 if it faulted. */
uint64_t semihosting_trap(uint64_t op, uint64_t arg);

static int available;

int semihosting_detect(void)
{
	/* SYS_ERRNO has no side effects; the fixup returns -1 when HLT faults. */
	available = semihosting_trap(SYS_ERRNO, 0) != (uint64_t)-1;
	return available;
}

void semihosting_write(const char *s, size_t len)
{
	char chunk[129];

	if (!available)
		return;
	while (len) {
		size_t n = len < sizeof(chunk) - 1 ? len : sizeof(chunk) - 1;
		for (size_t i = 0; i < n; i++)
			chunk[i] = s[i];
		chunk[n] = 0;
		semihosting_trap(SYS_WRITE0, (uintptr_t)chunk);
		s += n;
		len -= n;
	}
}

void semihosting_exit(int code)
{
	uint64_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint64_t)code};

	if (available)
		semihosting_trap(SYS_EXIT, (uintptr_t)block);
}
