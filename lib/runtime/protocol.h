/* SPDX-License-Identifier: MIT */
/*
 * What the harness and the host runner agree on. The runner reads this file
 * (scripts/harnesslib/protocol.py parses its #define lines), so each value is
 * defined here once: keep every definition a plain `#define NAME value` line.
 *
 * Guest exit codes (semihosting SYS_EXIT; QEMU exits with them). They are
 * distinct from the runner's own exit statuses (scripts/harnesslib/status.py)
 * except for 0 and 1, which mean the same in both: all passed, some failed.
 */
#ifndef RUNTIME_PROTOCOL_H
#define RUNTIME_PROTOCOL_H

/* 0: the report is complete and no case failed; 1: it is complete and some case failed. */
#define GUEST_EXIT_PASS 0
#define GUEST_EXIT_FAIL 1
/* The DT gave no console: reported through semihosting, if at all. */
#define GUEST_EXIT_NO_CONSOLE 10
/* Stopped outside any case: no end of report follows. */
#define GUEST_EXIT_FATAL 11

/* The last line of a complete report. */
#define REPORT_SENTINEL "# harness: report complete"

/*
 * Records: every line of a report that a machine reads is a KTAP diagnostic
 * of one grammar (docs/report-protocol.md):
 *   # TAG: key=value key=value ... text=free text to the end of the line
 * A value holds no space: the harness writes a space, a backslash, a control
 * or a non-ASCII byte in it as \xNN (record_field); text= comes last and
 * keeps its spaces (ktap_escape). Each tag is declared below as
 *   #define RECORD_NAME "TAG"  and  #define RECORD_NAME_KEYS "KEY ..."
 * where a KEY is required, KEY? optional, and "subject*" stands for any of
 * SUBJECT_KEYS. The host (scripts/harnesslib/records.py) reads these
 * declarations and refuses a record of a declared tag that breaks them.
 *
 * A finding is a disagreement and fails its case; its identity is the suite,
 * the case, its check (a name declared once, beside the check) and its
 * subject (the SUBJECT_KEYS fields, in order). Its text is for people: a
 * baseline, scripts/compare, the matrix and the picture never read it.
 * Evidence is a conforming observation, in the same form. A classified
 * observation (the mmio suite's) also carries, outside its identity, its
 * class (required, permitted or deviation), what the spec expects, the
 * spec's section and what was observed.
 */
/* The declarations read as a table: */
/* clang-format off */
#define RECORD_FINDING	       "FAIL"
#define RECORD_FINDING_KEYS    "check subject* class? expect? spec? observed? text"
#define RECORD_EVIDENCE	       "evidence"
#define RECORD_EVIDENCE_KEYS   "check subject* class? expect? spec? observed? text"
/*
 * Checks no baseline may know: each stands for the harness's own limit or
 * for findings it could not tell apart (past PLAT_MAX_PROBLEMS, past the
 * first transports, a case that made no check, an init that ended), so a
 * known one would hide whatever it stands for.
 */
#define CHECKS_NEVER_KNOWN "problems_recorded more_transports_answer bootargs_problems_kept suite_init_ended case_made_no_checks harness_bad_check_name findings_kept"
/* An exception a case did not expect: it fails the case, and no baseline knows it. */
#define RECORD_UNEXPECTED      "unexpected"
#define RECORD_UNEXPECTED_KEYS "kind from esr text"
/*
 * The subject of a finding or evidence: what it is about, each key a kind of
 * thing, so that findings that differ only in their subject can be grouped.
 */
#define SUBJECT_KEYS "node prop entry part reg off region addr range bank cpu intid sgi device queue form width key call port outcome target"

/*
 * A console that breaks long lines (Xen's console_io) gets them in pieces of
 * CONSOLE_LINE_MAX characters, each but the last followed by
 * CONSOLE_CONTINUES; the runner joins a piece only when it is exactly that.
 */
#define CONSOLE_CONTINUES "\\"
#define CONSOLE_LINE_MAX  200

/* The line after a record that did not fit in one report line (RECORD_MAX). */
#define RECORD_CUT "harness: the record above was cut short"

/*
 * The memory map (memmap suite): the profile (forced=yes when bootargs chose
 * it), each documented region, each DT range, each range probed for a fault
 * (kind: gap, not-in-dt, outside-regs, outside-banks, acpi-only), the
 * sweep's runs (first, last) and its totals (points, answered, time_us), and
 * how many findings the suite made. Its findings are FAIL records whose
 * subject holds region= (the documented region), node=, range= or addr=.
 */
