/* SPDX-License-Identifier: MIT */
/* Bootargs: space-separated key=value words from /chosen/bootargs. */
#ifndef RUNTIME_BOOTARGS_H
#define RUNTIME_BOOTARGS_H

#include <stddef.h>
#include <stdint.h>

/* Copy the value of key into buf; returns 1 if present ("key" alone gives ""). */
int bootarg_get(const char *args, const char *key, char *buf, size_t len);
/* Parse a size with optional K/M/G suffix; returns 0 on success. */
int parse_size(const char *s, uint64_t *out);

#endif
