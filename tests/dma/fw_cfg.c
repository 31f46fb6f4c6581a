// SPDX-License-Identifier: MIT
/*
 * QEMU's fw_cfg device (QEMU docs/specs/fw_cfg; drivers/fw_cfg.h): that the
 * DT's node answers as fw_cfg (signature, FW_CFG_ID, the DMA interface),
 * the runner's file (runtime/protocol.h FWCFG_*) read through the data
 * register and by DMA, and the DMA control word's operations: SELECT, SKIP,
 * WRITE to a read-only item, reads past the end and of a key with no item,
 * reserved bits. What the document requires fails when it is not so; where
 * it is silent, each answer a driver can tell apart is permitted, and one
 * it cannot (a buffer left as it was with no error) is a deviation.
 */
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "runtime/check.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/dma/dma.h"
#include "tests/dma/fw_cfg_dev.h"

#define Q	     "QEMU docs/specs/fw_cfg"
#define PROBE_LEN    64
#define SKIP_TO	     4096
#define UNTOUCHED    0xa5
#define CTL_RESERVED 0xffe0u /* bits 15:5: the document defines 4:0 and, with SELECT, 31:16 */

/* The device answers as fw_cfg, and the runner's file is listed with its size. */
void case_fw_cfg(struct test_ctx *t)
{
	const struct fw_cfg_dev *f = fw_cfg_usable(t, 0, 0);

	if (!f)
		return;
	if (!f->have_file) {
		note(t, "%s: no file %s in the directory (scripts/run attaches it)", f->node->path,
		     FWCFG_FILE_NAME);
		passed(t);
		return;
	}
	node_push(t, f->node->path);
	if (check(t, f->file.size == FWCFG_FILE_SIZE, "file_size_matches",
		  "%s is listed with %u bytes, not the runner's %u", FWCFG_FILE_NAME, f->file.size,
		  FWCFG_FILE_SIZE))
		evidence(t, "file_size_matches", "%s in the directory: key 0x%x, %u bytes",
			 FWCFG_FILE_NAME, f->file.select, f->file.size);
	subject_pop(t);
}

/* The file read one way (form: data-register, dma) against the pattern. */
static void compared(struct test_ctx *t, const struct fw_cfg_dev *f, const char *form,
		     const char *how, uint64_t us)
{
	long at = fw_cfg_pattern_differs(fw_cfg_buf, 0, FWCFG_FILE_SIZE);

	subject_push(t, "form", "%s", form);
	if (at >= 0)
		finding(t, "reads_file", "%s: byte %ld reads 0x%02x, not the file's 0x%02x", how,
			at, fw_cfg_buf[at], fw_cfg_pattern_byte((uint32_t)at));
	else
		evidence(t, "reads_file", "%u bytes of %s %s match the runner's file",
			 FWCFG_FILE_SIZE, FWCFG_FILE_NAME, how);
	subject_pop(t);
	if (at < 0)
		dma_throughput("fw_cfg", f->node->path, form, FWCFG_FILE_SIZE, us);
}

/* The whole file through the data register and by one DMA read, each checked byte for byte. */
void case_fw_cfg_contents(struct test_ctx *t)
{
	const struct fw_cfg_dev *f = fw_cfg_usable(t, 1, 0);
	uint8_t past[8];

	if (!f)
		return;
	node_push(t, f->node->path);
	memset(fw_cfg_buf, 0, FWCFG_FILE_SIZE);
	uint64_t t0 = cpu_counter();
	fw_cfg_select(f->base, f->file.select);
	fw_cfg_read(f->base, fw_cfg_buf, FWCFG_FILE_SIZE);
	uint64_t us = smp_ticks_to_us(cpu_counter() - t0);
	compared(t, f, "data-register", "through the data register", us);
	fw_cfg_read(f->base, past, sizeof(past));
	uint64_t w;
	memcpy(&w, past, 8);
	subject_push(t, "reg", "Data");
	check(t, w == 0, "reads_zero_past_end",
	      "past the end of %s the data register reads 0x%016llx, not 0 (%s: \"any reads "
	      "will return a data value of 0x00\") | deviation",
	      FWCFG_FILE_NAME, (unsigned long long)w, Q);
	subject_pop(t);
	if (!f->dma) {
		note(t, "%s: no DMA interface: the file is read through the data register only",
		     f->node->path);
		subject_pop(t);
		return;
	}
	memset(fw_cfg_buf, 0, FWCFG_FILE_SIZE);
	t0 = cpu_counter();
	uint32_t c = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_READ, 0,
				       FWCFG_FILE_SIZE);
	us = smp_ticks_to_us(cpu_counter() - t0);
	if (check(t, c == 0, "dma_control_cleared",
		  "a DMA read of %s left control 0x%08x, not 0 (%s) | deviation", FWCFG_FILE_NAME,
		  c, Q))
		compared(t, f, "dma", "by one DMA read", us);
	subject_pop(t);
}

