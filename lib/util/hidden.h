/* SPDX-License-Identifier: MIT */
/*
 * Forced into every C file (Makefile -include): every symbol, defined or only
 * declared, is local to the one image, so -fpie code reaches it PC-relative
 * instead of through the GOT, and the image carries no GOT entry, nor the
 * relocation of one, for it (a smaller image).
 */
#pragma GCC visibility push(hidden)
