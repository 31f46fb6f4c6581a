# SPDX-License-Identifier: MIT
"""Generate the xen-4.17 profile from Xen's public arch-arm.h.

The GUEST_* block of <xen/arch-arm.h> (Debian libxen-dev) is the documented
domU memory map. This script compiles the header with the host compiler and
-D__XEN_TOOLS__ (the block is hidden otherwise), prints every GUEST_* value
the compiler computes, and writes them as a profile (C source).

    scripts/gen-xen-profile [--header H] [--out FILE]   write the profile
    scripts/gen-xen-profile --check FILE                 fail if FILE differs

What a value means (RAM window, device, reserved; which DT compatible sits
there; which interrupt) is not in the header: the table MEANING below says
it, and every GUEST_* macro must be either in it or in IGNORED with a reason,
so a new macro in a later header stops the script instead of vanishing.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HEADER = "/usr/include/xen/arch-arm.h"
CC = os.environ.get("HOSTCC", "gcc")

# region name -> (base macro, size macro, kind, flags, gic, compat, irq macros, slot)
MEANING = [
    (
        "virtio-mmio",
        "GUEST_VIRTIO_MMIO_BASE",
        "GUEST_VIRTIO_MMIO_SIZE",
        "REGION_MMIO",
        "0",
        0,
        "virtio,mmio",
        ("GUEST_VIRTIO_MMIO_SPI_FIRST", "GUEST_VIRTIO_MMIO_SPI_LAST"),
        0x200,
    ),
    (
        "gicd",
        "GUEST_GICD_BASE",
        "GUEST_GICD_SIZE",
        "REGION_MMIO",
        "PR_FIX_BASE | PR_FIX_SIZE",
        2,
        "arm,gic-400 arm,cortex-a15-gic",
        None,
        0,
    ),
    (
        "gicc",
        "GUEST_GICC_BASE",
        "GUEST_GICC_SIZE",
        "REGION_MMIO",
        "PR_FIX_BASE | PR_FIX_SIZE",
        2,
        "arm,gic-400 arm,cortex-a15-gic",
        None,
        0,
    ),
    (
        "gicv3-gicd",
        "GUEST_GICV3_GICD_BASE",
        "GUEST_GICV3_GICD_SIZE",
        "REGION_MMIO",
        "PR_FIX_BASE | PR_FIX_SIZE",
        3,
        "arm,gic-v3",
        None,
        0,
    ),
    (
        "gicv3-gicr0",
        "GUEST_GICV3_GICR0_BASE",
        "GUEST_GICV3_GICR0_SIZE",
        "REGION_MMIO",
        "PR_FIX_BASE",
        3,
        "arm,gic-v3",
        None,
        0,
    ),
    (
        "vpci-ecam",
        "GUEST_VPCI_ECAM_BASE",
        "GUEST_VPCI_ECAM_SIZE",
        "REGION_RESERVED",
        "0",
        0,
        "pci-host-ecam-generic",
        None,
        0,
    ),
    ("acpi", "GUEST_ACPI_BASE", "GUEST_ACPI_SIZE", "REGION_RESERVED", "0", 0, None, None, 0),
    (
        "pl011",
        "GUEST_PL011_BASE",
        "GUEST_PL011_SIZE",
        "REGION_MMIO",
        "PR_FIX_BASE | PR_FIX_SIZE",
        0,
        "arm,sbsa-uart",
        ("GUEST_VPL011_SPI", "GUEST_VPL011_SPI"),
        0,
    ),
    (
        "vpci-mem",
        "GUEST_VPCI_MEM_ADDR",
        "GUEST_VPCI_MEM_SIZE",
        "REGION_RESERVED",
        "0",
        0,
        "pci-host-ecam-generic",
        None,
        0,
    ),
    (
        "gnttab",
        "GUEST_GNTTAB_BASE",
        "GUEST_GNTTAB_SIZE",
        "REGION_RESERVED",
        "PR_FIX_BASE | PR_FIX_SIZE",
        0,
        "xen,xen",
        None,
        0,
    ),
    ("magic", "GUEST_MAGIC_BASE", "GUEST_MAGIC_SIZE", "REGION_RESERVED", "0", 0, None, None, 0),
    # Extended regions (the /hypervisor node's reg after the grant table) are
    # holes in the RAM windows: a xen,xen reg may sit there.
    ("ram0", "GUEST_RAM0_BASE", "GUEST_RAM0_SIZE", "REGION_RAM", "0", 0, "xen,xen", None, 0),
    (
        "vpci-prefetch-mem",
        "GUEST_VPCI_PREFETCH_MEM_ADDR",
        "GUEST_VPCI_PREFETCH_MEM_SIZE",
        "REGION_RESERVED",
        "0",
        0,
        "pci-host-ecam-generic",
        None,
        0,
    ),
    ("ram1", "GUEST_RAM1_BASE", "GUEST_RAM1_SIZE", "REGION_RAM", "0", 0, "xen,xen", None, 0),
]
# interrupt name -> (macro, DT compatibles of the node (any of them), index in its interrupts);
# make_timer_node writes armv8-timer for a 64-bit domain, armv7-timer for a 32-bit one.
TIMER = "arm,armv8-timer arm,armv7-timer"
IRQS = [
    ("timer-phys-s", "GUEST_TIMER_PHYS_S_PPI", TIMER, 0),
    ("timer-phys-ns", "GUEST_TIMER_PHYS_NS_PPI", TIMER, 1),
    ("timer-virt", "GUEST_TIMER_VIRT_PPI", TIMER, 2),
    ("evtchn", "GUEST_EVTCHN_PPI", "xen,xen", 0),
]
# The trigger the domain builder writes (flags[3:0]), which arch-arm.h does not say:
# xen/arch/arm/domain_build.c make_timer_node and make_hypervisor_node (DT_IRQ_TYPE_LEVEL_LOW,
# "the timer IRQ ... always exposes an active-low level-sensitive interrupt"),
# make_vpl011_uart_node (DT_IRQ_TYPE_LEVEL_HIGH). By region or interrupt name.
# The CPU mask in every PPI's flags (domain_build.c set_interrupt(..., 0xf, ...)), GICv3 too.
XEN_PPI_MASK = 0xF
TRIGGERS = {"timer-phys-s": 8, "timer-phys-ns": 8, "timer-virt": 8, "evtchn": 8, "pl011": 4}
IGNORED = {
    "GUEST_VPCI_ADDR_TYPE_MEM": "PCI address-space code of a ranges entry, not an address",
    "GUEST_VPCI_ADDR_TYPE_PREFETCH_MEM": "PCI address-space code of a ranges entry, not an address",
    "GUEST_GICV3_RDIST_REGIONS": "count of GICR regions (the one region is in the table)",
    "GUEST_RAM_BANKS": "count of RAM windows (both are in the table)",
    "GUEST_RAM_BASE": "alias of GUEST_RAM0_BASE",
    "GUEST_RAM_MAX": "sum of the RAM window sizes",
    "GUEST_RAM_BANK_BASES": "initialiser list of the RAM window bases",
    "GUEST_RAM_BANK_SIZES": "initialiser list of the RAM window sizes",
    "GUEST_MAX_VCPUS": "vCPU limit (bounds GICR0)",
}
KNOWN = {m for row in MEANING for m in row[1:3] + (row[7] or ())} | {row[1] for row in IRQS}


def die(msg):
    sys.exit(f"gen-xen-profile: {msg}")


def guest_macros(header):
    r = subprocess.run(
        [CC, "-E", "-dM", "-D__XEN_TOOLS__", "-include", header, "-x", "c", "/dev/null"],
        capture_output=True,
        text=True,
    )
    if r.returncode:
        die(f"{CC} could not read {header}:\n{r.stderr}")
    names = sorted(set(re.findall(r"^#define (GUEST_\w+)\b(?!\()", r.stdout, re.M)))
    if not names:
        die(f"{header} defines no GUEST_* macro with -D__XEN_TOOLS__")
    return names


def values(header, names):
    """Let the compiler evaluate each macro: no parsing of C expressions here."""
    # arch-arm.h is meant to be reached through xen.h, which gives it the
    # fixed-width types and xen_mk_ullong (a ULL suffix in C).
    src = (
        "#include <stdint.h>\n#include <stdio.h>\n#define xen_mk_ullong(x) x##ULL\n"
        '#include "%s"\nint main(void)\n{\n' % header
    )
    for n in names:
        src += f'\tprintf("%s 0x%%llx\\n", (unsigned long long)({n}));\n' % n
    src += "\treturn 0;\n}\n"
    with tempfile.TemporaryDirectory() as d:
        c, exe = os.path.join(d, "v.c"), os.path.join(d, "v")
        open(c, "w").write(src)
        r = subprocess.run([CC, "-D__XEN_TOOLS__", "-o", exe, c], capture_output=True, text=True)
        if r.returncode:
            die(f"could not compile the value printer:\n{r.stderr}")
        out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    return {k: int(v, 16) for k, v in (line.split() for line in out.splitlines())}


def package_version():
    r = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "libxen-dev"], capture_output=True, text=True
    )
    return r.stdout.strip() if r.returncode == 0 else "unknown"


def without_banner_version(text):
    return re.sub(r"\(Debian libxen-dev [^)]*\)", "(Debian libxen-dev)", text)


def render(header, v):
    used = set()
    lines = [
        "// SPDX-License-Identifier: MIT",
        "/*",
        " * GENERATED by scripts/gen-xen-profile from <xen/arch-arm.h>",
        f" * (Debian libxen-dev {package_version()}), GUEST_* block compiled with",
        " * -D__XEN_TOOLS__. Do not edit: `make check-profiles` fails if this file",
        " * and the header disagree. The meaning of each value is the script's table;",
        " * the domain builder's values are transcribed by hand in xen-4.17-domu.h.",
        " */",
        '#include "spec/profile.h"',
        '#include "spec/profiles/xen-4.17-domu.h"',
        "",
        "static const struct profile_region regions[] = {",
    ]
    for name, b, s, kind, flags, gic, compat, irq, slot in MEANING:
        for m in (b, s) + (irq or ()):
            if m not in v:
                die(f"{m} is not defined by the header")
            used.add(m)
        intid, nintid = (v[irq[0]], v[irq[1]] - v[irq[0]] + 1) if irq else (0, 0)
        src = f"{b}, {s}" + (
            f", {irq[0]}" + (f"..{irq[1]}" if irq[1] != irq[0] else "") if irq else ""
        )
        c = f'"{compat}"' if compat else "NULL"
        lines += [
            f'\t{{"{name}", {kind}, {v[b]:#x}ull, {v[s]:#x}ull, {slot:#x}, {flags}, {gic}, {c},',
            f'\t {intid}, {nintid}, "arch-arm.h {src}", {TRIGGERS.get(name, 0)}}},',
        ]
    lines += ["};", "", "static const struct profile_irq irqs[] = {"]
    for name, m, compat, index in IRQS:
        if m not in v:
            die(f"{m} is not defined by the header")
        used.add(m)
        trig = TRIGGERS[name]
        lines.append(
            f'\t{{"{name}", "{compat}", {index}, {v[m]}, "arch-arm.h {m}", IRQ_ALWAYS, {trig}}},'
        )
    lines += [
        "};",
        "",
        "const struct profile profile_xen_4_17 = {",
        '\t.name = "xen-4.17",',
        '\t.document = "Xen 4.17 public/arch-arm.h GUEST_*",',
        '\t.hyp_compat = "xen,xen-4.17",',
        "\t.regions = regions,",
        "\t.nregions = sizeof(regions) / sizeof(regions[0]),",
        "\t.irqs = irqs,",
        "\t.nirqs = sizeof(irqs) / sizeof(irqs[0]),",
        "\t.values = domu_values,",
        "\t.nvalues = sizeof(domu_values) / sizeof(domu_values[0]),",
        f"\t.gicv3_ppi_mask = {XEN_PPI_MASK:#x}, /* make_timer_node, whatever the GIC */",
        "};",
        "",
    ]
    return "\n".join(lines)


def main(argv):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--header", default=HEADER, help="Xen's public arch-arm.h (default %(default)s)"
    )
    ap.add_argument("--out", help="write here (default: standard output)")
    ap.add_argument("--check", metavar="FILE", help="compare with FILE instead of writing")
    a = ap.parse_args(argv)
    if not os.path.exists(a.header):
        die(f"{a.header} not found (Debian package libxen-dev; run scripts/setup)")
    names = guest_macros(a.header)
    unknown = [n for n in names if n not in IGNORED and n not in KNOWN]
    if unknown:
        die("GUEST_* macros with no meaning in this script's table: " + ", ".join(unknown))
    text = render(a.header, values(a.header, [n for n in names if n not in IGNORED]))
    if a.check:
        old = open(a.check).read() if os.path.exists(a.check) else ""
        # The package version in the banner may move with a Debian update that
        # leaves every value alone: compare what the header says, not who built it.
        if without_banner_version(old) != without_banner_version(text):
            import difflib

            sys.stdout.writelines(
                difflib.unified_diff(
                    old.splitlines(True), text.splitlines(True), a.check, "generated"
                )
            )
            die(f"{a.check} differs from what {a.header} gives; regenerate with `make profiles`")
        print(f"gen-xen-profile: {a.check} matches {a.header}")
        return 0
    if a.out:
        open(a.out, "w").write(text)
    else:
        sys.stdout.write(text)
    return 0
