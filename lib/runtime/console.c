#include "runtime/console.h"

#include <stdio.h>
#include <string.h>

#include "drivers/pl011.h"
#include "boot/probe.h"
#include "drivers/semihosting.h"
#include "drivers/xen.h"

static enum console_kind kind;

static struct harness *owner;
static char uart_lost[200];

static enum console_kind fallback(const struct harness *h)
{
	if (xen_version() > 0)
		return CONSOLE_XEN;
	return h->semihosting ? CONSOLE_SEMIHOSTING : CONSOLE_NONE;
}

enum console_kind console_setup(struct harness *h)
{
	owner = h;
	kind = CONSOLE_NONE;
	if (h->plat.uart) {
		pl011_init(h->plat.uart->reg[0].base);
		kind = CONSOLE_UART;
	} else {
		kind = fallback(h);
	}
	h->console = kind;
	return kind;
}

/* The DT's UART aborted: say so on the next console, then go on there. */
static void uart_failed(const char *s, size_t len)
{
	char what[160];

	probe_describe(pl011_fault(), what, sizeof(what));
	kind = fallback(owner);
	owner->console = kind;
	snprintf(uart_lost, sizeof(uart_lost), "# console: UART %s aborted (%s); now %s\n",
		 owner->plat.uart->path, what, console_describe(owner));
	console_write(uart_lost, strlen(uart_lost));
	console_write(s, len);
}

const char *console_lost_uart(void)
{
	return uart_lost[0] ? uart_lost : NULL;
}

void console_write(const char *s, size_t len)
{
	switch (kind) {
	case CONSOLE_UART:
		if (pl011_write(s, len))
			uart_failed(s, len);
		break;
	case CONSOLE_XEN: xen_console_write(s, len); break;
	case CONSOLE_SEMIHOSTING: semihosting_write(s, len); break;
	case CONSOLE_NONE: break;
	}
}

const char *console_describe(const struct harness *h)
{
	switch (h->console) {
	case CONSOLE_UART: return h->plat.uart_from_stdout_path ? "uart (stdout-path)" : "uart (first UART node)";
	case CONSOLE_XEN: return "xen console_io hypercall";
	case CONSOLE_SEMIHOSTING: return "semihosting";
	default: return "none";
	}
}
