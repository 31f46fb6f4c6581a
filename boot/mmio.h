/* SPDX-License-Identifier: MIT */
/*
 * Plain MMIO accessors for drivers: one single-copy access each, no fault
 * capture (on AArch32 mmio_read64/mmio_write64 are two 32-bit accesses, low
 * word first); mmio_read_word is the widest single read, of uintptr_t.
 */
#ifndef BOOT_MMIO_H
#define BOOT_MMIO_H

#if defined(__aarch64__)
#include "boot/aarch64/mmio.h"
#elif defined(__arm__)
#include "boot/arm/mmio.h"
#else
#error "no architecture layer for this target: add boot/<arch>/mmio.h"
#endif

#endif
