/*
 * Xen hypercalls from a guest: HVC #0xEA1, x16 = number, x0.. arguments
 * (xen/include/public/arch-arm.h, xen.h, version.h). Fault-guarded: off Xen
 * they return -ENOSYS.
 */
#ifndef DRIVERS_XEN_H
#define DRIVERS_XEN_H

#include <stddef.h>
#include <stdint.h>

#include "boot/trap.h"

#define XEN_HC_CONSOLE_IO   18
#define XEN_HC_XEN_VERSION  17
#define XEN_CONSOLEIO_WRITE 0

#define XENVER_version		   0
#define XENVER_extraversion	   1
#define XENVER_compile_info	   2
#define XENVER_capabilities	   3
#define XENVER_changeset	   4
#define XENVER_platform_parameters 5
#define XENVER_get_features	   6
#define XENVER_pagesize		   7
#define XENVER_guest_handle	   8
#define XENVER_commandline	   9
#define XENVER_build_id		   10

/* The hypercall's result; -ENOSYS when it trapped (not Xen). */
int64_t xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2);
/* The same, with whether the HVC trapped instead of returning. */
struct trap_result xen_hypercall_raw(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2);
/* XENVER_version, or a negative errno when this is not Xen. */
int64_t xen_version(void);
void xen_console_write(const char *s, size_t len);

#endif
