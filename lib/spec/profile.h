/* SPDX-License-Identifier: MIT */
/*
 * Profiles: what a platform's documentation says its guest memory map is,
 * as data. One profile per documented platform release (lib/profiles/).
 * Suites hold the device tree (dt/platform.h) and the probe against it;
 * which profile applies is spec/profile_select.h.
 */
#ifndef SPEC_PROFILE_H
#define SPEC_PROFILE_H

#include <stddef.h>
#include <stdint.h>

enum region_kind {
	REGION_RAM,	 /* a window guest RAM banks may occupy */
	REGION_MMIO,	 /* a device: answers when present (the DT says so) */
	REGION_RESERVED, /* set aside (grant table, ACPI, vPCI): not a device of its own */
	REGION_ABSENT,	 /* documented, but never populated for this kind of guest */
};

/* flags */
#define PR_FIX_BASE 1u /* a DT reg in the region starts at its base (or a slot) */
#define PR_FIX_SIZE 2u /* ... and spans exactly its size (or one slot) */
/* Described only in ACPI: the platform may create it with firmware, never in the DT. */
#define PR_ACPI_ONLY 4u
/* Placed by the platform at or above base, aligned to its size (the DT says where). */
#define PR_FLOATING 8u
/* The device's interrupts are intid, intid + 1, ... in that order (named, as the SMMU's). */
#define PR_IRQ_IN_ORDER 16u

struct profile_region {
	const char *name;
	enum region_kind kind;
	uint64_t base, size;
	uint64_t slot; /* nonzero: devices sit in slots of this size */
	unsigned flags;
	unsigned gic;	    /* documented only with this GIC version; 0: always */
	const char *compat; /* space-separated compatibles a DT node here may have; NULL: any */
	uint32_t intid;	    /* first documented GIC INTID of the device; 0: none */
	uint32_t nintid;    /* INTIDs intid..intid+nintid-1; with slot: intid + slot index */
	const char *source; /* where the documentation says so */
	uint8_t trigger; /* its interrupt's documented flags[3:0] (1 edge, 4 high level); 0: unsaid
			  */
};

/* When the documentation writes an interrupt (profile_irq.if_given). */
enum irq_when {
	IRQ_ALWAYS,   /* on every platform of the profile */
	IRQ_IF_GIVEN, /* in some configurations the harness cannot tell: held when given */
	IRQ_AT_EL2,   /* exactly when the guest is entered at EL2 (virtualization offered) */
};

/* An interrupt documented for a device without a region (timer, hypervisor). */
struct profile_irq {
	const char *name;
	const char
		*compat; /* the DT node that carries it: one of these space-separated compatibles */
	unsigned index;	 /* its position in that node's interrupts */
	uint32_t intid;
	const char *source;
	int if_given;	 /* enum irq_when: in which configurations the documentation writes it */
	uint8_t trigger; /* documented flags[3:0] (4 high level, 8 low level); 0: unsaid */
};

/* A property the documentation says every node of a kind has (present) or lacks. */
struct profile_prop {
	const char *compat; /* the nodes it is about */
	const char *prop;
	int present;
	const char *source;
};

/*
 * What the documentation says a property's value is, beyond its presence.
 * The value is compared as the blob holds it: a string list byte for byte
 * (its NULs included), cells one by one, except that a cell of ref_cells
 * is a phandle and compares as "names a node compatible with one of ref".
 * Two values are computed from the node instead (VALUE_PCI_*).
 */
