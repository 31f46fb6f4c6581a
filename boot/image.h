/* SPDX-License-Identifier: MIT */
/* The image: where it runs and what its loader handed over (boot/aarch64/head.S). */
#ifndef BOOT_IMAGE_H
#define BOOT_IMAGE_H

#include <stdint.h>

/* [image_base(), image_end()): code, data, BSS, stack and page tables. */
uintptr_t image_base(void);
uintptr_t image_end(void);
/* The DTB address the runner wrote into the Image header (res2); 0 when none. */
uintptr_t image_dtb_override(void);

/*
 * The entry point the layers above provide. The start-up code calls it, once,
 * with the MMU off, at EL1, with the loader's x0 and the exception level the
 * image was entered at.
 */
void harness_main(const void *dtb, unsigned entry_el) __attribute__((noreturn));

#endif
