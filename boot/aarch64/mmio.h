/* SPDX-License-Identifier: MIT */
/* AArch64 MMIO accessors: single LDR/STR forms, so a trap carries a full syndrome (ISV=1). */
#ifndef BOOT_AARCH64_MMIO_H
#define BOOT_AARCH64_MMIO_H

#include <stdint.h>

static inline uint32_t mmio_read32(uintptr_t a)
{
	uint32_t v;
	__asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write32(uintptr_t a, uint32_t v)
{
	__asm__ volatile("str %w0, [%1]" ::"rZ"(v), "r"(a) : "memory");
}

static inline uint64_t mmio_read64(uintptr_t a)
{
	uint64_t v;
	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write64(uintptr_t a, uint64_t v)
{
	__asm__ volatile("str %x0, [%1]" ::"rZ"(v), "r"(a) : "memory");
}

static inline uint8_t mmio_read8(uintptr_t a)
{
	uint8_t v;
	__asm__ volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write8(uintptr_t a, uint8_t v)
{
	__asm__ volatile("strb %w0, [%1]" ::"rZ"(v), "r"(a) : "memory");
}

/* Memory writes complete before what follows (a doorbell); memory reads after an earlier one. */
static inline void mmio_wmb(void)
{
	__asm__ volatile("dsb st" ::: "memory");
}

static inline void mmio_rmb(void)
{
	__asm__ volatile("dsb ld" ::: "memory");
}

/* Memory writes complete before later reads (an index published, then the other side's read). */
static inline void mmio_mb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline uint16_t mmio_read16(uintptr_t a)
{
	uint16_t v;
	__asm__ volatile("ldrh %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void mmio_write16(uintptr_t a, uint16_t v)
{
	__asm__ volatile("strh %w0, [%1]" ::"rZ"(v), "r"(a) : "memory");
}

/* The widest single access: 64 bits. */
static inline uintptr_t mmio_read_word(uintptr_t a)
{
	return mmio_read64(a);
}

#endif
