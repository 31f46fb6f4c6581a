#include "console.h"

#include "pl011.h"
#include "semihosting.h"
#include "xen.h"

static enum console_kind kind;

enum console_kind console_setup(struct harness *h)
{
	kind = CONSOLE_NONE;
	if (h->plat.uart) {
		pl011_init(h->plat.uart->reg[0].base);
		kind = CONSOLE_UART;
	} else if (xen_version() > 0) {
		kind = CONSOLE_XEN;
	} else if (h->semihosting) {
		kind = CONSOLE_SEMIHOSTING;
	}
	h->console = kind;
	return kind;
}

void console_write(const char *s, size_t len)
{
	switch (kind) {
	case CONSOLE_UART: pl011_write(s, len); break;
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
