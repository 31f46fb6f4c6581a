# SPDX-License-Identifier: MIT
"""matrix-junit.xml: one testsuite per config, valid against the same JUnit
schema as a run's junit.xml (tests/harness/schema/junit-10.xsd).

A config's testsuite holds every testcase of its own junit.xml (junit.py
wrote it; classname CONFIG.SUITE), its properties plus the matrix line,
and one testcase CONFIG.run/verdict: a <failure> when the config failed
its baseline (a new finding, a known deviation vanished), an <error> when
the run did not end with a trusted report (a crash, a hang, a truncation).
A case whose every failure is a known deviation of the config's baseline
is <skipped> "known deviation (BASELINE): ...", its failure's text kept:
the matrix passes it, as scripts/run does, and the file's failures and
errors are what fail the matrix.
"""
import os
import xml.etree.ElementTree as ET

from .. import status
from ..baseline import entries as baseline
from ..clip import clip
from ..junit import MESSAGE_MAX, xml_text


def _cases(o):
    """The testcases of the config's junit.xml, renamed CONFIG.SUITE, and its properties."""
    path = os.path.join(o.folder, "junit.xml")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return [], []
    prefix = f"{o.record.get('config', '')}."
    props: list[tuple[str | None, str | None]] = []
    cases = []
    for ts in root.iter("testsuite"):
        if not props:
            props = [(p.get("name"), p.get("value")) for p in ts.iter("property")]
        suite = (
            ts.get("name", "")[len(prefix) :]
            if ts.get("name", "").startswith(prefix)
            else ts.get("name", "")
        )
        if suite == "run":
            continue  # the verdict: the matrix writes its own
        for tc in ts.findall("testcase"):
            tc.set("classname", f"{o.name}.{suite}")
            cases.append((suite, tc))
    return cases, props


def _mark_known(o, suite, tc, known):
    name = tc.get("name")
    if (suite, name) not in known and not (name == suite and (suite, None) in known):
        return
    for kind in ("failure", "error"):
        for e in tc.findall(kind):
            tc.remove(e)
            skipped = ET.SubElement(
                tc,
                "skipped",
                type="known-deviation",
                message=clip(
                    f"known deviation ({baseline.shown(o.baseline)}): " + (e.get("message") or ""),
                    MESSAGE_MAX,
                ),
            )
            skipped.text = e.text


def _verdict(o):
    tc = ET.Element("testcase", classname=f"{o.name}.run", name="verdict")
    line = xml_text(f"{o.verdict} (status {o.status}): {o.why}")
    if o.status == status.TEST_FAILED:
        ET.SubElement(tc, "failure", type="verdict", message=clip(line, MESSAGE_MAX)).text = line
    elif o.status != status.PASS:
        ET.SubElement(tc, "error", type="verdict", message=clip(line, MESSAGE_MAX)).text = line
    ET.SubElement(tc, "system-out").text = line
    return tc


def suite_of(o):
    cases, props = _cases(o)
    known = o.known_results()
    ts = ET.Element("testsuite", name=o.name, tests="0", failures="0", errors="0", skipped="0")
    if o.record.get("date"):
        ts.set("timestamp", o.record["date"].rstrip("Z"))
    if o.elapsed is not None:
        ts.set("time", f"{o.elapsed:.3f}")
    pe = ET.SubElement(ts, "properties")
    for k, v in props + [
        ("matrix-config", o.name),
        ("matrix-line", o.where),
        ("matrix-options", " ".join(o.argv)),
    ]:
        ET.SubElement(pe, "property", name=xml_text(str(k)), value=xml_text(str(v)))
    for suite, tc in cases:
        _mark_known(o, suite, tc, known)
        ts.append(tc)
    ts.append(_verdict(o))
    for attr, tag in (
        ("tests", "testcase"),
        ("failures", "testcase/failure"),
        ("errors", "testcase/error"),
        ("skipped", "testcase/skipped"),
    ):
        ts.set(attr, str(len(ts.findall(tag))))
    return ts


def build(outcomes, name):
    root = ET.Element("testsuites", name=xml_text(name))
    for o in outcomes:
        root.append(suite_of(o))
    for k in ("tests", "failures", "errors"):
        root.set(k, str(sum(int(ts.attrib[k]) for ts in root)))
    return root


def write(outcomes, path, name):
    ET.ElementTree(build(outcomes, name)).write(path, encoding="unicode", xml_declaration=True)
