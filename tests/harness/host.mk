# SPDX-License-Identifier: MIT
# Host unit tests: the image's portable parts built natively with ASan and
# UBSan, the platform model run on every tree in dts/broken, and the
# runner's judgement of reports (Python).
HOST_CC ?= gcc
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -I. -Ilib

$(O)/host/unit: tests/harness/unit/unit.c boot/common/esr.c lib/runtime/ktap.c lib/runtime/bootargs.c \
		lib/dt/strlist.c lib/dt/device.c lib/runtime/options.c lib/runtime/selection.c lib/runtime/check.c \
		lib/runtime/record.c lib/spec/profile_select.c lib/spec/fields.c lib/spec/icc_fields.c \
		lib/spec/profiles/xen-4.17.c lib/spec/profiles/qemu-virt-7.2.c lib/runtime/window_pick.c
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

$(O)/host/dtcheck: tests/harness/unit/dtcheck.c $(wildcard lib/dt/*.c) lib/runtime/record.c \
		lib/runtime/ktap.c
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -lfdt

# Byte-level broken trees that dtc cannot write.
BROKEN_DTBS := $(addprefix $(O)/dts/,bad-magic.dtb truncated.dtb absurd-totalsize.dtb duplicate-phandle.dtb boot-cpuid.dtb memreserve-outside-ram.dtb old-version.dtb prop-length-wraps.dtb)
$(O)/dts/qemu-virt-7.2-gicv3.dtb: dts/qemu-virt-7.2-gicv3.dtsi
	@mkdir -p $(dir $@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<
$(BROKEN_DTBS) &: $(O)/dts/qemu-virt-7.2-gicv3.dtb scripts/make-broken-dtbs scripts/harnesslib/broken_dtbs.py
	$(Q)$(PYTHON) scripts/make-broken-dtbs $< $(O)/dts

.PHONY: host-test broken-dtbs
broken-dtbs: $(BROKEN_DTBS)

host-test: $(O)/host/unit $(O)/host/dtcheck $(BROKEN_DTBS)
	$(O)/host/unit
	PYTHONPATH=scripts $(PYTHON) tests/harness/unit/check-dts.py $(O)/host/dtcheck $(O)/dts
	PYTHONPATH=scripts $(PYTHON) tests/harness/runner/all.py
