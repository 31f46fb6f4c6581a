#include "runtime/console.h"

#include <stdio.h>
#include <string.h>

#include "boot/probe.h"
#include "drivers/pl011.h"
#include "drivers/semihosting.h"
#include "drivers/xen.h"
#include "runtime/ktap.h"

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

enum console_kind console_setup(const struct platform *p, int semihosting)
{
	plat = p;
	have_semihosting = semihosting;
	if (p->uart) {
		pl011_init(p->uart->reg[0].base);
		kind = CONSOLE_UART;
	} else {
		kind = fallback();
	}
	return kind;
}

enum console_kind console_kind(void)
{
	return kind;
}

/* The DT's UART aborted: say so on the next console, then go on there. */
static void uart_failed(const char *s, size_t len)
{
	char what[160], path[PLAT_PATH_LEN * 4];

	probe_format(pl011_fault(), PROBE_DECODED, what, sizeof(what));
	kind = fallback();
	/* Written before the line it interrupts, as one report line: the path is the DT's. */
	snprintf(uart_lost, sizeof(uart_lost), "# console: UART %s aborted (%s); now %s\n",
		 ktap_escape(plat->uart->path, path, sizeof(path)), what, console_describe());
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
