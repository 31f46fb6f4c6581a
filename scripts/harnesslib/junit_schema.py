# SPDX-License-Identifier: MIT
"""Hold a junit.xml to the Jenkins xunit plugin's JUnit schema
(tests/harness/schema/junit-10.xsd) with xmllint (Debian's libxml2-utils,
which scripts/setup installs)."""
import shutil
import subprocess

from . import paths

XMLLINT = "xmllint"


def problems(path, schema=paths.JUNIT_SCHEMA):
    """[] when path validates; else what xmllint said, a line a problem."""
    if not shutil.which(XMLLINT):
        return [f"{XMLLINT} is missing (Debian package libxml2-utils: scripts/setup installs it)"]
    r = subprocess.run(
        [XMLLINT, "--noout", "--schema", schema, path], capture_output=True, text=True
    )
    if r.returncode == 0:
        return []
    return [line for line in r.stderr.splitlines() if line.strip()] or [
        f"{XMLLINT} exited {r.returncode}"
    ]
