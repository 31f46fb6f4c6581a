#include "drivers/gic.h"

#include "boot/cpu.h"
#include "boot/mmio.h"

static int gic_version;
static uintptr_t gicc;

static uintptr_t find_redist(uintptr_t base, uint64_t size)
{
	uint32_t aff = cpu_affinity(cpu_mpidr());

	for (uint64_t off = 0; off + GICR_FRAME_SIZE <= size; off += GICR_FRAME_SIZE) {
		uint64_t typer = mmio_read64(base + off + GICR_TYPER);
		if ((typer >> 32) == aff)
			return base + off;
		if (typer & (1u << 4)) /* Last */
			break;
	}
	return 0;
}

int gic_init_ppi(int version, uintptr_t dist, uintptr_t cpu_or_redist, uint64_t redist_size,
		 uint32_t intid)
{
	gic_version = version;
	if (version == 2) {
		gicc = cpu_or_redist;
		mmio_write32(dist + GICD_ISENABLER, 1u << intid);
		mmio_write32(dist + GICD_CTLR, mmio_read32(dist + GICD_CTLR) | 1);
		mmio_write32(gicc + GICC_PMR, 0xf0);
		mmio_write32(gicc + GICC_CTLR, 1);
		return 0;
	}
	if (version != 3)
		return -1;
	uintptr_t rd = find_redist(cpu_or_redist, redist_size);
	if (!rd)
		return -1;
	mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~2u);
	for (unsigned spin = 0; spin < 100000 && (mmio_read32(rd + GICR_WAKER) & 4); spin++)
		;
	uintptr_t sgi = rd + GICR_SGI_OFFSET;
	mmio_write32(sgi + GICD_IGROUPR, mmio_read32(sgi + GICD_IGROUPR) | (1u << intid));
	mmio_write32(sgi + GICD_ISENABLER, 1u << intid);
	/* ARE_NS | EnableGrp1NS; keep what firmware set. */
	mmio_write32(dist + GICD_CTLR, mmio_read32(dist + GICD_CTLR) | (1u << 4) | 2u);
	gic_cpuif_enable(0xf0);
	return 0;
}

uint32_t gic_ack(void)
{
	if (gic_version == 3)
		return gic_cpuif_ack();
	return mmio_read32(gicc + GICC_IAR) & 0x3ff;
}

void gic_eoi(uint32_t intid)
{
	if (gic_version == 3)
		gic_cpuif_eoi(intid);
	else
		mmio_write32(gicc + GICC_EOIR, intid);
}
