// SPDX-License-Identifier: MIT
/*
 * The xen suite's grant table cases: GNTTABOP_query_size
 * (public/grant_table.h) and grant frame 0 mapped with XENMEM_add_to_physmap
 * space XENMAPSPACE_grant_table (public/memory.h) into the region the
 * /hypervisor node's reg[0] gives for it (Xen
 * docs/misc/arm/device-tree/guest.txt).
 */
#include "boot/probe.h"
#include "tests/xen/xen.h"
#include "util/util.h"

/* Written over by a successful query: shows which fields Xen filled in. */
#define UNTOUCHED32 0xa5a5a5a5u
#define UNTOUCHED16 0x5a5a

/* query_size for this domain: the hypercall's result, with q filled in. */
static int64_t query_size(struct test_ctx *t, struct xen_gnttab_query_size *q, int *trapped)
{
	*q = (struct xen_gnttab_query_size){
		.dom = XEN_ABI_DOMID_SELF,
		.nr_frames = UNTOUCHED32,
		.max_nr_frames = UNTOUCHED32,
		.status = UNTOUCHED16,
	};
	return xen_call(t, XEN_ABI___HYPERVISOR_grant_table_op, XEN_ABI_GNTTABOP_query_size,
			(uintptr_t)q, 1, trapped);
}

void case_gnttab_query_size(struct test_ctx *t)
{
	struct xen_gnttab_query_size q;
	int trapped;
	int64_t r = query_size(t, &q, &trapped);

	note(t, "gnttab query_size: %lld status %d nr_frames %u max_nr_frames %u", (long long)r,
	     q.status, q.nr_frames, q.max_nr_frames);
	if (trapped)
		return;
	require(t, r == 0, "query_size_succeeds", "GNTTABOP_query_size returned %lld",
		(long long)r);
	require(t, q.status == XEN_ABI_GNTST_okay, "query_size_status_okay",
		"GNTTABOP_query_size status %d, not GNTST_okay", q.status);
	check(t, q.nr_frames != 0 && q.nr_frames != UNTOUCHED32, "nr_frames_valid",
	      "GNTTABOP_query_size nr_frames 0x%x: not a frame count", q.nr_frames);
	check(t, q.max_nr_frames != 0 && q.max_nr_frames != UNTOUCHED32, "max_nr_frames_valid",
	      "GNTTABOP_query_size max_nr_frames 0x%x: not a frame count", q.max_nr_frames);
	check(t, q.nr_frames <= q.max_nr_frames, "nr_within_max",
	      "nr_frames %u above max_nr_frames %u", q.nr_frames, q.max_nr_frames);
}

/* The subject throughout: the /hypervisor node's reg, the grant table region. */
void case_gnttab_map(struct test_ctx *t)
{
	const struct dt_device *x = t->plat->hypervisor;
	struct xen_gnttab_query_size q;
	struct probe_outcome before, after;
	char seen[96];
	int trapped;

	subject_push(t, "node", "%s", x->path);
	subject_push(t, "prop", "reg");
	require(t, x->nreg >= 1, "reg_present", "%s: no reg (the grant table region)", x->path);
	uint64_t base = x->reg[0].base, size = x->reg[0].size;
	require(t, IS_ALIGNED(base, PAGE_SIZE) && size >= PAGE_SIZE, "region_is_pages",
		"grant table region 0x%llx size 0x%llx is not a run of pages",
		(unsigned long long)base, (unsigned long long)size);
	int64_t r = query_size(t, &q, &trapped);
	if (trapped)
		goto out;
	require(t, r == 0 && q.status == XEN_ABI_GNTST_okay, "query_size_succeeds",
		"GNTTABOP_query_size returned %lld status %d", (long long)r, q.status);
	/* A guest maps every frame it may grow to inside the region, so the maximum must fit. */
	check(t, (uint64_t)q.max_nr_frames * PAGE_SIZE <= size, "max_frames_fit_region",
	      "max_nr_frames %u (0x%llx bytes) do not fit the DT's grant table region of 0x%llx",
	      q.max_nr_frames, (unsigned long long)q.max_nr_frames * PAGE_SIZE,
	      (unsigned long long)size);

	probe_read(base, 64, &before);
	probe_format(&before, PROBE_BRIEF, seen, sizeof(seen));
	note(t, "grant frame 0 at 0x%llx before mapping: %s", (unsigned long long)base, seen);

	struct xen_add_to_physmap xatp = {
		.domid = XEN_ABI_DOMID_SELF,
		.space = XEN_ABI_XENMAPSPACE_grant_table,
		.idx = 0,
		.gpfn = base >> PAGE_SHIFT,
	};
	r = xen_call(t, XEN_ABI___HYPERVISOR_memory_op, XEN_ABI_XENMEM_add_to_physmap,
		     (uintptr_t)&xatp, 0, &trapped);
	note(t, "add_to_physmap(grant_table, 0) at gpfn 0x%llx: %lld",
	     (unsigned long long)xatp.gpfn, (long long)r);
	if (trapped)
		goto out;
	require(t, r == 0, "grant_frame_mapped",
		"XENMEM_add_to_physmap(XENMAPSPACE_grant_table, 0) at gpfn 0x%llx returned %lld",
		(unsigned long long)xatp.gpfn, (long long)r);
	probe_read(base, 64, &after);
	probe_format(&after, PROBE_BRIEF, seen, sizeof(seen));
	note(t, "grant frame 0 at 0x%llx after mapping: %s", (unsigned long long)base, seen);
	check(t, !after.faulted, "mapped_frame_readable",
	      "grant frame 0, mapped at 0x%llx, cannot be read: %s", (unsigned long long)base,
	      seen);
out:
	subject_pop(t);
	subject_pop(t);
}
