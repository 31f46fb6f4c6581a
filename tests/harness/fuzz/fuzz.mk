# SPDX-License-Identifier: MIT
# Host fuzzing of the DT model (lib/dt) with libFuzzer from Debian's clang 14,
# under ASan and UBSan. Included by the Makefile.
#   make fuzz        a long run: FUZZ_RUNS executions (default 10 million),
#                    or FUZZ_SECONDS seconds when set; prints the figures
#   make fuzz-short  about FUZZ_SHORT_SECONDS (25) seconds, for `make test`;
#                    ends with "fuzz: N passed, N failed, N skipped"
# Both fail on any crash, leak or sanitizer report; the reproducer is left in
# $(O)/fuzz/crashes/ and its path printed. The seed corpus is made at build
# time in $(O)/fuzz/seeds/ from dts/ (dtc), the byte-level broken trees
# (scripts/make-broken-dtbs), tests/harness/fuzz/seeds/*.dts, the model's
# limits (gen-limits-seed) and QEMU dumpdtb trees (GICv2, GICv3, EL2,
# secure); what the fuzzer finds grows in $(O)/fuzz/corpus/. Reproducers of
# the bugs found are kept in tests/harness/fuzz/crashes/ and re-run first.
# One fuzzing process (libFuzzer's default; no -jobs/-workers, which would
# fork a worker whose output goes to a fuzz-N.log of its own).
FUZZ_CC ?= clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -I. -Ilib
# Known bugs the target can skip so that the rest is fuzzed, each with its
# reproducer in tests/harness/fuzz/crashes/ (all three are fixed now, so none
# is skipped by default):
#   short       platform_parse() lets libfdt read a header longer than the
#               input (short-header.dtb): parse.c must check max_size first
#   oldversion  libfdt 1.6.1's fdt_check_full() crashes on a version < 16
#               tree (v15-root-name.dtb): parse.c must refuse those first
#   proplen     libfdt 1.6.1's fdt_check_full() never returns on a property
#               of length 0xfffffff4 (prop-len-minus-12.dtb): parse.c must
#               check property lengths before handing the tree to libfdt
FUZZ_SKIP ?=
FUZZ_CFLAGS += $(addprefix -DDT_FUZZ_SKIP_,$(FUZZ_SKIP))
FUZZ_RUNS ?= 10000000
FUZZ_SECONDS ?=
FUZZ_SHORT_SECONDS ?= 25
FUZZ_SHORT_SEED ?= 1
FUZZ_OPTS ?=
FUZZ_QEMU ?= qemu-system-aarch64

FUZZ_DIR := $(O)/fuzz
# One binary per setting of FUZZ_SKIP, so that changing it rebuilds.
FUZZ_BIN := $(FUZZ_DIR)/dt_fuzz$(subst $(eval) ,,$(addprefix -,$(sort $(FUZZ_SKIP))))
FUZZ_SEEDS := $(FUZZ_DIR)/seeds
FUZZ_SRC := tests/harness/fuzz
FUZZ_FLAGS := -dict=$(FUZZ_SRC)/dt.dict -max_len=49152 -timeout=10 -rss_limit_mb=2048 \
	-report_slow_units=5 $(FUZZ_OPTS)
