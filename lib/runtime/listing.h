/* SPDX-License-Identifier: MIT */
/*
 * The bootarg list: the image says which suites and cases it holds, which
 * run by default and which only on request, and runs none of them. The
 * lines are top-level KTAP diagnostics (their form: runtime/protocol.h
 * RECORD_LIST_SUITE, RECORD_LIST_CASE), so the report stays valid KTAP with a plan of 0.
 */
#ifndef RUNTIME_LISTING_H
#define RUNTIME_LISTING_H

#include "runtime/registry.h"

void listing_say(struct registry reg);

#endif
