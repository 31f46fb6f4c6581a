/* SPDX-License-Identifier: MIT */
/* Which contracts apply to a device the DT describes (contract_lookup.c). */
#ifndef SPEC_CONTRACT_LOOKUP_H
#define SPEC_CONTRACT_LOOKUP_H

#include "dt/platform.h"
#include "spec/contract.h"

/*
 * The contracts that apply to a device: those whose compatible matches the
 * device's most specific compatible that any contract knows. Fills out[]
 * (up to max), sets *matched to that compatible and returns the count.
 */
unsigned contracts_for(const struct dt_device *d, const struct device_contract **out, unsigned max,
		       const char **matched);

/* The address of a register in a device, or 0 if the node's reg[region] does not cover it. */
uintptr_t contract_reg_addr(const struct dt_device *d, unsigned region, uint32_t off,
			    unsigned bytes);

#endif
