/*
 * Minimal GIC driver for the watchdog interrupt: enable one PPI on this CPU,
 * acknowledge and end it (Arm IHI 0048 GICv2, IHI 0069 GICv3).
 */
#ifndef DRIVERS_GIC_H
#define DRIVERS_GIC_H

#include <stdint.h>

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IIDR	0x0008
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_IPRIORITYR 0x0400
#define GICD_PIDR2	0xffe8
#define GICC_CTLR	0x0000
#define GICC_PMR	0x0004
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010
#define GICR_CTLR	0x0000
#define GICR_TYPER	0x0008
#define GICR_WAKER	0x0014
#define GICR_PIDR2	0xffe8
#define GICR_FRAME_SIZE 0x20000
#define GICR_SGI_OFFSET 0x10000

/* Returns 0 when the PPI is enabled, else -1 (no frame for this CPU, ...). */
int gic_init_ppi(int version, uintptr_t dist, uintptr_t cpu_or_redist, uint64_t redist_size,
		 uint32_t intid);
uint32_t gic_ack(void);
void gic_eoi(uint32_t intid);

#endif
