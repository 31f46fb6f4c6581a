// SPDX-License-Identifier: MIT
#include "runtime/suite.h"

#include <setjmp.h>

#include "boot/cpu.h"
#include "boot/exception.h"
#include "boot/wait.h"
#include "runtime/check.h"
#include "runtime/coverage.h"
#include "runtime/irq.h"
#include "runtime/ktap.h"
#include "runtime/listing.h"
#include "runtime/protocol.h"
#include "runtime/record.h"
#include "runtime/recovery.h"
#include "runtime/selection.h"
#include "runtime/smp.h"
#include "runtime/watchdog.h"
#include "runtime/window.h"

extern const struct suite *const __suites_start[], *const __suites_end[];
static const struct registry registry = { __suites_start, __suites_end };

/* Runs fn(t) under a recovery point and the watchdog; returns how it ended. */
static int guarded(void (*fn)(struct test_ctx *t), struct test_ctx *t)
{
	static jmp_buf jb;
	int cause;

	recovery_arm(&jb);
	t->end = &jb;
	cause = setjmp(jb);
	if (cause == 0) {
		if (watchdog_usable())
			watchdog_arm(t->opt->watchdog_seconds);
		fn(t);
	}
	if (watchdog_usable()) {
		watchdog_disarm();
		cpu_irq_unmask(); /* an exception left IRQs masked */
	}
	recovery_disarm();
	t->end = NULL;
	return cause == CASE_ENDED_BY_REQUIRE ? 0 : cause;
}

/*
 * Interrupts the dispatcher took with no handler while the case ran: each was
 * disabled, so a case that polls for it later will not see it. Said, so that
 * a case that forgot to mask before its stimulus shows why it missed one.
 */
static void unclaimed_note(void)
{
	uint32_t ids[4];
	unsigned n = irq_unclaimed(ids, 4);

	if (n)
		ktap_diag(2,
			  "the boot CPU took %u interrupt(s) no handler claimed (INTID %u%s), and "
			  "disabled them",
			  n, ids[0], n > 1 ? " and others" : "");
}

/*
 * Waits of the case that the counter did not end (boot/wait.h): it stood
 * still, or ran so slow that the looks ran out first. Each such wait timed
 * out by its bound on looks, not by time, so the case's timeouts are the
 * counter's doing: said once, as its own finding, apart from what timed out.
 */
static void counter_waits_finding(struct test_ctx *t)
{
	unsigned still = wait_ended(WAIT_COUNTER_STILL), slow = wait_ended(WAIT_LOOKS_RAN_OUT);

	if (!still && !slow)
		return;
	t->failures++;
	finding_line(
		2, "waits_end_by_time", NULL, NULL,
		"%u wait(s) of this case ended because the counter stood still, %u because "
		"it ran slow (more looks than the timeout holds): their timeouts are not in time",
		still, slow);
}

/*
 * Aborts of the case's listed instructions that the platform returned
 * otherwise than the architecture says (boot/exception.h): said once each, as
 * the case's own findings; each access's outcome is still its check's.
 */
static void abort_return_findings(struct test_ctx *t)
{
	struct exception_return_seen s;

	if (!exception_return_deviations(&s))
		return;
	if (s.lr_short) {
		t->failures++;
		finding_line(
			2, "abort_return_address", NULL, NULL,
			"%u abort(s) of this case came with LR = the faulting instruction + %u; "
			"the Arm ARM has LR_abt = + 8 for a data abort, + 4 for a prefetch "
			"abort (DDI 0406C B1.8.3)",
			s.lr_short, s.lr_offset);
	}
	if (s.state_lost) {
		t->failures++;
		finding_line(
			2, "abort_return_state", NULL, NULL,
			"%u abort(s) or undefined-instruction exception(s) came with an SPSR that "
			"is not the state the instruction ran in (mode, T32/A32 or IL): returning "
			"by it would not resume that code; "
			"the SPSR of the mode taking an exception is the CPSR before it "
			"(DDI 0406C B1.8.3)",
			s.state_lost);
	}
}

/*
 * A time record (RECORD_TIME): where the guest's time went, for people and
 * scripts/bench; the host never judges it. depth 2 a case's, 1 a suite's.
 */
