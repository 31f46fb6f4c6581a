/* SPDX-License-Identifier: MIT */
/*
 * The console: the UART from /chosen/stdout-path or the first PL011/SBSA
 * UART node; else Xen's console_io hypercall; else semihosting.
 */
#ifndef RUNTIME_CONSOLE_H
#define RUNTIME_CONSOLE_H

#include <stddef.h>

#include "dt/platform.h"

enum console_kind { CONSOLE_NONE, CONSOLE_UART, CONSOLE_XEN, CONSOLE_SEMIHOSTING };

/* Choose the console for this platform; returns the kind chosen. */
enum console_kind console_setup(const struct platform *p, int semihosting);
enum console_kind console_kind(void);
void console_write(const char *s, size_t len);
/* "uart (stdout-path)", "xen console_io hypercall", ... */
const char *console_describe(void);
/* The line that reported a UART abort, or NULL when the UART works. */
const char *console_lost_uart(void);

#endif
