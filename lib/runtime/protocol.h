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

#endif
