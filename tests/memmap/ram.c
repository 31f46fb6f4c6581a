// SPDX-License-Identifier: MIT
/*
 * memmap suite, RAM: each bank must hold what is written and end where the
 * DT says (the first byte past it faults). A bank that is not documented RAM
 * or overlaps a described device is read, never written.
 */
#include "boot/cpu.h"
#include "dt/claims.h"
#include "tests/memmap/memmap.h"

static int in_range(uint64_t a, uint64_t base, uint64_t size)
{
	return a >= base && a - base < size;
}

/* A device reg that is not in a RAM window (there it marks free space: Xen's extended regions). */
static int is_device_reg(const struct memmap *mm, const struct addr_range *r)
{
	int ri = mm_region_containing(mm, r->base, r->size);

	return !(ri >= 0 && mm->regions[ri].doc->kind == REGION_RAM);
}

/* Is addr in a bank or a device reg? */
static int bank_or_device_at(const struct memmap *mm, const struct platform *p, uint64_t addr)
{
	for (int b = 0; b < p->nbanks; b++)
		if (in_range(addr, p->banks[b].base, p->banks[b].size))
			return 1;
	for (struct dt_reg_iter it = dt_regs_overlapping(p, addr, 1); dt_next_reg(&it);)
		if (is_device_reg(mm, it.r))
			return 1;
	return 0;
}

/*
 * Only a bank inside a documented RAM window that overlaps no described
 * device is written: a lying memory node must not make the harness write
 * into a UART, flash or fw_cfg (dt_memory reports such a bank).
 */
static const char *bank_unsafe(const struct memmap *mm, const struct platform *p,
			       const struct addr_range *b)
{
	int ri = mm_region_containing(mm, b->base, b->size);

	if (ri < 0 || mm->regions[ri].doc->kind != REGION_RAM)
		return "not inside a documented RAM window";
	for (struct dt_reg_iter it = dt_regs_overlapping(p, b->base, b->size); dt_next_reg(&it);)
		if (is_device_reg(mm, it.r))
			return "overlaps a described device";
	return NULL;
}

/* Write, read back, restore: the word may be the DTB, the image or the stack.
 * With write = 0 the word is only read. */
static int ram_word(struct test_ctx *t, uint64_t a, int bank, int write)
{
	struct memmap *mm = t->state;
	struct probe_outcome o, w, r;
	const struct startup *s = t->boot;
	const char *what = in_range(a, s->image_base, s->image_end - s->image_base)  ? " (image)"
			   : in_range(a, (uintptr_t)t->plat->fdt, t->plat->fdt_size) ? " (dtb)"
										     : "";
	uint64_t pattern;
	int ok;

	cpu_irq_mask(); /* the watchdog's handler must not run on a word being rewritten */
	if (mm_read(mm, a, 64, &o)) {
		cpu_irq_unmask();
		subject_push(t, "bank", "%d", bank);
		mm_push_addr(t, a);
		memmap_finding(t, "ram_word_reads", mm_region_overlapping(mm, a, 8),
			       "RAM bank%d word 0x%llx does not read: %s", bank,
			       (unsigned long long)a, outcome_text(&o, PROBE_BRIEF));
		subject_pop(t);
		subject_pop(t);
		return 0;
	}
	const struct dt_reserved *res = dt_reserved_at(t->plat, a, 8);
	if (!write || res) {
		cpu_irq_unmask();
		note(t, "probe: bank%d 0x%llx %s (not written%s%s)", bank, (unsigned long long)a,
		     outcome_text(&o, PROBE_DECODED), res ? ": reserved by " : "",
		     res ? res->name : "");
		return !write ? 0 : 1;
	}
	pattern = ~o.value ^ (a << 7);
	mm_write(mm, a, 64, pattern, &w);
	mm_read(mm, a, 64, &r);
	mm_write(mm, a, 64, o.value, &w);
	cpu_irq_unmask();
	ok = !w.faulted && !r.faulted && r.value == pattern;
	note(t, "probe: bank%d 0x%llx%s wrote 0x%llx read back %s", bank, (unsigned long long)a,
	     what, (unsigned long long)pattern, outcome_text(&r, PROBE_DECODED));
	if (ok)
		return 1;
	subject_push(t, "bank", "%d", bank);
	mm_push_addr(t, a);
	memmap_finding(t, "ram_word_holds", mm_region_overlapping(mm, a, 8),
		       "RAM bank%d word 0x%llx does not hold what was written (0x%llx): %s", bank,
		       (unsigned long long)a, (unsigned long long)pattern,
		       outcome_text(&r, PROBE_BRIEF));
	subject_pop(t);
	subject_pop(t);
	return 0;
}

