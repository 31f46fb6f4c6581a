/* SPDX-License-Identifier: MIT */
/*
 * Xen 4.17's dom0less domain builder, the values it writes into a domU's
 * tree beyond the GUEST_* map (xen/arch/arm/domain_build.c, RELEASE-4.17.0
 * line numbers; unchanged through 4.17.7): transcribed by hand, included by
 * the generated xen-4.17.c.
 */
#ifndef SPEC_PROFILES_XEN_4_17_DOMU_H
#define SPEC_PROFILES_XEN_4_17_DOMU_H

#include "spec/profile_values.h"

#define SRC(f) "Xen 4.17 xen/arch/arm/domain_build.c " f

static const struct profile_value domu_values[] = {
	/* Where each node goes (prepare_dtb_domU, l.3206): no other node is written. */
	V_PLACE("/chosen", NULL, "make_chosen_node"),
	V_PLACE("/psci", "arm,psci arm,psci-0.2 arm,psci-1.0", "make_psci_node"),
	V_PLACE("/cpus", NULL, "make_cpus_node"),
	V_PLACE("/cpus/cpu", NULL, "make_cpus_node"),
	V_PLACE("/memory", NULL, "make_memory_node"),
	V_PLACE("/interrupt-controller", "arm,gic-v3 arm,gic-400", "make_gic_domU_node"),
	V_PLACE("/timer", "arm,armv8-timer arm,armv7-timer", "make_timer_node"),
	V_PLACE("/sbsa-uart", "arm,sbsa-uart", "make_vpl011_uart_node"),
	V_PLACE("/hypervisor", "xen,xen", "make_hypervisor_node"),
	/* make_gicv3_domU_node (l.2767), make_gicv2_domU_node (l.2711): no child, no ranges. */
	V_CELLS("arm,gic-v3", "#address-cells", 1, "make_gicv3_domU_node", 0),
	V_CELLS("arm,gic-v3", "#interrupt-cells", 1, "make_gicv3_domU_node", 3),
	V_EMPTY("arm,gic-v3", "interrupt-controller", "make_gicv3_domU_node"),
	V_STR("arm,gic-v3", "compatible", "arm,gic-v3", "make_gicv3_domU_node"),
	V_CELLS("arm,gic-400", "#address-cells", 1, "make_gicv2_domU_node", 0),
	V_CELLS("arm,gic-400", "#interrupt-cells", 1, "make_gicv2_domU_node", 3),
	V_EMPTY("arm,gic-400", "interrupt-controller", "make_gicv2_domU_node"),
	V_STR("arm,gic-400", "compatible", "arm,gic-400", "make_gicv2_domU_node"),
	/* make_timer_node (l.2106): by the domain's width (is_64bit_domain); no always-on. */
	V_STR_BITS(64, "/timer", "compatible", "arm,armv8-timer", "make_timer_node"),
	V_STR_BITS(32, "/timer", "compatible", "arm,armv7-timer", "make_timer_node"),
	/* make_vpl011_uart_node (l.2852): a fixed rate, nothing emulates one. */
	V_STR("arm,sbsa-uart", "compatible", "arm,sbsa-uart", "make_vpl011_uart_node"),
	V_CELLS("arm,sbsa-uart", "current-speed", 1, "make_vpl011_uart_node", 115200),
	/* make_cpus_node (l.1909): only a 64-bit domain's CPUs name PSCI (is_64bit_domain);
	 * a 32-bit domain's have no enable-method, and PSCI is still /psci's. */
	V_STR_BITS(64, "/cpus/cpu", "enable-method", "psci", "make_cpus_node"),
	V_STR("/psci", "compatible", "arm,psci-1.0\0arm,psci-0.2\0arm,psci", "make_psci_node"),
	V_STR("/psci", "method", "hvc", "make_psci_node"),
	/* PSCI_cpu_off, PSCI_cpu_on (public/arch-arm.h): the xen suite calls them only with
	 * /hypervisor; held here in every domU. */
	V_CELLS("/psci", "cpu_off", 1, "make_psci_node", 1),
	V_CELLS("/psci", "cpu_on", 1, "make_psci_node", 2),
	/* make_hypervisor_node (l.1754), with xen,enhanced. */
	V_STR("xen,xen", "compatible", "xen,xen-4.17\0xen,xen", "make_hypervisor_node"),
};

#undef SRC

#endif
