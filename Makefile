# SPDX-License-Identifier: MIT
# Bare-metal ARM64 guest conformance harness.
#   make            build $(O)/harness.bin (Linux arm64 Image) and $(O)/harness.elf
#   make run        set up what is missing, build, boot under QEMU, print the report
#   make run-xen    the same as a Xen 4.17 dom0less domU (QEMU boots Xen)
#   make test       every check, host unit tests and integration run (QEMU and Xen)
#   docs/commands.md lists every target.
# Kbuild-style knobs: CROSS_COMPILE=, O=dir, V=1; CC=clang builds with clang.
# REWORD=1 rewords every finding's text (the rewording proof, make test).

# ARCH=arm builds the 32-bit image (boot/arm/, arm-none-eabi-gcc, picolibc) in build/arm.
ARCH ?= aarch64
ifeq ($(ARCH),arm)
CROSS_COMPILE ?= arm-none-eabi-
O ?= build/arm
else ifeq ($(ARCH),aarch64)
CROSS_COMPILE ?= aarch64-linux-gnu-
O ?= build
else
$(error ARCH=$(ARCH): the harness builds for ARCH=aarch64 (the default) or ARCH=arm)
endif
V ?= 0
PYTHON ?= python3

ifeq ($(V),1)
Q :=
else
Q := @
endif

ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
LD := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy

ifeq ($(ARCH),arm)
# ARMv7-A with the virtualization extensions (LPAE, generic timer, Hyp mode):
# Cortex-A15/A7 and any ARMv8 CPU in AArch32. A32 code, no FP registers (the
# image never needs them), TPIDRURO as the thread pointer, no unaligned accesses.
PICOLIBC_ROOT := /usr/lib/picolibc/arm-none-eabi
# arm-none-eabi's uint32_t is unsigned long, AArch64's unsigned int: both 32
# bits in the same registers, so making it unsigned int changes no ABI and
# lets one printf format ("%x") serve both builds with -Wformat on.
ARCH_FLAGS := -march=armv7ve -marm -mfloat-abi=soft -mtp=cp15
TYPE_FLAGS := -U__INT32_TYPE__ -D__INT32_TYPE__=int -U__UINT32_TYPE__ '-D__UINT32_TYPE__=unsigned int'
ALIGN_FLAGS := -mno-unaligned-access
PICOLIBC_LIBC := $(PICOLIBC_ROOT)/lib/$(shell $(CROSS_COMPILE)gcc --specs=picolibc.specs \
	$(ARCH_FLAGS) -print-multi-directory 2>/dev/null)/libc.a
# Debian has no arm-none-eabi libfdt: armhf's, the same 1.6.1 as the 64-bit
# image's (docs/dependencies.md). Its objects say "VFP register arguments";
# no libfdt function takes a floating-point value, so the calls are the same
# under both float ABIs and the link ignores that attribute (ARCH_LDFLAGS).
LIBFDT_A := $(CURDIR)/build/deps/armhf/usr/lib/arm-linux-gnueabihf/libfdt.a
ARCH_LDFLAGS := --no-warn-mismatch
# picolibc's integer-only printf on arm-none-eabi has no long long (%llx
# prints the low word): the float one's does, and it prints no floats here.
PRINTF := __f_vfprintf
LINKER_SCRIPT := linker/harness-arm.ld
else
PICOLIBC_ROOT := /usr/lib/picolibc/aarch64-linux-gnu
ARCH_FLAGS :=
TYPE_FLAGS :=
# The tiny code model (one ADR per address, not ADRP+ADD) holds while the
# image, BSS and stack included, spans under 1 MiB, which is also its
# in-use target (scripts/bench); past it the link fails on a relocation.
ALIGN_FLAGS := -mstrict-align -mcmodel=tiny
PICOLIBC_LIBC := $(PICOLIBC_ROOT)/lib/libc.a
LIBFDT_A := $(CURDIR)/build/deps/arm64/usr/lib/aarch64-linux-gnu/libfdt.a
ARCH_LDFLAGS := -z norelro
PRINTF := __i_vfprintf
LINKER_SCRIPT := linker/harness.ld
endif
PICOLIBC := $(PICOLIBC_ROOT)
LIBGCC_A := $(shell $(CROSS_COMPILE)gcc $(ARCH_FLAGS) -print-libgcc-file-name 2>/dev/null)

ifneq ($(findstring clang,$(CC)),)
TARGET_FLAGS := --target=aarch64-none-elf -isystem $(PICOLIBC)/include
else
TARGET_FLAGS := --specs=picolibc.specs $(ARCH_FLAGS)
endif

CFLAGS := $(TARGET_FLAGS) -std=gnu11 -Os -g -Wall -Wextra -Werror -ffreestanding \
	-fpie -fno-plt $(ALIGN_FLAGS) $(TYPE_FLAGS) -fno-stack-protector \
	-ffunction-sections -fdata-sections \
	-I. -Ilib -I$(O)/include -include lib/util/hidden.h
