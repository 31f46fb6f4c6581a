# SPDX-License-Identifier: MIT
"""The host side of the harness (Python standard library only). The scripts
in scripts/ are thin entry points; each calls one module's main through cli.

Where things are and what both sides agree on:
  paths          the repository root and the paths derived from it (computed once)
  protocol       lib/runtime/protocol.h read at import: guest exit codes, the
                 report's sentinel, the finding/evidence prefixes
  status         the runner's own exit statuses (distinct from the guest's but 0, 1)

A run (scripts/run -> runner):
  runner         options, the run's steps, the files it writes
  qemu, xen      the platforms: command line, console reading, exit code
  capture        the platform process and its console, to the sentinel or a timeout
  ktap           KTAP into suites, cases and diagnostics
  verdict        the run's status from the capture and the report
  progress       what the terminal shows while a run goes
  junit, memmap_report, mmio_report   the files a run writes from its report

Tests and generators:
  testspec       the integration tests: .tests blocks and the test trees' header lines
  integration    scripts/integration: runs them
  broken_dtbs    scripts/make-broken-dtbs: byte-level broken trees, with their expectations
  testdriver     scripts/test (`make test`): its STAGES
  docs, bench    scripts/docs, scripts/bench
  gen_xen_profile, gen_xen_abi   scripts/gen-xen-profile, scripts/gen-xen-abi
"""
