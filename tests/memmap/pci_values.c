// SPDX-License-Identifier: MIT
/*
 * memmap suite, the PCIe host's values the documentation computes rather
 * than lists (profile VALUE_PCI_*): bus-range from the ECAM window (one bus
 * per MiB, PCI Firmware Specification 3.2 4.1.2) and the legacy interrupt
 * map, each slot's four pins swizzled onto the documented SPIs (QEMU 7.2
 * create_pcie_irq_map; PCI-to-PCI Bridge Architecture 1.2 9.1), and the
 * spaces of its ranges. Called by values.c with the node and property
 * pushed as the subject.
 */
#include <libfdt.h>
#include <string.h>

#include "runtime/check.h"
#include "tests/memmap/memmap.h"

#define MAP_SLOTS_MAX 32
#define GIC_SPI	      0
#define LEVEL_HIGH    4

static uint32_t cell(const uint8_t *v, int i)
{
	return fdt32_ld((const fdt32_t *)(v + 4 * i));
}

static uint32_t cells_of(const void *fdt, int node, const char *name, uint32_t absent)
{
	int len;
	const fdt32_t *c = node >= 0 ? fdt_getprop(fdt, node, name, &len) : NULL;

	return c && len == 4 ? fdt32_ld(c) : absent;
}

static void check_bus_range(struct test_ctx *t, int node, const struct profile_value *w,
			    const uint8_t *v, int len)
{
	const struct dt_device *d = dt_device_at_node(t->plat, node);

	if (!d || d->nreg < 1) {
		note(t, "bus-range not asked: the host has no ECAM reg to count buses in");
		return;
	}
	uint64_t buses = d->reg[0].size >> 20;
	check(t, len == 8 && cell(v, 0) == 0 && buses && cell(v, 1) == buses - 1,
	      "documented_value",
	      "%s bus-range is <0x%x 0x%x>, but its ECAM reg of 0x%llx bytes holds buses "
	      "0..%llu (%s)",
	      d->path, len >= 4 ? cell(v, 0) : 0, len >= 8 ? cell(v, 1) : 0,
	      (unsigned long long)d->reg[0].size, (unsigned long long)buses - 1, w->source);
}

/*
 * Each entry: the child's unit address (3 cells: devfn in bits 15:11 of the
 * first) and pin, the parent's phandle, its unit address (its
 * #address-cells) and a GIC specifier (SPI, number, level high).
 */
static void check_intx_map(struct test_ctx *t, int node, const struct profile_value *w,
			   const uint8_t *v, int len)
{
	const void *fdt = t->plat->fdt;
	/* A slot is 5 bits of the unit address: at most MAP_SLOTS_MAX of them. */
	unsigned slots = w->cells[0];
	uint32_t child = cells_of(fdt, node, "#address-cells", 3) +
			 cells_of(fdt, node, "#interrupt-cells", 1);
	uint32_t seen[MAP_SLOTS_MAX] = { 0 };

	if (slots > MAP_SLOTS_MAX)
		slots = MAP_SLOTS_MAX;
	int n = len / 4, at = 0, wrong = 0;
	unsigned entries = 0;

	while (at + (int)child + 1 <= n && !wrong) {
		uint32_t slot = cell(v, at) >> 11 & 0x1f, pin = cell(v, at + (int)child - 1);
		int parent = fdt_node_offset_by_phandle(fdt, cell(v, at + (int)child));
		uint32_t pa = cells_of(fdt, parent, "#address-cells", 0);
		uint32_t pi = cells_of(fdt, parent, "#interrupt-cells", 0);
		int spec = at + (int)child + 1 + (int)pa;
		if (parent < 0 || pi != 3 || pa > 3 || spec + 3 > n) {
			wrong = 1;
			break;
		}
		uint32_t want = w->cells[1] + (slot + pin - 1) % 4;
		int zero =
			(cell(v, at) & 0x7ff) == 0 && cell(v, at + 1) == 0 && cell(v, at + 2) == 0;
		for (uint32_t k = 0; k < pa; k++)
			zero &= cell(v, at + (int)child + 1 + (int)k) == 0;
		const char *pc = fdt_getprop(fdt, parent, "compatible", NULL);
		if (!zero || slot >= slots || pin < 1 || pin > 4 || (seen[slot] & (1u << pin)) ||
		    !pc || !profile_compat_listed(w->ref, pc) || cell(v, spec) != GIC_SPI ||
		    cell(v, spec + 1) != want || (cell(v, spec + 2) & 0xf) != LEVEL_HIGH) {
			evidence(t, "documented_value",
				 "interrupt-map entry %u: slot %u pin %u goes to <0x%x 0x%x 0x%x>; "
				 "documented: SPI %u, level high",
				 entries, (unsigned)slot, (unsigned)pin, cell(v, spec),
				 cell(v, spec + 1), cell(v, spec + 2), (unsigned)want);
			wrong = 1;
		}
		seen[slot] |= 1u << (pin & 7);
		entries++;
		at = spec + 3;
	}
	char path[PLAT_PATH_LEN] = "?";
	fdt_get_path(fdt, node, path, sizeof(path));
	check(t, !wrong && at == n && entries == slots * 4, "documented_value",
	      "%s interrupt-map does not swizzle %u slots' pins onto SPIs %u..%u as %s does "
	      "(%u entries read)",
	      path, slots, (unsigned)w->cells[1], (unsigned)w->cells[1] + 3, w->source, entries);
}

