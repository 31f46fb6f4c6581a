// SPDX-License-Identifier: MIT
#include "runtime/console.h"

#include <stdio.h>
#include <string.h>

#include "boot/cpu.h"
#include "boot/lock.h"
#include "boot/probe.h"
#include "drivers/pl011.h"
#include "drivers/semihosting.h"
#include "drivers/xen.h"
#include "runtime/ktap.h"
#include "runtime/protocol.h"
#include "spec/contract_lookup.h"

static enum console_kind kind;
static const struct platform *plat;
static int have_semihosting;
static char uart_lost[400];

static enum console_kind fallback(void)
{
	if (xen_version() > 0)
		return CONSOLE_XEN;
	return have_semihosting ? CONSOLE_SEMIHOSTING : CONSOLE_NONE;
}

/* Say on the next console why the DT's UART is not (or no longer) the console. */
static void uart_lost_because(const char *why)
{
	char path[PLAT_PATH_LEN * 4];

	kind = fallback();
	/* One report line, written before the line it interrupts; the path is the DT's. */
	snprintf(uart_lost, sizeof(uart_lost), "# console: UART %s %s; now %s\n",
		 ktap_escape(plat->uart->path, path, sizeof(path)), why, console_describe());
	console_write(uart_lost, strlen(uart_lost));
}

/*
 * A UART the DT calls a PL011 must say so where it can: an identity register
 * that reads, and reads what no PL011 has, means writing to "DR" would write
 * to some other device. Registers that abort prove nothing (SBSA UARTs have
 * none): the drain check decides then.
 */
static const char *not_the_device(const struct dt_device *uart, char *why, size_t len)
{
	const struct device_contract *c[2];
	const char *matched;
	unsigned n = contracts_for(uart, c, 2, &matched);

	for (unsigned k = 0; k < n; k++)
		for (unsigned i = 0; i < c[k]->nregs; i++) {
			const struct reg_contract *r = &c[k]->regs[i];
			struct probe_outcome o;
			if (!r->id.mask || r->region || r->offset + 4 > uart->reg[0].size ||
			    probe_read(uart->reg[0].base + r->offset, 32, &o) ||
			    contract_identity_matches(&r->id, o.value))
				continue;
			snprintf(why, len, "is not a %s: %s reads 0x%llx (%s)", matched, r->name,
				 (unsigned long long)o.value, r->spec);
			return why;
		}
	return NULL;
}

enum console_kind console_setup(const struct platform *p, int semihosting)
{
	char why[192];

	plat = p;
	have_semihosting = semihosting;
	if (!p->uart) {
		kind = fallback();
		return kind;
	}
	pl011_init(p->uart->reg[0].base);
	kind = CONSOLE_UART;
	if (not_the_device(p->uart, why, sizeof(why)))
		uart_lost_because(why);
	else if (pl011_ready()) {
		snprintf(why, sizeof(why), "failed: %s", pl011_failure());
		uart_lost_because(why);
	}
	return kind;
}

enum console_kind console_kind(void)
{
	return kind;
}

/* The DT's UART failed while in use: say so on the next console, then go on there. */
static void write_unlocked(const char *s, size_t len);

static void uart_failed(const char *s, size_t len)
{
	char why[224];

	snprintf(why, sizeof(why), "failed: %s", pl011_failure());
	uart_lost_because(why);
	console_write(s, len);
}

const char *console_lost_uart(void)
{
	return uart_lost[0] ? uart_lost : NULL;
}

static struct spinlock lock;
static volatile uint64_t owner = ~0ull; /* the MPIDR holding the lock */

/*
 * One writer at a time, so lines of two CPUs never mix. A CPU that holds the
 * lock and writes again (an exception's report while it was writing) goes on
 * without it instead of waiting for itself.
 */
void console_write(const char *s, size_t len)
{
	uint64_t me = cpu_mpidr();
	int nested = owner == me;

	if (!nested) {
		spin_lock(&lock);
		owner = me;
	}
	write_unlocked(s, len);
	if (!nested) {
		owner = ~0ull;
		spin_unlock(&lock);
	}
}

/*
 * Xen 4.17 prints a domU's console_io output a line at a time, and breaks a
 * line past 255 characters in two without a sign: the harness breaks it
 * first, into pieces of CONSOLE_LINE_MAX each ending in CONSOLE_CONTINUES,
 * so that the runner joins them again (runtime/protocol.h). One hypercall
 * per printed line: Xen starts a line at each.
 */
#define XEN_LINE_MAX CONSOLE_LINE_MAX
static void xen_write(const char *s, size_t len)
{
	static char line[XEN_LINE_MAX + sizeof(CONSOLE_CONTINUES) + 1];
	static size_t n;

	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n' && n == XEN_LINE_MAX) {
			memcpy(line + n, CONSOLE_CONTINUES "\n", sizeof(CONSOLE_CONTINUES));
			xen_console_write(line, n + sizeof(CONSOLE_CONTINUES));
			n = 0;
		}
		line[n++] = s[i];
		if (s[i] == '\n') {
			xen_console_write(line, n);
			n = 0;
		}
	}
}

static void write_unlocked(const char *s, size_t len)
{
	switch (kind) {
	case CONSOLE_UART:
		if (pl011_write(s, len))
			uart_failed(s, len);
		break;
	case CONSOLE_XEN: xen_write(s, len); break;
	case CONSOLE_SEMIHOSTING: semihosting_write(s, len); break;
	case CONSOLE_NONE: break;
	}
}

const char *console_describe(void)
{
	switch (kind) {
	case CONSOLE_UART:
		return plat->uart_from_stdout_path ? "uart (stdout-path)"
						   : "uart (first UART node)";
	case CONSOLE_XEN: return "xen console_io hypercall";
	case CONSOLE_SEMIHOSTING: return "semihosting";
	default: return "none";
	}
}
