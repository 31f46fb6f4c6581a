// SPDX-License-Identifier: MIT
/*
 * The xen suite's event channel case: shared_info mapped
 * (public/memory.h XENMAPSPACE_shared_info), this vCPU's vcpu_info registered
 * (public/vcpu.h), a channel bound to this domain itself
 * (public/event_channel.h alloc_unbound, bind_interdomain), an event sent on
 * each end, and the upcall taken on the /hypervisor node's PPI (Xen
 * docs/misc/arm/device-tree/guest.txt) with the 2-level bitmaps of
 * public/xen.h saying which port.
 */
#include <stdint.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "runtime/irq.h"
#include "tests/xen/xen.h"
#include "util/util.h"

#define UPCALL_WAIT_US 200000
#define DRAIN_US       20000
#define MAX_STRAYS     4
#define WORD_BITS      64u

/*
 * XENMEM_add_to_physmap replaces the RAM page at the frame it is given, so
 * shared_info gets a page that holds nothing else; vcpu_info gets another
 * (it stays RAM, Xen maps it as well).
 */
static union {
	struct xen_shared_info s;
	uint8_t page[PAGE_SIZE];
} shared __attribute__((aligned(PAGE_SIZE)));
static union {
	struct xen_vcpu_info v;
	uint8_t page[PAGE_SIZE];
} vcpu __attribute__((aligned(PAGE_SIZE)));

/* Upcalls the dispatcher took (only if interrupts were unmasked: they should not be). */
static volatile unsigned dispatched;

static void upcall_handler(uint32_t iar, void *arg)
{
	(void)iar;
	(void)arg;
	dispatched++;
}

static int bit(volatile uint64_t *words, uint32_t port)
{
	return (__atomic_load_n(&words[port / WORD_BITS], __ATOMIC_ACQUIRE) >> (port % WORD_BITS)) &
	       1;
}

static void clear_bit(volatile uint64_t *words, uint32_t port)
{
	__atomic_and_fetch(&words[port / WORD_BITS], ~(1ull << (port % WORD_BITS)),
			   __ATOMIC_SEQ_CST);
}

/* Nothing pending: the state an upcall handler leaves behind. */
static void clear_events(void)
{
	__atomic_store_n(&vcpu.v.evtchn_upcall_pending, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&vcpu.v.evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	for (unsigned i = 0; i < ARRAY_SIZE(shared.s.evtchn_pending); i++)
		__atomic_store_n(&shared.s.evtchn_pending[i], 0, __ATOMIC_SEQ_CST);
}

/*
 * The next interrupt's INTID within the wait (EOIed), or GIC_SPURIOUS; others
 * are noted. One that should come (expected) gets irq_expect's grace; a look
 * for strays, or at a masked port, does not.
 */
static uint32_t irq_poll_intid(struct test_ctx *t, uint32_t want, uint64_t wait_us, int expected)
{
	for (int i = 0; i < MAX_STRAYS; i++) {
		uint32_t iar = expected ? irq_expect(wait_us) : irq_poll(wait_us);
		uint32_t id = gic_intid(iar);
		if (id == GIC_SPURIOUS)
			return id;
		gic_eoi(iar);
		if (id == want)
			return id;
		note(t, "INTID %u arrived while waiting for INTID %u", id, want);
	}
	return GIC_SPURIOUS;
}

/*
 * Take every upcall that comes within the wait and then within DRAIN_US of
 * the last one: how many there were. An upcall left over from an earlier
 * event (bind_interdomain's, the initial one) must not pass for the one a
 * later send raises, so each send starts with none outstanding.
 */
static unsigned drain(struct test_ctx *t, uint32_t ppi, uint64_t first_wait_us)
{
	unsigned n = 0;

	for (uint64_t wait = first_wait_us; n < MAX_STRAYS; wait = DRAIN_US) {
		if (irq_poll_intid(t, ppi, wait, 0) != ppi) /* counted, not judged: no grace */
			break;
		n++;
	}
	return n;
}

static int64_t evtchn_op(struct test_ctx *t, uint64_t cmd, void *arg, int *trapped)
{
	return xen_call(t, XEN_ABI___HYPERVISOR_event_channel_op, cmd, (uintptr_t)arg, 0, trapped);
}

/* shared_info mapped and vcpu_info registered; the upcall they raise taken. 0 or -1. */
static int setup(struct test_ctx *t, uint32_t ppi)
{
	int trapped;
	struct xen_add_to_physmap xatp = {
		.domid = XEN_ABI_DOMID_SELF,
		.space = XEN_ABI_XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)&shared >> PAGE_SHIFT,
	};
	int64_t r = xen_call(t, XEN_ABI___HYPERVISOR_memory_op, XEN_ABI_XENMEM_add_to_physmap,
			     (uintptr_t)&xatp, 0, &trapped);

	note(t, "add_to_physmap(shared_info) at gpfn 0x%llx: %lld", (unsigned long long)xatp.gpfn,
	     (long long)r);
	if (trapped ||
	    !check(t, r == 0, "shared_info_mapped",
		   "XENMEM_add_to_physmap(XENMAPSPACE_shared_info) returned %lld", (long long)r))
		return -1;
	/* Xen starts a domain on vCPU 0, the CPU the suites run on. */
	struct xen_vcpu_register_vcpu_info info = { .mfn = (uintptr_t)&vcpu >> PAGE_SHIFT };
	r = xen_call(t, XEN_ABI___HYPERVISOR_vcpu_op, XEN_ABI_VCPUOP_register_vcpu_info, 0,
		     (uintptr_t)&info, &trapped);
	note(t, "register_vcpu_info at gfn 0x%llx: %lld, upcall_pending %u pending_sel 0x%llx",
	     (unsigned long long)info.mfn, (long long)r, vcpu.v.evtchn_upcall_pending,
	     (unsigned long long)vcpu.v.evtchn_pending_sel);
	if (trapped || !check(t, r == 0, "vcpu_info_registered",
			      "VCPUOP_register_vcpu_info returned %lld", (long long)r))
		return -1;
	/* Xen marks every event pending on a new vcpu_info, so an upcall comes first. */
	gic_enable(ppi);
	unsigned first = drain(t, ppi, UPCALL_WAIT_US);
	clear_events();
	unsigned after = drain(t, ppi, DRAIN_US);
	note(t, "initial upcalls: %u, then %u more with nothing pending", first, after);
	return 0;
}

