// SPDX-License-Identifier: MIT
#include "spec/contract_lookup.h"

#include "util/util.h"
#include <string.h>

/* Every contract the harness knows: one file per device in lib/spec/contracts/. */
extern const struct device_contract contract_pl011, contract_sbsa_uart, contract_pl031,
	contract_pl061, contract_fw_cfg, contract_virtio_mmio, contract_gicv2_dist,
	contract_gicv2_cpu, contract_gicv2_hyp, contract_gicv2_vcpu, contract_gicv3_dist,
	contract_gicv3_redist;

static const struct device_contract *const contracts[] = {
	&contract_pl011,     &contract_sbsa_uart,   &contract_pl031,	  &contract_pl061,
	&contract_fw_cfg,    &contract_virtio_mmio, &contract_gicv2_dist, &contract_gicv2_cpu,
	&contract_gicv2_hyp, &contract_gicv2_vcpu,  &contract_gicv3_dist, &contract_gicv3_redist,
};

static int knows(const struct device_contract *c, const char *compat)
{
	for (const char *const *cc = c->compats; *cc; cc++)
		if (!strcmp(*cc, compat))
			return 1;
	return 0;
}

unsigned contracts_for(const struct dt_device *d, const struct device_contract **out, unsigned max,
		       const char **matched)
{
	for (const char *s = dt_compat_next(d, NULL); s; s = dt_compat_next(d, s)) {
		unsigned n = 0;
		for (unsigned i = 0; i < ARRAY_SIZE(contracts); i++)
			if (knows(contracts[i], s) && n < max)
				out[n++] = contracts[i];
		if (n) {
			*matched = s;
			return n;
		}
	}
	return 0;
}

uintptr_t contract_reg_addr(const struct dt_device *d, unsigned region, uint32_t off,
			    unsigned bytes)
{
	if ((int)region >= d->nreg || (uint64_t)off + bytes > d->reg[region].size)
		return 0;
	return (uintptr_t)(d->reg[region].base + off);
}
