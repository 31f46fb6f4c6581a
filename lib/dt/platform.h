/* SPDX-License-Identifier: MIT */
/*
 * The platform model: the device tree parsed once, with libfdt, into
 * validated tables. The DT is untrusted: everything read is checked and
 * every defect becomes a problem in the area it concerns, for the dt suite
 * to report. Suites read the model, never the raw blob.
 */
#ifndef DT_PLATFORM_H
#define DT_PLATFORM_H

#include <stdint.h>

#include "drivers/psci.h"

#define PLAT_MAX_BANKS	  16
#define PLAT_MAX_DEVICES  256
#define PLAT_MAX_REGS	  8
#define PLAT_MAX_IRQS	  16
#define PLAT_MAX_CPUS	  512 /* QEMU virt with GICv3 allows 512 vCPUs, Xen 4.17 128 */
#define PLAT_MAX_PROBLEMS 48
#define PLAT_PATH_LEN	  128
#define PLAT_MAX_PHANDLES 4096
#define PLAT_MAX_RESERVED 16
/* /chosen bootargs kept (with the NUL): the harness's options and a user's suites= list. */
#define DT_BOOTARGS_LEN 512

enum dt_area {
	AREA_HEADER,
	AREA_STRUCTURE,
	AREA_MEMORY,
	AREA_CPUS,
	AREA_GIC,
	AREA_TIMER,
	AREA_PSCI,
	AREA_CONSOLE,
	AREA_REG,
	AREA_INTERRUPTS,
	AREA_HYPERVISOR,
	AREA_COUNT
};

struct addr_range {
	uint64_t base;
	uint64_t size;
};

enum irq_kind { IRQ_SPI = 0, IRQ_PPI = 1, IRQ_OTHER = 2 };

struct dt_irq {
	enum irq_kind kind;
	uint32_t number; /* as written: SPI or PPI number */
	uint32_t flags;
	uint32_t intid; /* GIC INTID: SPI + 32, PPI + 16 */
};

struct dt_phandle {
	uint32_t phandle;
	int node;
};

/* RAM the guest must not use: the header's reservation block or /reserved-memory. */
struct dt_reserved {
	struct addr_range range;
	char name[48]; /* "/memreserve/" or the /reserved-memory child's path */
	int no_map;
};

struct dt_device {
	char path[PLAT_PATH_LEN];
	const char *compat; /* NUL-separated list inside the blob */
	int compat_len;
	int enabled; /* status absent or "okay" */
	int node;
	int depth;  /* 1: a child of the root */
	int parent; /* the nearest ancestor in devices[] (an index), -1 none */
	struct addr_range reg[PLAT_MAX_REGS];
	int nreg;
	struct dt_irq irq[PLAT_MAX_IRQS];
	int nirq;
	int irqs_dropped; /* past PLAT_MAX_IRQS: counted, reported */
	int gic_parent;	  /* the GIC its interrupts go to: a node, -1 none, -2 several */
};

/*
 * A problem's identity is its area (the dt suite's case), its check (a
 * snake_case literal naming what was checked, runtime/check.h) and its
 * subject: the node it is in ("" for the header or the whole tree), then up
 * to DT_PROBLEM_FIELDS further fields (keys of SUBJECT_KEYS, runtime/
 * protocol.h: prop, entry, range, ...). The message is for people.
 */
#define DT_PROBLEM_FIELDS 3
struct dt_problem_field {
	const char *key; /* a literal */
	char value[40];
};
struct dt_problem {
	enum dt_area area;
	const char *check; /* a literal */
	char node[PLAT_PATH_LEN];
	struct dt_problem_field field[DT_PROBLEM_FIELDS];
	int nfields;
	char msg[168];
};

/* The /timer node's interrupts, in binding order (Linux arm/arch_timer.yaml). */
enum { TIMER_IRQ_SECURE_PHYS, TIMER_IRQ_PHYS, TIMER_IRQ_VIRT, TIMER_IRQ_HYP, TIMER_IRQS };
/* Their interrupt-names (the same binding), by that order. */
extern const char *const dt_timer_irq_names[TIMER_IRQS];

enum dt_enable_method { ENABLE_NONE, ENABLE_PSCI, ENABLE_SPIN_TABLE, ENABLE_OTHER };
/*
 * A CPU node's status (DT spec 0.4 3.8.1, 2.3.4): okay runs, disabled waits for
 * its enable-method (both startable); fail (and fail-sss) is not operational;
 * reserved belongs to other software. The last two are not started by suites.
 */
