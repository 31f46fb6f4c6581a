#include "boot/probe.h"

#include <stdio.h>

#include "boot/esr.h"
#include "boot/aarch64/extable.h"

volatile struct fault_record fault_record;

static void begin(void)
{
	fault_record.faulted = 0;
	__asm__ volatile("" ::: "memory");
}

static int finish(struct probe_outcome *out, uint64_t value)
{
	__asm__ volatile("" ::: "memory");
	out->faulted = fault_record.faulted;
	out->value = out->faulted ? 0 : value;
	out->esr = out->faulted ? fault_record.esr : 0;
	out->far = out->faulted ? fault_record.far : 0;
	return out->faulted ? -1 : 0;
}

int probe_call(uint64_t (*fn)(uintptr_t), uintptr_t addr, struct probe_outcome *out)
{
	begin();
	return finish(out, fn(addr));
}

int probe_read(uintptr_t addr, unsigned width, struct probe_outcome *out)
{
	switch (width) {
	case 8: return probe_call(probe_ldr8, addr, out);
	case 16: return probe_call(probe_ldr16, addr, out);
	case 32: return probe_call(probe_ldr32, addr, out);
	case 64: return probe_call(probe_ldr64, addr, out);
	}
	*out = (struct probe_outcome){.faulted = -1};
	return -1;
}

int probe_write(uintptr_t addr, unsigned width, uint64_t value, struct probe_outcome *out)
{
	begin();
	switch (width) {
	case 8: probe_str8(addr, value); break;
	case 16: probe_str16(addr, value); break;
	case 32: probe_str32(addr, value); break;
	case 64: probe_str64(addr, value); break;
	default: *out = (struct probe_outcome){.faulted = -1}; return -1;
	}
	return finish(out, 0);
}

void probe_describe(const struct probe_outcome *o, char *buf, unsigned long len)
{
	if (!o->faulted) {
		snprintf(buf, len, "read 0x%llx", (unsigned long long)o->value);
		return;
	}
	int n = snprintf(buf, len, "abort, ");
	if (n > 0 && (unsigned long)n < len)
		esr_format(o->esr, buf + n, len - n);
}