FUZZ_REPRODUCERS := $(wildcard $(FUZZ_SRC)/crashes/*.dtb)

$(FUZZ_BIN): $(FUZZ_SRC)/dt_fuzz.c $(wildcard lib/dt/*.c lib/dt/*.h) drivers/psci.h $(FUZZ_SRC)/fuzz.mk
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_SRC)/dt_fuzz.c $(wildcard lib/dt/*.c) -lfdt

# The seed corpus, rebuilt from its sources whenever one changes.
FUZZ_SEED_DTS := dts/qemu-virt-7.2-gicv3.dtsi $(wildcard dts/lies/*.dts dts/broken/*.dts $(FUZZ_SRC)/seeds/*.dts)
# name, machine options: the QEMU virt trees dumped (dumpdtb), then packed by dtc.
FUZZ_QEMU_TREES := \
	qemu-gicv2:virt,gic-version=2:-smp:2:-m:512M \
	qemu-gicv3-smp4:virt,gic-version=3:-smp:4:-m:1G \
	qemu-gicv3-el2:virt,gic-version=3,virtualization=on:-smp:2:-m:512M \
	qemu-gicv2-secure:virt,gic-version=2,secure=on:-smp:1:-m:256M
$(FUZZ_SEEDS)/.stamp: $(FUZZ_SEED_DTS) $(FUZZ_SRC)/gen-limits-seed lib/dt/platform.h lib/dt/props.h scripts/make-broken-dtbs \
		scripts/harnesslib/broken_dtbs.py $(FUZZ_SRC)/fuzz.mk
	@rm -rf $(FUZZ_SEEDS) && mkdir -p $(FUZZ_SEEDS)/raw
	$(Q)dtc -q -I dts -O dtb -o $(FUZZ_SEEDS)/qemu-virt-7.2-gicv3.dtb dts/qemu-virt-7.2-gicv3.dtsi
	$(Q)for f in $(filter %.dts,$^); do \
		n=$$(basename $$(dirname $$f))-$$(basename $$f .dts); \
		dtc -q -I dts -O dtb -o $(FUZZ_SEEDS)/$$n.dtb $$f || exit 1; \
	done
	$(Q)$(PYTHON) $(FUZZ_SRC)/gen-limits-seed | dtc -q -I dts -O dtb -o $(FUZZ_SEEDS)/limits.dtb -
	$(Q)$(PYTHON) $(FUZZ_SRC)/gen-limits-seed --cpus | dtc -q -I dts -O dtb -o $(FUZZ_SEEDS)/limits-cpus.dtb -
	$(Q)$(PYTHON) scripts/make-broken-dtbs $(FUZZ_SEEDS)/qemu-virt-7.2-gicv3.dtb $(FUZZ_SEEDS) >/dev/null
	$(Q)if command -v $(FUZZ_QEMU) >/dev/null; then \
		for t in $(FUZZ_QEMU_TREES); do \
			n=$${t%%:*}; o=$$(echo $${t#*:} | tr : ' '); m=$${o%% *}; \
			$(FUZZ_QEMU) -M $$m,dumpdtb=$(FUZZ_SEEDS)/raw/$$n.dtb -cpu cortex-a57 $${o#* } \
				-nographic -nodefaults >/dev/null 2>&1 && \
			dtc -q -I dtb -O dtb -o $(FUZZ_SEEDS)/$$n.dtb $(FUZZ_SEEDS)/raw/$$n.dtb || exit 1; \
		done; \
	else echo "fuzz: $(FUZZ_QEMU) missing: no QEMU dumpdtb seeds"; fi
	@rm -rf $(FUZZ_SEEDS)/raw
	@echo "fuzz: seed corpus: $$(ls $(FUZZ_SEEDS) | wc -l) trees in $(FUZZ_SEEDS)"
	@touch $@

.PHONY: fuzz fuzz-short fuzz-build fuzz-reproducers
fuzz-build: $(FUZZ_BIN) $(FUZZ_SEEDS)/.stamp

# The bugs found so far, each run once (a fixed bug stays fixed).
fuzz-reproducers: $(FUZZ_BIN)
	$(Q)for f in $(FUZZ_REPRODUCERS); do \
		$(FUZZ_BIN) $$f >$(FUZZ_DIR)/reproducer.log 2>&1 && continue; \
		tail -n 40 $(FUZZ_DIR)/reproducer.log; echo "fuzz: $$f crashes again"; \
		echo "fuzz: 0 passed, 1 failed, 0 skipped"; exit 1; \
	done

fuzz: fuzz-build fuzz-reproducers
	$(Q)$(FUZZ_SRC)/run $(FUZZ_BIN) $(FUZZ_DIR)/corpus $(FUZZ_SEEDS) $(FUZZ_DIR)/crashes $(FUZZ_DIR)/fuzz.log \
		$(FUZZ_FLAGS) $(if $(FUZZ_SECONDS),-max_total_time=$(FUZZ_SECONDS),-runs=$(FUZZ_RUNS))

# A fresh corpus each time, a fixed seed: the same short run on every `make test`.
fuzz-short: fuzz-build fuzz-reproducers
	@rm -rf $(FUZZ_DIR)/short-corpus
	$(Q)$(FUZZ_SRC)/run $(FUZZ_BIN) $(FUZZ_DIR)/short-corpus $(FUZZ_SEEDS) $(FUZZ_DIR)/crashes \
		$(FUZZ_DIR)/fuzz-short.log $(FUZZ_FLAGS) -seed=$(FUZZ_SHORT_SEED) -max_total_time=$(FUZZ_SHORT_SECONDS)
