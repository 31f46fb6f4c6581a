// SPDX-License-Identifier: MIT
#include "drivers/gic_its.h"

#include <string.h>

#include "boot/cache.h"
#include "boot/mmio.h"
#include "boot/probe.h"
#include "boot/wait.h"
#include "drivers/gic.h"
#include "util/util.h"

#define GICR_PROPBASER	    0x0070
#define GICR_PENDBASER	    0x0078
#define GICR_CTLR_LPIS	    (1u << 0)
#define GITS_CTLR_ON	    (1u << 0)
#define GITS_CREADR_STALLED 1u
#define GITS_VALID	    (1ull << 63)
/* Every table Normal inner write-back (RaWaWb), inner shareable; cleaned to PoC anyway. */
#define GITS_CACHE_WB  (7ull << 59)
#define GITS_INNER_SH  (1ull << 10)
#define GITS_PAGE_MASK (3ull << 8)
#define GITS_KEEP_MASK ((7ull << 56) | (0x1full << 48)) /* Type, Entry_Size: read-only */
#define GICR_CACHE_WB  (7ull << 7)
#define GICR_INNER_SH  (1ull << 10)
#define LPI_CFG_RES1   2u
#define LPI_CFG_ENABLE 1u
#define CMD_SIZE       32
#define QUEUE_WAIT_US  100000 /* for a slot in a full command queue */

enum {
	CMD_INT = 0x03,
	CMD_SYNC = 0x05,
	CMD_MAPD = 0x08,
	CMD_MAPC = 0x09,
	CMD_MAPTI = 0x0a,
	CMD_INV = 0x0c
};

/*
 * One 64 KiB-aligned block holds every table: the pending table needs that
 * alignment, and the others (4 KiB pages, 256-byte ITT) fit beside it.
 */
#define PEND_OFF  0x0000 /* 2 KiB: a bit per INTID below 1 << GIC_LPI_ID_BITS */
#define PROP_OFF  0x1000 /* 8 KiB: a byte per LPI */
#define CMDQ_OFF  0x3000 /* 4 KiB: 128 commands */
#define DEVT_OFF  0x4000
#define COLLT_OFF 0x5000
#define ITT_OFF	  0x6000 /* ITT_SLOTS ITTs of ITT_SLOT bytes, one a device */
#define ITT_SLOT  0x100
#define ITT_SLOTS (PAGE_SIZE / ITT_SLOT)
_Static_assert(GIC_ITS_MEM_SIZE >= ITT_OFF + PAGE_SIZE, "the tables fit");
/* Given by the layer above (gic_its_memory): guest RAM, not the image. */
static uint8_t *mem;
_Static_assert(PROP_OFF - PEND_OFF >= (1u << GIC_LPI_ID_BITS) / 8, "pending table fits");
_Static_assert(CMDQ_OFF - PROP_OFF >= GIC_LPI_COUNT, "configuration table fits");

static uintptr_t its;
static uint32_t cwriter;
static uint64_t typer;
/* What this driver set up already: a later suite reuses it (neither can be set up twice). */
static int lpis_ours;
static uintptr_t its_ours;
static uint32_t itt_devid[ITT_SLOTS];
static unsigned itt_used;

int gic_lpi_supported(void)
{
	uintptr_t rd = gic_redist_base();

	return rd && (mmio_read64(rd + GICR_TYPER) & GICR_TYPER_PLPIS);
}

void gic_its_memory(void *m)
{
	if (!mem)
		mem = m;
}

const char *gic_lpi_enable(void)
{
	uintptr_t rd = gic_redist_base();

	if (!mem)
		return "no memory was given for the LPI and ITS tables";
	if (!rd)
		return "this CPU has no redistributor frame";
	if (!(mmio_read64(rd + GICR_TYPER) & GICR_TYPER_PLPIS))
		return "GICR_TYPER.PLPIS is clear: this redistributor has no LPIs";
	if (lpis_ours == 1 && (mmio_read32(rd + GICR_CTLR) & GICR_CTLR_LPIS))
		return NULL; /* this driver's tables, given before: kept */
	if (mmio_read32(rd + GICR_CTLR) & GICR_CTLR_LPIS)
		return "GICR_CTLR.EnableLPIs was already set: its tables cannot be replaced";
	memset(mem + PEND_OFF, 0, PROP_OFF - PEND_OFF);
	memset(mem + PROP_OFF, LPI_CFG_RES1, GIC_LPI_COUNT);
	cache_clean_to_poc(mem + PEND_OFF, CMDQ_OFF - PEND_OFF);
	mmio_write64(rd + GICR_PROPBASER, (uintptr_t)(mem + PROP_OFF) | GICR_CACHE_WB |
						  GICR_INNER_SH | (GIC_LPI_ID_BITS - 1));
	mmio_write64(rd + GICR_PENDBASER,
		     (uintptr_t)(mem + PEND_OFF) | GICR_CACHE_WB | GICR_INNER_SH);
	mmio_write32(rd + GICR_CTLR, mmio_read32(rd + GICR_CTLR) | GICR_CTLR_LPIS);
	if (!(mmio_read32(rd + GICR_CTLR) & GICR_CTLR_LPIS))
		return "GICR_CTLR.EnableLPIs did not stay set";
	lpis_ours = 1;
	return NULL;
}

