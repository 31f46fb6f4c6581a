// SPDX-License-Identifier: MIT
/*
 * boot suite: what the start-up established (Arm ARM DDI 0487: CurrentEL,
 * MIDR_EL1, MPIDR_EL1, ID_AA64MMFR0_EL1, CNTFRQ_EL0; Linux
 * Documentation/arch/arm64/booting.rst for the Image load contract).
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "dt/claims.h"
#include "runtime/arena.h"
#include "runtime/check.h"
#include "runtime/watchdog.h"
#include "runtime/window.h"
#include "spec/cpu_ids.h"
#include "tests/boot/boot.h"
#include "util/util.h"

static void case_exception_level(struct test_ctx *t)
{
	const char *want = t->opt->expect_el;
	unsigned now = cpu_current_el();

	note(t, "entry_el: %u", t->boot->entry_el);
	check(t, t->boot->entry_el == 1 || t->boot->entry_el == 2, "entry_el_valid",
	      "entered at EL%u; must be EL1 or EL2", t->boot->entry_el);
	check(t, now == 1, "runs_at_el1", "running at EL%u after start-up, expected EL1", now);
	if (t->opt->expect_el_given)
		check(t, (unsigned)(want[0] - '0') == t->boot->entry_el, "entry_el_expected",
		      "entered at EL%u, the runner expected EL%s", t->boot->entry_el, want);
}

/* A CPU node's compatible names a core: its MIDR must be that core's. */
static void cpu_compatible(struct test_ctx *t, int node, const char *compat, uint64_t midr)
{
	const struct cpu_identity *id = cpu_identity_of(compat);
	unsigned implementer = MIDR_IMPLEMENTER(midr), part = MIDR_PARTNUM(midr);

	if (!id) {
		note(t, "cpu compatible \"%s\": no MIDR to hold it against", compat ? compat : "");
		return;
	}
	/* Implementer 0x00 is reserved for software use (DDI 0487 MIDR_EL1): a model of
	 * the emulator's own (QEMU's -cpu max), which no core's compatible describes. */
	if (implementer == 0) {
		note(t,
		     "cpu compatible \"%s\" not held against " CPU_REG_MIDR ": implementer 0x00 is "
		     "reserved for software use (an emulator's own CPU model)",
		     compat);
		return;
	}
	check(t, implementer == id->implementer && part == id->part, "cpu_compatible_midr",
	      "this CPU's node is compatible \"%s\" (MIDR implementer 0x%02x part 0x%03x), "
	      "but " CPU_REG_MIDR " gives implementer 0x%02x part 0x%03x",
	      compat, id->implementer, id->part, implementer, part);
	claim_hold(node, "compatible", CLAIM_PROBE);
}

static void case_cpu_id(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	uint64_t midr = cpu_midr(), mpidr = cpu_mpidr();
	uint64_t aff = mpidr & 0xff00ffffffull;
	int listed = 0;

	note(t, "midr: 0x%08llx (implementer 0x%02x part 0x%03x)", (unsigned long long)midr,
	     MIDR_IMPLEMENTER(midr), MIDR_PARTNUM(midr));
	note(t, "mpidr: 0x%llx", (unsigned long long)mpidr);
	check(t, midr != 0, "midr_nonzero", CPU_REG_MIDR " reads 0");
	check(t, (mpidr >> 31) & 1, "mpidr_res1", CPU_REG_MPIDR " bit 31 (RES1) clear");
	for (int i = 0; i < p->ncpus; i++)
		if (p->cpu_mpidr[i] == aff) {
			listed = 1;
			/* cpu_listed: the reg that names this CPU is its MPIDR. */
			claim_hold(p->cpu_node[i], "reg", CLAIM_PROBE);
			subject_push(t, "cpu", "%d", i);
			cpu_compatible(t, p->cpu_node[i], p->cpu_compat[i], midr);
			subject_pop(t);
		}
	if (p->ncpus)
		check(t, listed, "cpu_listed", "this CPU's affinity 0x%llx is not a /cpus reg",
		      (unsigned long long)aff);
	/* The header's boot_cpuid_phys names the CPU that boots: this one. */
	if (p->boot_cpuid_known) {
		check(t, p->boot_cpuid_phys == (uint32_t)aff, "boot_cpuid_phys",
		      "the DT header's boot_cpuid_phys is 0x%x; the CPU that booted has affinity "
		      "0x%llx",
		      (unsigned)p->boot_cpuid_phys, (unsigned long long)aff);
		claim_hold(CLAIM_HEADER, CLAIM_BOOT_CPU, CLAIM_PROBE);
	}
}

static void case_pa_size(struct test_ctx *t)
{
	unsigned pa = t->boot->pa_bits, mapped = t->boot->mapped_pa_bits;

	note(t, "pa_bits: %u", pa);
	note(t, "mapped_pa_bits: %u", mapped);
	check(t, pa >= 32 && pa <= 52, "pa_range", "PARange gives %u bits", pa);
	check(t, mapped != 0, "identity_map_built", "identity map could not be built");
	if (!mapped || mapped >= pa)
		return;
	struct addr_range a = window_area();
	if (window_why())
		note(t,
		     "identity map stops at 2^%u; no window area (%s): addresses above are not "
		     "probed",
		     mapped, window_why());
	else
		note(t,
		     "identity map stops at 2^%u: addresses up to 2^%u are reached through "
		     "windows at VA 0x%llx+0x%llx",
		     mapped, pa, (unsigned long long)a.base, (unsigned long long)a.size);
}