# make REWORD=1: every finding's and evidence's text reworded, identities kept
# (lib/runtime/check.c); make test's stage reworded builds it in $(O)/reworded.
ifeq ($(REWORD),1)
CFLAGS += -DHARNESS_REWORD=1
endif
ASFLAGS := $(TARGET_FLAGS) -I. -Ilib
LDFLAGS := -pie --no-dynamic-linker $(ARCH_LDFLAGS) -z noexecstack --gc-sections \
	-T $(LINKER_SCRIPT) --build-id=none --no-warn-rwx-segments \
	--defsym=vfprintf=$(PRINTF) # the harness prints no floats

# The image, layer by layer (docs/architecture.md). Suites are tests/*.c and
# tests/<suite>/*.c; the harness's own tests (tests/harness/) never enter it.
# boot/common/: what every architecture shares (ESR decoding, waits, fault capture).
ARCH_SRCS := $(wildcard boot/common/*.c boot/$(ARCH)/*.c boot/$(ARCH)/*.S)
DRIVER_SRCS := $(wildcard drivers/*.c)
DT_SRCS := $(wildcard lib/dt/*.c)
SPEC_SRCS := $(wildcard lib/spec/*.c lib/spec/contracts/*.c lib/spec/profiles/*.c)
RUNTIME_SRCS := $(wildcard lib/runtime/*.c)
SUITE_SRCS := $(filter-out tests/harness/%,$(wildcard tests/*.c tests/*/*.c))
SRCS := $(ARCH_SRCS) $(DRIVER_SRCS) $(DT_SRCS) $(SPEC_SRCS) $(RUNTIME_SRCS) $(SUITE_SRCS)
OBJS := $(patsubst %,$(O)/obj/%.o,$(SRCS))
FDT_HEADERS := $(O)/include/libfdt.h $(O)/include/fdt.h $(O)/include/libfdt_env.h

all: $(O)/harness.bin

# What builds the image is part of what it depends on: $(O)/build-flags holds
# the compiler (its path and version), the flags and the linker, and is
# rewritten (so made newer than every object) only when they change, so that
# `make CC=clang` after a gcc build rebuilds everything (and V=1 nothing).
BUILD_FLAGS := $(O)/build-flags
BUILD_ID := $(strip $(CC) $(shell $(CC) --version 2>/dev/null | head -n 1) | $(CFLAGS) | $(ASFLAGS) \
	| $(LD) $(LDFLAGS) $(LIBFDT_A) $(LIBGCC_A))
ifneq ($(BUILD_ID),$(strip $(shell cat $(BUILD_FLAGS) 2>/dev/null)))
$(BUILD_FLAGS): FORCE
endif
$(BUILD_FLAGS):
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(BUILD_ID)' > $@
.PHONY: FORCE

# Links to the host's libfdt headers (toolchain-check says when they are missing).
$(O)/include/%.h: | toolchain-check
	@mkdir -p $(dir $@)
	$(Q)ln -sf /usr/include/$*.h $@

$(O)/obj/%.c.o: %.c $(FDT_HEADERS) $(BUILD_FLAGS) | toolchain-check
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/obj/%.S.o: %.S $(BUILD_FLAGS) | toolchain-check
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(ASFLAGS) -MMD -MP -c $< -o $@

$(O)/harness.elf: $(OBJS) $(LINKER_SCRIPT) $(BUILD_FLAGS) | toolchain-check
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) --start-group $(LIBFDT_A) $(PICOLIBC_LIBC) $(LIBGCC_A) --end-group

# The relocation entries are packed (scripts/pack-relocs; boot/<arch>/head.S
# applies the packed table): a tenth of the image less on disk.
PACK_RELOCS ?= $(PYTHON) scripts/pack-relocs
$(O)/harness.bin: $(O)/harness.elf scripts/pack-relocs scripts/harnesslib/relocs.py
	@$(if $(Q),echo "  OBJCOPY $@")
	$(Q)$(OBJCOPY) -O binary $< $@.tmp
	$(Q)$(PACK_RELOCS) $< $@.tmp
	$(Q)mv $@.tmp $@

-include $(OBJS:.o=.d)

# A fresh clone has no cross toolchain, picolibc or libfdt yet: say what to
# run rather than end in a compiler's or linker's error. Every step of the
# image waits for this check (order-only: it never makes anything stale).
TOOLCHAIN_MISSING = $(foreach t,$(firstword $(CC)) $(LD) $(OBJCOPY),$(if $(shell command -v $(t) 2>/dev/null),,$(t))) \
	$(foreach f,$(PICOLIBC_LIBC) $(LIBFDT_A) $(addprefix /usr/include/,$(notdir $(FDT_HEADERS))),$(if $(wildcard $(f)),,$(f)))
