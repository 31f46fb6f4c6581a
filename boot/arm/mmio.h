/* SPDX-License-Identifier: MIT */
/*
 * AArch32 MMIO accessors: single LDR/STR forms, so a trap carries a full
 * syndrome (HSR.ISV=1). A 64-bit register is two 32-bit accesses, low word
 * first, as LDRD/STRD leave ISV=0 and a hypervisor need not decode them
 * (the probes of boot/probe.h try LDRD on purpose).
 */
#ifndef BOOT_ARM_MMIO_H
#define BOOT_ARM_MMIO_H

#include <stdint.h>

static inline uint32_t mmio_read32(uintptr_t a)
{
	uint32_t v;
	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write32(uintptr_t a, uint32_t v)
{
	__asm__ volatile("str %0, [%1]" ::"r"(v), "r"(a) : "memory");
}

static inline uint64_t mmio_read64(uintptr_t a)
{
	uint32_t lo = mmio_read32(a);
	return (uint64_t)mmio_read32(a + 4) << 32 | lo;
}

static inline void mmio_write64(uintptr_t a, uint64_t v)
{
	mmio_write32(a, (uint32_t)v);
	mmio_write32(a + 4, (uint32_t)(v >> 32));
}

static inline uint8_t mmio_read8(uintptr_t a)
{
	uint8_t v;
	__asm__ volatile("ldrb %0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write8(uintptr_t a, uint8_t v)
{
	__asm__ volatile("strb %0, [%1]" ::"r"(v), "r"(a) : "memory");
}

static inline void mmio_wmb(void)
{
	__asm__ volatile("dsb st" ::: "memory");
}

/* ARMv7 has no load-only DSB: a full one. */
static inline void mmio_rmb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void mmio_mb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline uint16_t mmio_read16(uintptr_t a)
{
	uint16_t v;
	__asm__ volatile("ldrh %0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write16(uintptr_t a, uint16_t v)
{
	__asm__ volatile("strh %0, [%1]" ::"r"(v), "r"(a) : "memory");
}

/* The widest single access: 32 bits. */
static inline uintptr_t mmio_read_word(uintptr_t a)
{
	return mmio_read32(a);
}

#endif
