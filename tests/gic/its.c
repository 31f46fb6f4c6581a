// SPDX-License-Identifier: MIT
/*
 * The ITS the DT describes (arm,gic-v3-its under the GICv3 node), Arm IHI
 * 0069 chapters 5 and 6: GICD_TYPER says LPIs exist; the boot CPU's
 * redistributor takes its LPI tables; the ITS takes its device and
 * collection tables and processes commands (CREADR reaches CWRITER); an LPI
 * that MAPTI gave an event arrives on that INTID when INT raises the event;
 * an LPI disabled in its configuration byte is not signalled but stays
 * pending, and arrives once enabled and invalidated (INV).
 */
#include <stddef.h>

#include "boot/cpu.h"
#include "drivers/gic.h"
#include "drivers/gic_its.h"
#include "dt/claims.h"
#include "runtime/check.h"
#include "runtime/irq.h"
#include "runtime/smp.h"
#include "runtime/window.h"
#include "tests/gic/gic.h"

#define DEVICE	   0
#define EVENT_BITS 2
#define LPI_ON	   GIC_FIRST_LPI       /* event 0: enabled from the start */
#define LPI_LATER  (GIC_FIRST_LPI + 1) /* event 1: raised while disabled */
#define LPI_PRIO   0xa0
#define SYNC_US	   100000
#define QUIET_US   5000

static const struct dt_device *its_node(const struct platform *p, int *count)
{
	const struct dt_device *first = NULL;

	*count = 0;
	for (int i = 0; i < p->ndevices; i++)
		if (p->devices[i].enabled && dt_compat_has(&p->devices[i], "arm,gic-v3-its")) {
			first = first ? first : &p->devices[i];
			++*count;
		}
	return first;
}

/* SYNC and wait; a finding names the commands that did not complete. */
static int synced(struct test_ctx *t, const char *what)
{
	int rc = its_sync(SYNC_US);
	uint32_t creadr, cwriter;
	int stalled;

	if (rc == 0)
		return 1;
	its_queue_state(&creadr, &cwriter, &stalled);
	/* A command the ITS refused is a wrong answer; one it never reached, a timeout. */
	if (rc == -2)
		finding(t, "commands_accepted",
			"the ITS stalled on %s or SYNC: CREADR.Stalled, a command error (CREADR "
			"0x%x, CWRITER 0x%x)",
			what, creadr, cwriter);
	else
		finding(t, "commands_complete",
			"the ITS did not complete %s and SYNC within %u ms (CREADR 0x%x, CWRITER "
			"0x%x%s)",
			what, SYNC_US / 1000, creadr, cwriter, stalled ? ", CREADR.Stalled" : "");
	return 0;
}

/*
 * The next interrupt within the wait (with a grace when one is expected),
 * EOIed; others that come first are noted.
 */
static uint32_t take(struct test_ctx *t, uint32_t want, uint64_t wait_us, int expected)
{
	for (int strays = 0; strays < 4; strays++) {
		uint32_t iar, got = expected ? gic_test_expect(wait_us, &iar)
					     : gic_test_take(wait_us, &iar);
		if (got == GIC_SPURIOUS)
			return got;
		gic_eoi(iar);
		if (got == want)
			return got;
		note(t, "INTID %u arrived while waiting for LPI %u", got, want);
	}
	return GIC_SPURIOUS;
}

/* Raise both events and judge what arrives; the CPU takes nothing meanwhile. */
static void raise_lpis(struct test_ctx *t)
{
	its_int(DEVICE, 0);
	if (!synced(t, "INT (event 0)"))
		return;
	uint32_t got = take(t, LPI_ON, GIC_TEST_WAIT_US, 1);
	subject_push(t, "intid", "%u", LPI_ON);
	int arrived = check(t, got == LPI_ON, "lpi_arrives",
			    "INT (device %d, event 0): LPI %u, which MAPTI gave the event, did not "
			    "arrive within %u ms",
			    DEVICE, LPI_ON, GIC_TEST_WAIT_US / 1000);
	if (arrived)
		evidence(t, "lpi_arrives", "INT (device %d, event 0) arrived as LPI %u", DEVICE,
			 LPI_ON);
	subject_pop(t);
	if (!arrived)
		return;

	its_int(DEVICE, 1);
	if (!synced(t, "INT (event 1)"))
		return;
	got = take(t, LPI_LATER, QUIET_US, 0);
	subject_push(t, "intid", "%u", LPI_LATER);
	check(t, got == GIC_SPURIOUS, "disabled_lpi_held",
	      "INT (device %d, event 1): LPI %u arrived though its configuration byte disables it",
	      DEVICE, LPI_LATER);
	subject_pop(t);
	gic_lpi_configure(LPI_LATER, LPI_PRIO, 1);
	its_inv(DEVICE, 1);
	if (!synced(t, "INV (event 1)"))
		return;
	got = take(t, LPI_LATER, GIC_TEST_WAIT_US, 1);
	subject_push(t, "intid", "%u", LPI_LATER);
	if (check(t, got == LPI_LATER, "enabled_lpi_arrives",
		  "LPI %u, raised while disabled, did not arrive within %u ms of being enabled "
		  "and invalidated (a disabled LPI stays pending)",
		  LPI_LATER, GIC_TEST_WAIT_US / 1000))
		evidence(t, "enabled_lpi_arrives",
			 "LPI %u, raised while disabled, arrived once enabled (INV)", LPI_LATER);
	subject_pop(t);
}

