/* SPDX-License-Identifier: MIT */
/*
 * GIC driver, v2 and v3 (Arm IHI 0048B, IHI 0069): the distributor, each
 * CPU's interface and redistributor, SGIs, priorities, masking and the two
 * EOI modes. Per-CPU state is found from the calling CPU's MPIDR, so every
 * function may run on any CPU that ran gic_cpu_init().
 */
#ifndef DRIVERS_GIC_H
#define DRIVERS_GIC_H

#include <stdint.h>

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IIDR	0x0008
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_ICENABLER	0x0180
#define GICD_ISPENDR	0x0200
#define GICD_ICPENDR	0x0280
#define GICD_ISACTIVER	0x0300
#define GICD_ICACTIVER	0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR	0x0800
#define GICD_ICFGR	0x0c00
#define GICD_SGIR	0x0f00
#define GICD_IROUTER	0x6000
#define GICD_PIDR2	0xffe8
#define GICC_CTLR	0x0000
#define GICC_PMR	0x0004
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010
#define GICC_DIR	0x1000
#define GICR_CTLR	0x0000
#define GICR_TYPER	0x0008
#define GICR_WAKER	0x0014
#define GICR_PIDR2	0xffe8
#define GICR_FRAME_SIZE 0x20000
#define GICR_SGI_OFFSET 0x10000
#define GIC_SPURIOUS	1023
#define GIC_MAX_REDIST	8
#define GIC_FIRST_SPI	32
#define GIC_MAX_LINES	1020

struct gic_config {
	int version; /* 2 or 3 */
	uintptr_t dist;
	uintptr_t cpuif; /* GICv2: the CPU interface */
	struct {
		uintptr_t base;
		uint64_t size;
	} redist[GIC_MAX_REDIST]; /* GICv3: the redistributor regions */
	int nredist;
};

/* Keep the configuration and enable the distributor (idempotent). */
void gic_configure(const struct gic_config *c);
int gic_version(void);
/*
 * This CPU: wake its redistributor, enable its CPU interface (PMR 0xf0). -1:
 * no frame of ours; -2: the redistributor did not wake within its wait.
 */
int gic_cpu_init(void);
/* GICv3: this CPU's redistributor frame (0 before gic_cpu_init or on GICv2). */
uintptr_t gic_redist_base(void);
/* GICD_TYPER.ITLinesNumber as a count of INTIDs (at most 1020). */
uint32_t gic_lines(void);
/* GICD_TYPER as it reads. */
uint32_t gic_dist_typer(void);
#define GICD_TYPER_MBIS	      (1u << 16)
#define GICD_TYPER_LPIS	      (1u << 17)
#define GICD_TYPER_ID_BITS(t) ((((t) >> 19) & 0x1f) + 1)

/* A GICv2m MSI frame (Arm Server Base System Architecture, GICv2m): its SPIs and doorbell. */
#define V2M_MSI_TYPER 0x008
#define V2M_SETSPI_NS 0x040
#define V2M_BASE(t)   (((t) >> 16) & 0x3ff)
#define V2M_COUNT(t)  ((t)&0x3ff)

void gic_enable(uint32_t intid);
void gic_disable(uint32_t intid);
void gic_set_priority(uint32_t intid, uint8_t prio);
void gic_set_pending(uint32_t intid);
void gic_clear_pending(uint32_t intid);
int gic_pending(uint32_t intid);
int gic_enabled(uint32_t intid);
int gic_active(uint32_t intid);
void gic_clear_active(uint32_t intid);
/* An SPI: edge-triggered (GICD_ICFGR), as a message-based one (GICv2m) is signalled. */
void gic_set_edge(uint32_t intid, int edge);
/* An SPI: deliver it to the calling CPU (GICv2 ITARGETSR, GICv3 IROUTER). */
void gic_route_here(uint32_t intid);

/* What names this CPU as an SGI target: GICv2 its interface's bit, GICv3 its affinity. */
uint32_t gic_cpu_token(void);
enum gic_sgi_target { SGI_TO_SELF, SGI_TO_CPU, SGI_TO_OTHERS };
void gic_send_sgi(uint32_t sgi, enum gic_sgi_target to, uint32_t token);

/* The acknowledge value: gic_intid() of it, and what gic_eoi/gic_deactivate take. */
uint32_t gic_ack(void);
uint32_t gic_intid(uint32_t iar);
/*
 * An SGI's source in its acknowledge value: GICv2's GICC_IAR.CPUID [12:10],
 * the CPU interface that sent it (IHI 0048B 4.4.4); -1 on GICv3, whose
 * ICC_IAR1_EL1 has no such field.
 */
int gic_sgi_source(uint32_t iar);
/* GICv2: the CPU interface number a one-bit token names; -1 when it names not one. */
int gic_token_interface(uint32_t token);
/* Priority drop, and deactivation too unless EOImode splits them. */
void gic_eoi(uint32_t iar);
void gic_deactivate(uint32_t iar);
void gic_set_eoimode(int split);
void gic_set_pmr(uint32_t pmr);
uint32_t gic_pmr(void);

#endif
