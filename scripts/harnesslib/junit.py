# SPDX-License-Identifier: MIT
"""JUnit XML from a parsed KTAP report, valid against the Jenkins xunit
plugin's schema (tests/harness/schema/junit-10.xsd; junit_schema.py checks).

One testsuite per harness suite, one testcase per case; a suite without
cases is one testcase of its own name. A failed case is a <failure> (the
platform disagreed: a finding, an unexpected exception); a case the watchdog
ended (# TIMEOUT) or that says # ERROR is an <error> (it did not finish).
A failure's message is its findings (FAIL records, records.py), each as
CHECK key=value ...: TEXT; the element's text every diagnostic as reported.
A failed case the baseline knows (every finding of it a known deviation:
baseline/check.py) is <skipped type="known-deviation"> with the entries'
reasons and file:line, as pytest writes an expected failure (xfail), so a
run that passes with known deviations shows none as failing; a new finding
stays a <failure>.
Then the testsuite "run" with the testcase "verdict": an <error> when the
run did not end with a trusted report (a crash, hang, truncation, a domain
crash after the report), so that a CI reading only junit.xml sees it too;
and, when a baseline was held, the testcase "baseline": a <failure> when
known deviations vanished (unless --accept-vanished), its text the tally;
and, when the claims were judged (baseline/run.py judge_claims), the
testcase "claims": its text the claim coverage, a <failure> when
--strict-claims fails it. The claims' counts are properties too
(claims_probe, claims_doc, ..., claims_unlisted: baseline/run.py).
Times are the console's (ktap.py says how): seconds with three decimals,
the most the schema's testsuite time allows."""
import re
import xml.etree.ElementTree as ET

from . import status
from .baseline.check import claims_failure, claims_lines_of, lines_of, tally
from .clip import clip
from .findings import is_finding, shown

MESSAGE_MAX = 500  # a message attribute is a summary: the element's text has every line
ERROR_DIRECTIVES = ("TIMEOUT", "ERROR")
# What XML 1.0 cannot carry (C0 controls but TAB, LF, CR; surrogates; U+FFFE/F).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text):
    """text with each character XML cannot hold written as \\xNN / \\uNNNN."""
    return NOT_XML.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def seconds(t):
    return None if t is None else f"{t:.3f}"


def _element(parent, tag, text=None, **attrs):
    e = ET.SubElement(parent, tag, {k: xml_text(str(v)) for k, v in attrs.items() if v is not None})
    if text:
        e.text = xml_text(text)
    return e


def _outcome(tc, kind, reason, diags):
    """A failed or ended case's element: its message is the reason, or its
    findings, or its last diagnostics; its text is every diagnostic."""
    fails = [shown(d) for d in diags if is_finding(d)]
    message = reason or "; ".join(fails or diags[-3:]) or "failed"
    _element(
        tc,
        kind,
        "\n".join(diags),
        message=clip(message, MESSAGE_MAX),
        type="finding" if fails and kind == "failure" else kind,
    )


def known_message(held, where):
    """ "known deviation: REASON (FILE:LINE)" for each baseline entry that
    knows a finding of where (SUITE or SUITE/CASE), or None when the
    baseline does not know the whole of where's failure."""
    j = held.judgement if held else None
    if j is None or where not in j.known_wheres:
        return None
    prefix = where + "/"
    # each entry once, with the finding lines that matched, in the report's order
    ats: dict[int, tuple] = {}
    for k in j.known:
        if k.where == where or k.where.startswith(prefix):
            at = ats.setdefault(id(k.entry), (k.entry, []))[1]
            at += [k.at] if k.at not in at else []
    return (
        "; ".join(f"known deviation: {e.reason} ({', '.join(at)})" for e, at in ats.values())
        or "known deviation"
    )


def _case(ts, classname, name, st, directive, reason, diags, time, known=None):
    tc = _element(ts, "testcase", classname=classname, name=name, time=seconds(time))
    if st == "skip":
        _element(tc, "skipped", message=reason)
    elif st == "fail" and known and directive not in ERROR_DIRECTIVES:
        _element(
            tc,
            "skipped",
            "\n".join(diags),
            message=clip(known, MESSAGE_MAX),
            type="known-deviation",
        )
    elif st == "fail":
        _outcome(tc, "error" if directive in ERROR_DIRECTIVES else "failure", reason, diags)
    if diags:
        _element(tc, "system-out", "\n".join(diags))
    return tc


