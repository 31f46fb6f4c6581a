// SPDX-License-Identifier: MIT
#include "drivers/xen.h"

#include "drivers/xen_abi.h"

struct trap_result xen_hypercall_raw(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	return trap_xen_hypercall(nr, a0, a1, a2, 0, 0);
}

int64_t xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	struct trap_result r = xen_hypercall_raw(nr, a0, a1, a2);

	return r.trapped ? -XEN_ABI_ENOSYS : (int64_t)r.x0;
}

int64_t xen_version(void)
{
	return xen_hypercall(XEN_HC_XEN_VERSION, XENVER_version, 0, 0);
}

void xen_console_write(const char *s, size_t len)
{
	xen_hypercall(XEN_HC_CONSOLE_IO, XEN_CONSOLEIO_WRITE, len, (uintptr_t)s);
}
