/*
 * The console: the UART from /chosen/stdout-path or the first PL011/SBSA
 * UART node; else Xen's console_io hypercall; else semihosting.
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stddef.h>

#include "runtime/harness.h"

/* Choose the console for h; returns the kind chosen. */
enum console_kind console_setup(struct harness *h);
void console_write(const char *s, size_t len);
const char *console_describe(const struct harness *h);
/* The line that reported a UART abort, or NULL when the UART works. */
const char *console_lost_uart(void);

#endif
