// SPDX-License-Identifier: MIT
#include "drivers/pl011.h"

#include <stdio.h>

#include "boot/probe.h"
#include "boot/wait.h"

static uintptr_t uart_base;
static int uart_failed;
static char failure[192];

void pl011_init(uintptr_t base)
{
	uart_base = base;
	uart_failed = 0;
	failure[0] = 0;
}

static int fail_abort(const struct probe_outcome *o)
{
	uart_failed = 1;
	probe_format(o, PROBE_DECODED, failure, sizeof(failure));
	return -1;
}

/*
 * Every access goes through the probe: a UART the DT misplaced must not take
 * the harness down with it. A FIFO that never drains is a failure too, by
 * its own wait (boot/wait.h), so a stuck UART costs one bounded wait, not one
 * a character.
 */
int pl011_ready(void)
{
	struct probe_outcome o;
	struct wait w;
	enum wait_end end;

	/* The common case, room at the first look, starts no wait (no counter read). */
	if (probe_read(uart_base + PL011_FR, 32, &o))
		return fail_abort(&o);
	if (!(o.value & PL011_FR_TXFF))
		return 0;
	wait_begin(&w, PL011_DRAIN_US);
	do {
		end = wait_look(&w);
		if (probe_read(uart_base + PL011_FR, 32, &o))
			return fail_abort(&o);
		if (!(o.value & PL011_FR_TXFF))
			return 0;
	} while (end == WAIT_ON);
	uart_failed = 1;
	snprintf(failure, sizeof(failure),
		 "FR.TXFF stayed set for %u ms (%s): the FIFO never drains",
		 (unsigned)(PL011_DRAIN_US / 1000), wait_end_text(end));
	return -1;
}

static int put(char c)
{
	struct probe_outcome o;

	if (pl011_ready())
		return -1;
	if (probe_write(uart_base + PL011_DR, 32, (uint8_t)c, &o))
		return fail_abort(&o);
	return 0;
}

int pl011_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len && !uart_failed; i++) {
		if (s[i] == '\n' && put('\r'))
			break;
		put(s[i]);
	}
	return uart_failed ? -1 : 0;
}

const char *pl011_failure(void)
{
	return uart_failed ? failure : NULL;
}