enum dt_cpu_status { CPU_STATUS_OKAY, CPU_STATUS_DISABLED, CPU_STATUS_FAIL, CPU_STATUS_RESERVED };
enum { PSCI01_CPU_SUSPEND, PSCI01_CPU_OFF, PSCI01_CPU_ON, PSCI01_MIGRATE };

struct platform {
	const void *fdt;
	int fdt_valid;
	uint32_t fdt_size;
	char root_compat[64];

	struct addr_range banks[PLAT_MAX_BANKS];
	int bank_node[PLAT_MAX_BANKS]; /* the memory node each bank is in (claims) */
	int nbanks;

	struct dt_device devices[PLAT_MAX_DEVICES];
	int ndevices;
	int devices_dropped; /* past PLAT_MAX_DEVICES: counted, reported */
	int cpus_node;	     /* /cpus, or a negative libfdt error */

	uint64_t cpu_mpidr[PLAT_MAX_CPUS];
	int cpu_node[PLAT_MAX_CPUS];	       /* each CPU's node (claims) */
	const char *cpu_compat[PLAT_MAX_CPUS]; /* the most specific compatible, or NULL */
	uint8_t cpu_enable[PLAT_MAX_CPUS];     /* enum dt_enable_method */
	uint8_t cpu_status[PLAT_MAX_CPUS];     /* enum dt_cpu_status */
	int ncpus;
	uint32_t boot_cpuid_phys; /* the header's (version 2 and later) */
	int boot_cpuid_known;

	struct dt_reserved reserved[PLAT_MAX_RESERVED];
	int nreserved;
	int reserved_dropped;	  /* past the limit: where they are is unknown */
	int reserved_memory_node; /* /reserved-memory, or a negative libfdt error */

	uint32_t timer_clock_frequency; /* the timer node's clock-frequency; 0: absent */

	int gic_version;	/* 0 none, 2 or 3 */
	int gic_redist_regions; /* GICv3: #redistributor-regions (reg[1..N]) */
	const struct dt_device *gic;
	const struct dt_device *timer;
	const struct dt_device *uart;
	const struct dt_device *hypervisor;
	enum psci_conduit psci;
	char psci_compat[32];
	char psci_path[PLAT_PATH_LEN]; /* the PSCI node's, or "" when there is none */
	int psci_node;		       /* its offset in the blob, or -1 */
	/* The highest version the compatible list claims: 0x10000 1.0, 2 0.2, 1 "arm,psci" only. */
	uint32_t psci_dt_version;
	/* PSCI 0.1 function IDs (cpu_suspend, cpu_off, cpu_on, migrate), with which are present. */
	uint32_t psci_v01_id[4];
	uint8_t psci_v01_present;

	char bootargs[DT_BOOTARGS_LEN];
	int bootargs_len; /* strlen of /chosen/bootargs as the DT has it (may exceed the buffer) */
	int chosen_node;  /* /chosen, or a negative libfdt error */
	char stdout_path[PLAT_PATH_LEN];
	int uart_from_stdout_path;

	struct dt_phandle phandles[PLAT_MAX_PHANDLES]; /* sorted by phandle */
	int nphandles;
	int phandles_overflow;

	struct dt_problem problems[PLAT_MAX_PROBLEMS];
	int nproblems;
	int problems_dropped;
};

/*
 * Set before platform_parse when the guest is AArch32 (the runtime does):
 * there a CPU node's enable-method is optional and a CPU without one is
 * started by PSCI when /psci is there (arm/cpus.yaml: required "on ARM v8
 * 64-bit systems", optional on 32-bit; Linux arch/arm psci_smp_available).
 */
extern int platform_guest_aarch32;

/* Parse and validate (parse.c); never fails hard: a bad blob leaves fdt_valid = 0. */
void platform_parse(struct platform *p, const void *fdt, uint64_t max_size);
/* No tree to parse (x0 = 0, misaligned, unreadable): an empty model saying why. */
void platform_unusable(struct platform *p, const char *why);

