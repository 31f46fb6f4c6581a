/* SPDX-License-Identifier: MIT */
/* Unexpected exceptions: reported, then the running case ends (unexpected.c). */
#ifndef RUNTIME_UNEXPECTED_H
#define RUNTIME_UNEXPECTED_H

/* Install the handler with the architecture's exception dispatcher. */
void unexpected_install(void);

#endif
