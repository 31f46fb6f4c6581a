#include "drivers/pl011.h"

#include "boot/probe.h"

static uintptr_t uart_base;
static int uart_failed;
static struct probe_outcome uart_fault;

void pl011_init(uintptr_t base)
{
	uart_base = base;
	uart_failed = 0;
}

/*
 * Every access goes through the probe: a UART the DT misplaced must not
 * take the harness down with it; the console switches to another backend.
 */
static int put(char c)
{
	struct probe_outcome o;

	/* Bounded wait: a stuck FR must not hang the run forever. */
	for (unsigned spin = 0; spin < 1000000; spin++) {
		if (probe_read(uart_base + PL011_FR, 32, &o))
			goto fault;
		if (!(o.value & PL011_FR_TXFF))
			break;
	}
	if (probe_write(uart_base + PL011_DR, 32, (uint8_t)c, &o))
		goto fault;
	return 0;
fault:
	uart_failed = 1;
	uart_fault = o;
	return -1;
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

const struct probe_outcome *pl011_fault(void)
{
	return uart_failed ? &uart_fault : 0;
}
