// SPDX-License-Identifier: MIT
/*
 * A trapped MMIO read and write for every device the DT describes, at each
 * width its contract requires to work (lib/spec/contracts/): the first
 * device of a contract has each of its identification registers read, the
 * others one; a write goes only where the contract says it is harmless (a
 * read-only register that ignores writes, rewritten with what it reads, or
 * a register for which 0 is a harmless value). Each access is tried once
 * under fault capture first: one that aborts is said, never timed.
 */
#include <stdio.h>

#include "boot/mmio.h"
#include "boot/probe.h"
#include "runtime/check.h"
#include "spec/contract_lookup.h"
#include "tests/bench/bench.h"

#define FIRST_DEVICE_IDS 4

struct access {
	uintptr_t addr;
	uint64_t value;
};

static void read8(const void *a)
{
	(void)mmio_read8(((const struct access *)a)->addr);
}
static void read16(const void *a)
{
	(void)mmio_read16(((const struct access *)a)->addr);
}
static void read32(const void *a)
{
	(void)mmio_read32(((const struct access *)a)->addr);
}
static void read64(const void *a)
{
	(void)mmio_read64(((const struct access *)a)->addr);
}
static void write8(const void *a)
{
	const struct access *x = a;
	mmio_write8(x->addr, (uint8_t)x->value);
}
static void write16(const void *a)
{
	const struct access *x = a;
	mmio_write16(x->addr, (uint16_t)x->value);
}
static void write32(const void *a)
{
	const struct access *x = a;
	mmio_write32(x->addr, (uint32_t)x->value);
}
static void write64(const void *a)
{
	const struct access *x = a;
	mmio_write64(x->addr, x->value);
}

static void (*const readers[4])(const void *) = { read8, read16, read32, read64 };
static void (*const writers[4])(const void *) = { write8, write16, write32, write64 };

/* One register at every width the contract requires; returns the figures made. */
static unsigned time_register(struct test_ctx *t, const struct dt_device *d, const char *role,
			      const struct reg_contract *r, int write)
{
	unsigned made = 0;

	for (unsigned w = 0; w < 4; w++) {
		unsigned bits = 8u << w;
		char target[96];
		struct probe_outcome o;
		struct access a = { contract_reg_addr(d, r->region, r->offset, bits / 8), 0 };
		if (!(r->required & WIDTH_BIT(bits)) || !a.addr || (a.addr & (bits / 8 - 1)))
			continue;
		snprintf(target, sizeof(target), "%s:%s:%u", d->path, r->name, bits);
		int faulted = write && (r->flags & F_WRITE0) ? probe_write(a.addr, bits, 0, &o)
							     : probe_read(a.addr, bits, &o);
		if (faulted) {
			bench_untimed(write ? "mmio_write" : "mmio_read", target, NULL,
				      "the access aborted (ESR 0x%llx)", (unsigned long long)o.esr);
			continue;
		}
		a.value = (r->flags & F_WRITE0) ? 0 : o.value;
		struct bench_stats s;
		bench_loop(write ? writers[w] : readers[w], &a, BENCH_BATCH, &s);
		bench_report_role(t, write ? "mmio_write" : "mmio_read", target, role, &s);
		passed(t);
		made++;
	}
	return made;
}

/*
 * Which registers are read, best first: identification registers; a
 * read-only one that ignores writes (a status); one that is not data; data
 * (a read may consume it, as fw_cfg's does).
 */
static int in_tier(const struct reg_contract *r, int tier)
{
	if (!contract_reg_readable(r))
		return 0;
	switch (tier) {
	case 0: return r->cls == CLS_ID || r->cls == CLS_ID64;
	case 1: return !!(r->flags & F_WI_PROBE);
	case 2: return r->cls != CLS_DATA;
	default: return 1;
	}
}

static unsigned time_device(struct test_ctx *t, const struct dt_device *d,
			    const struct device_contract *c, int first)
{
	unsigned reads = 0, writes = 0;

	for (int tier = 0; tier < 4 && !reads; tier++) {
		unsigned limit = tier == 0 && first ? FIRST_DEVICE_IDS : 1;
		for (unsigned i = 0; i < c->nregs && reads < limit; i++)
			if (in_tier(&c->regs[i], tier))
				reads += time_register(t, d, c->part, &c->regs[i], 0) > 0;
	}
	for (unsigned i = 0; i < c->nregs && !writes; i++) {
		const struct reg_contract *r = &c->regs[i];
		if ((r->flags & F_WI_PROBE) || (r->flags & F_WRITE0))
			writes += time_register(t, d, c->part, r, 1);
	}
	if (!writes)
		bench_untimed("mmio_write", d->path, NULL,
			      "%s: its contract names no register a write leaves harmless",
			      c->part);
	return reads + writes;
}

void case_mmio_devices(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	const struct device_contract *seen[PLAT_MAX_DEVICES];
	unsigned nseen = 0, made = 0;

	for (int i = 0; i < p->ndevices; i++) {
		const struct dt_device *d = &p->devices[i];
		const struct device_contract *cs[4];
		const char *matched;
		if (!d->enabled)
			continue;
		unsigned n = contracts_for(d, cs, 4, &matched);
		for (unsigned k = 0; k < n; k++) {
			int first = 1;
			for (unsigned j = 0; j < nseen; j++)
				first &= seen[j] != cs[k];
			if (first && nseen < PLAT_MAX_DEVICES)
				seen[nseen++] = cs[k];
			made += time_device(t, d, cs[k], first);
		}
	}
	if (!made)
		skip(t, "no device the DT describes has a contract with a register to time");
}