.PHONY: toolchain-check
toolchain-check:
	@$(if $(strip $(TOOLCHAIN_MISSING)),echo "make: cannot build the image: missing $(strip $(TOOLCHAIN_MISSING))" >&2; \
		echo "make: run 'make setup' first (it runs scripts/setup, as root: Debian's packages); 'scripts/setup --check' lists what is missing" >&2; \
		exit 1,:)

.SECONDARY: $(FDT_HEADERS)

# ---- Running and testing -------------------------------------------------
SETUP_OK = $(shell scripts/setup --check >/dev/null 2>&1 && echo yes)

.PHONY: setup run run-xen test host-test integration lava-test clang-build check-xen-abi check-layers
setup:
	$(if $(SETUP_OK),@echo "setup: everything is installed",scripts/setup)

# The image booted is the one this make built: $(O)/harness.bin.
run: setup
	$(MAKE) --no-print-directory all
	$(PYTHON) scripts/run --image $(O)/harness.bin $(RUN_ARGS)

# The default Xen config: dom0less domU, GICv3 host, 1 vCPU, vpl011, /hypervisor.
run-xen: setup
	$(MAKE) --no-print-directory all
	$(PYTHON) scripts/run --platform xen --image $(O)/harness.bin $(RUN_ARGS)

# O=dir: every stage builds in dir and the integration runs boot dir's image.
test: setup
	$(PYTHON) scripts/test --build-dir $(O)

# The byte-level broken trees are booted too (scripts/integration also makes them,
# in build/dts, when it is run directly).
integration: all broken-dtbs
	$(PYTHON) scripts/integration --image $(O)/harness.bin

# One QEMU and one Xen job under LAVA (lava-run): LAVA records exactly the report's cases.
lava-test: all
	$(PYTHON) scripts/lava --test --image $(O)/harness.bin --out $(O)/lava/test

include tests/harness/host.mk
include tests/harness/fuzz/fuzz.mk

# The repository's .clang-format, applied everywhere but in generated files.
GENERATED := drivers/xen_abi.h lib/spec/profiles/xen-4.17.c
FORMATTED = $(filter-out $(GENERATED),$(shell find boot drivers lib tests -name '*.[ch]' | sort))
.PHONY: format format-check
format:
	clang-format -i $(FORMATTED)
format-check:
	@clang-format --dry-run --Werror $(FORMATTED) && echo "format-check: $(words $(FORMATTED)) files follow .clang-format"

# The runner's Python (scripts/ and tests/harness/runner): Debian's pyflakes3 and
# mypy (scripts/mypy.ini), as harnesslib/lint.py runs them.
.PHONY: python-lint
python-lint:
	@PYTHONPATH=scripts $(PYTHON) -m harnesslib.lint --cache-dir $(O)/mypy-cache

# Every source file carries its licence (LICENSE) as an SPDX line; scripts/check-spdx --fix adds it.
.PHONY: check-spdx
check-spdx:
	@$(PYTHON) scripts/check-spdx

# Static analysis (Debian's cppcheck); each exception and its reason in cppcheck-suppressions.txt.
.PHONY: cppcheck
cppcheck:
	@cppcheck --std=c11 --enable=warning,style,performance,portability --inline-suppr -q \
		--platform=unix64 -D__aarch64__ -I. -Ilib --suppressions-list=cppcheck-suppressions.txt \
		--error-exitcode=1 boot drivers lib tests && echo "cppcheck: boot drivers lib tests: clean"

# Layers only point down: includes and calls of the image's objects (scripts/check-layers).
check-layers: $(OBJS)
	@$(PYTHON) scripts/check-layers --nm $(CROSS_COMPILE)nm --obj-dir $(O)/obj $(OBJS)

# drivers/xen_abi.h is generated from Xen's public headers: regenerate and compare.
check-xen-abi:
	$(PYTHON) scripts/gen-xen-abi --check drivers/xen_abi.h

# The xen-4.17 profile is generated from Xen's public arch-arm.h (libxen-dev).
.PHONY: profiles check-profiles docs
profiles:
	$(PYTHON) scripts/gen-xen-profile --out lib/spec/profiles/xen-4.17.c
check-profiles:
	$(PYTHON) scripts/gen-xen-profile --check lib/spec/profiles/xen-4.17.c

# docs/memory-map/<platform>/memory-map.{md,svg}: the documented guest memory
# maps as the harness finds them (scripts/docs runs each configuration).
docs: setup
	$(MAKE) --no-print-directory all
	$(PYTHON) scripts/docs --image $(O)/harness.bin

# The image must also build with clang 14 (--target=aarch64-none-elf).
clang-build:
	$(MAKE) --no-print-directory CC=clang O=$(O)/clang $(O)/clang/harness.bin

.PHONY: all clean
# Keeps build/deps (what scripts/setup unpacked).
clean:
	rm -rf $(O)/obj $(O)/include $(O)/harness.elf $(O)/harness.bin $(O)/build-flags $(O)/run $(O)/test $(O)/host $(O)/clang $(O)/lava $(O)/mypy-cache
