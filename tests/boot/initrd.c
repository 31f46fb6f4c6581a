// SPDX-License-Identifier: MIT
/*
 * boot suite, case initrd: the initial ramdisk that /chosen linux,initrd-start
 * and linux,initrd-end name (Linux Documentation/devicetree/bindings/chosen
 * and arch/arm64/booting.rst: the loader places it in memory the kernel may
 * use, [start, end), one or two cells each). The runner says with
 * vm_initrd=yes|no whether it gave one (lib/runtime/protocol.h INITRD_*: the
 * file's format), so its bytes are held too; without vm_initrd (a LAVA job)
 * only where the ramdisk lies is.
 */
#include "tests/boot/boot.h"

#include <libfdt.h>
#include <stdint.h>
#include <string.h>

#include "dt/claims.h"
#include "runtime/protocol.h"

struct span {
	uint64_t base, end; /* [base, end) */
};

static int overlaps(struct span a, uint64_t base, uint64_t end)
{
	return a.base < end && base < a.end;
}

/* A /chosen address property: one or two cells (Linux of_read_number of len/4). */
static int read_addr(struct test_ctx *t, int chosen, const char *prop, uint64_t *v)
{
	int len = 0;
	const fdt32_t *c = fdt_getprop(t->plat->fdt, chosen, prop, &len);

	subject_push(t, "prop", "%s", prop);
	check(t, len == 4 || len == 8, "initrd_prop_size", "%s is %d bytes, not one or two cells",
	      prop, len);
	subject_pop(t);
	if (len == 4)
		*v = fdt32_to_cpu(c[0]);
	else if (len == 8)
		*v = (uint64_t)fdt32_to_cpu(c[0]) << 32 | fdt32_to_cpu(c[1]);
	return len == 4 || len == 8;
}

/* The ramdisk lies in one memory bank, clear of the image, the tree and every reservation. */
static int placed(struct test_ctx *t, struct span r)
{
	const struct platform *p = t->plat;
	uintptr_t dtb = (uintptr_t)p->fdt;
	int in_ram = 0;

	for (int i = 0; i < p->nbanks; i++)
		in_ram |=
			r.base >= p->banks[i].base && r.end <= p->banks[i].base + p->banks[i].size;
	check(t, in_ram, "initrd_in_ram",
	      "the ramdisk 0x%llx..0x%llx lies outside every DT memory bank",
	      (unsigned long long)r.base, (unsigned long long)r.end);
	check(t, !overlaps(r, t->boot->image_base, t->boot->image_end), "initrd_outside_image",
	      "the ramdisk 0x%llx..0x%llx overlaps the image 0x%llx..0x%llx",
	      (unsigned long long)r.base, (unsigned long long)r.end,
	      (unsigned long long)t->boot->image_base, (unsigned long long)t->boot->image_end);
	check(t, !overlaps(r, dtb, dtb + p->fdt_size), "initrd_outside_dtb",
	      "the ramdisk 0x%llx..0x%llx overlaps the device tree 0x%llx..0x%llx",
	      (unsigned long long)r.base, (unsigned long long)r.end, (unsigned long long)dtb,
	      (unsigned long long)(dtb + p->fdt_size));
	for (int i = 0; i < p->nreserved; i++) {
		const struct dt_reserved *v = &p->reserved[i];
		int header = !strcmp(v->name, "/memreserve/");

		/* A header entry of exactly the ramdisk is its loader keeping it from the
		 * allocator until the kernel has read it (U-Boot's fdt_initrd adds one;
		 * Linux reserves the ramdisk itself too): not memory taken from it. */
		if (header && v->range.base == r.base && v->range.size == r.end - r.base) {
			note(t, "/memreserve/ 0x%llx+0x%llx is exactly the ramdisk (its loader's)",
			     (unsigned long long)v->range.base, (unsigned long long)v->range.size);
			continue;
		}

		subject_push(t, "node", "%s", header ? "(header)" : v->name);
		subject_push(t, "range", "0x%llx+0x%llx", (unsigned long long)v->range.base,
			     (unsigned long long)v->range.size);
		check(t, !overlaps(r, v->range.base, v->range.base + v->range.size),
		      "initrd_outside_reservations",
		      "the ramdisk 0x%llx..0x%llx lies in the reservation %s 0x%llx+0x%llx "
		      "(booting.rst: it goes in memory the kernel may use)",
		      (unsigned long long)r.base, (unsigned long long)r.end, v->name,
		      (unsigned long long)v->range.base, (unsigned long long)v->range.size);
		subject_pop(t);
		subject_pop(t);
	}
	return in_ram && r.end <= (1ull << t->boot->mapped_pa_bits);
}