#define RECORD_MEMMAP_PROFILE	    "memmap-profile"
#define RECORD_MEMMAP_PROFILE_KEYS  "name gic pa_bits mapped_pa_bits reach_bits? document forced text?"
#define RECORD_MEMMAP_REGION	    "memmap-region"
#define RECORD_MEMMAP_REGION_KEYS   "name kind doc dt probe findings"
#define RECORD_MEMMAP_DT	    "memmap-dt"
#define RECORD_MEMMAP_DT_KEYS	    "node region reg? window? bank?"
#define RECORD_MEMMAP_GAP	    "memmap-gap"
#define RECORD_MEMMAP_GAP_KEYS	    "range kind region? probes? faulted? first? text?"
#define RECORD_MEMMAP_SWEEP	    "memmap-sweep"
#define RECORD_MEMMAP_SWEEP_KEYS    "first? last? outcome? region? points? answered? esr? time_us? folded?"
#define RECORD_MEMMAP_FINDINGS	    "memmap-findings"
#define RECORD_MEMMAP_FINDINGS_KEYS "count"
/* The mmio suite: a device part it holds to a contract (reg[index]), and a case's counts. */
#define RECORD_MMIO_TARGET	    "mmio-target"
#define RECORD_MMIO_TARGET_KEYS	    "node part index range"
#define RECORD_MMIO_SUMMARY	    "mmio-summary"
#define RECORD_MMIO_SUMMARY_KEYS    "case required permitted deviation"
/*
 * The bench suite (tests/bench/bench.h): a figure per timed operation (ns per
 * operation; a transfer's also its bytes and MB/s; an MMIO figure the role
 * of its device part, the contract's, so that two platforms' figures pair up
 * by role and register whatever their DT paths), what was not timed and
 * why, the time base, and the summary's figures (name, value).
 */
#define RECORD_BENCH		    "bench"
#define RECORD_BENCH_KEYS	    "op target samples batch min_ns p10_ns median_ns p90_ns p99_ns max_ns loop_ns bytes? median_mb_s? role?"
#define RECORD_BENCH_UNTIMED	    "bench-untimed"
#define RECORD_BENCH_UNTIMED_KEYS   "op target? device? text"
#define RECORD_BENCH_INFO	    "bench-info"
#define RECORD_BENCH_INFO_KEYS	    "counter_hz resolution_ns loop_ticks_batch1 batch loop_ticks_per_batch text?"
#define RECORD_BENCH_SUMMARY	    "bench-summary"
#define RECORD_BENCH_SUMMARY_KEYS   "name value? text?"
/*
 * Where the guest's time went, a diagnostic and never a finding: each case's
 * elapsed time (after its result's lines, before its result), each suite's
 * (init_us its init, us init and cases), and at top level, after the last
 * suite, the suites' total and the counter when the first began (start_us:
 * on QEMU the guest's time from power-on, its boot and DT parse included).
 */
#define RECORD_TIME		    "time"
#define RECORD_TIME_KEYS	    "suite? case? us init_us? start_us?"
/* The dma suite's transfers: how fast a device moved the bytes it was checked on. */
#define RECORD_DMA_THROUGHPUT	    "dma-throughput"
#define RECORD_DMA_THROUGHPUT_KEYS  "device node how bytes us kbps"
/* clang-format on */

/*
 * vm_numa=N: the NUMA nodes the runner gave QEMU (scripts/run --numa), in its
 * layout: node i has the i-th of N equal shares of the RAM from its base and
 * the CPUs of index i*C/N up to (i+1)*C/N - 1 (C CPUs), and every two nodes
 * are at VM_NUMA_DISTANCE. QEMU writes one memory node per NUMA node, and the
 * harness keeps 16 banks (lib/dt/platform.h PLAT_MAX_BANKS): more nodes would
 * drop some of the RAM.
 */
#define VM_NUMA_NODES_MAX 16
#define VM_NUMA_DISTANCE  20

/*
 * The PCI devices the runner attaches (scripts/run --pci, bootarg vm_pci=),
 * each in its own slot (function 0) of the root bus: QEMU's pci-testdev with
 * a 64-bit prefetchable BAR of PCI_TESTDEV_MEMBAR bytes, QEMU's edu device,
 * a virtio-rng-pci, and a modern-only virtio-blk-pci whose read-only disk
 * holds the DISK_* pattern below (DISK_SECTORS sectors, none rewritten).
 */
#define PCI_SLOT_TESTDEV 1
#define PCI_SLOT_EDU	 2
#define PCI_SLOT_VIRTIO	 3
#define PCI_SLOT_BLK	 4
/*
 * A PCI Express to PCI bridge (QEMU's pcie-pci-bridge) in root-bus slot
 * PCI_SLOT_BRIDGE (--pci bridge): an e1000, which needs no MSI controller,
 * in slot PCI_BRIDGE_NIC_SLOT of its secondary bus, and with --pci edu an
 * edu in slot PCI_BRIDGE_EDU_SLOT; a conventional PCI bridge (pci-bridge)
 * in its slot PCI_BRIDGE_NESTED_SLOT with a second e1000 in slot
 * PCI_NESTED_NIC_SLOT behind that: bus numbers, windows, the INTx swizzle
 * (twice for the nested one: INTA of 02:01.0 reaches the root bus as INTD
 * of slot 5, where no swizzle, or one, would give INTA, INTB or INTC) and
 * the requester ID of an MSI past the root bus.
 */
