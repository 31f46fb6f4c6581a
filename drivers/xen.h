/* SPDX-License-Identifier: MIT */
/*
 * Xen hypercalls from a guest: HVC #0xEA1, x16 = number, x0.. arguments
 * (xen/include/public/arch-arm.h, xen.h, version.h), and the argument
 * structures of the ops the xen suite makes. Fault-guarded: off Xen they
 * return -ENOSYS.
 */
#ifndef DRIVERS_XEN_H
#define DRIVERS_XEN_H

#include <stddef.h>
#include <stdint.h>

#include "boot/trap.h"
#include "drivers/xen_abi.h"

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

/*
 * The arguments of the memory, vcpu, event channel and grant table ops, as
 * public/memory.h, vcpu.h, event_channel.h and grant_table.h declare them
 * (domid_t is uint16_t; xen_ulong_t and xen_pfn_t are uint64_t on Arm). Each
 * is asserted below against the layout scripts/gen-xen-abi compiled from
 * those headers.
 */
struct xen_add_to_physmap {
	uint16_t domid;
	uint16_t size; /* XENMAPSPACE_gmfn_range only */
	uint32_t space;
	uint64_t idx;
	uint64_t gpfn;
};
struct xen_vcpu_register_vcpu_info {
	uint64_t mfn; /* a guest frame on Arm */
	uint32_t offset;
	uint32_t rsvd;
};
struct xen_evtchn_alloc_unbound {
	uint16_t dom, remote_dom;
	uint32_t port; /* out */
};
struct xen_evtchn_bind_interdomain {
	uint16_t remote_dom;
	uint32_t remote_port;
	uint32_t local_port; /* out */
};
struct xen_evtchn_port {
	uint32_t port; /* EVTCHNOP_send and EVTCHNOP_close */
};
struct xen_gnttab_query_size {
	uint16_t dom;
	uint32_t nr_frames, max_nr_frames; /* out */
	int16_t status;			   /* out: GNTST_* */
};
/* public/xen.h on Arm: arch_vcpu_info is empty; no upcall mask. */
struct xen_vcpu_info {
	uint8_t evtchn_upcall_pending;
	uint8_t pad0;
	uint64_t evtchn_pending_sel;
	uint8_t time[32]; /* struct vcpu_time_info */
};
/* public/xen.h: the 2-level event channel bitmaps (64 x 64 ports). */
struct xen_shared_info {
	struct xen_vcpu_info vcpu_info[XEN_ABI_XEN_LEGACY_MAX_VCPUS];
	uint64_t evtchn_pending[64];
	uint64_t evtchn_mask[64];
	uint32_t wc_version, wc_sec, wc_nsec, wc_sec_hi;
};

/* Our struct against the header's struct h, as the generator measured it. */
#define XEN_LAYOUT_SIZE(ours, h) _Static_assert(sizeof(struct ours) == XEN_ABI_SIZEOF_##h, #h)
#define XEN_LAYOUT_OFF(ours, h, f)                                                                 \
	_Static_assert(offsetof(struct ours, f) == XEN_ABI_OFF_##h##_##f, #h "." #f)
XEN_LAYOUT_SIZE(xen_add_to_physmap, xen_add_to_physmap);
XEN_LAYOUT_OFF(xen_add_to_physmap, xen_add_to_physmap, space);
XEN_LAYOUT_OFF(xen_add_to_physmap, xen_add_to_physmap, idx);
XEN_LAYOUT_OFF(xen_add_to_physmap, xen_add_to_physmap, gpfn);
XEN_LAYOUT_SIZE(xen_vcpu_register_vcpu_info, vcpu_register_vcpu_info);
XEN_LAYOUT_OFF(xen_vcpu_register_vcpu_info, vcpu_register_vcpu_info, offset);
XEN_LAYOUT_SIZE(xen_evtchn_alloc_unbound, evtchn_alloc_unbound);
XEN_LAYOUT_OFF(xen_evtchn_alloc_unbound, evtchn_alloc_unbound, port);
XEN_LAYOUT_SIZE(xen_evtchn_bind_interdomain, evtchn_bind_interdomain);
XEN_LAYOUT_OFF(xen_evtchn_bind_interdomain, evtchn_bind_interdomain, remote_port);
XEN_LAYOUT_OFF(xen_evtchn_bind_interdomain, evtchn_bind_interdomain, local_port);
_Static_assert(sizeof(struct xen_evtchn_port) == XEN_ABI_SIZEOF_evtchn_send &&
		       sizeof(struct xen_evtchn_port) == XEN_ABI_SIZEOF_evtchn_close,
	       "evtchn_send, evtchn_close");
XEN_LAYOUT_SIZE(xen_gnttab_query_size, gnttab_query_size);
XEN_LAYOUT_OFF(xen_gnttab_query_size, gnttab_query_size, nr_frames);
XEN_LAYOUT_OFF(xen_gnttab_query_size, gnttab_query_size, max_nr_frames);
XEN_LAYOUT_OFF(xen_gnttab_query_size, gnttab_query_size, status);
XEN_LAYOUT_SIZE(xen_vcpu_info, vcpu_info);
XEN_LAYOUT_OFF(xen_vcpu_info, vcpu_info, evtchn_pending_sel);
XEN_LAYOUT_SIZE(xen_shared_info, shared_info);
XEN_LAYOUT_OFF(xen_shared_info, shared_info, evtchn_pending);
XEN_LAYOUT_OFF(xen_shared_info, shared_info, evtchn_mask);
#undef XEN_LAYOUT_SIZE
#undef XEN_LAYOUT_OFF

/* The hypercall's result; -ENOSYS when it trapped (not Xen). */
int64_t xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2);
/* The same, with whether the HVC trapped instead of returning. */
struct trap_result xen_hypercall_raw(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2);
/* XENVER_version, or a negative errno when this is not Xen. */
int64_t xen_version(void);
void xen_console_write(const char *s, size_t len);

#endif
