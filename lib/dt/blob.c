// SPDX-License-Identifier: MIT
#include "dt/blob.h"

#include <libfdt.h>
#include <stdio.h>

static uint32_t cell(const uint8_t *b, uint64_t off)
{
	return fdt32_to_cpu(*(const fdt32_t *)(b + off));
}

const char *dt_blob_bounded(const void *fdt, uint32_t totalsize, char *why, size_t len)
{
	const uint8_t *b = fdt;
	uint64_t start = fdt_off_dt_struct(fdt), strings = fdt_off_dt_strings(fdt);
	uint64_t size = fdt_version(fdt) >= 17 ? fdt_size_dt_struct(fdt) : totalsize - start;
	uint64_t end = start + size, names = fdt_size_dt_strings(fdt);

	if (start > totalsize || size > totalsize - start || (start & 3) || strings > totalsize ||
	    names > totalsize - strings) {
		snprintf(why, len, "the structure or strings block lies outside the blob");
		return why;
	}
	for (uint64_t off = start; off + 4 <= end;) {
		uint32_t tag = cell(b, off);
		uint64_t at = off;
		off += 4;
		switch (tag) {
		case FDT_BEGIN_NODE:
			while (off < end && b[off])
				off++;
			if (off >= end) {
				snprintf(why, len, "node name at 0x%llx runs past the block",
					 (unsigned long long)at);
				return why;
			}
			off = (off + 4) & ~3ull;
			break;
		case FDT_PROP: {
			if (off + 8 > end) {
				snprintf(why, len, "property at 0x%llx is cut",
					 (unsigned long long)at);
				return why;
			}
			uint64_t plen = cell(b, off), nameoff = cell(b, off + 4);
			off += 8;
			if (plen > end - off || nameoff >= names) {
				snprintf(why, len,
					 "property at 0x%llx: length 0x%llx or name offset 0x%llx "
					 "past its block",
					 (unsigned long long)at, (unsigned long long)plen,
					 (unsigned long long)nameoff);
				return why;
			}
			off = (off + plen + 3) & ~3ull;
			break;
		}
		case FDT_END_NODE:
		case FDT_NOP: break;
		case FDT_END: return NULL;
		default:
			snprintf(why, len, "unknown tag 0x%x at 0x%llx", (unsigned)tag,
				 (unsigned long long)at);
			return why;
		}
	}
	snprintf(why, len, "no FDT_END tag inside the structure block");
	return why;
}
