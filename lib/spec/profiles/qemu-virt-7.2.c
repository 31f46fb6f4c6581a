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
#include "util/util.h"

#define Q(n) "QEMU 7.2 hw/arm/virt.c " n

static const struct profile_region regions[] = {
	{ "flash", REGION_MMIO, 0x00000000, 0x08000000, 0, 0, 0, "cfi-flash", 0, 0,
	  Q("base_memmap[VIRT_FLASH]") },
	{ "gic-dist", REGION_MMIO, 0x08000000, 0x00010000, 0, PR_FIX_BASE, 0,
	  "arm,gic-v3 arm,cortex-a15-gic", 0, 0, Q("base_memmap[VIRT_GIC_DIST]") },
	{ "gic-cpu", REGION_MMIO, 0x08010000, 0x00010000, 0, PR_FIX_BASE, 0, "arm,cortex-a15-gic",
	  0, 0, Q("base_memmap[VIRT_GIC_CPU]") },
	{ "gic-v2m", REGION_MMIO, 0x08020000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,gic-v2m-frame", 0, 0, Q("base_memmap[VIRT_GIC_V2M]") },
	{ "gic-hyp", REGION_MMIO, 0x08030000, 0x00010000, 0, PR_FIX_BASE, 0, "arm,cortex-a15-gic",
	  0, 0, Q("base_memmap[VIRT_GIC_HYP]") },
	{ "gic-vcpu", REGION_MMIO, 0x08040000, 0x00010000, 0, PR_FIX_BASE, 0, "arm,cortex-a15-gic",
	  0, 0, Q("base_memmap[VIRT_GIC_VCPU]") },
	{ "gic-its", REGION_MMIO, 0x08080000, 0x00020000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,gic-v3-its", 0, 0, Q("base_memmap[VIRT_GIC_ITS]") },
	{ "gic-redist", REGION_MMIO, 0x080a0000, 0x00f60000, 0, PR_FIX_BASE, 0, "arm,gic-v3", 0, 0,
	  Q("base_memmap[VIRT_GIC_REDIST]") },
	{ "uart", REGION_MMIO, 0x09000000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0, "arm,pl011",
	  32 + 1, 1, Q("base_memmap[VIRT_UART], a15irqmap[VIRT_UART] = 1") },
	{ "rtc", REGION_MMIO, 0x09010000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0, "arm,pl031",
	  32 + 2, 1, Q("base_memmap[VIRT_RTC], a15irqmap[VIRT_RTC] = 2") },
	{ "fw-cfg", REGION_MMIO, 0x09020000, 0x00000018, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "qemu,fw-cfg-mmio", 0, 0, Q("base_memmap[VIRT_FW_CFG]") },
	{ "gpio", REGION_MMIO, 0x09030000, 0x00001000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0, "arm,pl061",
	  32 + 7, 1, Q("base_memmap[VIRT_GPIO], a15irqmap[VIRT_GPIO] = 7") },
	{ "secure-uart", REGION_ABSENT, 0x09040000, 0x00001000, 0, 0, 0, "arm,pl011", 32 + 8, 1,
	  Q("base_memmap[VIRT_SECURE_UART] (secure world only)") },
	{ "smmu", REGION_MMIO, 0x09050000, 0x00020000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "arm,smmu-v3", 32 + 74, 4,
	  Q("base_memmap[VIRT_SMMU] (iommu=smmuv3), a15irqmap[VIRT_SMMU] = 74") },
	{ "pcdimm-acpi", REGION_MMIO, 0x09070000, 0x00000018, 0, PR_ACPI_ONLY, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_PCDIMM_ACPI] (ACPI only)") },
	{ "acpi-ged", REGION_MMIO, 0x09080000, 0x00000004, 0, PR_ACPI_ONLY, 0, NULL, 32 + 9, 1,
	  Q("base_memmap[VIRT_ACPI_GED] (ACPI only)") },
	{ "nvdimm-acpi", REGION_MMIO, 0x09090000, 0x00000004, 0, PR_ACPI_ONLY, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_NVDIMM_ACPI] (ACPI only)") },
	{ "pvtime", REGION_MMIO, 0x090a0000, 0x00010000, 0, 0, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_PVTIME] (KVM only)") },
	{ "secure-gpio", REGION_ABSENT, 0x090b0000, 0x00001000, 0, 0, 0, "arm,pl061", 0, 0,
	  Q("base_memmap[VIRT_SECURE_GPIO] (secure world only)") },
	{ "virtio-mmio", REGION_MMIO, 0x0a000000, 32 * 0x200, 0x200, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "virtio,mmio", 32 + 16, 1,
	  Q("base_memmap[VIRT_MMIO] x NUM_VIRTIO_TRANSPORTS, a15irqmap[VIRT_MMIO] = 16 + i") },
	{ "platform-bus", REGION_MMIO, 0x0c000000, 0x02000000, 0, 0, 0, "qemu,platform simple-bus",
	  32 + 112, 64, Q("base_memmap[VIRT_PLATFORM_BUS], a15irqmap[VIRT_PLATFORM_BUS] = 112") },
	{ "secure-mem", REGION_ABSENT, 0x0e000000, 0x01000000, 0, 0, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_SECURE_MEM] (secure world only)") },
	{ "pcie-mmio", REGION_MMIO, 0x10000000, 0x2eff0000, 0, 0, 0, "pci-host-ecam-generic", 0, 0,
	  Q("base_memmap[VIRT_PCIE_MMIO]") },
	{ "pcie-pio", REGION_MMIO, 0x3eff0000, 0x00010000, 0, 0, 0, "pci-host-ecam-generic", 0, 0,
	  Q("base_memmap[VIRT_PCIE_PIO]") },
	{ "pcie-ecam", REGION_MMIO, 0x3f000000, 0x01000000, 0, PR_FIX_BASE | PR_FIX_SIZE, 0,
	  "pci-host-ecam-generic", 0, 0,
	  Q("base_memmap[VIRT_PCIE_ECAM] (used when highmem-ecam is off)") },
	{ "ram", REGION_RAM, 0x40000000, 255ull << 30, 0, 0, 0, NULL, 0, 0,
	  Q("base_memmap[VIRT_MEM], LEGACY_RAMLIMIT_BYTES") },
	{ "high-gic-redist2", REGION_MMIO, 0x4000000000ull, 0x04000000, 0,
	  PR_FIX_BASE | PR_FLOATING, 0, "arm,gic-v3", 0, 0,
	  Q("extended_memmap[VIRT_HIGH_GIC_REDIST2] (more than 123 vCPUs)") },
	{ "high-pcie-ecam", REGION_MMIO, 0x4010000000ull, 0x10000000, 0,
	  PR_FIX_BASE | PR_FIX_SIZE | PR_FLOATING, 0, "pci-host-ecam-generic", 0, 0,
	  Q("extended_memmap[VIRT_HIGH_PCIE_ECAM]") },
	{ "high-pcie-mmio", REGION_MMIO, 0x8000000000ull, 0x8000000000ull, 0, PR_FLOATING, 0,
	  "pci-host-ecam-generic", 0, 0, Q("extended_memmap[VIRT_HIGH_PCIE_MMIO]") },
};

static const struct profile_irq irqs[] = {
	{ "timer-phys-s", "arm,armv8-timer", 0, 16 + 13, "QEMU 7.2 virt.h ARCH_TIMER_S_EL1_IRQ 13",
	  0 },
	{ "timer-phys-ns", "arm,armv8-timer", 1, 16 + 14,
	  "QEMU 7.2 virt.h ARCH_TIMER_NS_EL1_IRQ 14", 0 },
	{ "timer-virt", "arm,armv8-timer", 2, 16 + 11, "QEMU 7.2 virt.h ARCH_TIMER_VIRT_IRQ 11",
	  0 },
	{ "timer-hyp", "arm,armv8-timer", 3, 16 + 10, "QEMU 7.2 virt.h ARCH_TIMER_NS_EL2_IRQ 10",
	  0 },
	{ "pmu", "arm,armv8-pmuv3", 0, 16 + 7, "QEMU 7.2 virt.h VIRTUAL_PMU_IRQ 7", 0 },
	/* virt.c fdt_add_gic_node writes it only with virtualization=on (EL2 offered). */
	{ "gic-maintenance", "arm,gic-v3", 0, 16 + 9, "QEMU 7.2 virt.h ARCH_GIC_MAINT_IRQ 9", 1 },
	{ "gic-maintenance", "arm,cortex-a15-gic", 0, 16 + 9,
	  "QEMU 7.2 virt.h ARCH_GIC_MAINT_IRQ 9", 1 },
};

/* What hw/arm/virt.c (7.2) writes on every node of a kind, beyond reg and interrupts. */
#define VIRT_C "QEMU 7.2 hw/arm/virt.c"
static const struct profile_prop props[] = {
	{ "virtio,mmio", "dma-coherent", 1, VIRT_C " create_virtio_devices" },
	{ "qemu,fw-cfg-mmio", "dma-coherent", 1, VIRT_C " create_fw_cfg" },
	{ "pci-host-ecam-generic", "dma-coherent", 1, VIRT_C " create_pcie" },
	{ "arm,pl011", "clocks", 1, VIRT_C " create_uart" },
	{ "arm,pl011", "clock-names", 1, VIRT_C " create_uart" },
	{ "arm,pl011", "dma-coherent", 0, VIRT_C " create_uart" },
	{ "arm,pl031", "clocks", 1, VIRT_C " create_rtc" },
	{ "arm,pl031", "clock-names", 1, VIRT_C " create_rtc" },
	{ "arm,pl061", "clocks", 1, VIRT_C " create_gpio_devices" },
	{ "arm,pl061", "clock-names", 1, VIRT_C " create_gpio_devices" },
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
};
