/* SPDX-License-Identifier: MIT */
/* The image: where it runs and what its loader handed over (boot/<arch>/head.S). */
#ifndef BOOT_IMAGE_H
#define BOOT_IMAGE_H

#include <stdint.h>

/* [image_base(), image_end()): code, data, BSS, stack and page tables. */
uintptr_t image_base(void);
uintptr_t image_end(void);
/* The DTB address the runner wrote into the image's header; 0 when none. */
uintptr_t image_dtb_override(void);
/*
 * The instruction set the image is built for, as Xen's capabilities name a
 * guest's: "aarch64" (boot/aarch64/) or "arm" (boot/arm/, AArch32).
 */
const char *image_isa(void);

/*
 * The entry point the layers above provide. The start-up code calls it, once,
 * with the MMU off, at EL1 (PL1 on AArch32), with the loader's DTB address
 * and the exception level the image was entered at (Hyp mode is EL2).
 */
void harness_main(const void *dtb, unsigned entry_el) __attribute__((noreturn));

#endif
