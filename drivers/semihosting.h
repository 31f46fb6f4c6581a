/* SPDX-License-Identifier: MIT */
/*
 * Arm semihosting (Arm IHI 0058): console output and exit when the
 * emulator offers it. The trap is fault-guarded, so calling it where
 * semihosting is off (QEMU without -semihosting, Xen) is safe.
 */
#ifndef DRIVERS_SEMIHOSTING_H
#define DRIVERS_SEMIHOSTING_H

#include <stddef.h>
#include <stdint.h>

int semihosting_detect(void);
void semihosting_write(const char *s, size_t len);
void semihosting_exit(int code);

#endif
