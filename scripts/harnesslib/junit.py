"""JUnit XML from a parsed KTAP report."""
import xml.etree.ElementTree as ET

from .protocol import FINDING_PREFIX


def write(report, path, config):
    root = ET.Element("testsuites", name=config)
    for s in report.suites:
        cases = s.cases or []
        ts = ET.SubElement(root, "testsuite", name=f"{config}.{s.name}", tests=str(max(len(cases), 1)),
                           failures=str(sum(c.status == "fail" for c in cases) or int(not cases and s.status == "fail")),
                           skipped=str(sum(c.status == "skip" for c in cases) or int(not cases and s.status == "skip")))
        if not cases:
            tc = ET.SubElement(ts, "testcase", classname=s.name, name=s.name)
            if s.status == "skip":
                ET.SubElement(tc, "skipped", message=s.reason)
            elif s.status == "fail":
                ET.SubElement(tc, "failure", message=s.reason or "failed")
            continue
        for c in cases:
            tc = ET.SubElement(ts, "testcase", classname=f"{config}.{s.name}", name=c.name)
            text = "\n".join(c.diags)
            if c.status == "fail":
                fails = [d for d in c.diags if d.startswith(FINDING_PREFIX.rstrip())] or c.diags[-3:]
                ET.SubElement(tc, "failure", message=(c.reason or "; ".join(fails))[:500]).text = text
            elif c.status == "skip":
                ET.SubElement(tc, "skipped", message=c.reason)
            if text:
                ET.SubElement(tc, "system-out").text = text
    if not report.complete:
        ts = ET.SubElement(root, "testsuite", name=f"{config}.run", tests="1", failures="1")
        tc = ET.SubElement(ts, "testcase", classname=config, name="report_complete")
        ET.SubElement(tc, "failure", message="the report did not complete")
    ET.ElementTree(root).write(path, encoding="unicode", xml_declaration=True)