static uint64_t cells64(const uint8_t *v, int at, int n)
{
	uint64_t x = 0;

	for (int i = 0; i < n; i++)
		x = x << 32 | cell(v, at + i);
	return x;
}

/* Which of ref's space-separated region names region ri is (its cell's index), or -1. */
static int space_of_region(const struct memmap *mm, const char *ref, int ri)
{
	const char *name = mm_region_name(mm, ri);
	size_t n = strlen(name);
	int k = 0;

	for (const char *s = ref; ri >= 0 && *s; k++) {
		size_t w = strcspn(s, " ");
		if (w == n && !strncmp(s, name, n))
			return k;
		s += w;
		s += *s == ' ';
	}
	return -1;
}

/*
 * Each ranges entry is (PCI address: phys.hi, mid, lo; the CPU address in
 * the parent's cells; size: 2 cells); its phys.hi says the space and
 * whether it is prefetchable (PCI Bus Binding to OF 2.2.1.1). Where the
 * profile names the region each space's window lies in, an entry is held to
 * the space and PCI address documented for the region of its CPU address;
 * else its space to the documented ones.
 */
static void check_spaces(struct test_ctx *t, int node, const struct profile_value *w,
			 const uint8_t *v, int len)
{
	const void *fdt = t->plat->fdt;
	const struct memmap *mm = t->state;
	int parent = fdt_parent_offset(fdt, node);
	int pac = (int)cells_of(fdt, parent, "#address-cells", 2);
	int entry = 3 + pac + 2, n = len / 4;
	char path[PLAT_PATH_LEN] = "?";

	fdt_get_path(fdt, node, path, sizeof(path));
	for (int at = 0; at + entry <= n; at += entry) {
		uint32_t hi = cell(v, at);
		uint64_t pci = cells64(v, at + 1, 2), cpu = cells64(v, at + 3, pac);
		uint64_t size = cells64(v, at + 3 + pac, 2);
		int ri = mm_region_containing(mm, cpu, size ? size : 1);
		int k = w->ref ? space_of_region(mm, w->ref, ri) : -1;
		subject_push(t, "entry", "%d", at / entry);
		if (k >= 0 && k < (int)w->ncells) {
			int zero_based = (w->pci_zero_based & (1u << k)) != 0;
			uint64_t want = zero_based ? cpu - mm->regions[ri].doc->base : cpu;
			check(t, hi == w->cells[k] && pci == want, "documented_value",
			      "%s ranges entry %d (CPU 0x%llx, in %s) has phys.hi 0x%08x and PCI "
			      "address 0x%llx; %s writes 0x%08x and 0x%llx there",
			      path, at / entry, (unsigned long long)cpu, mm_region_name(mm, ri), hi,
			      (unsigned long long)pci, w->source, w->cells[k],
			      (unsigned long long)want);
			subject_pop(t);
			continue;
		}
		int listed = 0;
		for (unsigned c = 0; c < w->ncells; c++)
			listed |= hi == w->cells[c];
		check(t, listed, "documented_value",
		      "%s ranges entry %d has phys.hi 0x%08x (space %u%s), which %s does not write",
		      path, at / entry, hi, hi >> 24 & 3, hi & 0x40000000 ? ", prefetchable" : "",
		      w->source);
		subject_pop(t);
	}
}

void memmap_check_pci_value(struct test_ctx *t, int node, const struct profile_value *w,
			    const uint8_t *v, int len)
{
	if (w->kind == VALUE_PCI_BUS_RANGE)
		check_bus_range(t, node, w, v, len);
	else if (w->kind == VALUE_PCI_SPACES)
		check_spaces(t, node, w, v, len);
	else
		check_intx_map(t, node, w, v, len);
}
