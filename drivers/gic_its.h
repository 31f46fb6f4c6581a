/* SPDX-License-Identifier: MIT */
/*
 * GICv3 LPIs and the ITS (Arm IHI 0069, chapters 5 and 6): the calling
 * CPU's redistributor LPI tables, one ITS's device and collection tables and
 * its command queue, and the commands that map and raise an LPI. One ITS and
 * one mapped CPU at a time; the tables live in this driver.
 */
#ifndef DRIVERS_GIC_ITS_H
#define DRIVERS_GIC_ITS_H

#include <stdint.h>

#define GITS_CTLR	 0x0000
#define GITS_IIDR	 0x0004
#define GITS_TYPER	 0x0008
#define GITS_CBASER	 0x0080
#define GITS_CWRITER	 0x0088
#define GITS_CREADR	 0x0090
#define GITS_BASER(n)	 (0x0100 + 8 * (n))
#define GITS_PIDR2	 0xffe8
#define GITS_TRANSLATER	 0x10040 /* in the translation frame, 64 KiB on */
#define GITS_FRAMES_SIZE 0x20000 /* control and translation frames */

#define GITS_TYPER_PHYSICAL	   (1ull << 0)
#define GITS_TYPER_PTA		   (1ull << 19)
#define GITS_TYPER_ITT_SIZE(t)	   ((unsigned)(((t) >> 4) & 0xf) + 1)
#define GITS_TYPER_ID_BITS(t)	   ((unsigned)(((t) >> 8) & 0x1f) + 1)
#define GITS_TYPER_DEV_BITS(t)	   ((unsigned)(((t) >> 13) & 0x1f) + 1)
#define GITS_BASER_TYPE(b)	   ((unsigned)(((b) >> 56) & 7))
#define GITS_BASER_ENTRY_SIZE(b)   ((unsigned)(((b) >> 48) & 0x1f) + 1)
#define GITS_BASER_TYPE_DEVICE	   1
#define GITS_BASER_TYPE_COLLECTION 4
#define GITS_BASER_COUNT	   8
#define GICR_TYPER_PLPIS	   (1ull << 0)
#define GIC_FIRST_LPI		   8192

/* The ID bits the harness gives the LPI tables: LPIs 8192 to 16383. */
#define GIC_LPI_ID_BITS 14
#define GIC_LPI_COUNT	((1u << GIC_LPI_ID_BITS) - GIC_FIRST_LPI)

struct its_info {
	uint32_t pidr2_arch; /* GITS_PIDR2.ArchRev: 3 (GICv3) or 4 (GICv4) */
	uint64_t pidr2_esr;  /* the abort reading GITS_PIDR2 raised, or 0 */
	uint32_t iidr;
	uint64_t typer;
	uint64_t baser[GITS_BASER_COUNT]; /* as the ITS reads them back once set up */
};

/* GICR_TYPER.PLPIS of the calling CPU's redistributor. */
int gic_lpi_supported(void);
/*
 * The LPI and ITS tables' memory: GIC_ITS_MEM_SIZE bytes, GIC_ITS_MEM_ALIGN-
 * aligned (the pending table's), given once before gic_lpi_enable (a later
 * call is ignored: the tables may be in use).
 */
#define GIC_ITS_MEM_SIZE  0x7000
#define GIC_ITS_MEM_ALIGN 0x10000
void gic_its_memory(void *mem);
/*
 * Give the calling CPU's redistributor the LPI configuration and pending
 * tables and set GICR_CTLR.EnableLPIs: NULL, or what went wrong. Once this
 * driver has, a second call keeps them (NULL), as its_init keeps an ITS it set up.
 */
const char *gic_lpi_enable(void);
/* LPI intid's configuration byte: priority (top six bits used) and enable. */
void gic_lpi_configure(uint32_t intid, uint8_t prio, int enable);

/* Read the ITS at base: NULL, or why there is no usable ITS. */
const char *its_probe(uintptr_t base, struct its_info *info);
/* Tables, command queue, GITS_CTLR.Enabled: NULL, or what the ITS refused. */
const char *its_init(struct its_info *info);

/* Commands (queued, then GITS_CWRITER written); its_sync waits for them. */
/* event_bits: each device's ITT is 256 bytes (ITT entries of GITS_TYPER's size) */
void its_mapd(uint32_t devid, unsigned event_bits);
void its_mapc_here(uint16_t icid); /* the collection's target: the calling CPU */
void its_mapti(uint32_t devid, uint32_t event, uint32_t intid, uint16_t icid);
void its_int(uint32_t devid, uint32_t event);
void its_inv(uint32_t devid, uint32_t event);
/*
 * SYNC to the calling CPU's redistributor, then wait until CREADR reaches
 * CWRITER: 0, -2 when CREADR.Stalled says a command failed, -1 when the
 * wait of timeout_us ended first.
 */
int its_sync(uint64_t timeout_us);
/* What the queue reads: CREADR's and CWRITER's offsets, and CREADR.Stalled. */
void its_queue_state(uint32_t *creadr, uint32_t *cwriter, int *stalled);

#endif
