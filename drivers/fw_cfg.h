/* SPDX-License-Identifier: MIT */
/*
 * QEMU's firmware configuration device, MMIO flavour (QEMU docs/specs/fw_cfg):
 * a 16-bit big-endian selector at 0x8, a string-preserving data register at
 * 0x0 (8, 16, 32 or 64-bit reads), and with the DMA interface a 64-bit
 * big-endian DMA address register at 0x10 that takes the address of an
 * FWCfgDmaAccess structure (control, length, address; big-endian). Items
 * from key 0x20 up are named in the file directory (key 0x19).
 * Registers only: what a platform does with them is the caller's to judge.
 */
#ifndef DRIVERS_FW_CFG_H
#define DRIVERS_FW_CFG_H

#include <stddef.h>
#include <stdint.h>

#define FW_CFG_DATA	0x00
#define FW_CFG_SELECTOR 0x08
#define FW_CFG_DMA_ADDR 0x10
#define FW_CFG_WINDOW	0x18 /* the registers' extent with the DMA interface */

#define FW_CFG_KEY_SIGNATURE 0x0000
#define FW_CFG_KEY_ID	     0x0001
#define FW_CFG_KEY_FILE_DIR  0x0019
#define FW_CFG_KEY_FILE_MIN  0x0020

#define FW_CFG_SIGNATURE      0x554d4551u	    /* "QEMU", read as a little-endian word */
#define FW_CFG_DMA_SIGNATURE  0x51454d5520434647ull /* "QEMU CFG", big-endian */
#define FW_CFG_ID_TRADITIONAL 1u
#define FW_CFG_ID_DMA	      2u

/* FWCfgDmaAccess control bits; with SELECT the key is in bits 31:16. */
#define FW_CFG_DMA_ERROR  1u
#define FW_CFG_DMA_READ	  2u
#define FW_CFG_DMA_SKIP	  4u
#define FW_CFG_DMA_SELECT 8u
#define FW_CFG_DMA_WRITE  16u
#define FW_CFG_DMA_KEY(k) ((uint32_t)(k) << 16 | FW_CFG_DMA_SELECT)

#define FW_CFG_FILE_NAME 56

/* The structure the device reads; its fields are big-endian in memory. */
struct fw_cfg_dma_access {
	uint32_t control, length;
	uint64_t address;
} __attribute__((aligned(16)));

/* A file directory entry, in host order. */
struct fw_cfg_file {
	uint32_t size;
	uint16_t select;
	char name[FW_CFG_FILE_NAME];
};

/* Write the selector: the data offset goes back to 0. */
void fw_cfg_select(uintptr_t base, uint16_t key);
/* The next len bytes of the selected item through the data register (64-bit reads). */
void fw_cfg_read(uintptr_t base, void *buf, size_t len);
/* The next 4 bytes as a little-endian word (FW_CFG_ID's format). */
uint32_t fw_cfg_read_le32(uintptr_t base);
/* The DMA address register as read, in host order (FW_CFG_DMA_SIGNATURE with DMA). */
uint64_t fw_cfg_dma_signature(uintptr_t base);

/*
 * The file directory's entries through the data register: calls found(entry,
 * arg) for each until it returns nonzero. Returns the directory's count.
 */
uint32_t fw_cfg_files(uintptr_t base, int (*found)(const struct fw_cfg_file *f, void *arg),
		      void *arg);

/*
 * One DMA operation: fills acc (big-endian), cleans it to the point of
 * coherency, writes its address to the DMA register, and polls its control
 * word for up to wait_us. Returns the control word as the device left it
 * (0: done; FW_CFG_DMA_ERROR; other bits: still in progress). The buffer at
 * address is the caller's to clean and invalidate (it may not be RAM).
 */
uint32_t fw_cfg_dma(uintptr_t base, struct fw_cfg_dma_access *acc, uint32_t control,
		    uint32_t length, uint64_t address, unsigned wait_us);

#endif
