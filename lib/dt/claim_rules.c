// SPDX-License-Identifier: MIT
/*
 * The bindings as the harness understands them, property by property
 * (Devicetree Specification 0.4 ch. 2-3; Linux's binding YAMLs for the
 * nodes QEMU 7.2 virt and Xen 4.17's domain builder write). Specific rules
 * first: the first match wins. A property no rule names, and no suite
 * holds, is unchecked because nothing in the harness reads it.
 */
#include "dt/claim_rules.h"

#include "util/util.h"

#define FORM(c, n, p, why)                                                                         \
	{                                                                                          \
		c, n, p, CLAIM_FORM, VIA_NONE, 0, why                                              \
	}
#define USE(c, n, p, scope, via, why)                                                              \
	{                                                                                          \
		c, n, p, CLAIM_USE, scope, via, why                                                \
	}
#define NOT(c, n, p, why)                                                                          \
	{                                                                                          \
		c, n, p, CLAIM_UNCHECKED, VIA_NONE, 0, why                                         \
	}

const struct claim_rule claim_rules[] = {
	/* The header. */
	FORM(0, 0, CLAIM_MEMRESERVE,
	     "each entry must lie in RAM (dt/memory), and the harness "
	     "writes none of it"),
	/* The Devicetree Specification's own place for it (3.3): read there and nowhere else. */
	FORM(0, "aliases", CLAIM_PLACE, "read at /aliases, where the specification puts it"),
	/* Any node's place: held where a profile says where its nodes go (memmap/places). */
	NOT(0, 0, CLAIM_PLACE,
	    "where the node sits: no documentation the run holds names a node at this place"),
	/* Any node: the structure the model itself decodes and checks. */
	USE(0, 0, "phandle", VIA_REFERRER, 0,
	    "names the node to a reference that is held (unique: dt/structure)"),
	USE(0, 0, "linux,phandle", VIA_REFERRER, 0,
	    "the old name of phandle, held as phandle is (the same value: dt/structure)"),
	/* A CPU stays in the model whatever its status (dt/cpus.c): the smp suite judges it. */
	NOT(0, "cpu", "status",
	    "a CPU's status: held where the smp suite starts the CPU (okay, disabled) or judges "
	    "that it stays off (fail)"),
	FORM(0, 0, "status",
	     "a node not \"okay\" is left out of what the suites drive (devices, banks, GICs, "
	     "reservations)"),
	/* A PCI host's cells decode its own ranges' PCI side (its children are not in the tree). */
	USE("pci-host-ecam-generic", 0, "#address-cells", VIA_SELF, "ranges",
	    "decodes the PCI addresses of its ranges"),
	USE("pci-host-ecam-generic", 0, "#size-cells", VIA_SELF, "ranges",
	    "decodes the sizes of its ranges"),
	USE("pci-host-ecam-generic", 0, "#interrupt-cells", VIA_SELF, "interrupt-map",
	    "decodes the child specifiers of its own interrupt-map"),
	USE(0, 0, "#address-cells", VIA_CHILDREN, "reg", "decodes its children's reg"),
	USE(0, 0, "#size-cells", VIA_CHILDREN, "reg", "decodes its children's reg"),
	USE(0, 0, "#interrupt-cells", VIA_CONTROLLED, 0,
	    "decodes the interrupts that go to it: held when one of them is"),
	USE(0, 0, "interrupt-parent", VIA_INHERITORS, "interrupts",
	    "routes the node's interrupts, and those below it that name no parent: held when one "
	    "of them is"),
	USE(0, 0, "interrupt-controller", VIA_CONTROLLED, 0,
	    "makes the node a controller: held when an interrupt that goes to it is"),
	USE(0, 0, "cpu", VIA_TARGET, "reg",
	    "names a CPU of /cpus (dt/cpus), held when that CPU's reg is: the smp suite starts it"),
	USE(0, "memory", "device_type", VIA_SELF, "reg",
	    "makes the node a memory bank: held when the bank's reg is"),
	USE(0, "cpu", "device_type", VIA_SELF, "reg", "makes the node a CPU: held when its reg is"),
	USE(0, 0, "ranges", VIA_TRANSLATED, "reg",
	    "translates its children's reg: held when one is (never for unsized addresses, "
	    "such as /cpus')"),
	FORM(0, "chosen", "bootargs", "read as the harness's options (bootargs)"),
	FORM(0, "chosen", "linux,usable-memory-range", "each range must lie in RAM (dt/memory)"),
	FORM(0, "aliases", 0,
	     "each must name a node, a serialN one a UART the model knows (dt/structure, "
	     "dt/console)"),
	FORM(0, "memory", "linux,usable-memory", "each range must lie in RAM (dt/memory)"),
	/* Random or free text by design: no value to hold. */
	NOT(0, "chosen", "rng-seed", "random by design: nothing to hold it against"),
	NOT(0, "chosen", "kaslr-seed", "random by design: nothing to hold it against"),
	NOT(0, 0, "model", "free text for people"),
	NOT(0, 0, "label", "free text for people"),
	/* What no check of this harness can tell right from wrong. */
	NOT(0, 0, "dma-coherent", "no check tells a coherent device from one that is not"),
	NOT(0, 0, "clocks",
	    "each reference names a clock provider (dt/structure), but the harness holds no "
	    "clock tree: the PrimeCells' clock is not measured"),
	NOT(0, 0, "clock-names", "the harness holds no clock tree"),
	NOT("fixed-clock", 0, "clock-frequency", "a fixed clock's rate: nothing measures it"),
	NOT("fixed-clock", 0, "#clock-cells", "the harness holds no clock tree"),
	NOT("fixed-clock", 0, "clock-output-names", "the harness holds no clock tree"),
	NOT(0, 0, "linux,code", "a key code: no key is pressed here"),
	NOT(0, 0, "gpio-controller", "no GPIO line is driven"),
	NOT(0, 0, "#gpio-cells", "no GPIO line is driven"),
	NOT(0, 0, "gpios",
	    "each reference names a gpio-controller (dt/structure), but no GPIO line is driven"),
	NOT("cfi-flash", 0, "bank-width", "the flash is read, never programmed"),
	NOT("arm,armv8-timer", 0, "always-on", "no power state the harness enters stops the timer"),
	/*
	 * PCIe: the pci suite holds bus-range, device_type, ranges, interrupt-map(-mask),
	 * msi-map, msi-parent and iommu-map against the bus; these two it cannot.
	 */
	NOT("pci-host-ecam-generic", 0, "linux,pci-domain",
	    "one host bridge: no other domain to tell it from"),
	NOT("pci-host-ecam-generic", 0, "dma-coherent",
	    "no check tells a coherent device from one that is not"),
	NOT("pci-host-ecam-generic", 0, "dma-ranges",
	    "held by a pci DMA that used it (virtio_blk; dma with depth=full), when it has one "
	    "entry and gives the harness's buffers bus addresses that are safe to use"),
	/*
	 * The model checks these for form, which no value lie fails: a suite that asks
	 * the platform or the documentation holds them, else they are unchecked.
	 */
	NOT(0, 0, "compatible",
	    "a string list (dt/structure), but no check here holds its value: no suite "
	    "drives the node, and no documentation the run holds writes it"),
	NOT(0, 0, "reg",
	    "cells, length and ranges (dt/reg), but no check here holds its value: nothing "
	    "answers there that a suite asks, and no documentation the run holds places it"),
	NOT(0, 0, "interrupts",
	    "cells, and each a PPI or SPI in range (dt/interrupts), but no check here holds "
	    "its value: nothing raises it, and no documentation the run holds wires it"),
	NOT(0, 0, "interrupts-extended",
	    "cells, and each reference resolves (dt/interrupts), but no check here holds its "
	    "value: nothing raises it, and no documentation the run holds wires it"),
	NOT(0, "cpu", "enable-method", "a known method (dt/cpus), but nothing starts this CPU"),
	NOT(0, "chosen", "stdout-path",
	    "resolves to an enabled UART (dt/console), but the "
	    "harness writes no report through it"),
	NOT("arm,psci", 0, "method", "hvc or smc (dt/psci), but no PSCI call is made"),
};
const unsigned claim_rules_count = ARRAY_SIZE(claim_rules);
_Static_assert(ARRAY_SIZE(claim_rules) < 0xff, "a claim keeps its rule's index in a byte");
