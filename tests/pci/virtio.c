// SPDX-License-Identifier: MIT
/*
 * DMA by a PCI device compared with the host's image: the runner's modern
 * virtio-blk-pci (protocol.h PCI_SLOT_BLK) on a read-only disk whose
 * every 64-bit word w of sector s holds DISK_PATTERN | s << 16 | w. Its
 * structures are found through its vendor capabilities (virtio_caps.c),
 * it is initialised as Virtual I/O Device 1.2 3.1.1 orders (VERSION_1
 * only), queue 0 is given a small split ring (2.7) and MSI-X vector 0
 * (4.1.4.3, 4.1.5.1.2), whose table entry (PCI Local Bus 3.0 6.8.2) holds
 * the message the host bridge's msi-map (or msi-parent) route gives
 * (route.c). One read request of a few sectors (5.2.6) must complete with
 * the image's bytes, nothing past them changed, and its interrupt must
 * arrive at that LPI or SPI and nowhere else (every INTID the
 * interrupt-map names is enabled too). Without MSI-X (QEMU gives none
 * where there is no MSI controller, its=off) or without an MSI path in the
 * DT, the interrupt is INTx through interrupt-map, read back from the ISR.
 */
#include <stddef.h>
#include <string.h>

#include "boot/cache.h"
#include "boot/cpu.h"
#include "boot/mmio.h"
#include "boot/probe.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "drivers/virtio_blk.h"
#include "drivers/virtio_mmio.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"
#include "tests/pci/virtio_pci.h"

#define QN	     8 /* ring size: a power of two (2.7) the device's maximum allows */
#define NSEC	     8u
#define FIRST_SEC    37u /* not 0: the sector number is in the pattern */
#define GUARD	     64u
#define GUARD_BYTE   0xa5
#define RESET_US     100000
#define REQ_US	     2000000
#define QUIET_US     5000
#define MSIX_CTRL    2
#define MSIX_TABLE   4
#define MSIX_MASKALL (1u << 14)

/* The ring: descriptors, then available (2.7.6) and used (2.7.8) at their alignment. */
static struct {
	struct virtq_desc desc[QN];
	volatile uint16_t avail[2 + QN + 1] __attribute__((aligned(256)));
	/* flags | idx << 16, {id, len}[QN], avail_event */
	volatile uint32_t used[1 + 2 * QN + 1] __attribute__((aligned(256)));
} ring __attribute__((aligned(4096)));
static struct {
	uint32_t type, reserved;
	uint64_t sector;
} hdr __attribute__((aligned(16)));
static volatile uint8_t status __attribute__((aligned(16)));
static uint8_t data[NSEC * VIRTIO_BLK_SECTOR + GUARD] __attribute__((aligned(64)));

struct io {
	int aborted; /* any access to the BARs aborted */
};

static uint32_t rd(struct io *io, uintptr_t a, unsigned width)
{
	struct probe_outcome o;

	if (probe_read(a, width, &o)) {
		io->aborted = 1;
		return 0;
	}
	return (uint32_t)o.value;
}

static void wr(struct io *io, uintptr_t a, unsigned width, uint32_t v)
{
	struct probe_outcome o;

	if (probe_write(a, width, v, &o))
		io->aborted = 1;
}

static void wr64(struct io *io, uintptr_t a, uint64_t v)
{
	wr(io, a, 32, (uint32_t)v);
	wr(io, a + 4, 32, (uint32_t)(v >> 32));
}

static uint64_t word_at(unsigned sector, unsigned w)
{
	return DISK_PATTERN | (uint64_t)sector << 16 | w;
}