/* After SELECT (and no operation bit) via DMA, the data register reads the file's start. */
static void dma_select(struct test_ctx *t, const struct fw_cfg_dev *f)
{
	uint8_t got[8];

	fw_cfg_select(f->base, FW_CFG_KEY_SIGNATURE);
	uint32_t c = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select), 0, PROBE_LEN);
	fw_cfg_read(f->base, got, sizeof(got));
	if (check(t, c == 0 && fw_cfg_pattern_differs(got, 0, 8) < 0, "dma_select_selects",
		  "SELECT of key 0x%x via the DMA control word (control 0x%08x after): the data "
		  "register does not read the file's start (%s: \"the same effect as writing the "
		  "selector register\") | deviation",
		  f->file.select, c, Q))
		evidence(t, "dma_select_selects",
			 "SELECT via the DMA control word selects, as the selector does");
}

/* SKIP moves the offset that a later DMA read, then the data register, go on from. */
static void dma_skip(struct test_ctx *t, const struct fw_cfg_dev *f)
{
	uint8_t got[8];
	uint32_t c =
		fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_SKIP, 0, SKIP_TO);
	uint32_t r = fw_cfg_dma_to_buf(f, FW_CFG_DMA_READ, 0, PROBE_LEN);

	fw_cfg_read(f->base, got, sizeof(got));
	if (check(t, c == 0 && r == 0 && fw_cfg_pattern_differs(fw_cfg_buf, SKIP_TO, PROBE_LEN) < 0,
		  "dma_skip_advances",
		  "SKIP of %u bytes (control 0x%08x), then a DMA read (control 0x%08x) does not "
		  "read the file from offset %u (%s) | deviation",
		  SKIP_TO, c, r, SKIP_TO, Q) &&
	    check(t, fw_cfg_pattern_differs(got, SKIP_TO + PROBE_LEN, 8) < 0,
		  "data_register_follows_skip",
		  "after SKIP and a DMA read, the data register does not go on at offset %u | "
		  "deviation",
		  SKIP_TO + PROBE_LEN))
		evidence(t, "dma_skip_advances",
			 "SKIP advances the offset; a DMA read and the data register go on from "
			 "it");
}

/* WRITE to the read-only file: the error bit (required), and the file unchanged. */
static void dma_write(struct test_ctx *t, const struct fw_cfg_dev *f)
{
	for (unsigned i = 0; i < PROBE_LEN; i++)
		fw_cfg_buf[i] = (uint8_t)~fw_cfg_pattern_byte(i);
	uint32_t c = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_WRITE, 0,
				       PROBE_LEN);
	uint32_t r = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_READ, 0,
				       PROBE_LEN);
	int same = r == 0 && fw_cfg_pattern_differs(fw_cfg_buf, 0, PROBE_LEN) < 0;

	if (check(t, c == FW_CFG_DMA_ERROR, "write_refused",
		  "WRITE to %s, read-only, left control 0x%08x, not the error bit (%s: \"Writes "
		  "to read-only items are also rejected\", \"set bit 0\") | deviation",
		  FWCFG_FILE_NAME, c, Q) &&
	    check(t, same, "refused_write_leaves_file",
		  "after a refused WRITE, %s no longer reads as it was | deviation",
		  FWCFG_FILE_NAME))
		evidence(t, "write_refused",
			 "WRITE to read-only %s: error bit set, the file unchanged | required",
			 FWCFG_FILE_NAME);
}

/*
 * What a permitted answer looks like where the document is silent: zeros or
 * the error bit. form: which read (past-end, no-item), the subject.
 */
