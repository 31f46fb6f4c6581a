/* SPDX-License-Identifier: MIT */
/*
 * The run's options, read once from /chosen/bootargs (options.c): space-
 * separated key=value words, and the word list. Every key is known; an unknown
 * key, a bad or cut value, a repeated key, a value given to list or bootargs
 * longer than the harness keeps are problems, reported by the run's "bootargs" check
 * (runtime/suite.c).
 */
#ifndef RUNTIME_OPTIONS_H
#define RUNTIME_OPTIONS_H

#include <stdint.h>

#include "dt/platform.h"

#define OPT_MAX_PROBLEMS  8
#define OPT_VIRTIO_RNG	  1u  /* an entropy device */
#define OPT_VIRTIO_BLK	  2u  /* a block device */
#define OPT_VIRTIO_MODERN 4u  /* transports of Version 2 */
#define OPT_PCI_TESTDEV	  1u  /* QEMU's pci-testdev (protocol.h PCI_SLOT_TESTDEV) */
#define OPT_PCI_EDU	  2u  /* QEMU's edu device (PCI_SLOT_EDU) */
#define OPT_PCI_VIRTIO	  4u  /* a virtio-rng-pci (PCI_SLOT_VIRTIO) */
#define OPT_PCI_BRIDGE	  16u /* a pci-bridge with an edu behind it (PCI_SLOT_BRIDGE) */
#define OPT_PCI_BLK	  8u  /* a modern virtio-blk-pci on the pattern disk (PCI_SLOT_BLK) */
/* The skip reason's words for a check that runs only with depth=full. */
#define OPT_DEPTH_FULL_ONLY                                                                        \
	"slow: runs with the bootarg depth=full (scripts/run --bootargs depth=full)"

struct options {
	char bootargs[DT_BOOTARGS_LEN]; /* as the DT gave them (the first 511 bytes) */
	char suites[DT_BOOTARGS_LEN]; /* suites=: SUITE and SUITE.CASE items; empty: the default set
				       */
	int list;		      /* list: list the suites and cases, run none */
	unsigned watchdog_seconds;    /* watchdog=: per case, 1..3599 */
	int profile_forced;	      /* profile= was given ... */
	char profile[32];	      /* ... naming this profile */
	int vm_mem_known;	      /* vm_mem= (the runner's): the RAM the VM was given */
	uint64_t vm_mem;
	int expect_el_given;	 /* expect_el= (the runner's) ... */
	char expect_el[8];	 /* ... the entry EL it asked for */
	int vm_virtio_given;	 /* vm_virtio= (the runner's): the virtio devices it attached */
	unsigned vm_virtio;	 /* OPT_VIRTIO_*; 0 for "none" */
	int vm_initrd_given;	 /* vm_initrd= (the runner's): whether it gave a ramdisk ... */
	int vm_initrd;		 /* ... 1 yes, 0 no */
	int vm_pci_given;	 /* vm_pci= (the runner's): the PCI devices it attached */
	unsigned vm_pci;	 /* OPT_PCI_*; 0 for "none" */
	int vm_topology_given;	 /* vm_topology= (the runner's): the CPU topology it gave ... */
	unsigned vm_topology[4]; /* ... sockets, clusters, cores, threads; all 0: none written */
	int vm_numa_given;	 /* vm_numa= (the runner's): the NUMA nodes -numa gave ... */
	unsigned vm_numa;	 /* ... 0: no -numa */
	/*
	 * depth=full: also the checks too slow for the default run (each such
	 * case, in the default run, skips saying so and naming depth=full).
	 */
	int depth_full;
	char problems[OPT_MAX_PROBLEMS][160];
	char problem_keys[OPT_MAX_PROBLEMS][32]; /* the bootarg key each is about */
	int nproblems, problems_dropped;
};

/* bootargs_len: the length the DT's bootargs really have (they may be longer than kept). */
void options_parse(struct options *o, const char *bootargs, int bootargs_len);

#endif