/*
 * The two ends of the channel, named in subjects by their role, not by the
 * numbers Xen allocates (which vary between runs): port=unbound (the end
 * alloc_unbound made) and port=bound (the end bind_interdomain made).
 */
#define UNBOUND "unbound"
#define BOUND	"bound"

/*
 * Send on `from`; the event must be pending on `to` only, with the upcall
 * taken. The subject: port=TO_ROLE, the end that must see the event; the
 * send itself and the sending end's bit: port=FROM_ROLE.
 */
static void deliver(struct test_ctx *t, uint32_t ppi, uint32_t from, const char *from_role,
		    uint32_t to, const char *to_role)
{
	struct xen_evtchn_port send = { .port = from };
	volatile uint64_t *pending = shared.s.evtchn_pending, *mask = shared.s.evtchn_mask;
	int trapped;

	note(t, "port %u before send: masked %d pending %d", to, bit(mask, to), bit(pending, to));
	clear_bit(mask, from);
	clear_bit(mask, to);
	clear_events();
	unsigned stale = drain(t, ppi, DRAIN_US);
	if (stale)
		note(t, "%u upcall(s) with nothing pending before the send", stale);
	subject_push(t, "port", "%s", from_role);
	int64_t r = evtchn_op(t, XEN_ABI_EVTCHNOP_send, &send, &trapped);
	int sent = !trapped && check(t, r == 0, "send_succeeds",
				     "EVTCHNOP_send on port %u returned %lld", from, (long long)r);
	subject_pop(t);
	if (!sent)
		return;
	subject_push(t, "port", "%s", to_role);
	uint32_t got = irq_poll_intid(t, ppi, UPCALL_WAIT_US, 1);
	unsigned upcall = __atomic_load_n(&vcpu.v.evtchn_upcall_pending, __ATOMIC_ACQUIRE);
	uint64_t sel = __atomic_load_n(&vcpu.v.evtchn_pending_sel, __ATOMIC_ACQUIRE);
	note(t, "send %u -> %u: INTID %u, upcall_pending %u pending_sel 0x%llx, pending %d/%d",
	     from, to, got, upcall, (unsigned long long)sel, bit(pending, to), bit(pending, from));
	check(t, got == ppi, "upcall_arrives",
	      "no upcall on INTID %u within %u us of EVTCHNOP_send (saw %u)", ppi, UPCALL_WAIT_US,
	      got);
	check(t, bit(pending, to), "remote_end_pending",
	      "shared_info evtchn_pending bit %u (the remote end) not set", to);
	check(t, upcall & 1, "upcall_pending_set",
	      "vcpu_info evtchn_upcall_pending is %u after an event", upcall);
	check(t, (sel >> (to / WORD_BITS)) & 1, "pending_sel_set",
	      "vcpu_info evtchn_pending_sel 0x%llx lacks bit %u (port %u's word)",
	      (unsigned long long)sel, to / WORD_BITS, to);
	subject_pop(t);
	subject_push(t, "port", "%s", from_role);
	check(t, !bit(pending, from), "sending_end_not_pending",
	      "shared_info evtchn_pending bit %u (the sending end) set", from);
	subject_pop(t);
	clear_events();
}