void gic_lpi_configure(uint32_t intid, uint8_t prio, int enable)
{
	uint8_t *b = mem + PROP_OFF + (intid - GIC_FIRST_LPI);

	if (intid < GIC_FIRST_LPI || intid - GIC_FIRST_LPI >= GIC_LPI_COUNT)
		return;
	*b = (uint8_t)((prio & 0xfc) | LPI_CFG_RES1 | (enable ? LPI_CFG_ENABLE : 0));
	cache_clean_to_poc(b, 1);
}

const char *its_probe(uintptr_t base, struct its_info *info)
{
	struct probe_outcome o;

	memset(info, 0, sizeof(*info));
	/* The first read may find nothing there: an abort is an answer, not a crash. */
	if (probe_read(base + GITS_PIDR2, 32, &o)) {
		info->pidr2_esr = o.esr;
		return "reading GITS_PIDR2 raised an abort: no ITS answers there";
	}
	info->pidr2_arch = ((uint32_t)o.value >> 4) & 0xf;
	if (info->pidr2_arch != 3 && info->pidr2_arch != 4)
		return "GITS_PIDR2.ArchRev is neither 3 (GICv3) nor 4 (GICv4)";
	info->iidr = mmio_read32(base + GITS_IIDR);
	info->typer = mmio_read64(base + GITS_TYPER);
	if (!(info->typer & GITS_TYPER_PHYSICAL))
		return "GITS_TYPER.Physical is clear: the ITS takes no physical LPIs";
	its = base;
	typer = info->typer;
	return NULL;
}

/* A device or collection table of one 4 KiB page at off. */
static const char *give_table(int n, uint64_t b, unsigned off, struct its_info *info)
{
	uint64_t want = GITS_VALID | (b & GITS_KEEP_MASK) | GITS_CACHE_WB | GITS_INNER_SH |
			(uintptr_t)(mem + off); /* Page_Size 0: 4 KiB; Size 0: one page */

	memset(mem + off, 0, PAGE_SIZE);
	cache_clean_to_poc(mem + off, PAGE_SIZE);
	mmio_write64(its + GITS_BASER(n), want);
	info->baser[n] = mmio_read64(its + GITS_BASER(n));
	if (info->baser[n] & GITS_PAGE_MASK)
		return "a GITS_BASER keeps a page size other than 4 KiB (the harness's tables use "
		       "4 KiB)";
	if (!(info->baser[n] & GITS_VALID))
		return "a GITS_BASER dropped its Valid bit";
	if (GITS_BASER_ENTRY_SIZE(b) > PAGE_SIZE)
		return "a GITS_BASER's Entry_Size is larger than a page";
	return NULL;
}

const char *its_init(struct its_info *info)
{
	int dev = 0, coll = 0;

	if (!its)
		return "no ITS probed";
	if (its_ours == its && (mmio_read32(its + GITS_CTLR) & GITS_CTLR_ON)) {
		for (int n = 0; n < GITS_BASER_COUNT; n++)
			info->baser[n] = mmio_read64(its + GITS_BASER(n));
		return NULL; /* this driver's tables and queue, set up before: kept */
	}
	if (mmio_read32(its + GITS_CTLR) & GITS_CTLR_ON)
		return "GITS_CTLR.Enabled was already set: its tables cannot be replaced";
	for (int n = 0; n < GITS_BASER_COUNT; n++) {
		uint64_t b = mmio_read64(its + GITS_BASER(n));
		unsigned type = GITS_BASER_TYPE(b);
		const char *why = NULL;
		if (type == GITS_BASER_TYPE_DEVICE && !dev++)
			why = give_table(n, b, DEVT_OFF, info);
		else if (type == GITS_BASER_TYPE_COLLECTION && !coll++)
			why = give_table(n, b, COLLT_OFF, info);
		else
			info->baser[n] = b;
		if (why)
			return why;
	}
	if (!dev || !coll)
		return "no GITS_BASER has the Device or the Collection type";
	memset(mem + CMDQ_OFF, 0, PAGE_SIZE);
	cache_clean_to_poc(mem + CMDQ_OFF, PAGE_SIZE);
	mmio_write64(its + GITS_CBASER,
		     GITS_VALID | GITS_CACHE_WB | GITS_INNER_SH | (uintptr_t)(mem + CMDQ_OFF));
	cwriter = 0;
	mmio_write64(its + GITS_CWRITER, 0);
	mmio_write32(its + GITS_CTLR, mmio_read32(its + GITS_CTLR) | GITS_CTLR_ON);
	if (!(mmio_read32(its + GITS_CTLR) & GITS_CTLR_ON))
		return "GITS_CTLR.Enabled did not stay set";
	its_ours = its;
	itt_used = 0;
	return NULL;
}

