// SPDX-License-Identifier: MIT
/*
 * Host unit tests of the image's portable parts: ESR decoding, waits' bounds, KTAP
 * emission, bootargs, word lists, the DT model's iterators, suites=, the bit-level
 * contracts' judgement of implementation-defined bits, the window area's choice. Built natively
 * with ASan and UBSan.
 */
#include <stdio.h>
#include <string.h>

#include "boot/esr.h"
#include "boot/wait.h"
#include "dt/platform.h"
#include "dt/strlist.h"
#include "runtime/bootargs.h"
#include "runtime/check.h"
#include "runtime/ktap.h"
#include "runtime/options.h"
#include "runtime/selection.h"
#include "runtime/window_pick.h"
#include "spec/fields.h"
#include "spec/icc_fields.h"

static int expects_passed, expects_failed;

#define EXPECT(cond, ...)                                                                          \
	do {                                                                                       \
		if (cond) {                                                                        \
			expects_passed++;                                                          \
		} else {                                                                           \
			expects_failed++;                                                          \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);                                \
			printf(__VA_ARGS__);                                                       \
			printf("\n");                                                              \
		}                                                                                  \
	} while (0)

static void test_esr(void)
{
	struct esr_info d;
	char buf[200];

	/* QEMU's unmapped-address abort: EC 0x25, ISV=0, DFSC 0x10. */
	esr_decode(0x96000010, &d);
	EXPECT(d.ec == 0x25 && d.is_data && !d.isv && d.dfsc == 0x10, "0x96000010 decode");
	esr_format(0x96000010, buf, sizeof(buf));
	EXPECT(!strcmp(buf, "ESR 0x96000010: EC 0x25 (data abort, same EL) DFSC 0x10 "
			    "(synchronous external abort) ISV=0 read"),
	       "format: %s", buf);

	/* Xen's injected abort: ESR 0x96000000, ISS 0: no fault status, not DFSC 0. */
	esr_decode(0x96000000, &d);
	EXPECT(d.dfsc == 0 &&
		       !strcmp(esr_fault_text(&d), "no fault status: ISS 0, an injected abort"),
	       "0x96000000: %s", esr_fault_text(&d));
	esr_format(0x96000000, buf, sizeof(buf));
	EXPECT(strstr(buf, "DFSC 0x00 (no fault status: ISS 0, an injected abort) ISV=0 read") !=
		       NULL,
	       "format ISS 0: %s", buf);
	esr_decode(0x96000001, &d);
	EXPECT(!strcmp(esr_fault_text(&d), "address size fault"), "DFSC 1: %s", esr_fault_text(&d));

	/* ISV=1, SAS=2 (32-bit), SRT=2, write, EA. */
	uint64_t esr = (0x25ull << 26) | (1u << 25) | (1u << 24) | (2u << 22) | (2u << 16) |
		       (1u << 9) | (1u << 6) | 0x10;
	esr_decode(esr, &d);
	EXPECT(d.isv && d.width == 32 && d.srt == 2 && d.write && d.external, "ISV=1 fields");
	esr_format(esr, buf, sizeof(buf));
	EXPECT(strstr(buf, "ISV=1 32-bit write x2 EA") != NULL, "format ISV=1: %s", buf);

	/* 64-bit sign-extended read. */
	esr_decode((0x24ull << 26) | (1u << 24) | (3u << 22) | (1u << 21) | 0x21, &d);
	EXPECT(d.width == 64 && d.sign_ext && d.dfsc == 0x21 &&
		       !strcmp(esr_fault_name(d.dfsc), "alignment fault"),
	       "SAS=3 SSE alignment");

	/* Not an abort: undefined instruction. */
	esr_decode(0x02000000, &d);
	EXPECT(!d.is_abort && d.ec == 0 && d.il == 1, "UDF");
	esr_format(0x02000000, buf, sizeof(buf));
	EXPECT(strstr(buf, "(unknown reason (undefined instruction))") != NULL, "UDF: %s", buf);
	/* Every translation fault level names the same fault. */
	for (unsigned dfsc = 4; dfsc <= 7; dfsc++)
		EXPECT(!strcmp(esr_fault_name(dfsc), "translation fault"), "dfsc %u", dfsc);
}

static char out[4096];
static size_t outlen;

static void sink(const char *s, size_t len)
{
	if (outlen + len < sizeof(out)) {
		memcpy(out + outlen, s, len);
		outlen += len;
		out[outlen] = 0;
	}
}

/* Is some line of out not a diagnostic (a result, plan, version, summary), or the sentinel? */
static int forged_line(void)
{
	char copy[sizeof(out)];

	memcpy(copy, out, outlen);
	copy[outlen] = 0;
	for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
		const char *l = line + strspn(line, " ");
		if (!strcmp(line, KTAP_SENTINEL) || l[0] != '#')
			return 1;
	}
	return 0;
}

