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
 * Diagnostic prefixes. A finding is a disagreement and fails its case; a
 * piece of evidence is a conforming observation. A classified MMIO
 * observation carries seven " | "-separated fields after its prefix:
 *   PATH | PART | REG@0xOFF | CHECK | expect E [SPEC] | observed O | CLASS
 */
#define FINDING_PREFIX	"FAIL: "
#define EVIDENCE_PREFIX "evidence: "
#define FIELD_SEPARATOR " | "

/*
 * Case selection (suites= items SUITE.CASE, runtime/selection.h): a suite
 * that runs only some of its cases names the others, in lines of the form
 *   # not selected: CASE, CASE, ...
 * before its first case, so that a reader knows they were left out on
 * purpose and did not vanish.
 */
#define NOT_SELECTED_PREFIX "not selected: "

/*
 * The listing (the bootarg list, runtime/listing.h): top-level diagnostics
 * after a plan of 0 (or 1, the bootargs check), one line per suite, then one
 * per case of it:
 *   # list: suite NAME default|on-request NCASES
 *   # list: case NAME.CASE
 */
#define LIST_PREFIX	"list: "
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

#endif