void its_queue_state(uint32_t *creadr, uint32_t *cw, int *stalled)
{
	uint64_t r = mmio_read64(its + GITS_CREADR);

	*creadr = (uint32_t)(r & 0xfffe0);
	*stalled = (int)(r & GITS_CREADR_STALLED);
	*cw = (uint32_t)(mmio_read64(its + GITS_CWRITER) & 0xfffe0);
}

static void queue(uint64_t d0, uint64_t d1, uint64_t d2)
{
	uint64_t *c = (uint64_t *)(void *)(mem + CMDQ_OFF + cwriter);
	uint32_t next = (cwriter + CMD_SIZE) % PAGE_SIZE;

	/*
	 * A full queue (the next slot is the one CREADR reads) waits, but not for
	 * ever: past the wait the command is written anyway, and the SYNC after it
	 * says the queue did not move.
	 */
	(void)WAIT_UNTIL((mmio_read64(its + GITS_CREADR) & 0xfffe0) != next, QUEUE_WAIT_US);
	c[0] = d0;
	c[1] = d1;
	c[2] = d2;
	c[3] = 0;
	cache_clean_to_poc(c, CMD_SIZE);
	cwriter = next;
	mmio_write64(its + GITS_CWRITER, cwriter);
}

/* GITS_TYPER.PTA: collections name a redistributor by address, else by processor number. */
static uint64_t rdbase_here(void)
{
	uintptr_t rd = gic_redist_base();

	if (typer & GITS_TYPER_PTA)
		return (uint64_t)rd >> 16;
	return (mmio_read64(rd + GICR_TYPER) >> 8) & 0xffff;
}

/* Each device its own ITT (two devices sharing one is UNPREDICTABLE); a device mapped again keeps
 * its. */
static uint8_t *itt_of(uint32_t devid)
{
	unsigned i;

	for (i = 0; i < itt_used && itt_devid[i] != devid; i++)
		;
	if (i == itt_used && itt_used < ITT_SLOTS)
		itt_devid[itt_used++] = devid;
	return mem + ITT_OFF + ITT_SLOT * (i < ITT_SLOTS ? i : ITT_SLOTS - 1);
}

void its_mapd(uint32_t devid, unsigned event_bits)
{
	uint8_t *itt = itt_of(devid);

	memset(itt, 0, ITT_SLOT);
	cache_clean_to_poc(itt, ITT_SLOT);
	queue(CMD_MAPD | (uint64_t)devid << 32, event_bits - 1, GITS_VALID | (uintptr_t)itt);
}

void its_mapc_here(uint16_t icid)
{
	queue(CMD_MAPC, 0, GITS_VALID | rdbase_here() << 16 | icid);
}

void its_mapti(uint32_t devid, uint32_t event, uint32_t intid, uint16_t icid)
{
	queue(CMD_MAPTI | (uint64_t)devid << 32, event | (uint64_t)intid << 32, icid);
}

void its_int(uint32_t devid, uint32_t event)
{
	queue(CMD_INT | (uint64_t)devid << 32, event, 0);
}

void its_inv(uint32_t devid, uint32_t event)
{
	queue(CMD_INV | (uint64_t)devid << 32, event, 0);
}

int its_sync(uint64_t timeout_us)
{
	struct wait w;

	queue(CMD_SYNC, 0, rdbase_here() << 16);
	wait_begin(&w, timeout_us);
	for (;;) {
		enum wait_end end = wait_look(&w);
		uint64_t r = mmio_read64(its + GITS_CREADR);
		if ((r & 0xfffe0) == cwriter)
			return 0;
		if (r & GITS_CREADR_STALLED)
			return -2;
		if (end != WAIT_ON)
			return -1;
	}
}
