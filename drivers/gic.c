// SPDX-License-Identifier: MIT
#include "drivers/gic.h"

#include "boot/cpu.h"
#include "boot/lock.h"
#include "boot/mmio.h"
#include "boot/wait.h"
#include "util/util.h"

#define GICR_TYPER_VLPIS	(1ull << 1)
#define GICR_TYPER_LAST		(1ull << 4)
#define GICC_CTLR_EOIMODE	(1u << 9)
#define GICD_CTLR_ARE_NS	(1u << 4)
#define GICD_CTLR_GRP1NS	(1u << 1)
#define GICV2_SGI_FILTER_OTHERS (1u << 24)
#define GICV2_SGI_FILTER_SELF	(2u << 24)
#define ICC_SGI1R_IRM		(1ull << 40)
#define MAX_CPUS		512
#define WAKE_WAIT_US		100000

static struct gic_config cfg;
/* GICv3: each CPU's frame, filled by gic_cpu_init; read by the CPU itself. */
static struct {
	uint32_t aff;
	uintptr_t base;
} frames[MAX_CPUS];
static unsigned nframes;
static struct spinlock frames_lock;

void gic_configure(const struct gic_config *c)
{
	cfg = *c;
	if (cfg.version == 2)
		mmio_write32(cfg.dist + GICD_CTLR, mmio_read32(cfg.dist + GICD_CTLR) | 1);
	else if (cfg.version == 3) /* keep what firmware set */
		mmio_write32(cfg.dist + GICD_CTLR, mmio_read32(cfg.dist + GICD_CTLR) |
							   GICD_CTLR_ARE_NS | GICD_CTLR_GRP1NS);
}

int gic_version(void)
{
	return cfg.version;
}

static uintptr_t find_frame(uint32_t aff)
{
	for (int r = 0; r < cfg.nredist; r++) {
		uint64_t stride = GICR_FRAME_SIZE;
		for (uint64_t off = 0; off + GICR_FRAME_SIZE <= cfg.redist[r].size; off += stride) {
			uintptr_t base = cfg.redist[r].base + off;
			uint64_t typer = mmio_read64(base + GICR_TYPER);
			if ((typer >> 32) == aff)
				return base;
			if (typer & GICR_TYPER_LAST)
				break;
			stride = (typer & GICR_TYPER_VLPIS) ? 2 * GICR_FRAME_SIZE : GICR_FRAME_SIZE;
		}
	}
	return 0;
}

uintptr_t gic_redist_base(void)
{
	uint32_t aff = cpu_affinity(cpu_mpidr());

	for (unsigned i = 0; i < nframes; i++)
		if (frames[i].aff == aff)
			return frames[i].base;
	return 0;
}

int gic_cpu_init(void)
{
	if (cfg.version == 2) {
		mmio_write32(cfg.cpuif + GICC_PMR, 0xf0);
		mmio_write32(cfg.cpuif + GICC_CTLR, 1);
		return 0;
	}
	if (cfg.version != 3)
		return -1;
	uintptr_t rd = gic_redist_base();
	if (!rd) {
		rd = find_frame(cpu_affinity(cpu_mpidr()));
		if (!rd)
			return -1;
		spin_lock(&frames_lock);
		if (nframes < MAX_CPUS)
			frames[nframes++] = (typeof(frames[0])){ cpu_affinity(cpu_mpidr()), rd };
		spin_unlock(&frames_lock);
	}
	mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~2u);
	/* IHI 0069 9.2: ChildrenAsleep clears once the redistributor is awake. */
	enum wait_end woke = WAIT_UNTIL(!(mmio_read32(rd + GICR_WAKER) & 4), WAKE_WAIT_US);
	/* SGIs and PPIs in group 1: the group a non-secure guest takes as IRQ. */
	mmio_write32(rd + GICR_SGI_OFFSET + GICD_IGROUPR, ~0u);
	gic_cpuif_enable(0xf0);
	return woke == WAIT_ON ? 0 : -2;
}

uint32_t gic_lines(void)
{
	uint32_t n = 32 * ((mmio_read32(cfg.dist + GICD_TYPER) & 0x1f) + 1);

	return MIN(n, GIC_MAX_LINES);
}

uint32_t gic_dist_typer(void)
{
	return mmio_read32(cfg.dist + GICD_TYPER);
}

/* The register block holding intid's bits: the redistributor's for private ones on v3. */
static uintptr_t bank(uint32_t intid)
{
	if (cfg.version == 3 && intid < GIC_FIRST_SPI)
		return gic_redist_base() + GICR_SGI_OFFSET;
	return cfg.dist;
}

/* LPIs (8192 on) have no distributor bits: their enable is in the LPI tables (gic_its.h). */
static void write_bit(uint32_t reg, uint32_t intid)
{
	if (intid >= GIC_MAX_LINES)
		return;
	mmio_write32(bank(intid) + reg + 4 * (intid / 32), 1u << (intid % 32));
}

static int read_bit(uint32_t reg, uint32_t intid)
{
	if (intid >= GIC_MAX_LINES)
		return 0;
	return (mmio_read32(bank(intid) + reg + 4 * (intid / 32)) >> (intid % 32)) & 1;
}

void gic_enable(uint32_t intid)
{
	if (cfg.version == 3 && intid >= GIC_FIRST_SPI && intid < GIC_MAX_LINES) {
		uintptr_t g = cfg.dist + GICD_IGROUPR + 4 * (intid / 32);
		mmio_write32(g, mmio_read32(g) | (1u << (intid % 32)));
	}
	write_bit(GICD_ISENABLER, intid);
}