static void time_record(unsigned depth, const char *suite, const char *c, uint64_t ticks,
			int64_t init_ticks)
{
	struct record r;

	record_start(&r, depth, RECORD_TIME);
	record_field(&r, "suite", "%s", suite);
	if (c)
		record_field(&r, "case", "%s", c);
	record_field(&r, "us", "%llu", (unsigned long long)smp_ticks_to_us(ticks));
	if (init_ticks >= 0)
		record_field(&r, "init_us", "%llu",
			     (unsigned long long)smp_ticks_to_us((uint64_t)init_ticks));
	record_emit(&r);
}

/* Runs one case; returns its result. */
static enum ktap_result run_case(const struct test_ctx *env, const char *suite,
				 const struct test_case *c, const char **reason)
{
	static struct test_ctx t;
	uint64_t t0 = cpu_counter();

	t = *env;
	irq_unclaimed_clear();
	irq_grace_reset();
	wait_count_clear();
	struct exception_return_seen ignored;
	(void)exception_return_deviations(&ignored); /* the case's own, not an init's */
	int cause = guarded(c->run, &t);
	time_record(2, suite, c->name, cpu_counter() - t0, -1);
	*reason = NULL;
	unclaimed_note();
	counter_waits_finding(&t);
	abort_return_findings(&t);
	if (t.lines_left_out)
		ktap_diag(2, "%u further lines of this case left out (a case says at most %u)",
			  t.lines_left_out, CASE_LINES_MAX);
	if (t.findings_left_out) /* never known: a known finding must not hide them */
		finding_line(2, "findings_kept", NULL, NULL,
			     "%u findings past the case's first %u lines were left out",
			     t.findings_left_out, CASE_LINES_MAX);
	if (cause == RECOVERED_WATCHDOG) {
		*reason = "watchdog expired";
		return KTAP_TIMEOUT;
	}
	if (cause == RECOVERED_EXCEPTION)
		return KTAP_FAIL;
	if (t.failures)
		return KTAP_FAIL;
	if (t.skip_reason) {
		*reason = t.skip_reason;
		return KTAP_SKIP;
	}
	if (t.checks == 0) {
		finding_line(2, "case_made_no_checks", NULL, NULL, "the case made no checks");
		return KTAP_FAIL;
	}
	return KTAP_PASS;
}

static const struct suite *initialising;
static const char *init_why;

static void call_init(struct test_ctx *t)
{
	init_why = initialising->init(t);
}

/*
 * Why the suite does not run here, or NULL; on NULL env->state is its state.
 * Its init runs guarded like a case: if it ends by an exception or the
 * watchdog, *broken says so and the suite fails without running a case.
 */
static const char *prepare(const struct suite *s, struct test_ctx *env, const char **broken)
{
	const char *why = s->skip_if ? s->skip_if(env) : NULL;

	env->state = NULL;
	*broken = NULL;
	if (why || !s->init)
		return why;
	initialising = s;
	init_why = NULL;
	int cause = guarded(call_init, env);
	if (cause == RECOVERED_EXCEPTION)
		*broken = "its init took an unexpected exception";
	else if (cause == RECOVERED_WATCHDOG)
		*broken = "its init did not end before the watchdog";
	return cause ? NULL : init_why;
}

/*
 * The cases of s that selection selects (nrun of them); returns 1 if one
 * failed. A suite that runs only some says which it leaves out, so that
 * their absence reads as chosen, not vanished.
 */
static int run_suite(const struct suite *s, unsigned index, unsigned nrun, const char *selection,
		     const struct test_ctx *env, struct ktap_totals *totals, uint64_t t0,
		     uint64_t init_ticks)
{
	int failed = 0, npassed = 0;
	unsigned n = 0;

	ktap_suite_begin(s->name, nrun);
	for (unsigned i = 0; i < s->ncases; i++)
		if (!selection_has_case(selection, s, i)) {
			struct record r;
			record_start(&r, 1, RECORD_NOT_SELECTED);
			record_field(&r, "case", "%s", s->cases[i].name);
			record_emit(&r);
		}
	for (unsigned i = 0; i < s->ncases; i++) {
		const char *reason;
		if (!selection_has_case(selection, s, i))
			continue;
		enum ktap_result r = run_case(env, s->name, &s->cases[i], &reason);
		ktap_result(1, ++n, s->cases[i].name, r, reason);
		if (r == KTAP_PASS)
			totals->passed++, npassed++;
		else if (r == KTAP_SKIP)
			totals->skipped++;
		else
			totals->failed++, failed++;
	}
	time_record(1, s->name, NULL, cpu_counter() - t0, (int64_t)init_ticks);
	ktap_result(0, index, s->name,
		    failed    ? KTAP_FAIL
		    : npassed ? KTAP_PASS
			      : KTAP_SKIP,
		    failed || npassed ? NULL : "every case skipped");
	return failed;
}