static void case_counter(struct test_ctx *t)
{
	uint64_t frq = cpu_counter_hz();
	uint64_t a = cpu_counter();

	for (volatile int i = 0; i < 10000; i++)
		;
	uint64_t b = cpu_counter();
	note(t, "cntfrq: %llu Hz", (unsigned long long)frq);
	check(t, frq != 0, "cntfrq_set", CPU_REG_CNTFRQ " is 0");
	/* arm,arch_timer.yaml: clock-frequency, where firmware did not set CNTFRQ; both must agree.
	 */
	if (t->plat->timer_clock_frequency) {
		subject_push(t, "node", "%s", t->plat->timer->path);
		check(t, t->plat->timer_clock_frequency == frq, "timer_clock_frequency",
		      "the timer node's clock-frequency is %u Hz; " CPU_REG_CNTFRQ " reads %llu Hz",
		      (unsigned)t->plat->timer_clock_frequency, (unsigned long long)frq);
		claim_hold(t->plat->timer->node, "clock-frequency", CLAIM_PROBE);
		subject_pop(t);
	}
	check(t, b > a, "counter_advances", "virtual counter did not advance (%llu -> %llu)",
	      (unsigned long long)a, (unsigned long long)b);
}

/* A pointer stored in data: right only if self-relocation ran. */
static void (*const relocated_ptr)(struct test_ctx *) = case_counter;

/*
 * Linux's booting.rst: the loader places the image in memory the kernel may
 * use, so no reservation of the tree (the header's block or /reserved-memory)
 * may cover any of it. Each reservation is asked: a claim held against that
 * documentation (dt/claims.h).
 */
static void image_outside_reservations(struct test_ctx *t, uint64_t base, uint64_t end)
{
	const struct platform *p = t->plat;

	for (int i = 0; i < p->nreserved; i++) {
		const struct dt_reserved *r = &p->reserved[i];
		int header = !strcmp(r->name, "/memreserve/");
		subject_push(t, "node", "%s", header ? "(header)" : r->name);
		subject_push(t, "range", "0x%llx+0x%llx", (unsigned long long)r->range.base,
			     (unsigned long long)r->range.size);
		check(t, r->range.base >= end || r->range.base + r->range.size <= base,
		      "image_outside_reservations",
		      "the image 0x%llx..0x%llx lies in the reservation %s 0x%llx+0x%llx "
		      "(booting.rst: the image goes in memory the kernel may use)",
		      (unsigned long long)base, (unsigned long long)end, r->name,
		      (unsigned long long)r->range.base, (unsigned long long)r->range.size);
		subject_pop(t);
		subject_pop(t);
		if (header)
			claim_hold(CLAIM_HEADER, CLAIM_MEMRESERVE, CLAIM_DOC);
		else
			claim_hold(fdt_path_offset(p->fdt, r->name), "reg", CLAIM_DOC);
	}
}

static void case_image(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	uintptr_t base = t->boot->image_base;
	int in_ram = 0;

	note(t, "load_address: 0x%llx", (unsigned long long)base);
	note(t, "image_size: 0x%llx", (unsigned long long)(t->boot->image_end - base));
	check(t, IS_ALIGNED(base, PAGE_SIZE), "image_aligned",
	      "image at 0x%llx is not 4 KiB aligned", (unsigned long long)base);
	check(t, relocated_ptr == case_counter, "image_relocated",
	      "relocation not applied: stored 0x%llx, runtime 0x%llx",
	      (unsigned long long)(uintptr_t)relocated_ptr,
	      (unsigned long long)(uintptr_t)case_counter);
	for (int i = 0; i < p->nbanks; i++)
		in_ram |= base >= p->banks[i].base &&
			  t->boot->image_end <= p->banks[i].base + p->banks[i].size;
	if (p->nbanks)
		check(t, in_ram, "image_in_ram",
		      "the image 0x%llx..0x%llx lies outside every DT memory bank",
		      (unsigned long long)base, (unsigned long long)t->boot->image_end);
	image_outside_reservations(t, base, t->boot->image_end);
}

static void case_fp_simd(struct test_ctx *t)
{
	volatile double x = 1.5;

	check(t, x * 4.0 == 6.0, "fp_arithmetic", "FP arithmetic wrong");
	check(t, cpu_fp_enabled(), "fp_enabled", "CPACR_EL1.FPEN is not 0b11");
}

static void case_mmu(struct test_ctx *t)
{
	check(t, cpu_mmu_enabled(), "mmu_enabled", "MMU is off");
	check(t, cpu_dcache_enabled(), "dcache_enabled", "data cache is off");
	note(t, "page_tables: %u in the image, %u in run-time memory", t->boot->boot_tables,
	     t->boot->map_tables);
	/* Without it RAM stays Device and every large buffer is refused (runtime/arena.h). */
	struct addr_range a = arena_range();
	if (t->plat->nbanks)
		check(t, a.size, "runtime_memory", "no run-time memory: %s", arena_why());
	if (a.size)
		note(t, "runtime_memory: 0x%llx+0x%llx", (unsigned long long)a.base,
		     (unsigned long long)a.size);
}

static void case_watchdog(struct test_ctx *t)
{
	check(t, watchdog_usable(), "watchdog_usable",
	      "watchdog unavailable: %s; a case that hangs now ends only at the runner's timeout",
	      watchdog_unusable_reason());
	note(t, "watchdog: %u s per case", t->opt->watchdog_seconds);
}

static const struct test_case cases[] = {
	CASE(exception_level), CASE(cpu_id), CASE(pa_size),  CASE(counter), CASE(image),
	CASE(fp_simd),	       CASE(mmu),    CASE(watchdog), CASE(initrd),  CASE(pmu),
};

SUITE(10, boot, cases);