enum profile_value_kind {
	VALUE_EMPTY,	     /* present and empty (a boolean) */
	VALUE_STRINGS,	     /* str, str_len bytes */
	VALUE_CELLS,	     /* cells[0..ncells) */
	VALUE_PCI_BUS_RANGE, /* <0 last>: one bus per MiB of the node's ECAM reg (PCI
				Firmware 3.2 4.1.2) */
	VALUE_PCI_INTX_MAP,  /* cells[0] slots x 4 pins, swizzled onto 4 SPIs from cells[1] */
	VALUE_PCI_SPACES,    /* each ranges entry's phys.hi is one of cells[0..ncells); with ref
				(region names, one per cell), an entry in ref's i-th region has
				cells[i] and PCI address = CPU address (pci_zero_based bit i:
				its offset in that region) */
	VALUE_NODE,	     /* no property: the node itself (where, a path) is always written */
	VALUE_PLACE,	     /* no property: nodes (of ref's compatibles, if ref) are written at
				where, a path, when they are written at all */
};

#define PROFILE_VALUE_CELLS 8

struct profile_value {
	/* the nodes: a compatible, or a path from / with unit addresses left out ("/cpus/cpu") */
	const char *where;
	const char *prop;
	uint8_t kind;	   /* enum profile_value_kind */
	uint8_t always;	   /* the documentation writes it on every such node: absent is a finding */
	uint8_t ncells;	   /* VALUE_CELLS */
	uint8_t ref_cells; /* bit i: cells[i] is a phandle of a node compatible with ref */
	uint8_t guest_bits;	/* 32 or 64: written only for a guest CPU of that width; 0: any */
	uint8_t cpu_arch;	/* 7 or 8: written only for a CPU of that architecture; 0: any */
	uint8_t pci_zero_based; /* VALUE_PCI_SPACES: bit i: ref's i-th window starts at PCI 0 */
	uint32_t cells[PROFILE_VALUE_CELLS];
	const char *ref; /* space-separated compatibles (VALUE_PLACE: of the nodes placed) */
	/* space-separated compatibles: written on every such node when the tree has an enabled
	 * node of one of them (an MSI controller, an IOMMU), as always is otherwise */
	const char *always_with;
	const char *str; /* VALUE_STRINGS */
	unsigned str_len;
	const char *source;
};

struct profile {
	const char *name;
	const char *document;	 /* the documentation this profile transcribes */
	const char *hyp_compat;	 /* selects the profile when /hypervisor has it */
	const char *root_compat; /* selects it when the root node has it */
	const struct profile_region *regions;
	unsigned nregions;
	const struct profile_irq *irqs;
	unsigned nirqs;
	const struct profile_prop *props; /* none: the documentation says nothing of them */
	unsigned nprops;
	const struct profile_value *values; /* none: the documentation gives no value */
	unsigned nvalues;
	/* The CPU mask (flags bits [15:8]) it writes on a PPI with a GICv3, whose binding has
	 * none; with a GICv2 every PPI's mask names the CPUs of /cpus (the binding's rule). */
	uint8_t gicv3_ppi_mask;
	/* With a GICv2: the space-separated compatibles whose PPIs the documentation writes with
	 * the mask of every CPU of /cpus; every other PPI it writes with none (0). NULL: it says
	 * nothing of GICv2 masks (the binding's rule alone). */
	const char *gicv2_ppi_mask_every_cpu;
	/* Where the documentation writes /cpus/cpu-map from the CPU topology the platform was
	 * given (socket, cluster, core, thread nodes; each leaf's cpu names /cpus/cpu@INDEX);
	 * NULL: it says nothing of a cpu-map. */
	const char *cpu_map_source;
	/* Where the documentation writes numa-node-id (each CPU and memory node) and
	 * /distance-map from the NUMA nodes the platform was given, none without; NULL: it
	 * says nothing of NUMA. */
	const char *numa_source;
	/* Where the documentation writes each CPU node's compatible as the model's own (the core
	 * MIDR names); NULL: it says nothing of it. */
	const char *cpu_compat_source;
	/* ... and what it writes for a model of the emulator's own (MIDR implementer 0). */
	const char *software_cpu_compat;
};

/* Does the region apply to a platform with this GIC version? */
int profile_region_applies(const struct profile_region *r, int gic_version);
const char *region_kind_name(enum region_kind k);
/* Is compat one of the region's space-separated compatibles? */
int profile_compat_listed(const char *list, const char *compat);

#endif