/*
 * event_channel.h: "EVTCHNOP_bind_interdomain always sets the local event
 * channel pending" (a notification the peer sent before the bind is not
 * lost). Unmasked, that is an upcall as well.
 */
static void bound(struct test_ctx *t, uint32_t ppi, uint32_t port)
{
	volatile uint64_t *pending = shared.s.evtchn_pending, *mask = shared.s.evtchn_mask;
	int masked = bit(mask, port);
	uint32_t got = irq_poll_intid(t, ppi, UPCALL_WAIT_US, !masked);

	note(t, "after bind: port %u pending %d masked %d, INTID %u", port, bit(pending, port),
	     masked, got);
	subject_push(t, "port", BOUND);
	check(t, bit(pending, port), "bind_sets_pending",
	      "bind_interdomain left the local port %u not pending", port);
	if (!masked)
		check(t, got == ppi, "bind_upcall_arrives",
		      "no upcall on INTID %u for the bind's pending port %u (saw %u)", ppi, port,
		      got);
	subject_pop(t);
	clear_events();
}

/* A channel from this domain to itself, an event each way, both ends closed. */
static void channel(struct test_ctx *t, uint32_t ppi)
{
	struct xen_evtchn_alloc_unbound a = { .dom = XEN_ABI_DOMID_SELF,
					      .remote_dom = XEN_ABI_DOMID_SELF };
	int trapped;
	int64_t r = evtchn_op(t, XEN_ABI_EVTCHNOP_alloc_unbound, &a, &trapped);

	note(t, "alloc_unbound: %lld port %u", (long long)r, a.port);
	if (trapped || !check(t, r == 0, "alloc_unbound_succeeds",
			      "EVTCHNOP_alloc_unbound(DOMID_SELF) returned %lld", (long long)r))
		return;
	struct xen_evtchn_bind_interdomain b = { .remote_dom = XEN_ABI_DOMID_SELF,
						 .remote_port = a.port };
	r = evtchn_op(t, XEN_ABI_EVTCHNOP_bind_interdomain, &b, &trapped);
	note(t, "bind_interdomain(self, %u): %lld port %u", a.port, (long long)r, b.local_port);
	if (!trapped &&
	    check(t, r == 0, "bind_interdomain_succeeds",
		  "EVTCHNOP_bind_interdomain(DOMID_SELF, %u) returned %lld", a.port,
		  (long long)r) &&
	    check(t, b.local_port != a.port, "bind_gives_new_port",
		  "bind_interdomain gave back the remote port %u", a.port)) {
		bound(t, ppi, b.local_port);
		deliver(t, ppi, b.local_port, BOUND, a.port, UNBOUND);
		deliver(t, ppi, a.port, UNBOUND, b.local_port, BOUND);
	}
	uint32_t ports[2] = { a.port, b.local_port };
	static const char *const roles[2] = { UNBOUND, BOUND };
	unsigned nports = r == 0 && !trapped ? 2 : 1; /* the bound end exists only if bind worked */
	for (unsigned i = 0; i < nports; i++) {
		struct xen_evtchn_port c = { .port = ports[i] };
		subject_push(t, "port", "%s", roles[i]);
		int64_t rc = evtchn_op(t, XEN_ABI_EVTCHNOP_close, &c, &trapped);
		if (!trapped)
			check(t, rc == 0, "close_succeeds",
			      "EVTCHNOP_close of port %u returned %lld", ports[i], (long long)rc);
		subject_pop(t);
	}
}

void case_evtchn_delivery(struct test_ctx *t)
{
	const struct dt_device *x = t->plat->hypervisor;

	if (irq_unusable()) {
		skip(t, irq_unusable());
		return;
	}
	subject_push(t, "node", "%s", x->path);
	subject_push(t, "prop", "interrupts");
	require(t, x->nirq >= 1, "interrupts_present", "%s: no interrupts (the event channel PPI)",
		x->path);
	subject_pop(t);
	subject_pop(t);
	uint32_t ppi = x->irq[0].intid;
	if (irq_register(ppi, upcall_handler, NULL)) {
		skip(t, "the event channel INTID has another handler");
		return;
	}
	/*
	 * Masked, every upcall is taken by irq_poll, in order, and none by the
	 * dispatcher. Every wait is bounded, so the watchdog is not needed here.
	 */
	int was_masked = cpu_irq_masked();
	cpu_irq_mask();
	if (setup(t, ppi) == 0)
		channel(t, ppi);
	gic_disable(ppi);
	clear_events();
	if (!was_masked)
		cpu_irq_unmask();
	irq_unregister(ppi);
	if (dispatched)
		note(t, "the dispatcher took %u upcall(s)", dispatched);
}
