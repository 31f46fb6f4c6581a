#include "drivers/xen.h"

/* In lib/probe_access.S: x0..x4 arguments, x5 hypercall number. */
uint64_t xen_hypercall_trap(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
			    uint64_t nr);

int64_t xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	return (int64_t)xen_hypercall_trap(a0, a1, a2, 0, 0, nr);
}

int64_t xen_version(void)
{
	return xen_hypercall(XEN_HC_XEN_VERSION, XENVER_version, 0, 0);
}

void xen_console_write(const char *s, size_t len)
{
	xen_hypercall(XEN_HC_CONSOLE_IO, XEN_CONSOLEIO_WRITE, len, (uintptr_t)s);
}
