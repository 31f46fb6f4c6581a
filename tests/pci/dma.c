// SPDX-License-Identifier: MIT
/*
 * DMA by a PCI device (PCI Local Bus 3.0 6.2.2: Bus Master Enable): edu
 * copies a pattern from RAM into its own buffer and back into other RAM
 * (hw/misc/edu.c: registers 0x80 source, 0x88 destination, 0x90 count,
 * 0x98 command, the buffer at 0x40000; a transfer starts 100 ms of virtual
 * time after the command). What lands must be the pattern, byte for byte,
 * and nothing past it may change. Those two 100 ms waits are most of a
 * default run's time on QEMU, so the case runs with depth=full only, and
 * says so by a skip in every other run.
 */
#include <stdint.h>
#include <string.h>

#include "boot/cache.h"
#include "boot/cpu.h"
#include "boot/probe.h"
#include "runtime/check.h"
#include "runtime/options.h"
#include "runtime/protocol.h"
#include "runtime/smp.h"
#include "tests/pci/pci.h"

#define EDU_DMA_SRC    0x80
#define EDU_DMA_DST    0x88
#define EDU_DMA_CNT    0x90
#define EDU_DMA_CMD    0x98
#define EDU_DMA_RUN    0x1u
#define EDU_DMA_TO_RAM 0x2u
#define EDU_BUF	       0x40000u
#define XFER	       256u
#define GUARD	       64u
#define GUARD_BYTE     0xa5

static uint8_t src[XFER] __attribute__((aligned(64)));
static uint8_t dst[XFER + GUARD] __attribute__((aligned(64)));

/* One transfer; 0 when the device finished it within the deadline. */
static int transfer(uintptr_t bar, uint64_t from, uint64_t to, uint32_t cmd)
{
	struct probe_outcome o;

	if (probe_write(bar + EDU_DMA_SRC, 64, from, &o) ||
	    probe_write(bar + EDU_DMA_DST, 64, to, &o) ||
	    probe_write(bar + EDU_DMA_CNT, 64, XFER, &o) ||
	    probe_write(bar + EDU_DMA_CMD, 64, cmd | EDU_DMA_RUN, &o))
		return -2;
	uint64_t start = cpu_counter(), limit = smp_us_to_ticks(PCI_DMA_WAIT_US);
	for (unsigned spin = 0; spin < 100000000u; spin++) {
		int late = cpu_counter() - start > limit; /* before the read: see irq_poll */
		if (probe_read(bar + EDU_DMA_CMD, 64, &o))
			return -2;
		if (!(o.value & EDU_DMA_RUN))
			return 0;
		if (late)
			return -1;
		cpu_relax();
	}
	return -1;
}

void case_dma(struct test_ctx *t)
{
	struct pci_state *s = pci_state(t);
	struct pci_fn *f;

	if (s->host_why || !(t->opt->vm_pci & OPT_PCI_EDU) || !(f = pci_at_slot(s, PCI_SLOT_EDU)) ||
	    f->bar_win[0] < 0) {
		skip(t, "no edu device with an assigned BAR (scripts/run --pci edu) to do DMA");
		return;
	}
	if (!t->opt->depth_full) {
		skip(t, "edu's transfers take 2 x 100 ms: " OPT_DEPTH_FULL_ONLY);
		return;
	}
	/* The bus addresses edu is given: the host's dma-ranges (absent: the CPU's). */
	uint64_t src_bus, dst_bus;
	enum pci_dma why = pci_dma_bus(t, &s->host, src, sizeof(src), &src_bus);
	if (why == PCI_DMA_OK)
		why = pci_dma_bus(t, &s->host, dst, sizeof(dst), &dst_bus);
	if (why != PCI_DMA_OK) {
		skip(t, pci_dma_refusal(why));
		return;
	}
	node_push(t, s->host.dev->path);
	pci_push_fn(t, f);
	for (unsigned i = 0; i < XFER; i++)
		src[i] = (uint8_t)(i * 7u + 0x3du + (i >> 3));
	memset(dst, GUARD_BYTE, sizeof(dst));
	cache_clean_to_poc(src, sizeof(src));
	cache_clean_to_poc(dst, sizeof(dst));
	uintptr_t bar = f->bar_va[0];
	int rc = transfer(bar, src_bus, EDU_BUF, 0);
	if (rc == 0)
		rc = transfer(bar, EDU_BUF, dst_bus, EDU_DMA_TO_RAM);
	subject_push(t, "addr", "0x%llx", (unsigned long long)(uintptr_t)dst);
	require(t, rc != -2, "dma_registers_answer", "edu's DMA registers aborted");
	require(t, rc == 0, "dma_completes",
		"a %u-byte transfer did not complete within %u ms (the command's Run bit stayed "
		"set)",
		XFER, PCI_DMA_WAIT_US / 1000);
	cache_clean_to_poc(dst, sizeof(dst));
	unsigned first_bad = XFER, guard_bad = GUARD;
	for (unsigned i = 0; i < XFER && first_bad == XFER; i++)
		if (dst[i] != src[i])
			first_bad = i;
	for (unsigned i = 0; i < GUARD && guard_bad == GUARD; i++)
		if (dst[XFER + i] != GUARD_BYTE)
			guard_bad = i;
	if (check(t, first_bad == XFER, "dma_data_matches",
		  "RAM -> edu -> RAM: byte %u reads 0x%02x, the pattern has 0x%02x", first_bad,
		  first_bad < XFER ? dst[first_bad] : 0, first_bad < XFER ? src[first_bad] : 0)) {
		evidence(t, "dma_data_matches",
			 "%u bytes RAM -> edu -> RAM (0x%llx) arrived intact", XFER,
			 (unsigned long long)(uintptr_t)dst);
		pci_dma_ranges_held(t, &s->host);
	}
	check(t, guard_bad == GUARD, "dma_stays_in_bounds",
	      "the byte %u past the transfer changed to 0x%02x", guard_bad,
	      guard_bad < GUARD ? dst[XFER + guard_bad] : 0);
	subject_pop(t);
	subject_pop(t);
	subject_pop(t);
}