/* The first byte past a bank must fault, unless the DT puts something there. */
static int bank_end(struct test_ctx *t, int b, uint64_t base, uint64_t end)
{
	struct memmap *mm = t->state;
	struct probe_outcome o;

	if (bank_or_device_at(mm, t->plat, end)) {
		note(t, "probe: bank%d end 0x%llx is described by the DT (not expected to fault)",
		     b, (unsigned long long)end);
		return 1;
	}
	if (end >= mm->limit || unassigned_reads_zero(t))
		return 1;
	mm_read(mm, end, 8, &o);
	note(t, "probe: bank%d end 0x%llx read8 -> %s", b, (unsigned long long)end,
	     outcome_text(&o, PROBE_DECODED));
	if (o.faulted)
		return 1;
	subject_push(t, "bank", "%d", b);
	mm_push_range(t, base, end - base);
	memmap_finding(t, "bank_end_faults", mm_region_overlapping(mm, end, 1),
		       "RAM bank%d 0x%llx+0x%llx: the first byte past it answers: %s", b,
		       (unsigned long long)base, (unsigned long long)(end - base),
		       outcome_text(&o, PROBE_BRIEF));
	subject_pop(t);
	subject_pop(t);
	return 0;
}

void case_probe_ram(struct test_ctx *t)
{
	struct memmap *mm = t->state;
	const struct platform *p = t->plat;
	char bad[MM_MAX_REGIONS] = { 0 };
	char probed[PLAT_MAX_BANKS] = { 0 };

	for (int b = 0; b < p->nbanks; b++) {
		uint64_t base = p->banks[b].base, end = base + p->banks[b].size;
		int ri = mm_region_overlapping(mm, base, p->banks[b].size);
		if (end > mm->limit) {
			note(t, "bank%d ends above the mapped PA size; not probed", b);
			continue;
		}
		probed[b] = 1;
		const char *unsafe = bank_unsafe(mm, p, &p->banks[b]);
		if (!unsafe && p->banks[b].size < 16)
			unsafe = "smaller than two words"; /* its first and last word would overlap
							    */
		if (unsafe)
			note(t, "bank%d 0x%llx+0x%llx is %s: read, not written", b,
			     (unsigned long long)base, (unsigned long long)p->banks[b].size,
			     unsafe);
		uint64_t last = (end - 8) & ~7ull;
		int ok = ram_word(t, base, b, !unsafe);
		if (last > base)
			ok &= ram_word(t, last, b, !unsafe);
		ok &= bank_end(t, b, base, end);
		if (ri >= 0 && ri < MM_MAX_REGIONS && mm->regions[ri].doc->kind == REGION_RAM) {
			bad[ri] |= !ok; /* a window is ram-ok only when every bank in it is */
			mm_set_probe(mm, ri, "%s", bad[ri] ? "ram-bad" : "ram-ok");
		}
	}
	/* A memory node's reg is held once each of its banks was: its first and last words read
	 * (and held what was written where that is safe). */
	for (int b = 0; b < p->nbanks; b++) {
		int all = 1;
		for (int o = 0; o < p->nbanks; o++)
			all &= p->bank_node[o] != p->bank_node[b] || probed[o];
		if (all)
			claim_hold(p->bank_node[b], "reg", CLAIM_PROBE);
	}
	check(t, p->nbanks > 0, "has_memory_bank", "no memory bank to probe");
	mm_reached(t);
}