/* An MPIDR's affinity fields (Aff3, Aff2..Aff0): what a CPU's reg names it by. */
#define MPIDR_AFFINITY 0xff00ffffffull
/* The position in /cpus of the CPU with this MPIDR (affinity fields only), or -1. */
int dt_cpu_index(const struct platform *p, uint64_t mpidr);
/* The position in /cpus of the CPU whose node this is, or -1. */
int dt_cpu_of_node(const struct platform *p, int node);
/* CPU i's status lets software start it (okay or disabled): what the suites start. */
int dt_cpu_startable(const struct platform *p, int i);
const char *dt_cpu_status_name(int status); /* enum dt_cpu_status */

/* Problems (problem.c): what the model found wrong, by area. */
const char *dt_area_name(enum dt_area area);
/*
 * A problem in area: check names what was checked, node the node it is in
 * (NULL: the header or the tree as a whole; copied, cut at PLAT_PATH_LEN).
 * Returns the problem, to add subject fields to, or NULL when it was past
 * PLAT_MAX_PROBLEMS (counted only): the functions below take NULL.
 */
struct dt_problem *platform_problem(struct platform *p, enum dt_area area, const char *check,
				    const char *node, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The same, about one property of the node (its name a literal or the blob's): prop=NAME. */
struct dt_problem *platform_prop_problem(struct platform *p, enum dt_area area, const char *check,
					 const char *node, const char *prop, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* A further subject field (key a literal of SUBJECT_KEYS), after those already there. */
void problem_subject(struct dt_problem *pr, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reading the model (device.c). */

/* The compatible after prev (NULL: the first, most specific); NULL at the end. */
const char *dt_compat_next(const struct dt_device *d, const char *prev);
int dt_compat_has(const struct dt_device *d, const char *compat);
/*
 * Which of d's interrupts is the one called name: its place in interrupt-names
 * when the node gives that property (-1: the names leave it out), else pos.
 */
int dt_irq_index(const struct platform *p, const struct dt_device *d, const char *name, int pos);
/*
 * A compatible of the form PREFIX<hex digits> (virtio,device<ID>, say), the
 * digits as "%x" prints them (lower case, no leading zeros, at most 8):
 * 0 with the number in *value, -1 when none is.
 */
int dt_compat_hex_suffix(const struct dt_device *d, const char *prefix, uint32_t *value);
/* The device the model recorded for the tree's node (an fdt offset), or NULL. */
const struct dt_device *dt_device_at_node(const struct platform *p, int node);
/* The device after prev (NULL: the first) whose parent in the model is parent, or NULL. */
const struct dt_device *dt_child_next(const struct platform *p, const struct dt_device *parent,
				      const struct dt_device *prev);
/* The nth enabled device with compat, or NULL. */
const struct dt_device *platform_find_compatible(const struct platform *p, const char *compat,
						 int nth);
/* Xen version from a "xen,xen-X.Y" compatible; 0 when found. */
int dt_xen_version(const struct dt_device *x, unsigned *maj, unsigned *min);
uint64_t platform_ram_total(const struct platform *p);
/* The reservation sharing an address with [base, base + size), or NULL. */
const struct dt_reserved *dt_reserved_at(const struct platform *p, uint64_t base, uint64_t size);

/*
 * Every reg of every enabled device (with include_disabled, of every device):
 *   for (struct dt_reg_iter it = { .p = p }; dt_next_reg(&it);)
 *           use(it.d, it.r);
 * dt_regs_overlapping() starts one that yields only the regs sharing an
 * address with [base, base + size): none when size is 0.
 */
struct dt_reg_iter {
	const struct platform *p;
	int include_disabled;
	int overlapping; /* only regs that overlap [base, base + size) */
	uint64_t base, size;
	const struct dt_device *d; /* the current device and reg */
	const struct addr_range *r;
	int next_dev, next_reg;
};
int dt_next_reg(struct dt_reg_iter *it);

static inline struct dt_reg_iter dt_regs_overlapping(const struct platform *p, uint64_t base,
						     uint64_t size)
{
	return (struct dt_reg_iter){ .p = p, .overlapping = 1, .base = base, .size = size };
}

/* Do [a, a + as) and [b, b + bs) share an address? An empty range shares none. */
static inline int ranges_overlap(uint64_t a, uint64_t as, uint64_t b, uint64_t bs)
{
	return as && bs && a < b + bs && b < a + as;
}
/* Is one of two nodes (by path) an ancestor of the other? Their regs may nest. */
int dt_paths_related(const char *a, const char *b);

#endif