static uint64_t le64(const uint8_t *b)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

/* Its bytes are the runner's file: 1 when each was held, 0 when not (or not ours). */
static int contents(struct test_ctx *t, struct span r, int given)
{
	const uint8_t *b = (const uint8_t *)(uintptr_t)r.base;
	uint64_t size = r.end - r.base, hash = INITRD_FNV_OFFSET, n;

	if (size < INITRD_HEADER_SIZE || le64(b) != INITRD_MAGIC) {
		if (!given) {
			note(t, "the ramdisk is not the runner's (no INITRD_MAGIC): its bytes are "
				"not held");
			return 0;
		}
		finding(t, "initrd_magic",
			"the ramdisk at 0x%llx (%llu bytes) does not start with the runner's file "
			"(magic 0x%llx)",
			(unsigned long long)r.base, (unsigned long long)size,
			(unsigned long long)INITRD_MAGIC);
		return 1;
	}
	check(t, le64(b + 8) == size, "initrd_length",
	      "the runner's file is %llu bytes; /chosen gives the ramdisk %llu (end - start)",
	      (unsigned long long)le64(b + 8), (unsigned long long)size);
	/* The file's own bytes, where the range holds them all: a wrong end is initrd_length's. */
	n = le64(b + 8) < size ? le64(b + 8) : size;
	for (uint64_t i = INITRD_HEADER_SIZE; i < n; i++)
		hash = (hash ^ b[i]) * INITRD_FNV_PRIME;
	check(t, hash == le64(b + 16), "initrd_checksum",
	      "the ramdisk's %llu bytes after its header hash to 0x%llx; the runner's file says "
	      "0x%llx",
	      (unsigned long long)(n - INITRD_HEADER_SIZE), (unsigned long long)hash,
	      (unsigned long long)le64(b + 16));
	return 1;
}

void case_initrd(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	int chosen = p->chosen_node, has_start = 0, has_end = 0;
	int given = t->opt->vm_initrd_given ? t->opt->vm_initrd : -1; /* -1: not said */
	struct span r = { 0, 0 };
	int kind = CLAIM_DOC;

	/* Only a tree the model accepted is read: libfdt loops on some broken ones. */
	if (p->fdt_valid && chosen >= 0) {
		has_start = fdt_getprop(p->fdt, chosen, "linux,initrd-start", NULL) != NULL;
		has_end = fdt_getprop(p->fdt, chosen, "linux,initrd-end", NULL) != NULL;
	}
	note(t, "runner's ramdisk: %s", given < 0 ? "not said" : given ? "given" : "none");
	if (!has_start && !has_end) {
		if (given == 1)
			finding(t, "initrd_named",
				"the runner gave a ramdisk (vm_initrd=yes) but /chosen names none");
		else /* nothing to hold: no claim, and the runner's word agrees or is not said */
			skip(t, given == 0 ? "no ramdisk given, and none named in /chosen"
					   : "no ramdisk named in /chosen");
		return;
	}
	node_push(t, "/chosen");
	if (!check(t, has_start && has_end, "initrd_props_paired", "/chosen has %s without %s",
		   has_start ? "linux,initrd-start" : "linux,initrd-end",
		   has_start ? "linux,initrd-end" : "linux,initrd-start") ||
	    !read_addr(t, chosen, "linux,initrd-start", &r.base) ||
	    !read_addr(t, chosen, "linux,initrd-end", &r.end))
		goto out;
	note(t, "initrd: 0x%llx..0x%llx (%llu bytes)", (unsigned long long)r.base,
	     (unsigned long long)r.end, (unsigned long long)(r.end - r.base));
	if (given == 0) {
		/* The claim is asked, and the runner's word refutes it. */
		finding(t, "initrd_not_given",
			"/chosen names a ramdisk 0x%llx..0x%llx, but the runner gave none "
			"(vm_initrd=no)",
			(unsigned long long)r.base, (unsigned long long)r.end);
		kind = CLAIM_PROBE;
		goto held;
	}
	if (!check(t, r.end > r.base, "initrd_range",
		   "linux,initrd-end 0x%llx is not above linux,initrd-start 0x%llx",
		   (unsigned long long)r.end, (unsigned long long)r.base))
		goto held; /* read and refuted: a finding names them, so neither is unchecked */
	/* Where it lies is held against booting.rst; its bytes, against the runner's file. */
	if (placed(t, r) && contents(t, r, given == 1))
		kind = CLAIM_PROBE;
held:
	claim_hold(chosen, "linux,initrd-start", kind);
	claim_hold(chosen, "linux,initrd-end", kind);
out:
	subject_pop(t);
}
