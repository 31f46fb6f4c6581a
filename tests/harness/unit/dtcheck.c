// SPDX-License-Identifier: MIT
/*
 * dtcheck: the harness's platform model run on the host. Prints every
 * problem the model finds in a DTB, one line each in the form of a test
 * tree's `// expect:` line, its identity, then the message:
 *   dt/AREA CHECK node=PATH prop=NAME ...: MESSAGE
 * (the dt suite's case is the area; absent fields are left out; values
 * escaped as in a report's records, so no space is inside one), then a
 * summary. Used by the host tests, and handy to check a tree before booting.
 * `dtcheck --mutate N FILE.dtb` instead parses N seeded random corruptions
 * of the tree (ASan/UBSan catch what a hostile DT could do to the model).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt/platform.h"
#include "runtime/record.h"

static struct platform plat;

static char blob[4 << 20];

/* xorshift: the same corruptions on every run. */
static unsigned long long rng = 0x9e3779b97f4a7c15ull;
static unsigned long long next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int mutate(long count, const char *path, size_t n)
{
	static char work[sizeof(blob)];
	long problems = 0, valid = 0;

	for (long i = 0; i < count; i++) {
		memcpy(work, blob, sizeof(work));
		int flips = 1 + next_rand() % 8;
		for (int k = 0; k < flips; k++) {
			/* Mostly the header and structure block, where cells and lengths live. */
			size_t at = next_rand() % (k & 1 ? n : (n < 4096 ? n : 4096));
			work[at] = (char)next_rand();
		}
		platform_parse(&plat, work, sizeof(work));
		problems += plat.nproblems;
		valid += plat.fdt_valid;
	}
	printf("# %s: %ld corruptions parsed, %ld still valid, %ld problems reported\n", path,
	       count, valid, problems);
	return 0;
}

static void print_field(const char *key, const char *value)
{
	char escaped[4 * PLAT_PATH_LEN];

	record_escape_value(value, escaped, sizeof(escaped));
	printf(" %s=%s", key, escaped[0] ? escaped : "-");
}

static void print_problem(const struct dt_problem *pr)
{
	printf("dt/%s %s", dt_area_name(pr->area), pr->check);
	if (pr->node[0])
		print_field("node", pr->node);
	for (int f = 0; f < pr->nfields; f++)
		print_field(pr->field[f].key, pr->field[f].value);
	printf(": %s\n", pr->msg);
}

int main(int argc, char **argv)
{
	long fuzz = 0;

	if (argc == 4 && !strcmp(argv[1], "--mutate")) {
		fuzz = strtol(argv[2], NULL, 0);
		argv += 2;
		argc -= 2;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: dtcheck [--mutate N] FILE.dtb\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	size_t n = fread(blob, 1, sizeof(blob), f);
	fclose(f);
	if (fuzz)
		return mutate(fuzz, argv[1], n);
	/* What the harness sees: the blob, then whatever memory follows (zeros). */
	platform_parse(&plat, blob, sizeof(blob));
	for (int i = 0; i < plat.nproblems; i++)
		print_problem(&plat.problems[i]);
	printf("# %zu bytes, valid %d, banks %d, devices %d, cpus %d, gic v%d, uart %s, %d "
	       "problems\n",
	       n, plat.fdt_valid, plat.nbanks, plat.ndevices, plat.ncpus, plat.gic_version,
	       plat.uart ? plat.uart->path : "none", plat.nproblems);
	return plat.nproblems != 0;
}