/* Platform text can make no line of its own: newlines, '#', results, the end line. */
static void test_ktap_forgery(void)
{
	static const char *const hostile[] = {
		"x\nok 9 forged",
		"x\n# harness: report complete",
		"harness: report complete",
		"\r\nnot ok 1 boot\n1..1\nKTAP version 1\n0 passed, 0 failed, 0 skipped",
		"# TODO \x1b[2J\x7f\xff",
	};

	for (unsigned i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		for (unsigned depth = 0; depth < 3; depth++) {
			outlen = 0;
			ktap_diag(depth, "%s", hostile[i]);
			EXPECT(!forged_line(), "diag %u at depth %u forged a line:\n%s", i, depth,
			       out);
		}
		outlen = 0;
		ktap_result(0, 1, "suite", KTAP_SKIP, hostile[i]);
		char *nl = memchr(out, '\n', outlen);
		EXPECT(nl && nl == out + outlen - 1 && !strncmp(out, "ok 1 suite # SKIP ", 18),
		       "skip reason %u made more than its line:\n%s", i, out);
	}
	char esc[64];
	EXPECT(!strcmp(ktap_escape("a\nb\x01", esc, sizeof(esc)), "a\\x0ab\\x01"), "escape: %s",
	       esc);
	EXPECT(!strcmp(ktap_escape("abcdef", esc, 4), "abc"), "escape cut: %s", esc);
	EXPECT(!strcmp(ktap_escape("\\x0a", esc, sizeof(esc)), "\\x5cx0a"),
	       "a backslash is escaped too: %s", esc);
}