/* The run's bootargs check: a top-level result, only when something is wrong. */
static void report_bootargs(const struct options *opt, unsigned index)
{
	for (int i = 0; i < opt->nproblems; i++)
		finding_line(0, "bootargs_valid", "key", opt->problem_keys[i], "bootargs: %s",
			     opt->problems[i]);
	if (opt->problems_dropped)
		finding_line(0, "bootargs_problems_kept", NULL, NULL,
			     "bootargs: %d further problems not recorded", opt->problems_dropped);
	ktap_result(0, index, "bootargs", KTAP_FAIL, NULL);
}

/* The bootarg list: the suites and cases, and no case run (but the bootargs check). */
static int list_only(const struct options *opt)
{
	struct ktap_totals totals = { 0 };

	ktap_header(opt->nproblems != 0);
	listing_say(registry);
	if (opt->nproblems) {
		report_bootargs(opt, 1);
		totals.failed++;
	}
	ktap_finish(&totals);
	return totals.failed != 0;
}

int suites_run(const struct platform *plat, const struct startup *boot, const struct options *opt)
{
	struct ktap_totals totals = { 0 };
	struct test_ctx env = { .plat = plat, .boot = boot, .opt = opt };
	const char *selection = opt->suites;
	unsigned nsel = 0, index = 0;
	uint64_t start = cpu_counter();

	if (opt->list)
		return list_only(opt);
	unsigned unknown = selection_unknown(selection, registry, 0);
	for (const struct suite *const *s = registry.begin; s < registry.end; s++)
		nsel += selection_count(selection, *s) != 0;
	ktap_header(nsel + (unknown != 0) + (opt->nproblems != 0));
	if (opt->nproblems) {
		report_bootargs(opt, ++index);
		totals.failed++;
	}
	if (unknown) {
		selection_unknown(selection, registry, 1);
		ktap_result(0, ++index, "suite_selection", KTAP_FAIL, NULL);
		totals.failed++;
	}
	for (const struct suite *const *sp = registry.begin; sp < registry.end; sp++) {
		const struct suite *s = *sp;
		unsigned nrun = selection_count(selection, s);
		if (!nrun)
			continue;
		index++;
		uint64_t t0 = cpu_counter();
		const char *broken, *why = prepare(s, &env, &broken);
		uint64_t init_ticks = cpu_counter() - t0;
		if (broken ||
		    why) { /* no cases: the suite's time is its init's, said at top level */
			time_record(0, s->name, NULL, init_ticks, (int64_t)init_ticks);
			/* A suite's windows (runtime/window.h) are its own: none outlives it. */
			window_close_all();
		}
		if (broken) {
			finding_line(0, "suite_init_ended", NULL, NULL, "%s: %s", s->name, broken);
			ktap_result(0, index, s->name, KTAP_FAIL, NULL);
			totals.failed++;
			continue;
		}
		if (why) {
			ktap_result(0, index, s->name, KTAP_SKIP, why);
			totals.skipped++;
			continue;
		}
		run_suite(s, index, nrun, selection, &env, &totals, t0, init_ticks);
		window_close_all();
	}
	struct record r;
	record_start(&r, 0, RECORD_TIME);
	record_field(&r, "us", "%llu", (unsigned long long)smp_ticks_to_us(cpu_counter() - start));
	record_field(&r, "start_us", "%llu", (unsigned long long)smp_ticks_to_us(start));
	record_emit(&r);
	coverage_report(plat, !selection || !*selection);
	ktap_finish(&totals);
	return totals.failed != 0;
}
