/* The contracts the mmio suite knows; one file per device in this directory. */
#include "spec/contract.h"

extern const struct device_contract contract_pl011, contract_sbsa_uart, contract_pl031,
	contract_pl061, contract_fw_cfg, contract_virtio_mmio, contract_gicv2_dist,
	contract_gicv2_cpu, contract_gicv3_dist, contract_gicv3_redist;

const struct device_contract *const contracts[] = {
	&contract_pl011,      &contract_sbsa_uart,   &contract_pl031,
	&contract_pl061,      &contract_fw_cfg,      &contract_virtio_mmio,
	&contract_gicv2_dist, &contract_gicv2_cpu,   &contract_gicv3_dist,
	&contract_gicv3_redist, NULL,
};