static void silent(struct test_ctx *t, const char *form, const char *what, uint32_t c,
		   uint32_t from, uint32_t len)
{
	int zeros = 1, untouched = 1;

	for (uint32_t i = from; i < from + len; i++) {
		zeros &= fw_cfg_buf[i] == 0;
		untouched &= fw_cfg_buf[i] == UNTOUCHED;
	}
	subject_push(t, "form", "%s", form);
	if (c == FW_CFG_DMA_ERROR)
		evidence(t, "answer_tellable", "%s: error bit set | permitted", what);
	else if (c == 0 && zeros)
		evidence(t, "answer_tellable",
			 "%s: no error, the bytes read as 0 (as the data register's) | permitted",
			 what);
	else
		finding(t, "answer_tellable",
			"%s: control 0x%08x and the buffer %s: the driver cannot tell what it got "
			"| deviation",
			what, c, untouched ? "left as it was" : "neither zeros nor left");
	subject_pop(t);
}

/* A read that runs past the end of the file, and one of a key with no item. */
static void dma_past_end(struct test_ctx *t, const struct fw_cfg_dev *f, uint32_t files)
{
	uint32_t tail = 8;

	memset(fw_cfg_buf, UNTOUCHED, PROBE_LEN);
	uint32_t c = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_SKIP, 0,
				       FWCFG_FILE_SIZE - tail);
	c |= fw_cfg_dma_to_buf(f, FW_CFG_DMA_READ, 0, PROBE_LEN);
	if (check(t, fw_cfg_pattern_differs(fw_cfg_buf, FWCFG_FILE_SIZE - tail, tail) < 0,
		  "reads_file_before_end",
		  "a DMA read over the end of %s: its last %u bytes are not the file's | deviation",
		  FWCFG_FILE_NAME, tail))
		silent(t, "past-end", "a DMA read of 64 bytes from 8 before the end of the file", c,
		       tail, PROBE_LEN - tail);
	uint16_t none = (uint16_t)(FW_CFG_KEY_FILE_MIN + files);
	memset(fw_cfg_buf, UNTOUCHED, PROBE_LEN);
	c = fw_cfg_dma_to_buf(f, FW_CFG_DMA_KEY(none) | FW_CFG_DMA_READ, 0, PROBE_LEN);
	char what[64];
	snprintf(what, sizeof(what), "a DMA read of key 0x%x, past the directory's", none);
	silent(t, "no-item", what, c, 0, PROBE_LEN);
}

/* Reserved control bits with a read: ignored (the read done) or refused, either told apart. */
static void dma_reserved(struct test_ctx *t, const struct fw_cfg_dev *f)
{
	memset(fw_cfg_buf, UNTOUCHED, PROBE_LEN);
	uint32_t c = fw_cfg_dma_to_buf(
		f, FW_CFG_DMA_KEY(f->file.select) | FW_CFG_DMA_READ | CTL_RESERVED, 0, PROBE_LEN);
	int read = fw_cfg_pattern_differs(fw_cfg_buf, 0, PROBE_LEN) < 0;

	if (c == 0 && read)
		evidence(t, "reserved_bits_tellable",
			 "control bits 0x%x (not defined) with a READ: ignored, the read done | "
			 "permitted",
			 CTL_RESERVED);
	else if (c == FW_CFG_DMA_ERROR)
		evidence(t, "reserved_bits_tellable",
			 "control bits 0x%x (not defined) with a READ: error bit set | permitted",
			 CTL_RESERVED);
	else
		finding(t, "reserved_bits_tellable",
			"control bits 0x%x (not defined) with a READ: control 0x%08x and the "
			"buffer %s | deviation",
			CTL_RESERVED, c, read ? "read" : "not the file's");
}

static int count_files(const struct fw_cfg_file *file, void *arg)
{
	(void)file;
	(void)arg;
	return 0;
}

void case_fw_cfg_control(struct test_ctx *t)
{
	const struct fw_cfg_dev *f = fw_cfg_usable(t, 1, 1);

	if (!f)
		return;
	node_push(t, f->node->path);
	dma_select(t, f);
	dma_skip(t, f);
	dma_write(t, f);
	dma_past_end(t, f, fw_cfg_files(f->base, count_files, NULL));
	dma_reserved(t, f);
	subject_pop(t);
}
