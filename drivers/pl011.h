/* SPDX-License-Identifier: MIT */
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

/* How long the transmit FIFO may stay full before the UART counts as stuck. */
#define PL011_DRAIN_US 50000

void pl011_init(uintptr_t base);
/* Returns -1 once the UART has failed (an access aborted, or it never drained). */
int pl011_write(const char *s, size_t len);
/* Can a character be sent within PL011_DRAIN_US? 0 when yes; else -1, and failed. */
int pl011_ready(void);
/* What ended the UART, in words ("abort, ESR ...", "FR.TXFF set for 50 ms"), or NULL. */
const char *pl011_failure(void);

#endif