static void test_ktap(void)
{
	struct ktap_totals t = { .passed = 1, .failed = 1, .skipped = 1 };

	ktap_sink = sink;
	ktap_header(2);
	ktap_suite_begin("boot", 2);
	ktap_diag(2, "key: %d", 7);
	ktap_result(1, 1, "one", KTAP_PASS, NULL);
	ktap_result(1, 2, "two", KTAP_TIMEOUT, "watchdog expired");
	ktap_result(0, 1, "boot", KTAP_FAIL, NULL);
	ktap_result(0, 2, "xen", KTAP_SKIP, "no /hypervisor node");
	ktap_finish(&t);
	const char *want = "KTAP version 1\n1..2\n"
			   "  KTAP version 1\n  # Subtest: boot\n  1..2\n"
			   "    # key: 7\n"
			   "  ok 1 one\n"
			   "  not ok 2 two # TIMEOUT watchdog expired\n"
			   "not ok 1 boot\n"
			   "ok 2 xen # SKIP no /hypervisor node\n"
			   "1 passed, 1 failed, 1 skipped\n" KTAP_SENTINEL "\n";
	EXPECT(!strcmp(out, want), "KTAP text:\n%s", out);

	/* A long diagnostic is cut, never overrun. */
	char big[1000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	outlen = 0;
	ktap_diag(0, "%s", big);
	EXPECT(outlen > 0 && outlen < 600 && out[outlen - 1] == '\n', "long diag %zu", outlen);
	test_ktap_forgery();
}

static void test_bootargs(void)
{
	char v[32];
	uint64_t n;
	const char *args = "suites=dt,boot  watchdog=5 verbose vm_mem=536870912 suitesx=no";

	EXPECT(bootarg_get(args, "suites", v, sizeof(v)) && !strcmp(v, "dt,boot"), "suites=%s", v);
	EXPECT(bootarg_get(args, "verbose", v, sizeof(v)) && v[0] == 0, "flag");
	EXPECT(!bootarg_get(args, "suite", v, sizeof(v)), "prefix must not match");
	EXPECT(!bootarg_get("", "x", v, sizeof(v)), "empty");
	EXPECT(bootarg_get("k=0123456789abcdef", "k", v, 8) && !strcmp(v, "0123456"), "cut: %s", v);
	EXPECT(!parse_size("512M", &n) && n == 512ull << 20, "512M");
	EXPECT(!parse_size("2G", &n) && n == 2ull << 30, "2G");
	EXPECT(!parse_size("0x1000", &n) && n == 0x1000, "hex");
	EXPECT(parse_size("12Q", &n) && parse_size("", &n), "junk refused");
	EXPECT(parse_size("-1", &n) && parse_size("M", &n), "negative or bare unit refused");
	EXPECT(parse_size("17179869184G", &n), "overflow refused");
	EXPECT(strlist_has("dt,boot", ',', "boot") && strlist_has("dt,boot", ',', "dt") &&
		       !strlist_has("dt,boot", ',', "bo") && !strlist_has("dt,boot", ' ', "dt"),
	       "list");
	EXPECT(strlist_has("arm,gic-v3 arm,gic-400", ' ', "arm,gic-400") &&
		       !strlist_has("", ' ', "x") && !strlist_has(NULL, ',', "x"),
	       "space list");
}

/* Does some problem of o contain text? */
static int has_problem(const struct options *o, const char *text)
{
	for (int i = 0; i < o->nproblems; i++)
		if (strstr(o->problems[i], text))
			return 1;
	return 0;
}

static void test_options(void)
{
	static struct options o;
	static const struct {
		const char *args, *problem;
	} bad[] = {
		{ "foo=1", "unknown key \"foo\"" },
		{ "verbose", "unknown key \"verbose\"" },
		{ "watchdog=0", "watchdog=0 is not a number of seconds in 1..3599" },
		{ "watchdog=3600", "watchdog=3600 is not" },
		{ "watchdog=abc", "watchdog=abc is not" },
		{ "watchdog=1K", "watchdog=1K is not" },
		{ "watchdog", "watchdog needs a value" },
		{ "suites=", "suites= names no suite" },
		{ "suites=,,", "suites= names no suite" },
		{ "suites=boot suites=dt", "suites= is given more than once" },
		{ "list=1", "list takes no value" },
		{ "list list", "list is given more than once" },
		{ "list suites=dt", "list lists every suite and runs none: it takes no suites=" },
		{ "profile=nosuch",
		  "profile=nosuch names no known profile (known: xen-4.17, qemu-virt-7.2)" },
		{ "vm_mem=0", "vm_mem=0 is not a size" },
		{ "vm_mem=12Q", "vm_mem=12Q is not a size" },
		{ "expect_el=3", "expect_el=3 is not 1 or 2" },
		{ "vm_virtio=rng,net", "vm_virtio=rng,net: an unknown item \"net\"" },
		{ "vm_virtio=blk,blk", "vm_virtio=blk,blk: a repeated \"blk\"" },
		{ "vm_virtio=", "vm_virtio=: an unknown item \"\"" },
		{ "vm_pci=edu,nic", "vm_pci=edu,nic: an unknown item \"nic\"" },
		{ "vm_pci=edu,edu", "vm_pci=edu,edu: a repeated \"edu\"" },
		{ "vm_numa=17", "vm_numa=17 is not 0 (no -numa) or a node count, 1..16" },
		{ "vm_numa=", "vm_numa= is not 0 (no -numa) or a node count, 1..16" },
		{ "vm_numa=2K", "vm_numa=2K is not 0 (no -numa) or a node count, 1..16" },
		{ "depth=deep", "depth=deep is not quick or full" },
		{ "depth=full depth=quick", "depth= is given more than once" },
		{ "profile=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		  "profile= is 38 characters; the harness keeps at most 31" },
	};

	options_parse(&o, "suites=boot,dt watchdog=5 profile=xen-4.17 vm_mem=512M expect_el=2", 64);
	EXPECT(o.nproblems == 0, "good bootargs: %d problems (%s)", o.nproblems, o.problems[0]);
	EXPECT(!strcmp(o.suites, "boot,dt") && o.watchdog_seconds == 5 && o.profile_forced &&
		       o.vm_mem == 512ull << 20 && o.expect_el_given && !strcmp(o.expect_el, "2"),
	       "good bootargs read");
	options_parse(&o, "vm_virtio=blk,modern,rng", 24);
	EXPECT(o.nproblems == 0 && o.vm_virtio_given &&
		       o.vm_virtio == (OPT_VIRTIO_RNG | OPT_VIRTIO_BLK | OPT_VIRTIO_MODERN),
	       "vm_virtio read");
	options_parse(&o, "vm_pci=virtio,testdev,edu", 25);
	EXPECT(o.nproblems == 0 && o.vm_pci_given &&
		       o.vm_pci == (OPT_PCI_TESTDEV | OPT_PCI_EDU | OPT_PCI_VIRTIO),
	       "vm_pci read");
	options_parse(&o, "vm_numa=0", 9);
	EXPECT(o.nproblems == 0 && o.vm_numa_given && o.vm_numa == 0, "vm_numa=0 read");
	options_parse(&o, "vm_numa=16", 10);
	EXPECT(o.nproblems == 0 && o.vm_numa_given && o.vm_numa == 16, "vm_numa=16 read");
	options_parse(&o, "depth=full", 10);
	EXPECT(o.nproblems == 0 && o.depth_full, "depth=full read");
	options_parse(&o, "depth=quick", 11);
	EXPECT(o.nproblems == 0 && !o.depth_full, "depth=quick read");
	options_parse(&o, "vm_virtio=none", 14);
	EXPECT(o.nproblems == 0 && o.vm_virtio_given && !o.vm_virtio, "vm_virtio=none");
	options_parse(&o, "", 0);
	EXPECT(o.nproblems == 0 && o.watchdog_seconds == 20 && !o.suites[0] && !o.list &&
		       !o.vm_virtio_given && !o.depth_full,
	       "empty bootargs");
	options_parse(&o, "expect_el=1 list", 16);
	EXPECT(o.nproblems == 0 && o.list, "list: %d problems (%s)", o.nproblems, o.problems[0]);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		options_parse(&o, bad[i].args, (int)strlen(bad[i].args));
		EXPECT(has_problem(&o, bad[i].problem), "\"%s\": want \"%s\", got %d: %s",
		       bad[i].args, bad[i].problem, o.nproblems, o.nproblems ? o.problems[0] : "");
	}
	options_parse(&o, "suites=boot", 600);
	EXPECT(has_problem(&o, "the bootargs are 600 bytes; the harness reads the first 511"),
	       "truncated bootargs");
	options_parse(&o, "a b c d e f g h i j k", 21);
	EXPECT(o.nproblems == OPT_MAX_PROBLEMS && o.problems_dropped == 11 - OPT_MAX_PROBLEMS,
	       "problems kept %d, dropped %d", o.nproblems, o.problems_dropped);
}

static struct platform model;

static void test_model_iterators(void)
{
	static const char compat[] = "arm,pl011\0arm,primecell";
	struct dt_device *d = model.devices;
	int n = 0;

	d[0] = (struct dt_device){ .enabled = 1,
				   .nreg = 2,
				   .reg = { { 0x1000, 0x100 }, { 0x3000, 0x10 } } };
	d[1] = (struct dt_device){ .enabled = 0, .nreg = 1, .reg = { { 0x1080, 0x10 } } };
	d[2] = (struct dt_device){ .enabled = 1, .nreg = 0 };
	d[3] = (struct dt_device){ .enabled = 1,
				   .nreg = 1,
				   .reg = { { 0x2000, 0x1000 } },
				   .compat = compat,
				   .compat_len = sizeof(compat) };
	model.ndevices = 4;
	for (struct dt_reg_iter it = { .p = &model }; dt_next_reg(&it);)
		n++;
	EXPECT(n == 3, "enabled regs: %d", n);
	n = 0;
	for (struct dt_reg_iter it = { .p = &model, .include_disabled = 1 }; dt_next_reg(&it);)
		n++;
	EXPECT(n == 4, "all regs: %d", n);
	struct dt_reg_iter it = dt_regs_overlapping(&model, 0x1050, 0x1000);
	it.include_disabled = 1;
	EXPECT(dt_next_reg(&it) && it.r == &d[0].reg[0], "first overlap");
	EXPECT(dt_next_reg(&it) && it.r == &d[1].reg[0], "second overlap");
	EXPECT(dt_next_reg(&it) && it.r == &d[3].reg[0], "third overlap");
	EXPECT(!dt_next_reg(&it), "no fourth overlap");
	struct dt_reg_iter none = dt_regs_overlapping(&model, 0x1000, 0);
	EXPECT(!dt_next_reg(&none), "an empty range overlaps nothing");
	const char *c = dt_compat_next(&d[3], NULL);
	EXPECT(c && !strcmp(c, "arm,pl011"), "first compatible");
	c = dt_compat_next(&d[3], c);
	EXPECT(c && !strcmp(c, "arm,primecell"), "second compatible");
	EXPECT(!dt_compat_next(&d[3], c), "end of compatibles");
	EXPECT(!dt_compat_next(&d[2], NULL), "no compatible");
	EXPECT(dt_compat_has(&d[3], "arm,primecell") && !dt_compat_has(&d[3], "arm,pl01"), "has");
}

static void nop(struct test_ctx *t)
{
	(void)t;
}

/* suites= against a registry of two suites, one on request. */
static void test_selection(void)
{
	static const struct test_case gic_cases[] = { { "distributor", nop, 0 },
						      { "sgi_self", nop, 0 },
						      { "priority", nop, 0 } };
	static const struct test_case bench_cases[] = { { "baseline", nop, 0 },
							{ "summary", nop, 0 } };
	static const struct suite gic = { .name = "gic", .cases = gic_cases, .ncases = 3 };
	static const struct suite bench = {
		.name = "bench", .cases = bench_cases, .ncases = 2, .on_request = 1
	};
	static const struct suite *const all[] = { &gic, &bench };
	const struct registry reg = { all, all + 2 };

	EXPECT(selection_count("", &gic) == 3 && selection_count("", &bench) == 0, "default set");
	EXPECT(selection_count("gic", &gic) == 3 && selection_count("gic", &bench) == 0, "whole");
	EXPECT(selection_count("gic.sgi_self", &gic) == 1 &&
		       selection_has_case("gic.sgi_self", &gic, 1) &&
		       !selection_has_case("gic.sgi_self", &gic, 0),
	       "one case");
	EXPECT(selection_count("gic.priority,bench,gic.distributor", &gic) == 2 &&
		       selection_count("gic.priority,bench,gic.distributor", &bench) == 2,
	       "a mix");
	EXPECT(selection_count("gic,gic.sgi_self,gic.sgi_self", &gic) == 3, "repeats select once");
	EXPECT(selection_count("bench.summary", &bench) == 1, "a case of an on-request suite");
	static const struct test_case dma_cases[] = { { "blk", nop, 0 }, { "idx_wrap", nop, 1 } };
	static const struct suite dma = { .name = "dma", .cases = dma_cases, .ncases = 2 };
	EXPECT(selection_count("", &dma) == 1 && !selection_has_case("", &dma, 1),
	       "an on-request case is not in the default set");
	EXPECT(selection_count("dma", &dma) == 1 && !selection_has_case("dma", &dma, 1),
	       "nor chosen by its suite's name");
	EXPECT(selection_count("dma.idx_wrap", &dma) == 1 &&
		       selection_has_case("dma.idx_wrap", &dma, 1),
	       "but by its own");
	EXPECT(selection_count("dma,dma.idx_wrap", &dma) == 2, "both");
	EXPECT(selection_count("gi.sgi_self,gicx,gic.sgi", &gic) == 0, "no prefix matches");
	EXPECT(selection_count("bench.nosuch", &bench) == 0, "an unknown case selects nothing");
	EXPECT(selection_unknown("gic.sgi_self,bench,,gic", reg, 0) == 0, "all known");
	EXPECT(selection_unknown("gic.nosuch,bench.x,gic.,.x,bogus.y,bogus,gic.sgi_self.x", reg,
				 0) == 7,
	       "unknown: %u",
	       selection_unknown("gic.nosuch,bench.x,gic.,.x,bogus.y,bogus,gic.sgi_self.x", reg,
				 0));

	ktap_sink = sink;
	outlen = 0;
	memset(out, 0, sizeof(out));
	selection_unknown("gic.nosuch,bench.x,bogus", reg, 1);
	EXPECT(strstr(out,
		      "# FAIL: check=selection_suites_known text=suites=gic.nosuch,bench.x,bogus "
		      "names 1 suite(s) this image "
		      "does not have\n"
		      "# unknown suite: bogus\n# available: gic\n# available: bench (on "
		      "request only)\n") &&
		       strstr(out, "# FAIL: check=selection_cases_known "
				   "text=suites=gic.nosuch,bench.x,bogus "
				   "names 2 case(s) this "
				   "image does not have\n"
				   "# unknown case: gic.nosuch (suite gic has no case nosuch)\n"
				   "# available in gic: distributor, sgi_self, priority\n"
				   "# unknown case: bench.x (suite bench has no case x)\n"
				   "# available in bench (on request only): baseline, summary\n"),
	       "unknown said: %s", out);
	outlen = 0;
	memset(out, 0, sizeof(out));
	selection_say_cases(1, "not selected: ", "gic.sgi_self", &gic, 0);
	EXPECT(!strcmp(out, "  # not selected: distributor, priority\n"), "not selected: %s", out);

	/* Many names: several lines, each whole (under the emitter's 256 bytes), none lost. */
	static char names[40][40];
	static struct test_case many_cases[40];
	for (unsigned i = 0; i < 40; i++) {
		snprintf(names[i], sizeof(names[i]), "case_with_a_long_name_%02u", i);
		many_cases[i] = (struct test_case){ names[i], nop, 0 };
	}
	const struct suite many = { .name = "many", .cases = many_cases, .ncases = 40 };
	outlen = 0;
	memset(out, 0, sizeof(out));
	selection_say_cases(0, "available in many: ", "", &many, -1);
	int lines = 0, longest = 0, found = 0;
	for (char *l = out; *l; lines++) {
		char *nl = strchr(l, '\n');
		if (!nl)
			break;
		longest = nl - l > longest ? (int)(nl - l) : longest;
		l = nl + 1;
	}
	for (int i = 0; i < 40; i++)
		found += strstr(out, names[i]) != NULL;
	EXPECT(lines > 4 && longest < 220 && found == 40 && !strstr(out, ", \n"),
	       "packed: %d lines, longest %d, %d names", lines, longest, found);
}

static void test_model_children(void)
{
	static const char claim[] = "virtio,device1a";
	static const char bad[] = "virtio,device\0virtio,devicexyz\0virtio,device123456789\0"
				  "virtio,device1A\0virtio,device02";
	struct dt_device *d = model.devices;
	uint32_t id = 0;

	d[0] = (struct dt_device){ .parent = -1 };
	d[1] = (struct dt_device){ .parent = 0, .compat = claim, .compat_len = sizeof(claim) };
	d[2] = (struct dt_device){ .parent = -1, .compat = bad, .compat_len = sizeof(bad) };
	d[3] = (struct dt_device){ .parent = 0 };
	model.ndevices = 4;
	EXPECT(dt_child_next(&model, &d[0], NULL) == &d[1], "first child");
	EXPECT(dt_child_next(&model, &d[0], &d[1]) == &d[3], "second child");
	EXPECT(!dt_child_next(&model, &d[0], &d[3]), "no third child");
	EXPECT(!dt_child_next(&model, &d[2], NULL), "no child");
	EXPECT(!dt_compat_hex_suffix(&d[1], "virtio,device", &id) && id == 0x1a, "hex id %u", id);
	EXPECT(dt_compat_hex_suffix(&d[2], "virtio,device", &id),
	       "no digits, not hex, too long, upper case, a leading zero");
	EXPECT(dt_compat_hex_suffix(&d[0], "virtio,device", &id), "no compatible");
}

/* A case that repeats itself says at most CASE_LINES_MAX lines, and counts the rest. */
static void test_case_budget(void)
{
	static struct test_ctx t;

	ktap_sink = sink;
	for (unsigned i = 0; i < CASE_LINES_MAX + 5; i++)
		note(&t, "line %u", i);
	finding(&t, "repeated", "one finding too many");
	EXPECT(t.lines == CASE_LINES_MAX && t.lines_left_out == 6 && t.findings_left_out == 1,
	       "budget: %u said, %u left out, %u findings", t.lines, t.lines_left_out,
	       t.findings_left_out);
	EXPECT(t.failures == 1, "a finding left out still fails the case");
	ktap_sink = NULL;
}

/* Looks at one wait, the counter moving by step a look, until it ends: how many looks. */
static uint64_t looks_until_over(uint64_t hz, uint64_t timeout_us, uint64_t step,
				 enum wait_end *end)
{
	struct wait w;
	uint64_t now = 1000;

	wait_begin_at(&w, now, hz, timeout_us, WAIT_LOOKS_PER_US);
	for (;;) {
		*end = wait_look_at(&w, now);
		if (*end != WAIT_ON || w.looks > 100000000)
			return w.looks;
		now += step;
	}
}

static void test_wait(void)
{
	enum wait_end end;
	uint64_t n;

	/* A true 62.5 MHz counter: 1 ms is 62500 ticks; 1000 a look ends it at look 64. */
	n = looks_until_over(62500000, 1000, 1000, &end);
	EXPECT(end == WAIT_DEADLINE && n == 64, "true counter: %s after %llu looks",
	       wait_end_text(end), (unsigned long long)n);
	/* A counter that stands still: the looks in a row end it, however long the timeout. */
	n = looks_until_over(62500000, 3000000000ull, 0, &end);
	EXPECT(end == WAIT_COUNTER_STILL && n == WAIT_STILL_LOOKS + 1,
	       "still counter: %s after %llu looks", wait_end_text(end), (unsigned long long)n);
	/* A counter that ticks once a look but runs 1000 times slow: the looks run out. */
	n = looks_until_over(62500000, 1000, 1, &end);
	EXPECT(end == WAIT_LOOKS_RAN_OUT && n == 1000 * WAIT_LOOKS_PER_US + 2,
	       "slow counter: %s after %llu looks", wait_end_text(end), (unsigned long long)n);
	/* CNTFRQ 0: no time at all, but the wait still ends. */
	n = looks_until_over(0, 1000, 5, &end);
	EXPECT(end == WAIT_LOOKS_RAN_OUT, "CNTFRQ 0: %s after %llu looks", wait_end_text(end),
	       (unsigned long long)n);
	/* A counter that goes back reads as past the deadline. */
	struct wait w;
	wait_begin_at(&w, 5000, 62500000, 1000000, WAIT_LOOKS_PER_US);
	EXPECT(wait_look_at(&w, 5000) == WAIT_ON && wait_look_at(&w, 4000) == WAIT_DEADLINE,
	       "a counter that went back ends the wait");
	/* Timeout 0: the first look is still made; the next ends it. */
	wait_begin_at(&w, 0, 62500000, 0, WAIT_LOOKS_PER_US);
	EXPECT(wait_look_at(&w, 0) == WAIT_ON && wait_look_at(&w, 1) == WAIT_DEADLINE,
	       "timeout 0: one look, then over");
}

/* fields.c: which implementation-defined bits a write of ones may leave set. */
static void test_fields(void)
{
	const struct reg_fields prio = { .impl = IMPL_PRIO,
					 .impl_lo = 4,
					 .impl_hi = 8,
					 .impl_mask = 0xffffffff,
					 .bits_per_intid = 8 };
	const struct reg_fields cpus = { .impl = IMPL_CPUS, .impl_mask = 0xffffffff };
	const struct reg_fields any = { .impl = IMPL_ANY, .impl_mask = 0x7, .ones_take = 0x7 };
	const struct reg_fields all = { .impl = IMPL_ALL_OR_NONE, .impl_mask = 0xffffffff };
	uint64_t exp;

	EXPECT(!fields_impl_ok(&prio, 0xffffffff, 0xf0f0f0f0, 1, &exp) && exp == 0xf0f0f0f0,
	       "4 priority bits in every byte: in range");
	EXPECT(fields_impl_ok(&prio, 0xffffffff, 0xe0e0e0e0, 1, &exp),
	       "3 priority bits: fewer than GICv2's 16 levels");
	EXPECT(fields_impl_ok(&prio, 0xffffffff, 0xf0f8f0f0, 1, &exp),
	       "bytes with different priority bits: inconsistent");
	EXPECT(fields_impl_ok(&prio, 0xffffffff, 0x0f0f0f0f, 1, &exp), "low bits: not the top k");
	EXPECT(!fields_impl_ok(&cpus, 0xffffffff, 0x07070707, 3, &exp) && exp == 0x07070707,
	       "3 CPUs: bits 0-2 of each byte");
	EXPECT(fields_impl_ok(&cpus, 0xffffffff, 0xffffffff, 3, &exp) && exp == 0x07070707,
	       "absent CPUs' bits kept: outside the range");
	EXPECT(!fields_impl_ok(&cpus, 0xffffffff, 0, 1, &exp), "one CPU: RAZ/WI");
	EXPECT(fields_impl_ok(&cpus, 0xffffffff, 0x01010101, 1, &exp), "one CPU but a bit reads");
	EXPECT(!fields_impl_ok(&all, 0xffff0000, 0xffff0000, 1, &exp) &&
		       !fields_impl_ok(&all, 0xffff0000, 0, 1, &exp),
	       "all or none: both whole answers");
	EXPECT(fields_impl_ok(&all, 0xffff0000, 0x00ff0000, 1, &exp), "all or none: half taken");
	EXPECT(!fields_impl_ok(&any, ~0ull, 0x7, 1, &exp) &&
		       fields_impl_ok(&any, ~0ull, 0x3, 1, &exp),
	       "ones_take: 7 must read 7");
	EXPECT(fields_takes(&prio, 0xffffffff, 0xf0f0f0f0) == 0xf0f0f0f0,
	       "the implemented priority bits follow writes");
	EXPECT(fields_intid_bits(&prio, 0x3) == 0xffff, "INTIDs 0 and 1 of a byte array");
	EXPECT(fields_intid_bits(&(struct reg_fields){ .bits_per_intid = 1 }, 0x80010000u) ==
		       0x80010000u,
	       "a bit array's INTIDs are its bits");
}

/* icc_fields.c: the active-priority registers and bits ICC_CTLR.PRIbits implies. */
static void test_icc_fields(void)
{
	const uint64_t bits5 = 4u << ICC_CTLR_PRIBITS_SHIFT, bits6 = 5u << ICC_CTLR_PRIBITS_SHIFT;
	const uint64_t bits7 = 6u << ICC_CTLR_PRIBITS_SHIFT, bits8 = 7u << ICC_CTLR_PRIBITS_SHIFT;

	EXPECT(icc_apr_count(3u << ICC_CTLR_PRIBITS_SHIFT) == 1 && icc_apr_count(bits5) == 1 &&
		       icc_apr_count(bits6) == 2 && icc_apr_count(bits7) == 4 &&
		       icc_apr_count(bits8) == 4,
	       "AP<n>R count: 1 up to 5 bits, 2 with 6, 4 with 7 or 8");
	EXPECT(icc_apr_bit(0xa0, bits5) == 20 && icc_apr_prio(20, bits5) == 0xa0,
	       "5 bits: 0xa0 is AP1R0 bit 20");
	EXPECT(icc_apr_bit(0xa0, bits6) == 40 && icc_apr_prio(40, bits6) == 0xa0,
	       "6 bits: 0xa0 is AP1R1 bit 8");
	EXPECT(icc_apr_bit(0xa1, bits8) == 80 && icc_apr_prio(80, bits8) == 0xa0,
	       "8 bits: 7 preemption bits, the lowest priority bit is not one");
	EXPECT(icc_apr_bit(0xff, bits5) == 31 && icc_apr_bit(0xff, bits7) == 127,
	       "the lowest priority: the last bit");
	EXPECT(icc_prio_bits(0xf8) == 5 && icc_prio_bits(0xff) == 8 && icc_prio_bits(0) == 0 &&
		       icc_prio_bits(0xf4) == -1,
	       "PMR read-back: a run of ones from bit 7");
	EXPECT(icc_idbits(0) == 16 && icc_idbits(1u << ICC_CTLR_IDBITS_SHIFT) == 24 &&
		       icc_idbits(2u << ICC_CTLR_IDBITS_SHIFT) == 0,
	       "ICC_CTLR IDbits: 16, 24, reserved");
	for (unsigned i = 0; i < icc_nfields; i++) {
		const struct icc_fields *f = &icc_fields[i];
		EXPECT(!(f->writable & (f->res0 | f->ro)) && !(f->ro & f->res0) && f->spec,
		       "%s: writable, read-only and RES0 bits are apart, a citation", f->spec);
		EXPECT((f->kind != ICC_ACTIVE && f->kind != ICC_STATUS) || !(f->idle & f->res0),
		       "%s: the idle value within the register's bits", f->spec);
	}
}

/* The used ranges of a window_pick test, as runtime/window.c's held() reads the platform. */
struct used {
	const struct addr_range *r;
	int n;
};

static int used_held(const void *ctx, uint64_t s, uint64_t *end, uint64_t *next)
{
	const struct used *u = ctx;
	int in = 0;

	for (int i = 0; i < u->n; i++) {
		uint64_t b = u->r[i].base, e = b + u->r[i].size;
		if (b <= s && e > s) {
			in = 1;
			*end = e > *end ? e : *end;
		} else if (b > s && b < *next) {
			*next = b;
		}
	}
	return in;
}

static void test_window_pick(void)
{
	const uint64_t M2 = 2ull << 20, G = 1ull << 30, G4 = 4 * G;
	/* QEMU virt 32-bit, 512M: devices low, RAM at 1 GiB; the top GiB of the free span. */
	const struct addr_range qemu[] = {
		{ 0x0, 0x8000000 },	    { 0x8000000, 0x20000 },  { 0x9000000, 0x1000 },
		{ 0x10000000, 0x2eff0000 }, { 0x3eff0000, 0x10000 }, { 0x40000000, 0x20000000 },
	};
	struct used u = { qemu, 6 };
	struct addr_range a = window_pick(used_held, &u, G4, M2, G);
	EXPECT(a.base == 0xc0000000 && a.size == G, "qemu: 0x%llx+0x%llx",
	       (unsigned long long)a.base, (unsigned long long)a.size);
	/* Xen 32-bit domU with RAM0 full: the largest hole below 1 GiB, 2 MiB aligned inward. */
	const struct addr_range xen[] = {
		{ 0x3001000, 0x10000 },	   { 0x3020000, 0x1000000 },   { 0x22000000, 0x1000 },
		{ 0x38000000, 0x1000000 }, { 0x40000000, 0xc0000000 },
	};
	u = (struct used){ xen, 5 };
	a = window_pick(used_held, &u, G4, M2, G);
	EXPECT(a.base == 0x4200000 && a.size == 0x1de00000, "xen: 0x%llx+0x%llx",
	       (unsigned long long)a.base, (unsigned long long)a.size);
	/* A range starting inside a 2 MiB step takes the whole step; the first step is never
	 * given (VA 0). */
	const struct addr_range odd[] = { { 0x300000, 0x1000 }, { 0x800000, G4 - 0x800000 } };
	u = (struct used){ odd, 2 };
	a = window_pick(used_held, &u, G4, M2, G);
	EXPECT(a.base == 0x400000 && a.size == 0x400000, "odd: 0x%llx+0x%llx",
	       (unsigned long long)a.base, (unsigned long long)a.size);
	/* Nothing free: none. */
	const struct addr_range full[] = { { 0, G4 } };
	u = (struct used){ full, 1 };
	a = window_pick(used_held, &u, G4, M2, G);
	EXPECT(a.size == 0, "full: 0x%llx+0x%llx", (unsigned long long)a.base,
	       (unsigned long long)a.size);
}

int main(void)
{
	test_window_pick();
	test_fields();
	test_icc_fields();
	test_esr();
	test_wait();
	test_ktap();
	test_bootargs();
	test_model_iterators();
	test_model_children();
	test_options();
	test_selection();
	test_case_budget();
	printf("%d passed, %d failed, 0 skipped\n", expects_passed, expects_failed);
	return expects_failed != 0;
}
