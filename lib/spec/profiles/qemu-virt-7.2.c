// SPDX-License-Identifier: MIT
/*
 * QEMU 7.2 `virt` machine, transcribed by hand from QEMU v7.2.0:
 *   hw/arm/virt.c     base_memmap[], extended_memmap[] (legacy placement:
 *                     each high region aligned to its size above RAM),
 *                     a15irqmap[] (SPI numbers; INTID = SPI + 32),
 *                     create_*() for which regions a plain EL1 guest gets;
 *   include/hw/arm/virt.h  ARCH_TIMER_*_IRQ, VIRTUAL_PMU_IRQ (PPI numbers;
 *                     INTID = PPI + 16), NUM_VIRTIO_TRANSPORTS 32;
 *   hw/arm/virt.c     LEGACY_RAMLIMIT_BYTES (255 GiB of RAM from 1 GiB).
 * Regions QEMU creates only on request (SMMU with iommu=smmuv3, ACPI
 * devices with firmware + ACPI, PVTIME with KVM, secure-world devices) are
 * kept: absent ones must fault, and a DT that describes them must match.
 * The ACPI devices exist with firmware and ACPI (create_acpi_ged) and are
 * never in the DT. The high regions float: virt_set_memmap() puts them above
 * the device memory (maxmem, slots), never below 256 GiB, each aligned to its
 * size; the DT says where.
 */
#include "spec/profile.h"
#include "spec/profile_values.h"
#include "util/util.h"

#define Q(n) "QEMU 7.2 hw/arm/virt.c " n

