/*
 * PL011 / SBSA generic UART, output only. Uses just the SBSA subset (DR, FR)
 * and polls FR.TXFF alone: Xen 4.17's vpl011 never sets TXFE again after the
 * first write (SBSA generic UART, Arm DEN0094; Arm PL011 TRM DDI 0183).
 */
#ifndef DRIVERS_PL011_H
#define DRIVERS_PL011_H

#include <stddef.h>
#include <stdint.h>

#define PL011_DR      0x000
#define PL011_RSR     0x004
#define PL011_FR      0x018
#define PL011_FR_TXFF (1u << 5)

struct probe_outcome;

void pl011_init(uintptr_t base);
/* Returns -1 once an access to the UART has aborted (and from then on). */
int pl011_write(const char *s, size_t len);
/* The abort that ended the UART, or NULL. */
const struct probe_outcome *pl011_fault(void);

#endif
