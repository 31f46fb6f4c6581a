/* SPDX-License-Identifier: MIT */
/*
 * The blob's structure block walked once before libfdt reads it (blob.c):
 * libfdt 1.6.1 trusts the lengths it finds (a property of length 0xfffffff4
 * makes fdt_check_full loop forever), so every tag and length is bounded here.
 */
#ifndef DT_BLOB_H
#define DT_BLOB_H

#include <stddef.h>
#include <stdint.h>

/* NULL when every tag and length lies inside its block; else what is wrong. */
const char *dt_blob_bounded(const void *fdt, uint32_t totalsize, char *why, size_t len);

#endif