#define PCI_SLOT_BRIDGE	       5
#define PCI_BRIDGE_EDU_SLOT    1
#define PCI_BRIDGE_NIC_SLOT    2
#define PCI_BRIDGE_NESTED_SLOT 6
#define PCI_NESTED_NIC_SLOT    1
#define PCI_TESTDEV_MEMBAR     0x100000

/*
 * Claim coverage (dt/claims.h), after the last suite: how many of the tree's
 * claims were held against a probe, against the documentation, through
 * their use in holding another, in form only, or not at all (suites=some
 * when only some suites ran; unlisted: unchecked claims past the report's
 * limit), then each unchecked claim with why. node=(header) for the
 * header's boot CPU and reservation block (index: the entry).
 */
/* clang-format off */
#define RECORD_CLAIMS	       "claims"
#define RECORD_CLAIMS_KEYS     "probe doc use form unchecked total dropped unlisted suites"
#define RECORD_UNCHECKED       "unchecked"
#define RECORD_UNCHECKED_KEYS  "node prop index? text"
/* clang-format on */
#define CLAIM_HEADER_NODE "(header)"

/*
 * Case selection (suites= items SUITE.CASE, runtime/selection.h): a suite
 * that runs only some of its cases names each of the others, before its
 * first case, so that a reader knows they were left out on purpose and did
 * not vanish. The listing (the bootarg list, runtime/listing.h): top-level
 * records after a plan of 0 (or 1, the bootargs check), one per suite, then
 * one per case of it; runs= is LIST_DEFAULT or LIST_ON_REQUEST.
 */
/* clang-format off */
#define RECORD_NOT_SELECTED	 "not-selected"
#define RECORD_NOT_SELECTED_KEYS "case"
#define RECORD_LIST_SUITE	 "list-suite"
#define RECORD_LIST_SUITE_KEYS	 "name runs cases"
#define RECORD_LIST_CASE	 "list-case"
#define RECORD_LIST_CASE_KEYS	 "suite name runs"
/* clang-format on */
#define LIST_DEFAULT	"default"
#define LIST_ON_REQUEST "on-request"

/*
 * The scratch disk the runner attaches as virtio-blk (--virtio blk) and
 * checks after the run. 64-bit little-endian word w of sector s holds
 * DISK_PATTERN | s << 16 | w; the dma suite verifies that, overwrites
 * DISK_WRITE_COUNT sectors from DISK_WRITE_FIRST with the complement, and
 * the runner checks that exactly those changed. DISK_LOOSE_COUNT sectors
 * from DISK_LOOSE_FIRST hold whatever a device read from targets that are
 * not RAM (the dma suite's targets case): the host check ignores them.
 */
#define DISK_SECTORS	 2048
#define DISK_PATTERN	 0x5ec7000000000000
#define DISK_WRITE_FIRST 1000
#define DISK_WRITE_COUNT 40
#define DISK_LOOSE_FIRST 2032
#define DISK_LOOSE_COUNT 16

/*
 * The file the runner gives QEMU's fw_cfg (-fw_cfg name=FWCFG_FILE_NAME):
 * FWCFG_FILE_SIZE bytes whose 64-bit little-endian word w holds
 * FWCFG_PATTERN | w. Items from the command line are read-only to the guest
 * (QEMU docs/specs/fw_cfg), so the dma suite only reads it, and tries a
 * write it must refuse.
 */
#define FWCFG_FILE_NAME "opt/harness/dma-pattern"
#define FWCFG_FILE_SIZE 524288
#define FWCFG_PATTERN	0xf1c6000000000000

/*
 * The initial ramdisk the runner gives the guest (QEMU -initrd, Xen a
 * "multiboot,ramdisk" module, or loaded beside a --dtb tree), which the boot
 * suite's initrd case finds through /chosen linux,initrd-start/-end. Four
 * 64-bit little-endian words: INITRD_MAGIC, the file's length in bytes, the
 * FNV-1a 64 hash of the bytes after the header, 0; then byte i of the
 * payload is the low byte of (INITRD_PATTERN | i / 8) >> (8 * (i % 8)).
 * INITRD_FILE_SIZE is no multiple of 8 or of a page: an end rounded up is seen.
 */
#define INITRD_FILE_NAME   "initrd.bin"
#define INITRD_FILE_SIZE   12300
#define INITRD_HEADER_SIZE 32
#define INITRD_MAGIC	   0x3144524e49525448
#define INITRD_PATTERN	   0x1e1d000000000000
#define INITRD_FNV_OFFSET  0xcbf29ce484222325
#define INITRD_FNV_PRIME   0x100000001b3

#endif