static const struct profile_region regions[] = {
	{ "flash", REGION_MMIO, 0x00000000, 0x08000000, 0, 0, 0, "cfi-flash", 0, 0,
	  Q("base_memmap[VIRT_FLASH]"), 0 },
	{ "gic-dist", REGION_MMIO, 0x08000000, 0x00010000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,gic-v3 arm,cortex-a15-gic", 0, 0, Q("base_memmap[VIRT_GIC_DIST]"), 0 },
	{ "gic-cpu", REGION_MMIO, 0x08010000, 0x00010000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,cortex-a15-gic", 0, 0, Q("base_memmap[VIRT_GIC_CPU]"), 0 },
	{ "gic-v2m", REGION_MMIO, 0x08020000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,gic-v2m-frame", 0, 0, Q("base_memmap[VIRT_GIC_V2M]"), 0 },
	{ "gic-hyp", REGION_MMIO, 0x08030000, 0x00010000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,cortex-a15-gic", 0, 0, Q("base_memmap[VIRT_GIC_HYP]"), 0 },
	{ "gic-vcpu", REGION_MMIO, 0x08040000, 0x00010000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,cortex-a15-gic", 0, 0, Q("base_memmap[VIRT_GIC_VCPU]"), 0 },
	{ "gic-its", REGION_MMIO, 0x08080000, 0x00020000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,gic-v3-its", 0, 0, Q("base_memmap[VIRT_GIC_ITS]"), 0 },
	{ "gic-redist", REGION_MMIO, 0x080a0000, 0x00f60000, 0, PR_FIX_BASE, 0, "arm,gic-v3", 0, 0,
	  Q("base_memmap[VIRT_GIC_REDIST]"), 0 },
	{ "uart", REGION_MMIO, 0x09000000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0, "arm,pl011",
	  32 + 1, 1, Q("base_memmap[VIRT_UART], a15irqmap[VIRT_UART] = 1"), 4 },
	{ "rtc", REGION_MMIO, 0x09010000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0, "arm,pl031",
	  32 + 2, 1, Q("base_memmap[VIRT_RTC], a15irqmap[VIRT_RTC] = 2"), 4 },
	{ "fw-cfg", REGION_MMIO, 0x09020000, 0x00000018, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "qemu,fw-cfg-mmio", 0, 0, Q("base_memmap[VIRT_FW_CFG]"), 0 },
	{ "gpio", REGION_MMIO, 0x09030000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0, "arm,pl061",
	  32 + 7, 1, Q("base_memmap[VIRT_GPIO], a15irqmap[VIRT_GPIO] = 7"), 4 },
	{ "secure-uart", REGION_ABSENT, 0x09040000, 0x00001000, 0, 0, 0, "arm,pl011", 32 + 8, 1,
	  Q("base_memmap[VIRT_SECURE_UART] (secure world only)"), 0 },
	{ "smmu", REGION_MMIO, 0x09050000, 0x00020000, 0,
	  PR_FIX_BASE | PR_FIX_SIZE | PR_IRQ_IN_ORDER, 0, "arm,smmu-v3", 32 + 74, 4,
	  Q("base_memmap[VIRT_SMMU] (iommu=smmuv3), a15irqmap[VIRT_SMMU] = 74 + i in "
	    "interrupt-names' order (create_smmu)"),
	  1 },
	{ "pcdimm-acpi", REGION_MMIO, 0x09070000, 0x00000018, 0, PR_ACPI_ONLY, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_PCDIMM_ACPI] (ACPI only)"), 0 },
	{ "acpi-ged", REGION_MMIO, 0x09080000, 0x00000004, 0, PR_ACPI_ONLY, 0, NULL, 32 + 9, 1,
	  Q("base_memmap[VIRT_ACPI_GED] (ACPI only)"), 0 },
	{ "nvdimm-acpi", REGION_MMIO, 0x09090000, 0x00000004, 0, PR_ACPI_ONLY, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_NVDIMM_ACPI] (ACPI only)"), 0 },
	{ "pvtime", REGION_MMIO, 0x090a0000, 0x00010000, 0, 0, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_PVTIME] (KVM only)"), 0 },
	{ "secure-gpio", REGION_ABSENT, 0x090b0000, 0x00001000, 0, 0, 0, "arm,pl061", 0, 0,
	  Q("base_memmap[VIRT_SECURE_GPIO] (secure world only)"), 0 },
	{ "virtio-mmio", REGION_MMIO, 0x0a000000, 32 * 0x200, 0x200, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "virtio,mmio", 32 + 16, 1,
	  Q("base_memmap[VIRT_MMIO] x NUM_VIRTIO_TRANSPORTS, a15irqmap[VIRT_MMIO] = 16 + i"), 1 },
	{ "platform-bus", REGION_MMIO, 0x0c000000, 0x02000000, 0, 0, 0, "qemu,platform", 32 + 112,
	  64, Q("base_memmap[VIRT_PLATFORM_BUS], a15irqmap[VIRT_PLATFORM_BUS] = 112"), 0 },
	{ "secure-mem", REGION_ABSENT, 0x0e000000, 0x01000000, 0, 0, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_SECURE_MEM] (secure world only)"), 0 },
	{ "pcie-mmio", REGION_MMIO, 0x10000000, 0x2eff0000, 0, 0, 0, "pci-host-ecam-generic", 0, 0,
	  Q("base_memmap[VIRT_PCIE_MMIO]"), 0 },
	{ "pcie-pio", REGION_MMIO, 0x3eff0000, 0x00010000, 0, 0, 0, "pci-host-ecam-generic", 0, 0,
	  Q("base_memmap[VIRT_PCIE_PIO]"), 0 },
	{ "pcie-ecam", REGION_MMIO, 0x3f000000, 0x01000000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "pci-host-ecam-generic", 0, 0,
	  Q("base_memmap[VIRT_PCIE_ECAM] (used when highmem-ecam is off)"), 0 },
	{ "ram", REGION_RAM, 0x40000000, 255ull << 30, 0, 0, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_MEM], LEGACY_RAMLIMIT_BYTES"), 0 },
	{ "high-gic-redist2", REGION_MMIO, 0x4000000000ull, 0x04000000, 0,
	  PR_FIX_BASE | PR_FLOATING, 0, "arm,gic-v3", 0, 0,
	  Q("extended_memmap[VIRT_HIGH_GIC_REDIST2] (more than 123 vCPUs)"), 0 },
	{ "high-pcie-ecam", REGION_MMIO, 0x4010000000ull, 0x10000000, 0,
	  PR_FIX_BASE | PR_FIX_SIZE | PR_FLOATING, 0, "pci-host-ecam-generic", 0, 0,
	  Q("extended_memmap[VIRT_HIGH_PCIE_ECAM]"), 0 },
	{ "high-pcie-mmio", REGION_MMIO, 0x8000000000ull, 0x8000000000ull, 0, PR_FLOATING, 0,
	  "pci-host-ecam-generic", 0, 0, Q("extended_memmap[VIRT_HIGH_PCIE_MMIO]"), 0 },
};

/* An ARMv8 CPU's timer is both; an ARMv7 CPU's (a 32-bit guest's Cortex-A15) armv7 alone. */
#define TIMER_COMPATS "arm,armv8-timer arm,armv7-timer"

/*
 * The PMU node, by any arm/pmu.yaml compatible of a core QEMU 7.2 runs here:
 * QEMU writes arm,armv8-pmuv3 (an empty node for an ARMv7 CPU), and wires the
 * PMU to one PPI on every CPU whatever the tree calls it.
 */
#define PMU_COMPATS                                                                                \
	"arm,armv8-pmuv3 arm,cortex-a35-pmu arm,cortex-a53-pmu arm,cortex-a57-pmu "                \
	"arm,cortex-a72-pmu arm,cortex-a76-pmu arm,neoverse-n1-pmu arm,cortex-a15-pmu "            \
	"arm,cortex-a7-pmu"

static const struct profile_irq irqs[] = {
	{ "timer-phys-s", TIMER_COMPATS, 0, 16 + 13, "QEMU 7.2 virt.h ARCH_TIMER_S_EL1_IRQ 13",
	  IRQ_ALWAYS, 4 },
	{ "timer-phys-ns", TIMER_COMPATS, 1, 16 + 14, "QEMU 7.2 virt.h ARCH_TIMER_NS_EL1_IRQ 14",
	  IRQ_ALWAYS, 4 },
	{ "timer-virt", TIMER_COMPATS, 2, 16 + 11, "QEMU 7.2 virt.h ARCH_TIMER_VIRT_IRQ 11",
	  IRQ_ALWAYS, 4 },
	{ "timer-hyp", TIMER_COMPATS, 3, 16 + 10, "QEMU 7.2 virt.h ARCH_TIMER_NS_EL2_IRQ 10",
	  IRQ_ALWAYS, 4 },
	/* The PMU's PPI whatever arm/pmu.yaml compatible names it (QEMU writes the generic one). */
	{ "pmu", PMU_COMPATS, 0, 16 + 7, "QEMU 7.2 virt.h VIRTUAL_PMU_IRQ 7", IRQ_ALWAYS, 4 },
	/* virt.c fdt_add_gic_node writes it only with virtualization=on, which enters at EL2. */
	{ "gic-maintenance", "arm,gic-v3", 0, 16 + 9, "QEMU 7.2 virt.h ARCH_GIC_MAINT_IRQ 9",
	  IRQ_AT_EL2, 4 },
	{ "gic-maintenance", "arm,cortex-a15-gic", 0, 16 + 9,
	  "QEMU 7.2 virt.h ARCH_GIC_MAINT_IRQ 9", IRQ_AT_EL2, 4 },
};

/* What hw/arm/virt.c (7.2) writes on every node of a kind, beyond reg and interrupts. */
#define VIRT_C "QEMU 7.2 hw/arm/virt.c"
static const struct profile_prop props[] = {
	{ "virtio,mmio", "dma-coherent", 1, VIRT_C " create_virtio_devices" },
	/* Its SMMUv3 (iommu=smmuv3) translates the PCIe host's requesters only (create_smmu,
	 * create_pcie's iommu-map): no platform device goes through it. */
	{ "virtio,mmio", "iommus", 0, VIRT_C " create_virtio_devices" },
	{ "qemu,fw-cfg-mmio", "dma-coherent", 1, VIRT_C " create_fw_cfg" },
	{ "pci-host-ecam-generic", "dma-coherent", 1, VIRT_C " create_pcie" },
	/* Its MSIs go by msi-map, to the ITS or the v2m frame alike (create_pcie). */
	{ "pci-host-ecam-generic", "msi-parent", 0, VIRT_C " create_pcie" },
	{ "arm,pl011", "clocks", 1, VIRT_C " create_uart" },
	{ "arm,pl011", "clock-names", 1, VIRT_C " create_uart" },
	{ "arm,pl011", "dma-coherent", 0, VIRT_C " create_uart" },
	{ "arm,pl031", "clocks", 1, VIRT_C " create_rtc" },
	{ "arm,pl031", "clock-names", 1, VIRT_C " create_rtc" },
	{ "arm,pl061", "clocks", 1, VIRT_C " create_gpio_devices" },
	{ "arm,pl061", "clock-names", 1, VIRT_C " create_gpio_devices" },
};

/* Values virt.c (7.2) writes, for a node the map already names or one it does not. */
#define SRC(f)		 VIRT_C " " f
#define GIC_COMPATS	 "arm,gic-v3 arm,cortex-a15-gic"
#define PSCI_0_1_FN_BASE 0x95c1ba5eu /* target/arm/kvm-consts.h QEMU_PSCI_0_1_FN_BASE */

static const struct profile_value values[] = {
	/* Nodes written whatever the options (secure=on, EL2, smp, old machine types alike). */
	V_NODE("/apb-pclk", "create_fdt"),
	V_NODE("/timer", "fdt_add_timer_nodes"),
	V_NODE("/gpio-keys", "create_gpio_keys"),
	V_NODE("/platform-bus", "platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)"),
	V_NODE("/flash", "virt_flash_fdt"),
	V_NODE("/fw-cfg", "create_fw_cfg"),
	V_NODE("/pl011", "create_uart"),
	V_NODE("/pl031", "create_rtc"),
	V_NODE("/pl061", "create_gpio_devices"),
	V_NODE("/pcie", "create_pcie"),
	/* Where each node goes when it is written: a node of these compatibles elsewhere is a
	 * finding; the cpu-map's are placed by the topology (tests/memmap/topology.c). */
	V_PLACE("/chosen", NULL, "create_fdt"),
	V_PLACE("/secure-chosen", NULL, "create_fdt (secure=on)"),
	V_PLACE("/memory", NULL, "hw/arm/boot.c arm_load_dtb"),
	V_PLACE("/cpus", NULL, "fdt_add_cpu_nodes"),
	V_PLACE("/cpus/cpu", NULL, "fdt_add_cpu_nodes"),
	V_PLACE("/psci", "arm,psci arm,psci-0.2 arm,psci-1.0", "fdt_add_psci_node"),
	V_PLACE("/timer", "arm,armv8-timer arm,armv7-timer", "fdt_add_timer_nodes"),
	V_PLACE("/pmu", "arm,armv8-pmuv3", "fdt_add_pmu_nodes"),
	V_PLACE("/pmu", NULL, "fdt_add_pmu_nodes (empty where the CPU has no PMUv3)"),
	V_PLACE("/apb-pclk", "fixed-clock", "create_fdt"),
	V_PLACE("/distance-map", "numa-distance-map-v1", "fdt_add_cpu_nodes (with -numa)"),
	V_PLACE("/intc", GIC_COMPATS, "fdt_add_gic_node"),
	V_PLACE("/intc/its", "arm,gic-v3-its", "fdt_add_its_gic_node"),
	V_PLACE("/intc/v2m", "arm,gic-v2m-frame", "fdt_add_v2m_gic_node"),
	V_PLACE("/pl011", "arm,pl011", "create_uart"),
	V_PLACE("/pl031", "arm,pl031", "create_rtc"),
	V_PLACE("/pl061", "arm,pl061", "create_gpio_devices"),
	V_PLACE("/gpio-keys", "gpio-keys", "create_gpio_keys"),
	V_PLACE("/gpio-keys/poweroff", NULL, "create_gpio_keys"),
	V_PLACE("/gpio-poweroff", "gpio-poweroff", "create_gpio_devices (secure=on)"),
	V_PLACE("/gpio-restart", "gpio-restart", "create_gpio_devices (secure=on)"),
	V_PLACE("/fw-cfg", "qemu,fw-cfg-mmio", "create_fw_cfg"),
	V_PLACE("/virtio_mmio", "virtio,mmio", "create_virtio_devices"),
	V_PLACE("/pcie", "pci-host-ecam-generic", "create_pcie"),
	V_PLACE("/platform-bus", "qemu,platform",
		"platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)"),
	V_PLACE("/flash", "cfi-flash", "virt_flash_fdt"),
	V_PLACE("/secflash", "cfi-flash", "virt_flash_fdt (secure=on)"),
	V_PLACE("/secram", NULL, "create_secure_ram (secure=on)"),
	V_PLACE("/smmuv3", "arm,smmu-v3", "create_smmu"),
	V_STR("/", "compatible", "linux,dummy-virt", "create_fdt"),
	V_STR("/", "model", "linux,dummy-virt", "create_fdt"),
	/*
	 * fdt_add_psci_node: the PSCI 0.2 IDs from 0.2 on, else 0.1's; SMC64
	 * where there is one for an AArch64 CPU, SMC32 for an AArch32 one.
	 */
	/* PSCI 1.1 under TCG (target/arm/cpu.c psci_version), so the 1.0 binding's list. */
	V_STR("arm,psci", "compatible", "arm,psci-1.0\0arm,psci-0.2\0arm,psci",
	      "fdt_add_psci_node"),
	V_CELLS_BITS(64, "arm,psci-0.2", "cpu_suspend", 1, "fdt_add_psci_node", 0xc4000001u),
	V_CELLS_BITS(32, "arm,psci-0.2", "cpu_suspend", 1, "fdt_add_psci_node", 0x84000001u),
	V_CELLS("arm,psci-0.2", "cpu_off", 1, "fdt_add_psci_node", 0x84000002u),
	V_CELLS_BITS(64, "arm,psci-0.2", "cpu_on", 1, "fdt_add_psci_node", 0xc4000003u),
	V_CELLS_BITS(32, "arm,psci-0.2", "cpu_on", 1, "fdt_add_psci_node", 0x84000003u),
	V_CELLS_BITS(64, "arm,psci-0.2", "migrate", 1, "fdt_add_psci_node", 0xc4000005u),
	V_CELLS_BITS(32, "arm,psci-0.2", "migrate", 1, "fdt_add_psci_node", 0x84000005u),
	V_CELLS("arm,psci", "cpu_suspend", 1, "fdt_add_psci_node", PSCI_0_1_FN_BASE),
	V_CELLS("arm,psci", "cpu_off", 1, "fdt_add_psci_node", PSCI_0_1_FN_BASE + 1),
	V_CELLS("arm,psci", "cpu_on", 1, "fdt_add_psci_node", PSCI_0_1_FN_BASE + 2),
	V_CELLS("arm,psci", "migrate", 1, "fdt_add_psci_node", PSCI_0_1_FN_BASE + 3),
	/* An ARMv7 CPU's reg is MPIDR[23:0] in one cell (arm/cpus.yaml); QEMU writes 2 only when
	 * an MPIDR has Aff3, which no 32-bit CPU has. */
	{ .where = "/cpus",
	  .prop = "#address-cells",
	  .kind = VALUE_CELLS,
	  .always = 1,
	  .ncells = 1,
	  .cells = { 1 },
	  .cpu_arch = 7,
	  .source = SRC("fdt_add_cpu_nodes") },
	/* Only where PSCI is offered (not at EL2 without firmware, say). */
	{ .where = "/cpus/cpu",
	  .prop = "enable-method",
	  .kind = VALUE_STRINGS,
	  .str = "psci",
	  .str_len = sizeof("psci"),
	  .source = SRC("fdt_add_cpu_nodes") },
	/* By the CPU's architecture (ARM_FEATURE_V8), whatever the guest's width. */
	V_STR_ARCH(8, "/timer", "compatible", "arm,armv8-timer\0arm,armv7-timer",
		   "fdt_add_timer_nodes"),
	V_STR_ARCH(7, "/timer", "compatible", "arm,armv7-timer", "fdt_add_timer_nodes"),
	V_EMPTY("arm,armv8-timer", "always-on", "fdt_add_timer_nodes"),
	/* An ARMv7 CPU's timer is "arm,armv7-timer" alone, always-on all the same. */
	V_EMPTY("arm,armv7-timer", "always-on", "fdt_add_timer_nodes"),
	V_STR("arm,armv8-pmuv3", "compatible", "arm,armv8-pmuv3", "fdt_add_pmu_nodes"),
	V_STR("fixed-clock", "compatible", "fixed-clock", "create_fdt"),
	V_CELLS("fixed-clock", "#clock-cells", 1, "create_fdt", 0),
	V_CELLS("fixed-clock", "clock-frequency", 1, "create_fdt", 24000000),
	V_STR("fixed-clock", "clock-output-names", "clk24mhz", "create_fdt"),
	/* The GIC and its MSI frames (fdt_add_gic_node, fdt_add_its_gic_node,
	   fdt_add_v2m_gic_node). */
	V_CELLS("arm,gic-v3", "#interrupt-cells", 1, "fdt_add_gic_node", 3),
	V_CELLS("arm,gic-v3", "#address-cells", 1, "fdt_add_gic_node", 2),
	V_CELLS("arm,gic-v3", "#size-cells", 1, "fdt_add_gic_node", 2),
	V_EMPTY("arm,gic-v3", "interrupt-controller", "fdt_add_gic_node"),
	V_EMPTY("arm,gic-v3", "ranges", "fdt_add_gic_node"),
	V_STR("arm,gic-v3", "compatible", "arm,gic-v3", "fdt_add_gic_node"),
	V_CELLS("arm,cortex-a15-gic", "#interrupt-cells", 1, "fdt_add_gic_node", 3),
	V_CELLS("arm,cortex-a15-gic", "#address-cells", 1, "fdt_add_gic_node", 2),
	V_CELLS("arm,cortex-a15-gic", "#size-cells", 1, "fdt_add_gic_node", 2),
	V_EMPTY("arm,cortex-a15-gic", "interrupt-controller", "fdt_add_gic_node"),
	V_EMPTY("arm,cortex-a15-gic", "ranges", "fdt_add_gic_node"),
	V_STR("arm,cortex-a15-gic", "compatible", "arm,cortex-a15-gic", "fdt_add_gic_node"),
	V_STR("arm,gic-v3-its", "compatible", "arm,gic-v3-its", "fdt_add_its_gic_node"),
	V_EMPTY("arm,gic-v3-its", "msi-controller", "fdt_add_its_gic_node"),
	V_CELLS("arm,gic-v3-its", "#msi-cells", 1, "fdt_add_its_gic_node", 1),
	V_STR("arm,gic-v2m-frame", "compatible", "arm,gic-v2m-frame", "fdt_add_v2m_gic_node"),
	V_EMPTY("arm,gic-v2m-frame", "msi-controller", "fdt_add_v2m_gic_node"),
	/* The PrimeCells: their compatibles and the one clock (create_uart, create_rtc,
	   create_gpio_devices). */
	V_STR("arm,pl011", "compatible", "arm,pl011\0arm,primecell", "create_uart"),
	V_STR("arm,pl011", "clock-names", "uartclk\0apb_pclk", "create_uart"),
	V_REFS("arm,pl011", "clocks", 1, 3, "fixed-clock", "create_uart", 0, 0),
	V_STR("arm,pl031", "compatible", "arm,pl031\0arm,primecell", "create_rtc"),
	V_STR("arm,pl031", "clock-names", "apb_pclk", "create_rtc"),
	V_REFS("arm,pl031", "clocks", 1, 1, "fixed-clock", "create_rtc", 0),
	V_STR("arm,pl061", "compatible", "arm,pl061\0arm,primecell", "create_gpio_devices"),
	V_STR("arm,pl061", "clock-names", "apb_pclk", "create_gpio_devices"),
	V_REFS("arm,pl061", "clocks", 1, 1, "fixed-clock", "create_gpio_devices", 0),
	V_EMPTY("arm,pl061", "gpio-controller", "create_gpio_devices"),
	V_CELLS("arm,pl061", "#gpio-cells", 1, "create_gpio_devices", 2),
	V_STR("/gpio-keys", "compatible", "gpio-keys", "create_gpio_keys"),
	/* GPIO 3 active high, KEY_POWER (116): what the guest hears as "power off". */
	V_REFS("/gpio-keys/poweroff", "gpios", 1, 1, "arm,pl061", "create_gpio_keys", 0, 3, 0),
	V_CELLS("/gpio-keys/poweroff", "linux,code", 1, "create_gpio_keys", 116),
	V_STR("/gpio-keys/poweroff", "label", "GPIO Key Poweroff", "create_gpio_keys"),
	V_STR("virtio,mmio", "compatible", "virtio,mmio", "create_virtio_devices"),
	V_STR("qemu,fw-cfg-mmio", "compatible", "qemu,fw-cfg-mmio", "create_fw_cfg"),
	V_STR("cfi-flash", "compatible", "cfi-flash", "virt_flash_fdt"),
	V_CELLS("cfi-flash", "bank-width", 1, "virt_flash_fdt", 4),
	V_STR("qemu,platform", "compatible", "qemu,platform\0simple-bus",
	      "platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)"),
	V_CELLS("qemu,platform", "#address-cells", 1,
		"platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)", 1),
	V_CELLS("qemu,platform", "#size-cells", 1,
		"platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)", 1),
	V_REFS("qemu,platform", "interrupt-parent", 1, 1, GIC_COMPATS,
	       "platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)", 0),
	/* The whole of base_memmap[VIRT_PLATFORM_BUS] from bus address 0. */
	V_CELLS("qemu,platform", "ranges", 1,
		"platform_bus_add_all_fdt_nodes (hw/arm/sysbus-fdt.c)", 0, 0, 0x0c000000,
		0x02000000),
	/* The PCIe host (create_pcie, create_pcie_irq_map). */
	V_STR("pci-host-ecam-generic", "compatible", "pci-host-ecam-generic", "create_pcie"),
	V_STR("pci-host-ecam-generic", "device_type", "pci", "create_pcie"),
	V_CELLS("pci-host-ecam-generic", "#address-cells", 1, "create_pcie", 3),
	V_CELLS("pci-host-ecam-generic", "#size-cells", 1, "create_pcie", 2),
	V_CELLS("pci-host-ecam-generic", "#interrupt-cells", 1, "create_pcie", 1),
	V_CELLS("pci-host-ecam-generic", "linux,pci-domain", 1, "create_pcie", 0),
	V_CELLS("pci-host-ecam-generic", "interrupt-map-mask", 1, "create_pcie_irq_map", 0x1800, 0,
		0, 7),
	{ .where = "pci-host-ecam-generic",
	  .prop = "interrupt-map",
	  .kind = VALUE_PCI_INTX_MAP,
	  .always = 1,
	  .cells = { 4, 3 },
	  .ref = GIC_COMPATS,
	  .source = SRC("create_pcie_irq_map, a15irqmap[VIRT_PCIE] = 3") },
	/* I/O, 32-bit and 64-bit memory, none prefetchable, relocatable (create_pcie): the I/O
	 * window from PCI address 0, the memory windows at their CPU addresses. */
	{ .where = "pci-host-ecam-generic",
	  .prop = "ranges",
	  .kind = VALUE_PCI_SPACES,
	  .always = 1,
	  .ncells = 3,
	  .cells = { 0x01000000, 0x02000000, 0x03000000 },
	  .ref = "pcie-pio pcie-mmio high-pcie-mmio",
	  .pci_zero_based = 1,
	  .source = SRC("create_pcie: FDT_PCI_RANGE_IOPORT, _MMIO, _MMIO_64BIT") },
	{ .where = "pci-host-ecam-generic",
	  .prop = "bus-range",
	  .kind = VALUE_PCI_BUS_RANGE,
	  .always = 1,
	  .source = SRC("create_pcie: nr_pcie_buses = ECAM size / 1 MiB") },
	/* To the ITS, or with GICv2 to the v2m frame (create_pcie: vms->msi_phandle). */
	V_REFS_WITH("pci-host-ecam-generic", "msi-map", "arm,gic-v3-its arm,gic-v2m-frame", 2,
		    "arm,gic-v3-its arm,gic-v2m-frame", "create_pcie (vms->msi_phandle)", 0, 0, 0,
		    0x10000),
	/* create_smmu (iommu=smmuv3). */
	V_STR("arm,smmu-v3", "compatible", "arm,smmu-v3", "create_smmu"),
	V_STR("arm,smmu-v3", "interrupt-names", "eventq\0priq\0cmdq-sync\0gerror", "create_smmu"),
	V_CELLS("arm,smmu-v3", "#iommu-cells", 1, "create_smmu", 1),
	V_EMPTY("arm,smmu-v3", "dma-coherent", "create_smmu"),
	/* create_pcie with iommu=smmuv3: every requester ID through the SMMU. */
	V_REFS_WITH("pci-host-ecam-generic", "iommu-map", "arm,smmu-v3", 2, "arm,smmu-v3",
		    "create_pcie (vms->iommu)", 0, 0, 0, 0x10000),
};

const struct profile profile_qemu_virt_7_2 = {
	.name = "qemu-virt-7.2",
	.document = "QEMU 7.2 hw/arm/virt.c base_memmap, extended_memmap, a15irqmap",
	.root_compat = "linux,dummy-virt",
	.regions = regions,
	.nregions = ARRAY_SIZE(regions),
	.irqs = irqs,
	.nirqs = ARRAY_SIZE(irqs),
	.props = props,
	.nprops = ARRAY_SIZE(props),
	.values = values,
	.nvalues = ARRAY_SIZE(values),
	.gicv3_ppi_mask = 0, /* fdt_add_timer_nodes: the mask only with GICv2 */
	/* fdt_add_timer_nodes, fdt_add_pmu_nodes: (1 << smp_cpus) - 1 in bits [15:8] with
	 * GICv2; fdt_add_gic_node writes the maintenance PPI without one. */
	.gicv2_ppi_mask_every_cpu = "arm,armv8-timer arm,armv7-timer " PMU_COMPATS,
	.cpu_map_source = VIRT_C " fdt_add_cpu_nodes",
	/* numa-node-id on each CPU and /distance-map (fdt_add_cpu_nodes), on each memory node
	 * (hw/arm/boot.c arm_load_dtb, one per NUMA node): only with -numa. */
	.numa_source = VIRT_C " fdt_add_cpu_nodes and hw/arm/boot.c arm_load_dtb",
	.cpu_compat_source = VIRT_C " fdt_add_cpu_nodes (the CPU model's dtb_compatible)",
	/* -cpu max is built on the Cortex-A57's init (target/arm/cpu64.c aarch64_max_initfn,
	 * cpu_tcg.c arm_max_initfn) and keeps its dtb_compatible. */
	.software_cpu_compat = "arm,cortex-a57",
};