def _suite(root, name, cases, time, timestamp, properties):
    ts = _element(
        root,
        "testsuite",
        name=name,
        tests=0,
        failures=0,
        errors=0,
        skipped=0,
        time=seconds(time),
        timestamp=timestamp,
    )
    if properties:
        props = _element(ts, "properties")
        for k, v in properties:
            _element(props, "property", name=k, value=v)
    for args in cases:
        _case(ts, *args)
    counts = {k: len(ts.findall(f"testcase/{k}")) for k in ("failure", "error", "skipped")}
    ts.set("tests", str(len(ts.findall("testcase"))))
    ts.set("failures", str(counts["failure"]))
    ts.set("errors", str(counts["error"]))
    ts.set("skipped", str(counts["skipped"]))
    return ts


def _baseline_case(cls, held):
    """The run's testcase "baseline": failed by vanished known deviations
    that were not accepted; its text says what was known, new, vanished."""
    j = held.judgement
    text = [f"baseline {held.path}: {tally(j)}"] + lines_of(j)
    failed = bool(j.vanished) and not held.accept_vanished
    reason = (
        (
            f"{len(j.vanished)} known deviation(s) of {held.path} vanished: "
            + "; ".join(
                f"{v.name}" + (f": {v.text}" if v.text else "") + f" ({v.at})" for v in j.vanished
            )
        )
        if failed
        else ""
    )
    return (cls, "baseline", "fail" if failed else "pass", None, reason, text, None)


def _claims_case(cls, cj, strict):
    """The run's testcase "claims": failed when --strict-claims fails them."""
    failure = claims_failure(cj) if strict else None
    return (cls, "claims", "fail" if failure else "pass", None, failure, claims_lines_of(cj), None)


def build(report, config, verdict, timestamp=None, properties=(), held=None, claims=None):
    """The <testsuites> element. verdict: (status, its name, why) of the run;
    properties: (name, value) pairs that each testsuite carries (the run's
    configuration, bootargs, image hash, date: run_record.py); held: the
    baseline the run was held against (baseline_run.Held) or None; claims:
    (baseline_check.ClaimsJudgement, whether --strict-claims) or None."""
    root = ET.Element("testsuites", name=xml_text(config))
    for s in report.suites:
        cls = f"{config}.{s.name}"
        cases = [
            (
                cls,
                c.name,
                c.status,
                c.directive,
                c.reason,
                c.diags,
                c.time,
                known_message(held, f"{s.name}/{c.name}"),
            )
            for c in s.cases
        ]
        if not cases or (s.status == "fail" and all(c.status != "fail" for c in s.cases)):
            # No cases, or a suite that failed though none of its cases did (its init, say).
            cases.append(
                (
                    cls,
                    s.name,
                    s.status,
                    s.directive,
                    s.reason,
                    s.diags,
                    s.time if not s.cases else None,
                    known_message(held, s.name),
                )
            )
        _suite(root, cls, cases, s.time, timestamp, properties)
    code, label, why = verdict
    line = f"{label} (status {code}): {why}"
    trusted = code in (status.PASS, status.TEST_FAILED)
    run = [(f"{config}.run", "verdict", "pass" if trusted else "fail", "ERROR", line, [line], None)]
    if held:
        run.append(_baseline_case(f"{config}.run", held))
    if claims and claims[0] is not None:
        run.append(_claims_case(f"{config}.run", *claims))
    _suite(root, f"{config}.run", run, None, timestamp, properties)
    total = {k: sum(int(ts.attrib[k]) for ts in root) for k in ("tests", "failures", "errors")}
    for k, v in total.items():
        root.set(k, str(v))
    times = [s.time for s in report.suites if s.time is not None]
    if times:
        root.set("time", seconds(sum(times)))
    return root


def write(report, path, config, verdict, timestamp=None, properties=(), held=None, claims=None):
    ET.ElementTree(build(report, config, verdict, timestamp, properties, held, claims)).write(
        path, encoding="unicode", xml_declaration=True
    )
