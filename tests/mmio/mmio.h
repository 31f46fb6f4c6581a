/* Shared by the mmio suite's files: targets (device + contract) and findings. */
#ifndef TESTS_MMIO_H
#define TESTS_MMIO_H

#include "spec/contract.h"
#include "boot/probe.h"
#include "runtime/suite.h"

/*
 * One classified observation, a greppable line (runtime/protocol.h):
 *   PATH | PART | REG@0xOFF | CHECK | expect E [SPEC] | observed O | CLASS
 * A deviation is a finding ("FAIL: " line, fails the case); required and
 * permitted outcomes are evidence ("evidence: " line).
 */
void mmio_observed(struct test_ctx *t, const struct dt_device *d, const struct device_contract *c,
		   const char *reg, uint32_t off, const char *what, const char *expect,
		   const char *spec, const char *observed, enum finding_class cls);
/* Zero the per-class counts (a case abandoned by an exception leaves them set). */
void finding_reset(void);
/* "# mmio-summary: CASE: N required, N permitted, N deviation"; resets the counts. */
void finding_summary(struct test_ctx *t, const char *case_name);
/* "0x1234" or "abort ESR 0x96000010". */
void describe_outcome(const struct probe_outcome *o, char *buf, unsigned long len);
/* The address of a register in a device, or 0 if the node's reg does not cover it. */
uintptr_t reg_addr(const struct dt_device *d, unsigned region, uint32_t off, unsigned bytes);

#endif