/*
 * The subject is the ITS node throughout, except for what the GIC's own
 * registers say (GICD_TYPER, the boot CPU's redistributor): the GIC node.
 * Texts keep the path where they named it.
 */
void case_its(struct test_ctx *t)
{
	const struct platform *p = t->plat;
	const char *gic = p->gic ? p->gic->path : "";
	int count;
	const struct dt_device *d = its_node(p, &count);

	if (!d) {
		skip(t, "no ITS in the device tree");
		return;
	}
	if (count > 1)
		note(t, "the DT has %d ITS nodes; the first, %s, is exercised", count, d->path);
	node_push(t, d->path);
	require(t, p->gic_version == 3, "gic_is_v3",
		"an ITS, but the GIC is v%d (an ITS needs GICv3)", p->gic_version);
	subject_push(t, "prop", "reg");
	require(t, d->nreg >= 1 && d->reg[0].size >= GITS_FRAMES_SIZE, "reg_covers_frames",
		"reg must cover the control and translation frames (0x%x bytes)", GITS_FRAMES_SIZE);
	subject_pop(t);
	subject_pop(t);

	uint32_t dtyper = gic_dist_typer();
	subject_push(t, "node", "%s", gic);
	subject_push(t, "reg", "GICD_TYPER");
	require(t, dtyper & GICD_TYPER_LPIS, "typer_has_lpis",
		"GICD_TYPER.LPIS is clear, yet the DT has an ITS");
	require(t, GICD_TYPER_ID_BITS(dtyper) >= GIC_LPI_ID_BITS, "typer_idbits_for_lpis",
		"GICD_TYPER.IDbits gives %u INTID bits; LPIs need at least 14",
		GICD_TYPER_ID_BITS(dtyper));
	subject_pop(t);
	subject_pop(t);

	if (!window_identity(d->reg[0].base, d->reg[0].size)) {
		skip(t, "the ITS's reg lies above what the identity map reaches (AArch32: 4 GiB)");
		return;
	}
	uintptr_t base = (uintptr_t)d->reg[0].base;
	struct its_info info;
	const char *why = its_probe(base, &info);
	/*
	 * Asked here: is an ITS, an MSI controller, at reg? What answers there must
	 * identify as one (lies its-phantom, its-wrong-frame), then take commands and
	 * deliver the LPI below.
	 */
	claim_hold(d->node, "reg", CLAIM_PROBE);
	claim_hold(d->node, "msi-controller", CLAIM_PROBE);
	subject_push(t, "node", "%s", d->path);
	require(t, !(why && info.pidr2_esr), "answers_read", "%s at 0x%llx: %s (ESR 0x%llx)",
		d->path, (unsigned long long)base, why ? why : "",
		(unsigned long long)info.pidr2_esr);
	require(t, !why, "its_identity", "%s at 0x%llx: %s (ArchRev %u)", d->path,
		(unsigned long long)base, why ? why : "", info.pidr2_arch);
	subject_pop(t);
	note(t,
	     "its at 0x%llx: GITS_IIDR 0x%08x, GITS_TYPER 0x%llx: %u device ID bits, %u event ID "
	     "bits, ITT entries of %u bytes, collections named by %s",
	     (unsigned long long)base, info.iidr, (unsigned long long)info.typer,
	     GITS_TYPER_DEV_BITS(info.typer), GITS_TYPER_ID_BITS(info.typer),
	     GITS_TYPER_ITT_SIZE(info.typer),
	     info.typer & GITS_TYPER_PTA ? "redistributor address" : "processor number");
	why = irq_its_memory();
	if (why) {
		skip(t, why);
		return;
	}
	why = gic_lpi_enable();
	subject_push(t, "node", "%s", gic);
	subject_push(t, "cpu", "%d", dt_cpu_index(p, cpu_mpidr()));
	require(t, !why, "lpis_enable", "LPIs on the boot CPU: %s", why ? why : "");
	subject_pop(t);
	subject_pop(t);
	why = its_init(&info);
	node_push(t, d->path);
	require(t, !why, "its_enables", "%s", why ? why : "");
	subject_pop(t);

	gic_lpi_configure(LPI_ON, LPI_PRIO, 1);
	gic_lpi_configure(LPI_LATER, LPI_PRIO, 0);
	its_mapd(DEVICE, EVENT_BITS);
	its_mapc_here(0);
	its_mapti(DEVICE, 0, LPI_ON, 0);
	its_mapti(DEVICE, 1, LPI_LATER, 0);
	its_inv(DEVICE, 0);
	its_inv(DEVICE, 1);
	/* What the commands and the LPIs show is the ITS's: its node, the texts unprefixed. */
	subject_push(t, "node", "%s", d->path);
	if (synced(t, "MAPD, MAPC, MAPTI and INV")) {
		cpu_irq_mask();
		raise_lpis(t);
		cpu_irq_unmask();
	}
	subject_pop(t);
}
