// SPDX-License-Identifier: MIT
#include "boot/image.h"

extern char _head[], _end[];
extern uint32_t image_header_dtb; /* head.S: the harness's word in the zImage header */

uintptr_t image_base(void)
{
	return (uintptr_t)_head;
}

uintptr_t image_end(void)
{
	return (uintptr_t)_end;
}

uintptr_t image_dtb_override(void)
{
	return image_header_dtb;
}

const char *image_isa(void)
{
	return "arm";
}
