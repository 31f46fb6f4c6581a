/*
 * Profiles: what a platform's documentation says its guest memory map is,
 * as data. One profile per documented platform release (lib/profiles/).
 * Suites hold the device tree (lib/platform.h) and the probe against it.
 */
#ifndef PROFILE_H
#define PROFILE_H

#include <stddef.h>
#include <stdint.h>

struct harness;

enum region_kind {
	REGION_RAM,      /* a window guest RAM banks may occupy */
	REGION_MMIO,     /* a device: answers when present (the DT says so) */
	REGION_RESERVED, /* set aside (grant table, ACPI, vPCI): not a device of its own */
	REGION_ABSENT,   /* documented, but never populated for this kind of guest */
};

/* flags */
#define PR_FIX_BASE 1u /* a DT reg in the region starts at its base (or a slot) */
#define PR_FIX_SIZE 2u /* ... and spans exactly its size (or one slot) */

struct profile_region {
	const char *name;
	enum region_kind kind;
	uint64_t base, size;
	uint64_t slot;       /* nonzero: devices sit in slots of this size */
	unsigned flags;
	unsigned gic;        /* documented only with this GIC version; 0: always */
	const char *compat;  /* space-separated compatibles a DT node here may have; NULL: any */
	uint32_t intid;      /* first documented GIC INTID of the device; 0: none */
	uint32_t nintid;     /* INTIDs intid..intid+nintid-1; with slot: intid + slot index */
	const char *source;  /* where the documentation says so */
};

/* An interrupt documented for a device without a region (timer, hypervisor). */
struct profile_irq {
	const char *name;
	const char *compat;  /* the DT node that carries it */
	unsigned index;      /* its position in that node's interrupts */
	uint32_t intid;
	const char *source;
};

struct profile {
	const char *name;
	const char *document;    /* the documentation this profile transcribes */
	const char *hyp_compat;  /* selects the profile when /hypervisor has it */
	const char *root_compat; /* selects it when the root node has it */
	const struct profile_region *regions;
	unsigned nregions;
	const struct profile_irq *irqs;
	unsigned nirqs;
};

extern const struct profile profile_xen_4_17;
extern const struct profile profile_qemu_virt_7_2;

/* The profile for this platform (bootargs profile=NAME, else from the DT); NULL with *why. */
const struct profile *profile_select(const struct harness *h, const char **why);
/* Does the region apply to a platform with this GIC version? */
int profile_region_applies(const struct profile_region *r, int gic_version);
const char *region_kind_name(enum region_kind k);
/* Is compat one of the region's space-separated compatibles? */
int profile_compat_listed(const char *list, const char *compat);

#endif
