#include "pl011.h"

#include "mmio.h"

static uintptr_t uart_base;

void pl011_init(uintptr_t base)
{
	uart_base = base;
}

static void put(char c)
{
	/* Bounded wait: a stuck FR must not hang the run forever. */
	for (unsigned spin = 0; spin < 1000000; spin++)
		if (!(mmio_read32(uart_base + PL011_FR) & PL011_FR_TXFF))
			break;
	mmio_write32(uart_base + PL011_DR, (uint8_t)c);
}

void pl011_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			put('\r');
		put(s[i]);
	}
}