void gic_disable(uint32_t intid)
{
	write_bit(GICD_ICENABLER, intid);
}

void gic_set_pending(uint32_t intid)
{
	write_bit(GICD_ISPENDR, intid);
}

void gic_clear_pending(uint32_t intid)
{
	write_bit(GICD_ICPENDR, intid);
}

int gic_pending(uint32_t intid)
{
	return read_bit(GICD_ISPENDR, intid);
}

int gic_enabled(uint32_t intid)
{
	return read_bit(GICD_ISENABLER, intid);
}

int gic_active(uint32_t intid)
{
	return read_bit(GICD_ISACTIVER, intid);
}

void gic_clear_active(uint32_t intid)
{
	write_bit(GICD_ICACTIVER, intid);
}

void gic_set_priority(uint32_t intid, uint8_t prio)
{
	if (intid >= GIC_MAX_LINES)
		return;
	/* Byte access is architected for IPRIORITYR on both versions. */
	mmio_write8(bank(intid) + GICD_IPRIORITYR + intid, prio);
}

void gic_set_edge(uint32_t intid, int edge)
{
	if (intid < GIC_FIRST_SPI || intid >= GIC_MAX_LINES)
		return;
	uintptr_t r = cfg.dist + GICD_ICFGR + 4 * (intid / 16);
	uint32_t bit = 2u << (2 * (intid % 16)); /* Int_config[1]: 1 edge, 0 level */
	mmio_write32(r, edge ? mmio_read32(r) | bit : mmio_read32(r) & ~bit);
}

void gic_route_here(uint32_t intid)
{
	if (intid < GIC_FIRST_SPI || intid >= GIC_MAX_LINES)
		return;
	if (cfg.version == 3) {
		uint64_t m = cpu_mpidr();
		mmio_write64(cfg.dist + GICD_IROUTER + 8 * intid,
			     (m & 0xffffff) | ((m >> 32 & 0xff) << 32));
	} else {
		mmio_write8(cfg.dist + GICD_ITARGETSR + intid, (uint8_t)gic_cpu_token());
	}
}

uint32_t gic_cpu_token(void)
{
	if (cfg.version == 3)
		return cpu_affinity(cpu_mpidr());
	/* ITARGETSR0..7 read as the reading CPU's own interface bit (IHI 0048B 4.3.12). */
	return mmio_read8(cfg.dist + GICD_ITARGETSR);
}

void gic_send_sgi(uint32_t sgi, enum gic_sgi_target to, uint32_t token)
{
	if (cfg.version == 2) {
		uint32_t v = sgi & 0xf;
		if (to == SGI_TO_SELF)
			v |= GICV2_SGI_FILTER_SELF;
		else if (to == SGI_TO_OTHERS)
			v |= GICV2_SGI_FILTER_OTHERS;
		else
			v |= (token & 0xff) << 16;
		mmio_write32(cfg.dist + GICD_SGIR, v);
		return;
	}
	if (to == SGI_TO_SELF)
		token = cpu_affinity(cpu_mpidr());
	uint64_t aff0 = token & 0xff;
	/* ICC_SGI1R_EL1: Aff3 [55:48], RS [47:44], IRM [40], Aff2 [39:32], INTID [27:24], Aff1
	 * [23:16], TargetList [15:0]. */
	uint64_t v = ((uint64_t)(sgi & 0xf) << 24);
	if (to == SGI_TO_OTHERS)
		v |= ICC_SGI1R_IRM;
	else
		v |= ((uint64_t)(token >> 24 & 0xff) << 48) | ((aff0 / 16) << 44) |
		     ((uint64_t)(token >> 16 & 0xff) << 32) |
		     ((uint64_t)(token >> 8 & 0xff) << 16) | (1ull << (aff0 % 16));
	gic_cpuif_sgi(v);
}

uint32_t gic_ack(void)
{
	if (cfg.version == 3)
		return gic_cpuif_ack();
	return mmio_read32(cfg.cpuif + GICC_IAR) & 0x1fff;
}

uint32_t gic_intid(uint32_t iar)
{
	return cfg.version == 3 ? iar : iar & 0x3ff;
}

int gic_sgi_source(uint32_t iar)
{
	return cfg.version == 3 ? -1 : (int)(iar >> 10 & 7);
}

int gic_token_interface(uint32_t token)
{
	if (cfg.version == 3 || token == 0 || token > 0xff || (token & (token - 1)))
		return -1;
	return __builtin_ctz(token);
}

void gic_eoi(uint32_t iar)
{
	if (cfg.version == 3)
		gic_cpuif_eoi(iar);
	else
		mmio_write32(cfg.cpuif + GICC_EOIR, iar);
}

void gic_deactivate(uint32_t iar)
{
	if (cfg.version == 3)
		gic_cpuif_deactivate(iar);
	else
		mmio_write32(cfg.cpuif + GICC_DIR, iar);
}

void gic_set_eoimode(int split)
{
	if (cfg.version == 3) {
		gic_cpuif_set_eoimode(split);
		return;
	}
	uint32_t c = mmio_read32(cfg.cpuif + GICC_CTLR);
	mmio_write32(cfg.cpuif + GICC_CTLR, split ? c | GICC_CTLR_EOIMODE : c & ~GICC_CTLR_EOIMODE);
}

void gic_set_pmr(uint32_t pmr)
{
	if (cfg.version == 3)
		gic_cpuif_set_pmr(pmr);
	else
		mmio_write32(cfg.cpuif + GICC_PMR, pmr);
}

uint32_t gic_pmr(void)
{
	return cfg.version == 3 ? gic_cpuif_pmr() : mmio_read32(cfg.cpuif + GICC_PMR);
}