/* 3.1.1 up to the queue: NULL, or the step the device refused. */
static const char *negotiate(struct io *io, uintptr_t c)
{
	wr(io, c + VPCI_STATUS, 8, 0);
	if (WAIT_UNTIL(rd(io, c + VPCI_STATUS, 8) == 0 || io->aborted, RESET_US) != WAIT_ON)
		return "device_status did not read 0 after the reset";
	wr(io, c + VPCI_STATUS, 8, VIRTIO_STATUS_ACKNOWLEDGE);
	wr(io, c + VPCI_STATUS, 8, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(io, c + VPCI_DEV_FEAT_SEL, 32, 1);
	if (!(rd(io, c + VPCI_DEV_FEAT, 32) & VPCI_F_VERSION_1_HI))
		return "VIRTIO_F_VERSION_1 is not offered (a modern device must offer it)";
	wr(io, c + VPCI_DRV_FEAT_SEL, 32, 0);
	wr(io, c + VPCI_DRV_FEAT, 32, 0);
	wr(io, c + VPCI_DRV_FEAT_SEL, 32, 1);
	wr(io, c + VPCI_DRV_FEAT, 32, VPCI_F_VERSION_1_HI);
	wr(io, c + VPCI_STATUS, 8,
	   VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
	if (!(rd(io, c + VPCI_STATUS, 8) & VIRTIO_STATUS_FEATURES_OK))
		return "FEATURES_OK did not stay set for VERSION_1 alone";
	return NULL;
}

/* The bus addresses the device is given for the request's buffers (the host's dma-ranges). */
struct bus_addrs {
	uint64_t desc, avail, used, hdr, data, status;
};

/* Each buffer's bus address into *b (pci_dma_bus); the first refusal, or PCI_DMA_OK. */
static enum pci_dma buffers_reachable(const struct test_ctx *t, const struct dt_pci_host *h,
				      struct bus_addrs *b)
{
	const struct {
		const volatile void *at;
		size_t n;
		uint64_t *bus;
	} buf[] = { { ring.desc, sizeof(ring.desc), &b->desc },
		    { ring.avail, sizeof(ring.avail), &b->avail },
		    { ring.used, sizeof(ring.used), &b->used },
		    { &hdr, sizeof(hdr), &b->hdr },
		    { data, NSEC * VIRTIO_BLK_SECTOR, &b->data },
		    { &status, 1, &b->status } };

	for (unsigned i = 0; i < sizeof(buf) / sizeof(buf[0]); i++) {
		enum pci_dma why = pci_dma_bus(t, h, buf[i].at, buf[i].n, buf[i].bus);
		if (why != PCI_DMA_OK)
			return why;
	}
	return PCI_DMA_OK;
}

/* Queue 0 on the ring, vector (VPCI_NO_VECTOR: none); what the queue's vector reads back. */
static uint32_t queue_setup(struct io *io, uintptr_t c, const struct bus_addrs *b, uint32_t vector,
			    uint32_t *qmax)
{
	memset(&ring, 0, sizeof(ring));
	cache_clean_to_poc(&ring, sizeof(ring));
	wr(io, c + VPCI_CONFIG_MSIX, 16, VPCI_NO_VECTOR);
	wr(io, c + VPCI_Q_SELECT, 16, 0);
	*qmax = rd(io, c + VPCI_Q_SIZE, 16);
	if (*qmax < QN)
		return VPCI_NO_VECTOR;
	wr(io, c + VPCI_Q_SIZE, 16, QN);
	wr64(io, c + VPCI_Q_DESC, b->desc);
	wr64(io, c + VPCI_Q_DRIVER, b->avail);
	wr64(io, c + VPCI_Q_DEVICE, b->used);
	wr(io, c + VPCI_Q_MSIX, 16, vector);
	uint32_t got = rd(io, c + VPCI_Q_MSIX, 16);
	wr(io, c + VPCI_Q_ENABLE, 16, 1);
	wr(io, c + VPCI_STATUS, 8,
	   VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK |
		   VIRTIO_STATUS_DRIVER_OK);
	return got;
}

/* One read of NSEC sectors from FIRST_SEC, queued and notified. */
static void submit(struct io *io, const struct vpci *v, const struct bus_addrs *b,
		   uint32_t notify_off)
{
	hdr.type = VIRTIO_BLK_T_IN;
	hdr.reserved = 0;
	hdr.sector = FIRST_SEC;
	status = VIRTIO_BLK_S_UNSET;
	memset(data, GUARD_BYTE, sizeof(data));
	ring.desc[0] = (struct virtq_desc){ b->hdr, sizeof(hdr), VIRTQ_DESC_F_NEXT, 1 };
	ring.desc[1] = (struct virtq_desc){ b->data, NSEC * VIRTIO_BLK_SECTOR,
					    VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 2 };
	ring.desc[2] = (struct virtq_desc){ b->status, 1, VIRTQ_DESC_F_WRITE, 0 };
	ring.avail[2] = 0; /* ring[0]: head 0 */
	cache_clean_to_poc(&hdr, sizeof(hdr));
	cache_clean_to_poc((const void *)&status, 1);
	cache_clean_to_poc(data, sizeof(data));
	cache_clean_to_poc(&ring, sizeof(ring));
	mmio_wmb(); /* the descriptors before the index that publishes them */
	ring.avail[1] = 1;
	cache_clean_to_poc(&ring, sizeof(ring));
	mmio_wmb(); /* the index before the notification */
	wr(io, v->at[VPCI_NOTIFY] + (uintptr_t)notify_off * v->notify_mult, 16, 0);
}

/* MSI-X table entry 0 (PCI Local Bus 3.0 6.8.2.6-9) holds r's message; the function enabled. */
static int msix_program(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f,
			uint32_t cap, const struct pci_msi_route *r, struct io *io)
{
	uint32_t tbl = 0, ctrl = 0;
	uint64_t esr;

	pci_cfg_read(&s->ecam, f->bus, f->devfn, cap + MSIX_TABLE, 32, &tbl, &esr);
	unsigned bir = tbl & 7;
	subject_push(t, "reg", "BAR%u", bir);
	int ok = check(t, bir < PCI_NUM_BARS && f->bar_win[bir] >= 0, "msix_table_bar_assigned",
		       "the MSI-X table is in BAR%u, which was not assigned", bir);
	subject_pop(t);
	if (!ok)
		return 0;
	uintptr_t e = f->bar_va[bir] + (tbl & ~7u);
	wr(io, e + 0, 32, (uint32_t)r->addr);
	wr(io, e + 4, 32, (uint32_t)(r->addr >> 32));
	wr(io, e + 8, 32, r->data);
	wr(io, e + 12, 32, 0); /* Vector Control: unmasked */
	pci_cfg_read(&s->ecam, f->bus, f->devfn, cap + MSIX_CTRL, 16, &ctrl, &esr);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + MSIX_CTRL, 16,
		      (ctrl | PCI_MSIX_ENABLE) & ~MSIX_MASKALL, &esr);
	return 1;
}

static void msix_off(struct pci_state *s, const struct pci_fn *f, uint32_t cap)
{
	uint32_t ctrl = 0;
	uint64_t esr;

	pci_cfg_read(&s->ecam, f->bus, f->devfn, cap + MSIX_CTRL, 16, &ctrl, &esr);
	pci_cfg_write(&s->ecam, f->bus, f->devfn, cap + MSIX_CTRL, 16, ctrl & ~PCI_MSIX_ENABLE,
		      &esr);
}

struct outcome {
	uint32_t got, again; /* INTIDs taken (GIC_SPURIOUS: none) */
	uint32_t isr;	     /* INTx: the ISR byte read when it arrived */
	enum wait_end done;  /* the used idx reached 1 (WAIT_ON) */
	uint32_t used_id, used_len;
};

/* Submit, take the interrupt, wait for the used entry: all with interrupts masked. */
static void run_request(struct io *io, const struct vpci *v, const struct bus_addrs *b,
			uint32_t notify_off, int intx, struct outcome *o)
{
	submit(io, v, b, notify_off);
	/*
	 * The completion first: the interrupt stays pending at the GIC (an LPI
	 * or edge SPI latched, a level line held until the ISR is read), so a
	 * short wait for it then does not wait out the request's deadline.
	 */
	o->done = WAIT_UNTIL((cache_clean_to_poc(&ring, sizeof(ring)), ring.used[0] >> 16) == 1,
			     REQ_US);
	mmio_rmb(); /* the entry after the index that published it */
	o->used_id = ring.used[1];
	o->used_len = ring.used[2];
	uint32_t iar = irq_expect(PCI_WAIT_US);
	o->got = iar == GIC_SPURIOUS ? GIC_SPURIOUS : gic_intid(iar);
	if (intx)
		o->isr = rd(io, v->at[VPCI_ISR], 8); /* the read lowers the line (4.1.4.5) */
	if (iar != GIC_SPURIOUS)
		gic_eoi(iar);
	uint32_t again = irq_poll(QUIET_US);
	o->again = again == GIC_SPURIOUS ? GIC_SPURIOUS : gic_intid(again);
	if (again != GIC_SPURIOUS)
		gic_eoi(again);
}

/* Whether the sectors read match the image (the rest of the request being as it should). */
static int judge_data(struct test_ctx *t, const struct outcome *o)
{
	cache_clean_to_poc(data, sizeof(data));
	cache_clean_to_poc((const void *)&status, 1);
	require(t, o->done == WAIT_ON, "virtio_blk_request_completes",
		"a read of %u sectors: the used ring's idx did not reach 1 within %u ms (%s)", NSEC,
		REQ_US / 1000, wait_end_text(o->done));
	check(t, o->used_id == 0 && o->used_len == NSEC * VIRTIO_BLK_SECTOR + 1,
	      "virtio_blk_used_entry",
	      "the used entry names descriptor %u, %u bytes written; the request was head 0, "
	      "%u bytes and the status byte",
	      o->used_id, o->used_len, NSEC * VIRTIO_BLK_SECTOR);
	require(t, status == VIRTIO_BLK_S_OK, "virtio_blk_status_ok",
		"the request's status byte is %u", status);
	const uint64_t *w = (const uint64_t *)data;
	unsigned bad = NSEC * VIRTIO_BLK_SECTOR / 8, words = NSEC * VIRTIO_BLK_SECTOR / 8;
	for (unsigned i = 0; i < words && bad == words; i++)
		if (w[i] !=
		    word_at(FIRST_SEC + i / (VIRTIO_BLK_SECTOR / 8), i % (VIRTIO_BLK_SECTOR / 8)))
			bad = i;
	int matched =
		check(t, bad == words, "dma_matches_image",
		      "sector %u word %u reads 0x%016llx; the host's image holds 0x%016llx",
		      FIRST_SEC + bad / (VIRTIO_BLK_SECTOR / 8), bad % (VIRTIO_BLK_SECTOR / 8),
		      (unsigned long long)(bad < words ? w[bad] : 0),
		      (unsigned long long)word_at(FIRST_SEC + bad / (VIRTIO_BLK_SECTOR / 8),
						  bad % (VIRTIO_BLK_SECTOR / 8)));
	if (matched)
		evidence(t, "dma_matches_image",
			 "sectors %u..%u read by virtio-blk-pci DMA match the host's image",
			 FIRST_SEC, FIRST_SEC + NSEC - 1);
	unsigned gbad = GUARD;
	for (unsigned i = 0; i < GUARD && gbad == GUARD; i++)
		if (data[NSEC * VIRTIO_BLK_SECTOR + i] != GUARD_BYTE)
			gbad = i;
	check(t, gbad == GUARD, "dma_stays_in_bounds",
	      "the byte %u past the read changed to 0x%02x", gbad,
	      gbad < GUARD ? data[NSEC * VIRTIO_BLK_SECTOR + gbad] : 0);
	return matched;
}

static void judge_irq(struct test_ctx *t, const struct outcome *o, uint32_t want, int intx,
		      const char *how)
{
	subject_push(t, "intid", "%u", want);
	if (o->got == want)
		evidence(t, "virtio_irq_arrives",
			 "the used buffer's interrupt (%s) arrived as INTID %u", how, want);
	else if (o->got == GIC_SPURIOUS)
		finding(t, "virtio_irq_arrives",
			"the request completed%s, but no interrupt arrived within %u ms of that at "
			"INTID %u (%s), nor at any INTID the interrupt-map names",
			o->done == WAIT_ON ? "" : " (or not)", PCI_WAIT_US / 1000, want, how);
	else
		finding(t, "virtio_irq_arrives", "INTID %u arrived, not INTID %u (%s)", o->got,
			want, how);
	if (intx)
		check(t, o->got != want || (o->isr & 1), "virtio_isr_queue_bit",
		      "INTx arrived but the ISR reads 0x%02x: no queue interrupt", o->isr);
	check(t, o->again == GIC_SPURIOUS, "virtio_irq_once",
	      "INTID %u arrived after the first was taken (%s)", o->again, how);
	subject_pop(t);
}

void case_virtio_blk(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	const struct dt_pci_host *h = &s->host;
	struct pci_fn *f;
	struct vpci v = { 0 };
	struct io io = { 0 };
	struct pci_msi_route r = { 0 };
	struct outcome o = { 0 };
	const char *why = irq_unusable();

	if (s->host_why || !(t->opt->vm_pci & OPT_PCI_BLK) || !(f = pci_at_slot(s, PCI_SLOT_BLK))) {
		skip(t, "no virtio-blk-pci on the bus (scripts/run --pci blk)");
		return;
	}
	if (why) {
		skip(t, why);
		return;
	}
	struct bus_addrs bus;
	enum pci_dma reach = buffers_reachable(t, h, &bus);
	if (reach != PCI_DMA_OK) {
		note(t, "the request's buffers from 0x%llx", (unsigned long long)(uintptr_t)&ring);
		skip(t, pci_dma_refusal(reach));
		return;
	}
	node_push(t, h->dev->path);
	if (h->dma_given)
		note(t, "dma-ranges: the device is given bus address 0x%llx for the ring at 0x%llx",
		     (unsigned long long)bus.desc, (unsigned long long)(uintptr_t)ring.desc);
	pci_push_fn(t, f);
	require(t, vpci_find(t, s, f, &v), "virtio_pci_structures",
		"the modern virtio structures are not all usable");
	note(t,
	     "virtio structures: common 0x%llx, notify 0x%llx (multiplier %u), ISR 0x%llx, "
	     "device 0x%llx",
	     (unsigned long long)v.pa[VPCI_COMMON], (unsigned long long)v.pa[VPCI_NOTIFY],
	     v.notify_mult, (unsigned long long)v.pa[VPCI_ISR],
	     (unsigned long long)v.pa[VPCI_DEVICE]);
	uint32_t msix = pci_find_cap(&s->ecam, f->bus, f->devfn, PCI_CAP_ID_MSIX);
	int msi_path = h->nmsi || h->msi_parent >= 0;
	int intx = !msix || !msi_path;
	const struct dt_pci_imap *e = NULL;
	if (intx) {
		note(t, "%s: the request's interrupt is INTx",
		     !msix ? "no MSI-X capability (QEMU gives none without an MSI controller)"
			   : "the DT describes no MSI path");
		e = f->pin ? dt_pci_intx(h, (f->bus << 16) | (f->devfn << 8), f->pin) : NULL;
		subject_push(t, "prop", "interrupt-map");
		require(t, e && e->parent_is_gic && e->irq.kind == IRQ_SPI, "intx_mapped",
			"INT%c maps to no GIC SPI", f->pin ? 'A' + f->pin - 1 : '?');
		subject_pop(t);
	} else if (!pci_msi_route(t, s, f, PCI_MSI_BLK, &r)) {
		subject_pop(t);
		subject_pop(t);
		return; /* a skip or a note said why */
	}
	uint32_t want = intx ? e->irq.intid : r.intid;
	uintptr_t c = v.at[VPCI_COMMON];
	subject_push(t, "queue", "0");
	why = negotiate(&io, c);
	require(t, !io.aborted, "virtio_pci_answers", "an access to the common structure aborted");
	require(t, !why, "virtio_init", "%s", why ? why : "");
	if (!intx && !msix_program(t, s, f, msix, &r, &io)) {
		wr(&io, c + VPCI_STATUS, 8, 0);
		pci_msi_route_end(&r);
		subject_pop(t);
		subject_pop(t);
		subject_pop(t);
		return;
	}
	uint32_t qmax = 0;
	uint32_t vec = queue_setup(&io, c, &bus, intx ? VPCI_NO_VECTOR : 0, &qmax);
	uint32_t notify_off = rd(&io, c + VPCI_Q_NOTIFY_OFF, 16);
	uint64_t cap_lo = rd(&io, v.at[VPCI_DEVICE], 32),
		 cap_hi = rd(&io, v.at[VPCI_DEVICE] + 4, 32);
	int ready = qmax >= QN && (intx || vec == 0) && !io.aborted;
	if (ready) {
		cpu_irq_mask();
		pci_map_intids(h, 1);
		run_request(&io, &v, &bus, notify_off, intx, &o);
		pci_map_intids(h, 0);
		if (!intx)
			pci_msi_route_end(&r);
		cpu_irq_unmask();
	}
	wr(&io, c + VPCI_STATUS, 8, 0); /* reset: the device lets go of the ring */
	if (msix)
		msix_off(s, f, msix);
	require(t, qmax >= QN, "virtio_queue_size", "queue 0's maximum size is %u, under %u", qmax,
		QN);
	require(t, !io.aborted, "virtio_pci_answers", "an access to the BARs aborted");
	require(t, intx || vec == 0, "virtio_msix_vector_taken",
		"queue 0's MSI-X vector reads 0x%x after 0 was written (0xffff: refused)", vec);
	check(t, (cap_lo | cap_hi << 32) == DISK_SECTORS, "virtio_blk_capacity",
	      "the device structure gives a capacity of %llu sectors; the image has %u",
	      (unsigned long long)(cap_lo | cap_hi << 32), DISK_SECTORS);
	/* The sectors landed where the CPU reads them: dma-ranges gave the right bus addresses. */
	if (judge_data(t, &o))
		pci_dma_ranges_held(t, h);
	subject_pop(t);
	judge_irq(t, &o, want, intx, intx ? "INTx through interrupt-map" : r.prop);
	if (intx && o.got == want) {
		claim_hold(h->dev->node, "interrupt-map", CLAIM_PROBE);
		claim_hold(h->dev->node, "interrupt-map-mask", CLAIM_PROBE);
	}
	subject_pop(t);
	subject_pop(t);
}
